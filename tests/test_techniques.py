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


def _mini_corpus(root: Path, n_articles: int = 30) -> Path:
    """A synthetic corpus in the ptc-train layout, written from our own sentences."""
    arts = root / "train-articles"
    arts.mkdir(parents=True)
    rng = np.random.default_rng(0)
    rows = []
    for a in range(n_articles):
        art_id = str(900000 + a)
        text = f"Report number {a}\n\n"
        for _ in range(8):
            sentence, label, phrase = _PIECES[int(rng.integers(len(_PIECES)))]
            sentence = sentence.replace("{X}", _PLACES[int(rng.integers(len(_PLACES)))])
            if label:
                start = len(text) + sentence.index(phrase)
                rows.append(f"{art_id}\t{label}\t{start}\t{start + len(phrase)}")
            text += sentence + "\n"
        (arts / f"article{art_id}.txt").write_text(text, encoding="utf-8")
    (root / "train-task2-TC.labels").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_tiny_training_run(tmp_path: Path) -> None:
    from presslens.techniques.train import evaluate, read_corpus, train
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
