"""Task heads over the frozen encoder: small multilayer perceptrons run with numpy.

Every learned stage shares this form: a head is trained by a ``presslens train`` command
(scikit-learn, deterministic) and shipped as ``<name>.npz`` (weights, float16) beside ``meta.json`` (classes, feature layout, data, versions).
The input standardisation is folded into the first layer, so inference is two matrix products.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Self

import numpy as np

MODELS = Path(__file__).resolve().parents[1] / "data" / "models"  # one folder per trained model


@dataclass(frozen=True)
class Head:
    """``probabilities(x)``: softmax over ``classes`` for each row of ``x``."""

    name: str
    classes: tuple[str, ...]
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray

    @property
    def width(self) -> int:
        return int(self.w1.shape[0])

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        if x.ndim == 1:
            x = x[None, :]
        if x.shape[1] != self.width:
            raise ValueError(f"head {self.name} takes {self.width} features, not {x.shape[1]}")
        hidden = np.maximum(x.astype(np.float32) @ self.w1 + self.b1, 0.0)
        logits = hidden @ self.w2 + self.b2
        logits -= logits.max(axis=1, keepdims=True)
        odds = np.exp(logits)
        # rounded: the last bits of a CPU's float kernels never decide anything downstream
        return np.round(odds / odds.sum(axis=1, keepdims=True), 4)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / f"{self.name}.npz",
            w1=self.w1.astype(np.float16), b1=self.b1.astype(np.float16),
            w2=self.w2.astype(np.float16), b2=self.b2.astype(np.float16),
            classes=np.array(self.classes),
        )

    @classmethod
    def load(cls, folder: Path, name: str) -> Self:
        with np.load(folder / f"{name}.npz") as data:
            return cls(
                name=name,
                classes=tuple(str(c) for c in data["classes"]),
                w1=data["w1"].astype(np.float32), b1=data["b1"].astype(np.float32),
                w2=data["w2"].astype(np.float32), b2=data["b2"].astype(np.float32),
            )


def read_meta(folder: Path) -> dict[str, object]:
    meta: dict[str, object] = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return meta
