"""The learned technique stage: its multi-label head, its features, the shipped model and the
default profile's component. Fixtures are sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from presslens.encoder import Encoding, load_encoder
from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer, AnalyzerSettings
from presslens.techniques import detect_techniques, to_label_set
from presslens.techniques.labels import labels_2020, labels_2023
from presslens.techniques.learned import (
    MultiLabelHead,
    merge_techniques,
    narrow,
    sentence_features,
    sentence_techniques,
    shipped_learned_model,
    techniques_of_article,
)
from presslens.techniques.training2023 import (
    THRESHOLD_FLOOR,
    UNSEEN_THRESHOLD,
    choose_thresholds,
    fit_multilabel,
    floored,
)

ARTICLE = (
    "Kyiv's puppet regime is a gang of thieves\n\n"
    "The corrupt clique in Kyiv, bloodthirsty Nazi thugs paid by their Western masters, "
    "is destroying the country. "
    "They want to wipe our people off the face of the earth!\n\n"
    "The ministry said the talks would resume on Tuesday in Geneva.\n"
)


def test_the_head_is_one_sigmoid_per_class_and_saves_as_float16(tmp_path: Path) -> None:
    head = MultiLabelHead(
        "h", ("A", "B"), w1=np.array([[1.0, -1.0], [0.5, 0.0]], np.float32),
        b1=np.zeros(2, np.float32), w2=np.array([[1.0, 0.0], [0.0, 2.0]], np.float32),
        b2=np.array([0.0, -1.0], np.float32))
    probs = head.probabilities(np.array([2.0, 0.0]))
    # hidden relu([2, -2]) = [2, 0]; logits [2, -1]
    assert probs[0].tolist() == pytest.approx([round(1 / (1 + np.exp(-2)), 4),
                                               round(1 / (1 + np.exp(1)), 4)])
    head.save(tmp_path)
    again = MultiLabelHead.load(tmp_path, "h")
    assert again.classes == ("A", "B") and again.w1.dtype == np.float32
    assert again.probabilities(np.array([2.0, 0.0])).tolist() == probs.tolist()
    with pytest.raises(ValueError, match="takes 2 features"):
        head.probabilities(np.zeros(3))


def test_the_fitted_head_is_exactly_the_logistic_regressions() -> None:
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 5)) * np.array([1.0, 10.0, 0.1, 1.0, 1.0]) + 3.0
    y = np.zeros((300, 3), dtype=np.int8)
    y[:, 0] = x[:, 0] > 3.0
    y[:, 1] = x[:, 1] + 10 * x[:, 2] > 33.0
    head = fit_multilabel("s", x, y, ["A", "B", "never"], c=1.0)
    z = (x - x.mean(axis=0)) / x.std(axis=0)
    for j in range(2):
        reference = LogisticRegression(C=1.0, max_iter=500, random_state=0).fit(z, y[:, j])
        assert head.probabilities(x)[:, j] == pytest.approx(reference.predict_proba(z)[:, 1], abs=2e-4)
    assert head.probabilities(x)[:, 2].max() == 0.0  # a label with no example is never predicted
    assert fit_multilabel("s", x, y, ["A", "B", "never"], c=1.0).w1.tobytes() == head.w1.tobytes()


def test_thresholds_maximise_each_labels_paragraph_f1() -> None:
    maxima = np.array([[0.9, 0.1], [0.5, 0.2], [0.3, 0.0], [0.1, 0.0]])
    gold = np.array([[1, 0], [1, 0], [0, 0], [0, 0]])
    chosen = choose_thresholds(maxima, gold, ["A", "B"])
    assert 0.3 < chosen["A"] <= 0.5  # both gold paragraphs in, the third out
    assert chosen["B"] == UNSEEN_THRESHOLD


def test_thresholds_are_raised_to_the_floor_and_no_further() -> None:
    assert floored({"A": 0.08, "B": 0.4, "C": THRESHOLD_FLOOR}) == {
        "A": THRESHOLD_FLOOR, "B": 0.4, "C": THRESHOLD_FLOOR}


def test_the_shipped_thresholds_are_the_cross_validated_ones_floored() -> None:
    meta = shipped_learned_model().meta
    assert meta["threshold_floor"] == THRESHOLD_FLOOR
    cv = meta["cross_validation_thresholds"]
    assert isinstance(cv, dict)
    assert shipped_learned_model().thresholds == floored(cv)
    assert min(cv.values()) < THRESHOLD_FLOOR  # the floor changes something


def _encoding(vectors: list[list[float]], text: str) -> Encoding:
    v = np.array(vectors, np.float32)
    offsets = np.array([[0, len(text)]] * len(v), np.int32)
    return Encoding(offsets=offsets, vectors=v, sentence=v.mean(axis=0))


def test_sentence_features_see_neighbours_the_article_and_repetition() -> None:
    texts = ["Stop the war now", "Another sentence here", "Stop the war now"]
    encs = [_encoding([[1, 0], [3, 0]], texts[0]), _encoding([[0, 1]], texts[1]),
            _encoding([[1, 0], [3, 0]], texts[2])]
    x = sentence_features(texts, encs)
    assert x.shape == (3, 4 * 2 + 3)
    assert x[0, :2].tolist() == [2.0, 0.0] and x[0, 2:4].tolist() == [3.0, 0.0]  # mean, max
    assert x[1, 4:6].tolist() == [2.0, 0.0]  # the mean of its two neighbours
    assert x[0, 4:6].tolist() == [0.0, 1.0]  # one neighbour only
    assert x[0, 8] == pytest.approx(1.0) and x[0, 9] == 1.0  # said again, word for word
    assert x[1, 9] == 0.0


def test_the_shipped_model_can_predict_every_2023_label() -> None:
    model = shipped_learned_model()
    assert list(model.labels) == labels_2023()
    assert set(model.thresholds) == set(labels_2023())
    head = model.sentence
    for j, label in enumerate(model.labels):
        assert np.abs(head.w1[:, j]).max() > 0, f"{label} has no weights"
        assert head.b1[j] > -30, f"{label} is never predicted"
    meta = model.meta
    assert "sha1" in str(meta["heldout_rule"]) and meta["versions"]


def test_sentence_techniques_lie_in_their_sentence_with_the_heads_probability() -> None:
    encoder = load_encoder()
    text = "They are bloodthirsty Nazi thugs and liars. The talks resume on Tuesday."
    bounds = [(0, 43), (44, len(text))]
    encs = encoder.encode([text[s:e] for s, e in bounds])
    model = shipped_learned_model()
    every = sentence_techniques(text, bounds, encs, replace(model, thresholds={}))
    assert every == []  # no thresholds given: nothing reaches 1.01
    found = sentence_techniques(text, bounds, encs, model)
    assert all(0 <= t.start < t.end <= 43 and t.text == text[t.start:t.end] for t in found)
    assert any(t.label in ("Name_Calling-Labeling", "Loaded_Language") for t in found)
    whole = sentence_techniques(text, bounds, encs, replace(model, span=None))
    assert {(t.start, t.end) for t in whole} == {(0, 43)}
    assert {t.label for t in whole} == {t.label for t in found}


def test_the_span_head_narrows_a_sentence_to_whole_words() -> None:
    text = "aa bbbb cc"
    span = MultiLabelHead("span", ("inside",), w1=np.array([[1.0], [0.0], [0.0], [0.0]], np.float32),
                          b1=np.array([-0.5], np.float32), w2=np.array([[20.0]], np.float32),
                          b2=np.array([-5.0], np.float32))
    model = replace(shipped_learned_model(), span=span, span_threshold=0.5)

    def encoding(inside: list[float], offsets: list[tuple[int, int]]) -> Encoding:
        v = np.array([[x, 0.0] for x in inside], np.float32)
        return Encoding(offsets=np.array(offsets, np.int32), vectors=v, sentence=v.mean(axis=0))

    pieces = [(0, 2), (3, 5), (5, 7), (8, 10)]  # "bbbb" in two pieces
    assert narrow(text, 0, 10, encoding([0, 1, 0, 0], pieces), model) == (3, 7)
    assert narrow(text, 0, 10, encoding([1, 0, 0, 1], pieces), model) == (0, 10)
    assert narrow(text, 0, 10, encoding([0, 0, 0, 0], pieces), model) == (0, 10)  # none: all


def test_the_default_profile_adds_the_learned_stage_to_todays_detector() -> None:
    from presslens.model import Document
    from presslens.nlp import load_nlp

    article = RawArticle(text=ARTICLE, source="test")
    analysis = Analyzer().analysis(article)
    default = analysis.doc
    assert Analyzer().components.names[-2:] == ["techniques", "learned_techniques"]
    assert all(t.text == default.text[t.start:t.end] and t.label in labels_2023()
               for t in default.techniques)
    assert Analyzer().analyze(article).techniques == default.techniques  # deterministic
    fast = AnalyzerSettings(profile="fast").build()
    assert "learned_techniques" not in fast.components.names
    text = default.text
    todays = detect_techniques(Document(id="x", text=text), load_nlp()(text))
    assert fast.analyze(article).techniques == todays  # the fast profile is unchanged
    learned = techniques_of_article(text, analysis.need_encodings(), shipped_learned_model())
    assert learned, "the blatant name-calling sentence holds a learned technique"
    assert default.techniques == merge_techniques(todays, learned)
    old = AnalyzerSettings(label_set="semeval2020").build().analyze(article)
    assert old.techniques == to_label_set(default.techniques, "semeval2020")
    assert all(t.label in labels_2020() for t in old.techniques)


def test_merging_keeps_one_technique_per_span_and_label_with_the_higher_confidence() -> None:
    from presslens.model import Technique

    def tech(start: int, label: str, confidence: float) -> Technique:
        return Technique(start=start, end=start + 3, text="abc", label=label, confidence=confidence)

    merged = merge_techniques([tech(4, "Doubt", 0.2), tech(0, "Slogans", 0.5)],
                              [tech(4, "Doubt", 0.6), tech(4, "Repetition", 0.1)])
    assert [(t.start, t.label, t.confidence) for t in merged] == [
        (0, "Slogans", 0.5), (4, "Doubt", 0.6), (4, "Repetition", 0.1)]


@pytest.mark.parametrize(("sentence", "label"), [
    ("Time is running out, and tomorrow will be too late for Europe.", "Appeal_to_Time"),
    ("Our faith and our traditions demand that we reject this law.", "Appeal_to_Values"),
    ("If we let them ban one newspaper, soon they will ban every book and then every opinion.",
     "Consequential_Oversimplification"),
    ("The minister, a man who has lied all his life, cannot be trusted on this.",
     "Questioning_the_Reputation"),
])
def test_labels_absent_from_the_training_articles_are_predicted(sentence: str, label: str) -> None:
    # learned from the written sentences of corpora/techniques_written alone
    found = sentence_techniques(sentence, [(0, len(sentence))], load_encoder().encode([sentence]),
                                shipped_learned_model())
    assert label in {t.label for t in found}
