"""Pair-model heads: the standardisation folded into the first layer gives what scikit-learn
gives, weights survive saving, and a wrong input width is refused."""

from __future__ import annotations

import numpy as np
import pytest

from presslens.encoder.fitting import fit_head, macro_f1
from presslens.encoder.heads import Head


def _toy(seed: int = 0) -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(300, 6)) * np.array([1, 10, 100, 1, 1, 1]) + 5
    labels = ["a" if row[0] > 5.5 else "c" if row[1] > 5 else "b" for row in x]
    return x.astype(np.float32), labels


def test_fit_head_learns_a_separable_rule_and_predicts_raw_inputs() -> None:
    x, labels = _toy()
    head = fit_head("toy", x, labels, ("a", "b", "c"), alpha=1e-4)
    predicted = [head.classes[i] for i in head.probabilities(x).argmax(axis=1)]
    assert macro_f1(labels, predicted, ("a", "b", "c")) > 0.8
    assert np.allclose(head.probabilities(x).sum(axis=1), 1.0, atol=1e-3)


def test_fit_head_is_deterministic() -> None:
    x, labels = _toy()
    first = fit_head("toy", x, labels, ("a", "b", "c"))
    second = fit_head("toy", x, labels, ("a", "b", "c"))
    assert np.array_equal(first.w1, second.w1)


def test_saved_head_loads_with_its_classes(tmp_path) -> None:
    x, labels = _toy()
    head = fit_head("toy", x, labels, ("a", "b", "c"))
    head.save(tmp_path)
    loaded = Head.load(tmp_path, "toy")
    assert loaded.classes == ("a", "b", "c")
    # stored in float16: the probabilities move by little
    assert np.abs(loaded.probabilities(x) - head.probabilities(x)).max() < 0.02


def test_a_head_refuses_the_wrong_width() -> None:
    x, labels = _toy()
    head = fit_head("toy", x, labels, ("a", "b", "c"))
    with pytest.raises(ValueError, match="takes 6 features"):
        head.probabilities(np.zeros((1, 5), dtype=np.float32))


def test_a_class_without_examples_is_refused() -> None:
    x, labels = _toy()
    with pytest.raises(ValueError, match="needs examples"):
        fit_head("toy", x, labels, ("a", "b", "c", "d"))
