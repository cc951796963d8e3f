"""The parse-read news features of the learned claims stage (sentences written for these tests)."""

from __future__ import annotations

from presslens.claims.news import (
    NEWS_WEIGHTS,
    is_biography,
    is_framing,
    is_loaded,
    news_features,
)
from presslens.nlp import load_nlp


def _span(text: str):  # type: ignore[no-untyped-def]
    return load_nlp()(text)[:]


def test_a_speech_verb_announcing_an_indirect_question_is_framing() -> None:
    assert is_framing(_span(
        "Talking to Harbour Review, the Slovak economist Juraj Kovac described how he thinks "
        "Bratislava lost its gas contracts."
    ))
    assert is_framing(_span("The minister explained why she believes the pipeline is doomed."))


def test_a_speech_verb_with_a_stated_complement_is_no_framing() -> None:
    assert not is_framing(_span("He noted that Slovakia had imported 40 percent of its gas in 2023."))
    assert not is_framing(_span("Bratislava stopped the transit of gas in January."))


def test_first_person_career_in_the_past_is_biography() -> None:
    assert is_biography(_span("I have gone on to found three shipping companies in Rotterdam."))
    assert is_biography(_span("I served as ambassador in Vienna for six years."))


def test_first_person_opinion_third_person_career_and_present_are_not_biography() -> None:
    assert not is_biography(_span("I think Vienna made a mistake."))
    assert not is_biography(_span("The minister founded a shipping company in 1998."))
    assert not is_biography(_span("I found this decision strange."))  # present: "found" as seen


def test_an_unanchored_accusation_between_actors_is_loaded() -> None:
    text = "Riga and Tallinn act on the orders of Brussels and punish their own citizens."
    assert is_loaded(_span(text), n_actors=3, question=False, anchored=False)
    # one actor, a question, or a counted/dated act: not a loaded accusation
    assert not is_loaded(_span(text), n_actors=1, question=False, anchored=False)
    assert not is_loaded(_span(text), n_actors=3, question=True, anchored=False)
    assert not is_loaded(_span(text), n_actors=3, question=False, anchored=True)
    plain = "Riga and Tallinn signed a customs agreement with Brussels."
    assert not is_loaded(_span(plain), n_actors=3, question=False, anchored=False)


def test_offsets_add_up() -> None:
    features = news_features(_span("I served as ambassador in Vienna for six years."), 0,
                             question=False, anchored=True, headline=True)
    assert features.biography and features.headline and not features.loaded
    assert features.offset() == NEWS_WEIGHTS["biography"] + NEWS_WEIGHTS["headline"]


def test_the_document_counts_give_the_same_answers_as_reading_every_segment() -> None:
    from presslens.claims.features import DocArrays
    from presslens.claims.news import NewsTokens
    from presslens.claims.segments import segments

    text = (
        "Talking to Harbour Review, the economist Juraj Kovac described how he thinks Bratislava "
        "lost its contracts.\n\nI served as ambassador in Vienna for six years. Riga and Tallinn "
        "act on the orders of Brussels. Riga does not act on the orders of Brussels. Slovakia "
        "sent 13 jets to Ukraine in 2023, and I think it was right."
    )
    sdoc = load_nlp()(text)
    counts = NewsTokens(DocArrays.of(sdoc))
    seen = set()
    for seg in segments(sdoc):
        span = sdoc[seg.start_tok : seg.end_tok]
        for args in ((3, False, False, False), (1, False, True, True), (2, True, False, False)):
            expected = news_features(span, *args)
            assert counts.features(span, *args) == expected, span.text
            seen.update(name for name in NEWS_WEIGHTS if getattr(expected, name))
    assert seen == set(NEWS_WEIGHTS)  # every feature fired somewhere
