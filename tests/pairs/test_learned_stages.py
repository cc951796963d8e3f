"""The default profile's learned relations and stances on top of the rules (sentences written for
these tests; the fast profile is the rules alone)."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def default() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="module")
def fast() -> Analyzer:
    return Analyzer(profile="fast")


def _doc(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _edges(doc: Document) -> set[tuple[str, str, str, int]]:
    names = {a.id: a.name for a in doc.actors}
    return {(names[r.source], r.type, names[r.target], r.polarity) for r in doc.relations}


def test_a_light_verb_with_an_event_noun_is_read_where_the_rules_are_silent(default, fast) -> None:
    text = "Hungary lodged a formal objection with Slovakia over the new language law."
    assert _edges(_doc(fast, text)) == set()
    doc = _doc(default, text)
    assert _edges(doc) == {("Hungary", "PROTEST", "Slovakia", -1)}
    (relation,) = doc.relations
    assert relation.cue is not None and relation.cue.text == "lodged"
    assert relation.source_state == "Q28" and relation.target_state == "Q214"
    assert relation.text == text and relation.asserted_by is None
    assert 0.9 <= relation.confidence <= 1.0


def test_two_sided_talks_give_one_relation_each_way(default) -> None:
    doc = _doc(default, "Peru and Chile renewed negotiations on their maritime border on Monday.")
    pairs = {(s, t) for s, _, t, _ in _edges(doc)}
    assert pairs == {("Peru", "Chile"), ("Chile", "Peru")}


def _signs(doc: Document) -> set[tuple[str, str, int]]:
    names = {a.id: a.name for a in doc.actors}
    return {(names.get(s.holder, s.holder), names.get(s.target, s.target), s.sign) for s in doc.stances}


def test_people_slamming_each_other_is_a_stance_between_them_not_an_event(default, fast) -> None:
    # (a verb the rule lexicon does not hold: "blasted" and then "hammered" joined it) the
    # pair-sentiment head reads who is negative toward whom; what was done is not its to say, so
    # no typed relation
    text = "Senator Maria Alvarez roasted Governor Tom Reed over the budget."
    assert _edges(_doc(fast, text)) == set()
    doc = _doc(default, text)
    assert _edges(doc) == set()
    assert ("Maria Alvarez", "Tom Reed", -1) in _signs(doc)
    alvarez = next(a.id for a in doc.actors if a.name == "Maria Alvarez")
    (stance,) = [s for s in doc.stances if s.holder == alvarez]
    assert -1.0 <= stance.score <= -0.5  # the head's probability, signed
    assert [(e.start, e.end) for e in stance.evidence] == [(0, len(text))]


def test_the_outlets_own_question_states_nothing(default) -> None:
    assert _doc(default, "Will Hungary block the new sanctions against Russia?").relations == []


def test_one_party_named_twice_in_a_noun_phrase_is_not_a_pair(default) -> None:
    doc = _doc(default, "Turkish Cypriot leader Ersin Tatar accused Greece of arming Cyprus.")
    names = {a.id: a.name for a in doc.actors}
    tatar = next(a.id for a in doc.actors if a.name == "Ersin Tatar")
    own = {r.target for r in doc.relations if r.source == tatar} | {
        r.source for r in doc.relations if r.target == tatar}
    assert own and all(names[i] in ("Greece", "Cyprus") for i in own)
    assert ("Ersin Tatar", "ACCUSE", "Greece", -1) in _edges(doc)


def test_the_default_profile_only_adds_to_the_rules(default, fast) -> None:
    text = (
        "Moscow accuses Kyiv of shelling the plant\nMarch 3 2025\n\n"
        "Russia's Foreign Ministry accused Ukraine of shelling the nuclear plant on Sunday. "
        "Hungary lodged a formal objection with Slovakia over the new language law."
    )
    rules = _doc(fast, text)
    learned = _doc(default, text)
    assert rules.relations and all(r in learned.relations for r in rules.relations)
    assert len(learned.relations) > len(rules.relations)


def test_same_input_same_output_alone_or_in_a_batch(default) -> None:
    texts = [
        "Hungary lodged a formal objection with Slovakia over the new language law.",
        "Senator Maria Alvarez hammered Governor Tom Reed over the budget.",
    ]
    alone = [_doc(default, t) for t in texts]
    batched = list(default.analyze_many(RawArticle(text=t, source="test") for t in texts))
    assert alone == batched
    assert _doc(default, texts[0]) == alone[0]


def test_the_sentiment_of_two_people_is_read_on_their_names_not_the_nearest_pronouns(
    default: Analyzer, fast: Analyzer
) -> None:
    # the nearest mentions of the two are "she ... his" at the end; the act is between the names
    text = ("In 2019, Elizabeth Warren repeatedly slammed Trump (he, of course, replied in kind) "
            "and then, most famously, she compared his voters to a cult.")
    assert _edges(_doc(fast, text)) == set()
    assert ("Elizabeth Warren", "Donald Trump", -1) in _signs(_doc(default, text))


def test_what_another_actor_wants_done_to_a_target_is_not_the_speakers_portrayal(default) -> None:
    # the portrayal head reads "sanction Russia" as a bad light on Russia; but it is what
    # Brussels wants, said by an analyst who refuses it
    text = (
        "Belgrade will not bow, says analyst\n\n"
        "Serbia will keep its own course on sanctions against Russia whatever the European Union "
        "demands, the Serbian analyst Dragan Ilic said in an interview on Monday.\n\n"
        "\u201cBrussels wants us to sanction Russia, to recognise Kosovo and to thank them for the "
        "privilege. Washington bombed this city and now it lectures us about partners,\u201d Ilic said.\n"
    )
    doc = _doc(default, text)
    names = {a.id: a.name for a in doc.actors}
    signs = {(names[s.holder], names[s.target]): s.sign for s in doc.stances if s.holder in names}
    assert ("Dragan Ilic", "Russia") not in signs
    assert signs.get(("Dragan Ilic", "United States")) == -1  # his own words about Washington
