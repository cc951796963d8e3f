"""Persuasion techniques: cue rules, structure, label sets, thresholds, offsets, model, training."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest

from presslens.model import Document, Technique
from presslens.nlp import load_nlp
from presslens.techniques import detect_techniques, labels_2020, labels_2023, to_label_set
from presslens.techniques import weights as weights_mod
from presslens.techniques.scoring import si_scores, tc_scores

LOW = 0.01  # cue rules whose precision on PTC is low still fire above this


def _detect(text: str, threshold: float = LOW) -> list[Technique]:
    doc = Document(id="t", text=text)
    return detect_techniques(doc, load_nlp()(text), threshold=threshold)


def _has(found: list[Technique], label: str, fragment: str) -> bool:
    return any(t.label == label and fragment in t.text for t in found)


def test_label_sets_and_definitions() -> None:
    assert len(labels_2023()) == 23
    assert "Whataboutism" in labels_2023() and "Appeal_to_Time" in labels_2023()
    assert len(labels_2020()) == 14


def test_guilt_by_association() -> None:
    text = "The minister said the sanctions were drafted just like the Nazis drafted their decrees."
    assert _has(_detect(text), "Guilt_by_Association", "like the Nazis")


def test_exaggeration_absolutes() -> None:
    text = "Kyiv has produced the worst humanitarian catastrophe in modern history, our guest said."
    assert _has(
        _detect(text),
        "Exaggeration-Minimisation",
        "the worst humanitarian catastrophe in modern history",
    )


def test_false_dilemma_either_or() -> None:
    text = (
        "Either Brussels lifts the embargo now or Europe freezes this winter, the ambassador said."
    )
    found = _detect(text)
    assert _has(
        found, "False_Dilemma-No_Choice", "Either Brussels lifts the embargo now or Europe freezes"
    )


def test_whataboutism() -> None:
    text = (
        "Washington lectures us about human rights. But what about the prisons it runs abroad? "
        "The same West that bombed Belgrade now preaches restraint."
    )
    found = _detect(text)
    assert _has(found, "Whataboutism", "what about the prisons")
    assert _has(found, "Whataboutism", "The same West that bombed Belgrade")


def test_doubt_markers_and_rhetorical_questions() -> None:
    text = (
        "The so-called investigation was led by Western journalists. "
        "Can we really trust a report written in London? "
        "Officials allegedly found nothing."
    )
    found = _detect(text)
    assert _has(found, "Doubt", "so-called investigation")
    assert _has(found, "Doubt", "Can we really trust a report written in London?")
    assert _has(found, "Doubt", "allegedly")


def test_slogans() -> None:
    text = "The crowd in the square chanted for an hour. Hands off our land! #StopTheWar was everywhere."
    found = _detect(text)
    assert _has(found, "Slogans", "Hands off our land!")
    assert _has(found, "Slogans", "#StopTheWar")


def test_repetition_across_the_article() -> None:
    text = (
        "The people will never kneel before foreign masters. The talks failed on Monday. "
        "Our answer is simple: the people will never kneel before foreign masters."
    )
    found = [t for t in _detect(text) if t.label == "Repetition"]
    assert any(t.text == "the people will never kneel before foreign masters" for t in found)
    # the structural detector marks the repeated phrase and nothing else
    from presslens.techniques.features import doc_features
    from presslens.techniques.lexicon import repetition_hits

    sdoc = load_nlp()(text)
    hits = repetition_hits(sdoc, doc_features(sdoc, text))
    assert hits and all("never kneel before foreign masters" in text[h.start : h.end] for h in hits)
    once = "The people will never kneel. The talks failed on Monday."
    assert repetition_hits(load_nlp()(once), doc_features(load_nlp()(once), once)) == []


def test_overlapping_spans_and_several_labels() -> None:
    text = "Either we defend our motherland or the globalists will erase it, the general said."
    found = _detect(text)
    dilemma = [t for t in found if t.label == "False_Dilemma-No_Choice"]
    flag = [t for t in found if t.label == "Flag_Waving" and t.text == "our motherland"]
    assert dilemma and flag
    d, f = dilemma[0], flag[0]
    assert d.start <= f.start and f.end <= d.end  # overlapping spans, different labels
    assert len({t.label for t in found}) >= 3


def test_offsets_exact_and_sorted() -> None:
    text = (
        "«Без паники», the spokesman began. Either NATO stops, or the so-called partners will learn "
        "the hard way — just like the Nazis did!\n\nWhat about Iraq?"
    )
    found = _detect(text)
    assert found
    for t in found:
        assert text[t.start : t.end] == t.text
        assert 0.0 <= t.confidence <= 1.0
    keys = [(t.start, t.end, t.label) for t in found]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    Document(id="x", text=text, techniques=found)  # the document validator accepts them


def test_threshold_behaviour() -> None:
    text = (
        "The so-called experts lied. Either we stand with our nation or we betray it! "
        "Their brutal regime is the worst in history."
    )
    everything = _detect(text, threshold=0.0)
    some = _detect(text, threshold=0.3)
    none = _detect(text, threshold=1.0)
    assert none == []
    assert set(map(repr, some)) <= set(map(repr, everything))
    assert len(some) < len(everything)
    assert all(t.confidence >= 0.3 for t in some)


def test_semeval2020_mapping() -> None:
    items = [
        Technique(start=0, end=4, text="abcd", label="Guilt_by_Association", confidence=0.5),
        Technique(start=0, end=4, text="abcd", label="Appeal_to_Popularity", confidence=0.7),
        Technique(start=5, end=9, text="efgh", label="False_Dilemma-No_Choice", confidence=0.4),
        Technique(start=5, end=9, text="efgh", label="Appeal_to_Time", confidence=0.9),
        Technique(start=5, end=9, text="efgh", label="Appeal_to_Hypocrisy", confidence=0.3),
    ]
    old = to_label_set(items, "semeval2020")
    assert [(t.start, t.label, t.confidence) for t in old] == [
        (0, "Bandwagon,Reductio_ad_hitlerum", 0.7),
        (5, "Black-and-White_Fallacy", 0.4),
        (5, "Whataboutism,Straw_Men,Red_Herring", 0.3),
    ]
    assert all(t.label in labels_2020() for t in old)
    assert to_label_set(items, "semeval2023") == items


def test_deterministic() -> None:
    text = (
        "The regime in Kyiv, a puppet of Washington, is committing barbaric crimes. "
        "Everyone knows the truth. Either Europe wakes up or it perishes!"
    )
    assert _detect(text, 0.0) == _detect(text, 0.0)
    assert _detect(text) == _detect(text)


def test_shipped_model_loads_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    weights_mod.load_shipped_model.cache_clear()
    model = weights_mod.load_shipped_model()
    assert model is not None
    assert len(model.labels) == 14
    assert model.meta["training_data_sha256"]
    assert model.tagger.table.shape[1] == 1
    assert model.classifier.table.shape[1] == 14
    text = "The barbaric regime shelled the city again, the so-called journalists said nothing."
    model_spans = [t for t in _detect(text, 0.0) if t.confidence > 0]
    assert model_spans


def test_scoring_si_and_tc() -> None:
    gold = {"a": [(0, 10)]}
    assert si_scores({"a": [(0, 10)]}, gold).f1 == pytest.approx(1.0)
    half = si_scores({"a": [(0, 5)]}, gold)
    assert half.precision == pytest.approx(1.0) and half.recall == pytest.approx(0.5)
    assert si_scores({"a": [(20, 30)]}, gold).f1 == 0.0
    micro, per = tc_scores(
        [("a", 0, 5, "Doubt"), ("a", 0, 5, "Slogans"), ("a", 7, 9, "Repetition")],
        {("a", 0, 5): ["Slogans", "Doubt", "Repetition"], ("a", 7, 9): ["Doubt"]},
    )
    assert micro.f1 == pytest.approx(2 / 3)
    assert per["Repetition"].recall == 0.0


_PIECES = [
    ("The {X} regime is a gang of murderous thugs.", "Name_Calling,Labeling", "murderous thugs"),
    (
        "This is the worst disaster in all of history.",
        "Exaggeration,Minimisation",
        "the worst disaster in all of history",
    ),
    ("Our brave soldiers defend the sacred motherland.", "Flag-Waving", "the sacred motherland"),
    ("The minister met the delegation in {X} on Tuesday.", None, ""),
    ("Talks on grain exports resumed after a pause.", None, ""),
]
_PLACES = ["Riga", "Minsk", "Tbilisi", "Baku", "Yerevan", "Chisinau", "Vilnius", "Tallinn"]


def _mini_corpus(
    root: Path, n_articles: int = 30, pieces: list[tuple[str, str | None, str]] = _PIECES
) -> Path:
    """A synthetic corpus in the ptc-train layout, written from our own sentences."""
    arts = root / "train-articles"
    arts.mkdir(parents=True)
    rng = np.random.default_rng(0)
    rows = []
    for a in range(n_articles):
        art_id = str(900000 + a)
        text = f"Report number {a}\n\n"
        for _ in range(8):
            sentence, label, phrase = pieces[int(rng.integers(len(pieces)))]
            sentence = sentence.replace("{X}", _PLACES[int(rng.integers(len(_PLACES)))])
            if label:
                start = len(text) + sentence.index(phrase)
                rows.append(f"{art_id}\t{label}\t{start}\t{start + len(phrase)}")
            text += sentence + "\n"
        (arts / f"article{art_id}.txt").write_text(text, encoding="utf-8")
    (root / "train-task2-TC.labels").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_tiny_training_run(tmp_path: Path) -> None:
    from presslens.techniques.corpus2020 import read_corpus
    from presslens.techniques.eval2020 import evaluate
    from presslens.techniques.train import train
    from presslens.techniques.weights import load_model_dir, save_model

    data = _mini_corpus(tmp_path / "data")
    assert len(read_corpus(data)) == 30
    model = train(data, epochs=3, log=False)
    save_model(model, tmp_path / "model")
    again = train(data, epochs=3, log=False)
    save_model(again, tmp_path / "model2")
    loaded = load_model_dir(tmp_path / "model")
    assert (
        loaded.meta["weights_sha256"] == load_model_dir(tmp_path / "model2").meta["weights_sha256"]
    )
    assert loaded.labels == ["Exaggeration-Minimisation", "Flag_Waving", "Name_Calling-Labeling"]

    text = "The new regime is a gang of murderous thugs. Talks resumed after a pause."
    found = detect_techniques(
        Document(id="m", text=text), load_nlp()(text), threshold=0.0, model=loaded
    )
    assert any(t.label == "Name_Calling-Labeling" and "thugs" in t.text for t in found)
    assert not any("Talks resumed" in t.text and t.label == "Name_Calling-Labeling" for t in found)

    report = evaluate(data, loaded, threshold=0.0)
    assert report.articles > 0
    assert report.tc_model.f1 > 0.9  # the synthetic labels are easy to tell apart
    assert report.si_model.recall > 0.5
    every = report.calibration["all"]
    assert every.n > 0 and 0.0 <= every.ece <= 1.0
    # one technique per span and label: never more than the candidates behind them
    assert every.n <= report.calibration["model"].n + report.calibration["rules"].n
    assert report.calibration["emitted"].n == every.n  # threshold 0 emits every candidate
    assert sum(b.n for b in every.bins) == every.n


def test_training_measures_ordinary_rules_but_not_genre_rules(tmp_path: Path) -> None:
    from presslens.techniques.lexicon import load_rules
    from presslens.techniques.train import train

    purge = ("This is not a reform, this is a purge in {X}.", "Loaded_Language", "a purge")
    pieces = [*_PIECES, purge]
    data = _mini_corpus(tmp_path / "data", pieces=pieces)
    model = train(data, epochs=1, log=False)
    genre = {r.name for r in load_rules() if r.genre}
    assert "name_calling" in model.rule_confidence  # "thugs": measured
    assert not genre & set(model.rule_confidence)  # "This is not a reform, this is": not


def test_document_model_accepts_both_label_sets_and_nothing_else() -> None:
    from pydantic import ValidationError

    from presslens.model import TECHNIQUE_LABELS, json_schema

    assert set(TECHNIQUE_LABELS) == set(labels_2023()) | set(labels_2020())
    assert len(TECHNIQUE_LABELS) == len(set(TECHNIQUE_LABELS))
    for label in TECHNIQUE_LABELS:
        Technique(start=0, end=1, text="a", label=label, confidence=0.5)
    with pytest.raises(ValidationError):
        Technique(start=0, end=1, text="a", label="Propaganda", confidence=0.5)
    with pytest.raises(ValidationError):
        Technique(start=0, end=1, text="a", label="Doubt", confidence=1.5)
    schema = json_schema()
    label_schema = schema["$defs"]["Technique"]["properties"]["label"]  # type: ignore[index]
    assert label_schema["enum"] == list(TECHNIQUE_LABELS)


def test_calibration_scores() -> None:
    from presslens.techniques.scoring import calibration

    # 10 predictions at 0.2 of which 2 right, 10 at 0.8 of which 8 right: perfectly calibrated
    conf = [0.2] * 10 + [0.8] * 10
    ok = [True] * 2 + [False] * 8 + [True] * 8 + [False] * 2
    c = calibration(conf, ok)
    assert c.n == 20 and c.observed_rate == pytest.approx(0.5)
    assert c.ece == pytest.approx(0.0)
    assert c.brier == pytest.approx(0.16)  # (2*0.64 + 8*0.04 + 8*0.04 + 2*0.64) / 20
    assert c.brier_base == pytest.approx(0.25)
    assert [(b.low, b.n) for b in c.bins] == [(0.2, 10), (0.8, 10)]
    # always 0.9 but right half the time: ECE 0.4; a confidence of exactly 1 falls in the top bin
    over = calibration([0.9, 0.9, 1.0, 1.0], [True, False, True, False])
    assert over.ece == pytest.approx(0.45)
    assert [b.n for b in over.bins] == [4]
    assert calibration([], []).n == 0
    with pytest.raises(ValueError):
        calibration([0.5], [])


# --- every cue rule and structural detector, on sentences written for these tests ------------

# rule name -> (sentence, a fragment the rule's span must contain)
RULE_CASES: dict[str, tuple[str, str]] = {
    "guilt_nazi": (
        "The new language law reads as if it came straight out of the Third Reich's rulebook.",
        "straight out of the Third Reich",
    ),
    "popularity": ("As everyone knows, the referendum in the east was fair.", "everyone knows"),
    "authority": (
        "Leading experts agree that the pipeline blast was carried out by a state.",
        "Leading experts agree",
    ),
    "exaggeration_absolute": (
        "The blockade is the biggest crime in modern history, the envoy said.",
        "the biggest crime in modern history",
    ),
    "false_dilemma": (
        "There is no alternative to the union with Moscow, the deputy insisted.",
        "There is no alternative",
    ),
    "whataboutism": (
        "And what about the bombing of Belgrade in 1999?",
        "what about the bombing of Belgrade",
    ),
    "hypocrisy": (
        "Brussels shows its double standards every time it speaks of Kosovo.",
        "double standards",
    ),
    "doubt_marker": (
        "The self-proclaimed opposition leader fled to Vilnius.",
        "self-proclaimed opposition leader",
    ),
    "doubt_hedge": ("The alleged victims were never seen in Bucha, he claimed.", "alleged victims"),
    "doubt_question": (
        "The ministry denied it. Who really benefits from this war?",
        "Who really benefits from this war?",
    ),
    "name_calling": ("The warmongers in London want the war to go on.", "warmongers"),
    "flag_waving": ("Our heroes gave their lives for this land.", "Our heroes"),
    "fear": ("A single spark could start a third world war in Europe, he warned.", "third world war"),
    "causal": (
        "Washington is solely responsible for the war in Ukraine, the professor said.",
        "solely responsible for the war",
    ),
    "consequential": (
        "Recognising the vote opens the door to the break-up of every state in the region.",
        "opens the door to the break-up",
    ),
    "straw_man": (
        "So the West wants us to believe that the drills are purely defensive.",
        "the West wants us to believe",
    ),
    "red_herring": (
        "But the real question is who paid for the protests in Tbilisi.",
        "the real question is",
    ),
    "conversation_killer": ("The referendum was legal. End of story.", "End of story"),
    "appeal_to_time": ("Time is running out for Kyiv to accept the offer.", "Time is running out"),
    "values": ("They want to destroy our traditional values and our faith.", "traditional values"),
    "questioning_reputation": (
        "The disgraced former minister now advises the opposition.",
        "disgraced former minister",
    ),
    "obfuscation": ("Certain forces abroad are interested in chaos in Armenia.", "Certain forces"),
    "loaded": ("It was a barbaric attack on a peaceful city.", "barbaric"),
    # rules for constructions of the presslens genre (genre: true)
    "hypocrisy_lecture": (
        "Paris loves to lecture Africa about elections while it props up friendly generals.",
        "lecture Africa about elections",
    ),
    "whatabout_counterfactual": (
        "Had Moscow done the same in Cyprus, Brussels would have imposed sanctions overnight.",
        "Had Moscow done the same in Cyprus, Brussels would have imposed sanctions",
    ),
    "antithesis": (
        "This is not mediation, this is pressure dressed up as help.",
        "This is not mediation, this is pressure",
    ),
    "veiled_threat": (
        "Those who arm the rebels should not be surprised when the fire reaches their own homes.",
        "should not be surprised when the fire reaches",
    ),
    "puppet_masters": (
        "The cabinet in Skopje does whatever its foreign handlers tell it.",
        "its foreign handlers",
    ),
    "nazi_label": (
        "The commentator called the government in the neighbouring republic a truly Nazi entity.",
        "truly Nazi entity",
    ),
    "foreign_funded": (
        "The march was organised by Western-funded activists from three capitals.",
        "Western-funded activists",
    ),
    "as_if": (
        "The envoy spoke of the fishing row as if a few trawlers were an invasion fleet.",
        "as if a few trawlers were an invasion fleet",
    ),
    "nobody_believes": (
        "Nobody in Warsaw takes these assurances seriously any more.",
        "Nobody in Warsaw takes these assurances seriously",
    ),
    "choose_between": (
        "Serbs will have to choose between their history and a chair in Brussels.",
        "will have to choose between their history",
    ),
    "by_that_logic": (
        "By that logic every tourist with a camera is an agent.",
        "By that logic every tourist",
    ),
    "exaggeration_history": (
        "Every blockade in history has ended with the hungry blamed for their hunger.",
        "Every blockade in history has ended",
    ),
    "doubt_evidence": (
        "The ministry accused the monks of spying without any evidence.",
        "without any evidence",
    ),
    "broken_word": (
        "This is an alliance that never kept a promise to its partners in the east.",
        "never kept a promise",
    ),
    "loaded_genre": ("The hearing in the capital was a show trial for foreign cameras.", "show trial"),
}

# genre rule -> sentences of ordinary news it must leave alone
GENRE_RULE_MISSES: dict[str, list[str]] = {
    "hypocrisy_lecture": [
        "The professor lectures on economics at the university in Tartu.",
        "We will not pretend that the talks went well, the spokesman said.",
    ],
    "whatabout_counterfactual": [
        "Had the government done so earlier, the bridge would still stand.",
        "If the bank did so, it would raise rates in May.",
    ],
    "antithesis": [
        "It was not immediately clear. It was the second attack this month.",
        "This is not the first time, it is the third, the mayor said.",
    ],
    "veiled_threat": ["He was not surprised by the result of the vote."],
    "puppet_masters": [
        "The tools of diplomacy are limited, the envoy admitted.",
        "She finished her masters degree in Vienna.",
    ],
    "nazi_label": ["The nation's natural gas reserves are larger than expected."],
    "foreign_funded": ["The state-funded broadcaster reported the vote on Sunday."],
    "as_if": ["It looks as if the talks will resume on Monday."],
    "nobody_believes": ["Nobody was hurt in the blast near the port."],
    "choose_between": ["Voters can choose between eleven parties on Sunday."],
    "by_that_logic": ["The logic of the treaty is simple."],
    "exaggeration_history": ["Every member in the council voted for the text."],
    "doubt_evidence": ["The court heard the evidence on Monday."],
    "broken_word": ["The minister kept his word and resigned on Friday."],
    "loaded_genre": ["The minister held talks in the capital on Friday."],
}


def test_every_cue_rule_has_a_case() -> None:
    from presslens.techniques.lexicon import STRUCTURAL_PRIORS, load_rules

    assert set(RULE_CASES) == {r.name for r in load_rules()}
    assert set(STRUCTURAL_PRIORS) == {"repetition", "slogan", "either_or"}  # tested below


@pytest.mark.parametrize("rule_name", sorted(RULE_CASES))
def test_cue_rule(rule_name: str) -> None:
    from presslens.techniques.lexicon import load_rules, pattern_hits

    rule = next(r for r in load_rules() if r.name == rule_name)
    text, fragment = RULE_CASES[rule_name]
    hits = [h for h in pattern_hits(text) if h.rule == rule_name]
    assert any(
        h.label == rule.label and fragment.lower() in text[h.start : h.end].lower() for h in hits
    ), [text[h.start : h.end] for h in hits]
    # and the detector reports it under that label, with exact offsets
    found = _detect(text, threshold=0.0)
    assert any(t.label == rule.label and fragment.lower() in t.text.lower() for t in found)
    assert all(text[t.start : t.end] == t.text for t in found)


@pytest.mark.parametrize("rule_name", sorted(GENRE_RULE_MISSES))
def test_genre_rule_leaves_ordinary_news_alone(rule_name: str) -> None:
    from presslens.techniques.lexicon import pattern_hits

    for text in GENRE_RULE_MISSES[rule_name]:
        assert not [h for h in pattern_hits(text) if h.rule == rule_name], text


def test_every_genre_rule_is_marked_and_keeps_its_prior() -> None:
    from presslens.techniques.detect import lexicon_candidates
    from presslens.techniques.features import doc_features
    from presslens.techniques.lexicon import load_rules

    rules = {r.name: r for r in load_rules()}
    assert {name for name, r in rules.items() if r.genre} == set(GENRE_RULE_MISSES)
    text = "This is not mediation, this is pressure. It was a barbaric attack."
    sdoc = load_nlp()(text)
    # a measured confidence replaces the prior of an ordinary rule, never that of a genre rule
    cands = lexicon_candidates(
        sdoc, doc_features(sdoc, text), {"antithesis": 0.01, "loaded": 0.2}
    )
    conf = {c.source: c.confidence for c in cands}
    assert conf["antithesis"] == rules["antithesis"].prior
    assert conf["loaded"] == 0.2


def _hits(text: str) -> list[tuple[str, str]]:
    from presslens.techniques.features import doc_features
    from presslens.techniques.lexicon import all_hits

    sdoc = load_nlp()(text)
    return [(h.rule, text[h.start : h.end]) for h in all_hits(sdoc, doc_features(sdoc, text))]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "Either Brussels lifts the embargo now or Europe freezes this winter, he said.",
            "Either Brussels lifts the embargo now or Europe freezes this winter",
        ),
        (
            "The choice is simple: either Kyiv talks or it loses the east.",
            "either Kyiv talks or it loses the east",
        ),
        (
            "Chisinau must either accept the offer or lose the whole region.",
            "either accept the offer or lose the whole region",
        ),
        (
            "“Either we defend our land or they take it,” the general said.",
            "Either we defend our land or they take it",
        ),
    ],
)
def test_either_or_between_courses_is_a_false_dilemma(text: str, span: str) -> None:
    assert ("either_or", span) in _hits(text)


@pytest.mark.parametrize(
    "text",
    [
        "Either side may leave the talks at any time, the mediator said.",  # no "or"
        "The delegations met in Vienna on Tuesday and agreed to meet again in May.",
        "The money reached the party either directly or indirectly from Moscow.",  # two manners
        "The missiles were either Soviet or North Korean, the inspectors said.",  # two items
    ],
)
def test_no_false_dilemma_without_a_choice_of_courses(text: str) -> None:
    assert not [h for h in _hits(text) if h[0] in ("false_dilemma", "either_or")]


def test_doubt_qualifiers_end_at_their_noun() -> None:
    hits = _hits("The self-proclaimed opposition leader fled to Vilnius on Monday.")
    assert ("doubt_marker", "self-proclaimed opposition leader") in hits
    assert ("doubt_hedge", "alleged victims") in _hits("The alleged victims spoke on camera.")
    # "supposed to" is an obligation, not a doubt
    assert not [h for h in _hits("He was supposed to arrive on Monday.") if h[0] == "doubt_hedge"]


def test_no_guilt_by_association_without_a_despised_name() -> None:
    from presslens.techniques.lexicon import pattern_hits

    text = "The sanctions were drafted just like the previous package, the diplomat said."
    assert not [h for h in pattern_hits(text) if h.label == "Guilt_by_Association"]


def test_repetition_across_paragraphs_and_quotes() -> None:
    text = (
        "Speaking with Baltic Courier, the analyst Andris Kalnins said Riga had lost its way.\n\n"
        "“Sovereignty is not for sale,” Kalnins said. “Sovereignty is not for sale, whatever "
        "Brussels offers.”\n\n"
        "He repeated it at the end of the interview: sovereignty is not for sale."
    )
    found = [t for t in _detect(text, 0.0) if t.label == "Repetition"]
    spans = sorted((t.start, t.text.lower()) for t in found)
    assert len(spans) == 3  # said three times: every occurrence is marked
    assert all(s == "sovereignty is not for sale" for _, s in spans)


def test_repetition_ignores_function_word_phrases() -> None:
    from presslens.techniques.features import doc_features
    from presslens.techniques.lexicon import repetition_hits

    text = "In the end the talks failed, and in the end nobody in the end cared about the border."
    sdoc = load_nlp()(text)
    assert repetition_hits(sdoc, doc_features(sdoc, text)) == []


def test_slogans_in_capitals_and_short_exclamations() -> None:
    text = (
        "The marchers carried banners reading NO TO FOREIGN BASES through the old town. "
        "The rally ended at noon. Long live free Serbia! Then the crowd left."
    )
    found = _detect(text)
    assert _has(found, "Slogans", "NO TO FOREIGN BASES")
    assert _has(found, "Slogans", "Long live free Serbia!")
    assert not any(t.label == "Slogans" and "rally ended" in t.text for t in found)


def test_no_slogan_for_a_long_exclamation_or_acronyms() -> None:
    from presslens.techniques.features import doc_features
    from presslens.techniques.lexicon import slogan_hits

    for text in (
        "The minister explained at length why the new customs rules will cost the farmers of "
        "the south a great deal of money!",
        "NATO and the OSCE met in Vienna.",
    ):
        sdoc = load_nlp()(text)
        assert slogan_hits(sdoc, doc_features(sdoc, text)) == [], text


@pytest.mark.parametrize(
    ("merged", "text", "label"),
    [
        ("Bandwagon,Reductio_ad_hitlerum", "They behave like Goebbels himself.", "Guilt_by_Association"),
        ("Bandwagon,Reductio_ad_hitlerum", "Millions agree with the president.", "Appeal_to_Popularity"),
        ("Whataboutism,Straw_Men,Red_Herring", "By their logic, every border is for sale.", "Straw_Man"),
        ("Whataboutism,Straw_Men,Red_Herring", "And the Americans in Iraq?", "Whataboutism"),
        ("Loaded_Language", "barbaric", "Loaded_Language"),
    ],
)
def test_merged_2020_classes_are_split_into_2023_labels(merged: str, text: str, label: str) -> None:
    from presslens.techniques.lexicon import resolve_merged

    assert resolve_merged(merged, text, 0, len(text)) == label


def test_one_span_with_several_labels_and_overlapping_spans() -> None:
    from presslens.techniques.detect import Candidate, to_techniques

    text = "The junta in Kyiv is a gang of barbaric thugs."
    s = text.index("barbaric thugs")
    cands = [
        Candidate(s, s + len("barbaric thugs"), "Name_Calling-Labeling", 0.6, "model"),
        Candidate(s, s + len("barbaric thugs"), "Loaded_Language", 0.5, "model"),
        Candidate(s, s + len("barbaric thugs"), "Loaded_Language", 0.7, "loaded"),  # same pair
        Candidate(s, s + len("barbaric"), "Loaded_Language", 0.4, "loaded"),  # nested
        Candidate(4, 9, "Name_Calling-Labeling", 0.05, "name_calling"),  # under the threshold
    ]
    out = to_techniques(text, cands, 0.1)
    assert [(t.text, t.label, t.confidence) for t in out] == [
        ("barbaric", "Loaded_Language", 0.4),
        ("barbaric thugs", "Loaded_Language", 0.7),  # the best confidence of the pair is kept
        ("barbaric thugs", "Name_Calling-Labeling", 0.6),
    ]
    Document(id="o", text=text, techniques=out)
    # end to end: one sentence gives overlapping spans with different labels
    found = _detect(
        "Either we defend our motherland or the barbaric globalists will erase it, he said.", 0.0
    )
    pairs = [(a, b) for a in found for b in found if a.label != b.label]
    assert any(a.start < b.end and b.start < a.end for a, b in pairs)
    assert len({t.label for t in found}) >= 3


def test_label_mapping_covers_every_2023_label() -> None:
    from presslens.techniques.labels import technique_table, to_2020

    table = technique_table()
    assert list(table) == labels_2023()
    images = {label: to_2020(label) for label in labels_2023()}
    assert all(old is None or old in labels_2020() for old in images.values())
    # every 2020 class is reached, and exactly these 2023 techniques have no 2020 class (dropped)
    assert {old for old in images.values() if old} == set(labels_2020())
    assert sorted(label for label, old in images.items() if old is None) == [
        "Appeal_to_Time",
        "Appeal_to_Values",
        "Consequential_Oversimplification",
        "Obfuscation-Vagueness-Confusion",
        "Questioning_the_Reputation",
    ]
    for label, info in table.items():
        assert info.definition and info.group, label
    # mapping a 2020 label again changes nothing
    assert all(to_2020(old) == old for old in labels_2020())
    items = [
        Technique(start=0, end=1, text="a", label=label, confidence=0.5) for label in labels_2023()
    ]
    mapped = to_label_set(items, "semeval2020")
    assert {t.label for t in mapped} == set(labels_2020())
    assert to_label_set(mapped, "semeval2020") == mapped


_NO_NETWORK = """
import socket, sys

