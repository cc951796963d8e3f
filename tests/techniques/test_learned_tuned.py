"""The learned technique stage with a fine-tuned encoder layer stacked beside its frozen heads:
a model folder with ``tuned.npz`` reads back, mixes three heads per label, and a folder whose
stack does not match its heads is refused. Fixtures are sentences written for these tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import load_file

from presslens.encoder import EncoderSpec, load_encoder
from presslens.encoder.tuned import TunedLayers
from presslens.techniques.learned import (
    SHIPPED,
    load_learned_model,
    sentence_features,
    sentence_techniques,
)
from presslens.techniques.lexical import stacked

SENTENCES = ["The puppet regime in Kyiv is run by traitors, the expert said.",
             "The ministry said the talks would resume on Tuesday in Geneva."]


def _tuned_folder(tmp_path: Path, tuned_weight: float) -> Path:
    """The shipped model's heads, a fourth-layer head (pretrained weights, a random output) and a
    stack that gives it ``tuned_weight`` for every label."""
    folder = tmp_path / "model"
    shutil.copytree(SHIPPED, folder)
    base = load_learned_model(SHIPPED)
    pretrained = load_file(str(EncoderSpec().model_dir() / "model.safetensors"))
    weights = {k.replace("encoder.layer.3.", "layer.0."): v for k, v in pretrained.items()
               if k.startswith("encoder.layer.3.")}
    rng = np.random.default_rng(3)
    weights["output.weight"] = rng.normal(scale=0.3, size=(len(base.labels), 384)).astype(np.float32)
    weights["output.bias"] = np.zeros(len(base.labels), np.float32)
    TunedLayers.of("techniques", base.labels, weights).save(folder)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["stack"] = {label: [row[0], row[1], tuned_weight, row[-1]]
                     for label, row in meta["stack"].items()}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def test_a_tuned_layer_is_stacked_third(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    model = load_learned_model(_tuned_folder(tmp_path, 0.5))
    assert model.tuned is not None and model.stack is not None
    assert model.stack.shape == (len(model.labels), 4)
    encodings = load_encoder().encode(SENTENCES)
    x = sentence_features(SENTENCES, encodings)
    assert model.lexical is not None
    expected = stacked([model.sentence.logits(x), model.lexical.logits(SENTENCES),
                        model.tuned.logits(encodings)], model.stack)
    np.testing.assert_array_equal(model.probabilities(SENTENCES, x, encodings), expected)
    without = stacked([model.sentence.logits(x), model.lexical.logits(SENTENCES)],
                      np.delete(model.stack, 2, axis=1))
    assert not np.array_equal(expected, without)  # the tuned layer's logits count
    with pytest.raises(ValueError, match="encoding"):
        model.probabilities(SENTENCES, x)  # the tuned layer cannot run without the encodings
    # the stage reads every sentence's encoding for it
    text = " ".join(SENTENCES)
    bounds = [(0, len(SENTENCES[0])), (len(SENTENCES[0]) + 1, len(text))]
    found = sentence_techniques(text, bounds, encodings, model)
    assert all(bounds[0][0] <= t.start and t.end <= bounds[-1][1] for t in found)


def test_a_stack_that_does_not_match_the_heads_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PRESSLENS_CACHE", str(tmp_path / "cache"))
    folder = _tuned_folder(tmp_path, 0.5)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["stack"] = {label: [row[0], row[1], row[-1]] for label, row in meta["stack"].items()}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ValueError, match="stack does not match"):
        load_learned_model(folder)
