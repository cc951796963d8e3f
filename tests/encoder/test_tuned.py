"""Layers fine-tuned over the shared encoder, run without torch: the graph of layers alone
computes what the same layers compute inside the encoder, and a saved tuned model reads back
and gives the same logits, whatever the sentence's neighbours."""

from __future__ import annotations

import numpy as np
import onnxruntime as ort
import pytest
from safetensors.numpy import load_file

from presslens.encoder import EncoderSpec, Encoding, load_encoder
from presslens.encoder.graph import build_bert_graph, build_layers_graph, read_config
from presslens.encoder.tuned import TunedLayers


@pytest.fixture(scope="module")
def pretrained() -> dict[str, np.ndarray]:
    return dict(load_file(str(EncoderSpec().model_dir() / "model.safetensors")))


def _session(model) -> ort.InferenceSession:  # type: ignore[no-untyped-def]
    return ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])


def test_layers_graph_continues_the_encoder(pretrained) -> None:
    """The fourth layer run alone over the third's output (fp32) equals the encoder's own fourth
    layer: the layer graph is wired as the encoder's."""
    config = read_config(EncoderSpec().model_dir())
    encoder = _session(build_bert_graph(pretrained, config, 4, every_layer=True))
    ids = np.array([[101, 1996, 3757, 2001, 5338, 1012, 102]], dtype=np.int64)
    mask = np.ones_like(ids)
    third, fourth = encoder.run(["layer_3", "layer_4"], {"input_ids": ids, "attention_mask": mask})
    alone = _session(build_layers_graph(pretrained, ["encoder.layer.3"], 384, 12))
    (hidden,) = alone.run(["hidden"], {"vectors": third, "attention_mask": mask})
    np.testing.assert_allclose(hidden, fourth, atol=1e-4)
    assert not np.allclose(hidden, third, atol=1e-2)  # the layer did something


def _pretrained_fourth_layer(pretrained, classes: int = 3) -> TunedLayers:
    weights = {k.replace("encoder.layer.3.", "layer.0."): v for k, v in pretrained.items()
               if k.startswith("encoder.layer.3.")}
    rng = np.random.default_rng(7)
    weights["output.weight"] = rng.normal(scale=0.2, size=(classes, 384)).astype(np.float32)
    weights["output.bias"] = np.array([0.1, -0.2, 0.0], dtype=np.float32)[:classes]
    return TunedLayers.of("probe", ["A", "B", "C"][:classes], weights)


def test_saved_and_loaded_give_the_same_logits(pretrained, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    tuned = _pretrained_fourth_layer(pretrained)
    texts = ["The ministry summoned the ambassador.", "Talks resumed in Geneva on Monday."]
    encodings = load_encoder().encode(texts)
    before = tuned.logits(encodings)
    tuned.save(tmp_path / "model")
    loaded = TunedLayers.load(tmp_path / "model")
    assert loaded.classes == ("A", "B", "C") and loaded.depth == 1 and loaded.width == 384
    np.testing.assert_array_equal(loaded.logits(encodings), before)
    assert before.shape == (2, 3) and not np.allclose(before[0], before[1])
    # each sentence on its own: the same logits alone as beside another
    np.testing.assert_array_equal(loaded.logits(encodings[1:]), before[1:])
    assert list((tmp_path / "cache").glob("tuned-probe-*-int8.onnx"))


def test_int8_layer_keeps_the_direction_of_fp32(pretrained, tmp_path, monkeypatch) -> None:
    """The int8 graph (as shipped) against the same layer in fp32 over the same vectors."""
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path))
    tuned = _pretrained_fourth_layer(pretrained)
    (encoding,) = load_encoder().encode(["Protesters gathered outside the parliament in Tbilisi."])
    fp32 = _session(build_layers_graph(tuned.weights, ["layer.0"], 384, 12))
    (hidden,) = fp32.run(["hidden"], {"vectors": encoding.vectors[None],
                                      "attention_mask": np.ones((1, len(encoding.vectors)), np.int64)})
    exact = hidden[0].mean(axis=0)
    got = tuned.pooled([encoding])[0]
    assert float(exact @ got / (np.linalg.norm(exact) * np.linalg.norm(got))) > 0.98


def test_a_sentence_without_pieces_gives_the_bias(pretrained, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path))
    tuned = _pretrained_fourth_layer(pretrained)
    empty = Encoding(offsets=np.zeros((0, 2), np.int32), vectors=np.zeros((0, 384), np.float32),
                     sentence=np.zeros(384, np.float32))
    np.testing.assert_allclose(tuned.logits([empty])[0], [0.1, -0.2, 0.0], atol=1e-4)