class _Refused(OSError):
    pass

def _refuse(*args, **kwargs):
    raise _Refused("network access attempted")

class _GuardedSocket(socket.socket):
    def connect(self, *args, **kwargs):
        _refuse()

    def connect_ex(self, *args, **kwargs):
        _refuse()

    def sendto(self, *args, **kwargs):
        _refuse()

socket.socket = _GuardedSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer
from presslens.techniques.weights import load_shipped_model

model = load_shipped_model()
assert model is not None and model.meta["weights_sha256"]
doc = Analyzer().analyze(RawArticle(text=sys.stdin.read(), source="<test>"))
spans = [t for t in doc.techniques if t.confidence > 0]
assert spans, "no techniques"
print(len(spans), sorted({t.label for t in spans}))
"""


def test_model_loads_and_runs_with_sockets_blocked(tmp_path: Path) -> None:
    """A fresh interpreter whose sockets refuse to connect loads the shipped model and analyses an
    article: nothing is fetched from a hub or anywhere else."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "SPACY"))}
    env["HOME"] = str(tmp_path)  # no cache directories to fall back on
    proc = subprocess.run(
        [sys.executable, "-c", _NO_NETWORK],
        input="Either Brussels lifts the embargo or Europe freezes, the so-called experts admit.",
        capture_output=True,
        text=True,
        timeout=180,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert "False_Dilemma-No_Choice" in proc.stdout


def test_span_decoding_with_hysteresis() -> None:
    from presslens.techniques.detect import decode_runs
    from presslens.techniques.features import doc_features

    text = "The barbaric regime in Kyiv shelled the city ."
    sdoc = load_nlp()(text)
    f = doc_features(sdoc, text)
    assert [t.text for t in sdoc] == text.split()
    # The barbaric regime in Kyiv shelled the city .
    probs = np.array([0.1, 0.6, 0.3, 0.02, 0.2, 0.01, 0.5, 0.01, 0.9])

    def spans(start: float, extend: float | None = None) -> list[str]:
        return [text[f.idx[i] : f.idx[j - 1] + f.length[j - 1]] for i, j in decode_runs(probs, f, start, extend)]

    # a span starts at a confident token and extends over its likely neighbours; "Kyiv" alone
    # never reaches the start threshold; "the" has no content word; "." is punctuation
    assert spans(0.45, 0.05) == ["The barbaric regime"]
    assert spans(0.45) == ["barbaric"]
    assert spans(0.15) == ["barbaric regime", "Kyiv"]


# --- adaptation to the genre: interviewers' questions, weights of the model's labels ----------

_QA = """Tallinn is building a wall, says Estonian analyst
3 March 2025

– Mr Kask, the ministry says the new fence on the eastern border is purely defensive. Is it?

“It is a monument to panic. The government pretends to defend Europe while it pours our pensions into concrete.”

– What about the barbaric provocations the ministry reports every week?

“Nobody in Narva takes those reports seriously.”
"""


def test_interviewer_turns_in_a_question_and_answer_layout() -> None:
    from presslens.techniques.lexicon import interviewer_turns

    turns = [_QA[s:e] for s, e in interviewer_turns(_QA)]
    assert turns == [
        "– Mr Kask, the ministry says the new fence on the eastern border is purely defensive. Is it?",
        "– What about the barbaric provocations the ministry reports every week?",
    ]
    qa = "Q: Who pays?\nA: Brussels."
    assert [qa[s:e] for s, e in interviewer_turns(qa)] == ["Q: Who pays?"]


@pytest.mark.parametrize(
    "text",
    [
        # a dash-led lede, once
        "– A Latvian court on Monday jailed two men for spying, officials said.\n\nThe case ...",
        # a list of attributions, none a question
        "The post spread fast.\n— Ivan Petrov (@ipetrov) May 3, 2024\n— Anna Berg (@aberg) May 3, 2024",
        # dialogue whose second dash closes the quote
        "– We will never give up the port, – the general said.\n\n– And the islands? – he added.",
    ],
)
def test_no_interviewer_turns_outside_an_interview(text: str) -> None:
    from presslens.techniques.lexicon import interviewer_turns

    assert interviewer_turns(text) == []


def test_techniques_in_the_interviewers_questions_are_left_out() -> None:
    from presslens.techniques.genre import NEUTRAL

    sdoc = load_nlp()(_QA)
    doc = Document(id="qa", text=_QA)
    shipped = detect_techniques(doc, sdoc, threshold=0.0)
    trained = detect_techniques(doc, sdoc, threshold=0.0, genre=NEUTRAL)
    question = _QA.index("– What about")
    end = _QA.index("\n", question)
    assert any(question <= t.start < end and "barbaric" in t.text for t in trained)
    assert not any(question <= t.start < end for t in shipped)
    # the answers keep theirs
    assert _has(shipped, "Appeal_to_Hypocrisy", "pretends to defend Europe")
    assert _has(shipped, "Appeal_to_Popularity", "Nobody in Narva takes those reports seriously")


def test_genre_weights_scale_the_models_confidence_only() -> None:
    from presslens.techniques.detect import Candidate, adapt_to_genre
    from presslens.techniques.genre import GenreProfile

    text = "The junta in Kyiv and its sponsors in Brussels."
    cands = [
        Candidate(4, 9, "Name_Calling-Labeling", 0.4, "model"),
        Candidate(4, 9, "Name_Calling-Labeling", 0.35, "name_calling"),  # a cue rule: unchanged
        Candidate(0, 9, "Loaded_Language", 0.3, "model"),  # no weight: unchanged
        Candidate(0, 9, "Doubt", 0.3, "model"),  # weight 0: left out
        Candidate(23, 36, "Bandwagon,Reductio_ad_hitlerum", 0.2, "model"),  # split, then weighed
    ]
    profile = GenreProfile(
        {"Name_Calling-Labeling": 0.5, "Doubt": 0.0, "Appeal_to_Popularity": 0.25}, False
    )
    out = [(c.start, c.label, round(c.confidence, 4), c.source) for c in adapt_to_genre(text, cands, profile)]
    assert out == [
        (4, "Name_Calling-Labeling", 0.2, "model"),
        (4, "Name_Calling-Labeling", 0.35, "name_calling"),
        (0, "Loaded_Language", 0.3, "model"),
        (23, "Appeal_to_Popularity", 0.05, "model"),
    ]
    # the neutral profile is the detector as trained
    from presslens.techniques.genre import NEUTRAL

    assert adapt_to_genre(text, cands[:3], NEUTRAL) == cands[:3]


def test_shipped_genre_profile() -> None:
    from presslens.techniques.genre import parse_profile, shipped_profile

    profile = shipped_profile()
    assert profile.skip_interviewer_turns
    assert profile.model_weight and "Loaded_Language" not in profile.model_weight
    assert set(profile.model_weight) <= set(labels_2023())
    assert all(0.0 <= w < 1.0 for w in profile.model_weight.values())
    with pytest.raises(ValueError):
        parse_profile({"model_weight": {"Propaganda": 0.5}})
    with pytest.raises(ValueError):
        parse_profile({"model_weight": {"Doubt": 1.5}})
    # the shipped output is the trained detector's, less the questions and with model spans of
    # weighed labels at a lower confidence: never a span the trained detector does not have
    from presslens.techniques.genre import NEUTRAL

    text = (
        "The so-called peace plan is a farce. Everyone in Europe can see that the regime in "
        "Kyiv is a puppet of Washington, and nobody in Berlin believes its promises."
    )
    sdoc = load_nlp()(text)
    doc = Document(id="g", text=text)
    shipped = detect_techniques(doc, sdoc, threshold=0.0)
    trained = {(t.start, t.end, t.label): t.confidence for t in detect_techniques(doc, sdoc, threshold=0.0, genre=NEUTRAL)}
    assert shipped
    for t in shipped:
        assert (t.start, t.end, t.label) in trained
        assert t.confidence <= trained[(t.start, t.end, t.label)]
