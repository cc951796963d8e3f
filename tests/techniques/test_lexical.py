"""The lexical head of the learned technique stage: deterministic hashing, TF-IDF rows, the
fitted head, its mix with the sentence head and the shipped model. Fixtures are sentences
written for these tests."""

from __future__ import annotations

import zlib
from pathlib import Path

import numpy as np
import pytest

from presslens.encoder import load_encoder
from presslens.techniques.learned import SHIPPED, sentence_features, shipped_learned_model
from presslens.techniques.lexical import (
    HASH_SIZE,
    LexicalHead,
    feature_hash,
    fit_idf,
    fit_lexical,
    fit_stack,
    hashed_counts,
    sentence_vector,
    sparse_matrix,
    stacked,
    tokens,
)

LOADED = "The puppet regime in Kyiv and its so-called government of traitors must fall!"
NEUTRAL = "The ministry said the talks would resume on Tuesday in Geneva."


def test_the_hash_is_crc32_and_the_same_on_every_machine() -> None:
    # fixed numbers: CRC-32 is defined bit for bit, unlike Python's salted hash()
    assert feature_hash("w:puppet") == zlib.crc32(b"w:puppet") % HASH_SIZE == 15753
    assert feature_hash("c: pu") == zlib.crc32(b"c: pu") % HASH_SIZE
    assert feature_hash("w:марионетка") == zlib.crc32("w:марионетка".encode()) % HASH_SIZE


def test_tokens_keep_words_apostrophes_and_marks() -> None:
    assert tokens("So-called \"traitors\" don’t win!") == [
        "so", "called", '"', "traitors", '"', "don't", "win", "!"]


def test_counts_hold_words_bigrams_and_character_ngrams_of_words() -> None:
    words, chars = hashed_counts("Traitors, traitors!")
    assert words[feature_hash("w:traitors")] == 2
    assert words[feature_hash("b:traitors traitors")] == 1
    assert words[feature_hash("b:traitors !")] == 1
    assert chars[feature_hash("c: tr")] == 2 and chars[feature_hash("c:ors ")] == 2
    assert chars[feature_hash("c:traitors")] == 0  # five characters at most
    assert feature_hash("c: !") not in chars  # marks have no character n-grams


def test_rows_have_unit_length_and_the_hashed_width() -> None:
    texts = [LOADED, NEUTRAL, LOADED.lower(), "Traitors!"]
    idf = fit_idf(texts, min_df=1)
    assert idf.shape == (HASH_SIZE,) and (idf >= 0).all()
    matrix = sparse_matrix(texts, idf)
    assert matrix.shape == (4, HASH_SIZE)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)))[:, 0]
    assert norms == pytest.approx(1.0, abs=1e-6)
    cols, vals = sentence_vector("", idf)
    assert len(cols) == len(vals) == 0
    # min_df 2: a column in one sentence only is dropped
    assert not fit_idf(texts)[feature_hash("w:geneva")]


def _toy() -> tuple[list[str], np.ndarray]:
    loaded = ["The puppet regime lies again.", "Traitors and puppets rule the regime.",
              "A regime of traitors and thieves.", "The puppet government of traitors."]
    neutral = ["The talks resume on Tuesday.", "The minister met his colleague.",
               "Prices rose by two percent.", "The meeting took place in Geneva."]
    y = np.array([[1, 0]] * 4 + [[0, 0]] * 4, dtype=np.int8)
    return loaded + neutral, y


def test_the_fitted_head_scores_loaded_words_higher_and_saves_as_float16(tmp_path: Path) -> None:
    texts, y = _toy()
    head = fit_lexical(texts, y, ["Loaded", "never"], c=10.0)
    assert head.weights.dtype == np.float16 and head.weights.shape == (len(head.columns), 2)
    probs = head.probabilities(["Those traitors of the puppet regime.", "The talks on Tuesday."])
    assert probs.shape == (2, 2)
    assert probs[0, 0] > 0.5 > probs[1, 0]
    assert probs[:, 1].max() == 0.0  # a label with no example is never predicted
    head.save(tmp_path)
    again = LexicalHead.load(tmp_path)
    assert again.classes == ("Loaded", "never")
    assert again.probabilities(["Those traitors of the puppet regime."]).tolist() == probs[:1].tolist()
    assert fit_lexical(texts, y, ["Loaded", "never"], c=10.0).weights.tobytes() == head.weights.tobytes()


def test_the_stack_mixes_the_two_heads_logits_per_label() -> None:
    encoder = np.array([[2.0, 0.0], [-2.0, 50.0]])
    lexical = np.array([[0.0, 1.0], [0.0, -50.0]])
    plain = stacked([encoder, lexical], np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]]))
    assert plain[:, 0].tolist() == [round(1 / (1 + np.exp(-2.0)), 4), round(1 / (1 + np.exp(2.0)), 4)]
    assert plain[1, 1] == 0.0001  # logits clipped to ±9.2 before mixing
    rng = np.random.default_rng(0)
    y = (rng.random((400, 2)) < 0.3).astype(np.int8)
    signal = np.where(y == 1, 2.0, -2.0) + rng.normal(size=(400, 2))
    stack = fit_stack([signal, rng.normal(size=(400, 2))], y, ["A", "B"], frozenset({"B"}))
    assert stack[0, 0] > 0.5 and abs(stack[0, 1]) < 0.3  # the informative head weighs more
    assert stack[1].tolist() == [1.0, 0.0, 0.0]  # encoder only


def test_the_shipped_model_stacks_a_lexical_head_and_a_tuned_layer() -> None:
    model = shipped_learned_model()
    assert model.lexical is not None and model.stack is not None and model.tuned is not None
    assert model.lexical.classes == model.labels == model.tuned.classes
    assert model.stack.shape == (len(model.labels), 4)  # sentence, lexical, tuned, bias
    assert model.lexical.weights.nbytes < 10_000_000
    assert (SHIPPED / "tuned.npz").stat().st_size < 5_000_000 and model.tuned.depth == 1
    # a label the articles hold leans on the tuned layer (the stack's weight for it is positive)
    assert model.stack[model.labels.index("Loaded_Language"), 2] > 0
    encodings = load_encoder().encode([LOADED, NEUTRAL])
    probs = model.probabilities([LOADED, NEUTRAL], sentence_features([LOADED, NEUTRAL], encodings),
                                encodings)
    for label in ("Loaded_Language", "Name_Calling-Labeling"):
        j = model.labels.index(label)
        assert probs[0, j] > probs[1, j]
        lexical = model.lexical.probabilities([LOADED, NEUTRAL])
        assert lexical[0, j] > lexical[1, j]
