"""The check-worthiness model: a logistic regression over hashed sparse ids and dense features,
with a Platt calibration of its logit, stored as ``weights.npz`` + ``meta.json``.

The shipped model lives in ``presslens/data/models/claims/`` and is read with
``importlib.resources``; inference is numpy only (scikit-learn is needed only to train).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from io import BytesIO
from pathlib import Path
from typing import Any

import numpy as np

from presslens.claims.features import BITS, N_DENSE

WEIGHTS_FILE = "weights.npz"
META_FILE = "meta.json"


def sigmoid(z: np.ndarray | float) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0))))


@dataclass
class ClaimModel:
    sparse_w: np.ndarray  # (2**BITS,) float32
    dense_w: np.ndarray  # (N_DENSE,)
    bias: float
    dense_mean: np.ndarray  # (N_DENSE,)
    dense_scale: np.ndarray  # (N_DENSE,)
    platt: np.ndarray  # (2,): calibrated logit = platt[0] * raw logit + platt[1]
    threshold: float = 0.5  # calibrated probability above which a sentence is "Yes"
    meta: dict[str, Any] = field(default_factory=dict)

    def raw_logit(self, ids: np.ndarray, dense: np.ndarray) -> float:
        x = (dense - self.dense_mean) / self.dense_scale
        return float(self.sparse_w[ids].sum() + x @ self.dense_w + self.bias)

    def logit(self, ids: np.ndarray, dense: np.ndarray) -> float:
        """The calibrated logit of P(check-worthy) on CheckThat!-like text."""
        return float(self.platt[0] * self.raw_logit(ids, dense) + self.platt[1])

    def probability(self, ids: np.ndarray, dense: np.ndarray) -> float:
        return float(sigmoid(self.logit(ids, dense)))

    def arrays(self) -> dict[str, np.ndarray]:
        return {
            "sparse_w": self.sparse_w.astype(np.float16),
            "dense_w": self.dense_w.astype(np.float32),
            "bias": np.asarray([self.bias], dtype=np.float64),
            "dense_mean": self.dense_mean.astype(np.float32),
            "dense_scale": self.dense_scale.astype(np.float32),
            "platt": self.platt.astype(np.float64),
            "threshold": np.asarray([self.threshold], dtype=np.float64),
        }

    def rounded(self) -> ClaimModel:
        """The model as it reads back after saving (float16 sparse weights)."""
        return _from_arrays(self.arrays(), self.meta)


def arrays_digest(arrays: dict[str, np.ndarray]) -> str:
    h = hashlib.sha256()
    for name in sorted(arrays):
        h.update(name.encode())
        h.update(np.ascontiguousarray(arrays[name]).tobytes())
    return h.hexdigest()


def save_model(model: ClaimModel, out_dir: Path) -> str:
    """Write the model; returns the sha256 of its arrays (also kept in meta.json)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays = model.arrays()
    np.savez_compressed(out_dir / WEIGHTS_FILE, **arrays)  # type: ignore[arg-type]
    meta = dict(model.meta)
    meta["weights_sha256"] = arrays_digest(arrays)
    (out_dir / META_FILE).write_text(
        json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )
    return str(meta["weights_sha256"])


def _from_arrays(npz: Any, meta: dict[str, Any]) -> ClaimModel:
    sparse_w = np.asarray(npz["sparse_w"], dtype=np.float32)
    dense_w = np.asarray(npz["dense_w"], dtype=np.float32)
    if sparse_w.shape != (1 << BITS,) or dense_w.shape != (N_DENSE,):
        raise ValueError(
            "claim model does not match the feature configuration "
            f"({sparse_w.shape}, {dense_w.shape}); retrain with `presslens train claims`"
        )
    return ClaimModel(
        sparse_w=sparse_w,
        dense_w=dense_w,
        bias=float(np.asarray(npz["bias"])[0]),
        dense_mean=np.asarray(npz["dense_mean"], dtype=np.float32),
        dense_scale=np.asarray(npz["dense_scale"], dtype=np.float32),
        platt=np.asarray(npz["platt"], dtype=np.float64),
        threshold=float(np.asarray(npz["threshold"])[0]),
        meta=meta,
    )


def load_model_dir(path: Path) -> ClaimModel:
    meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    with np.load(path / WEIGHTS_FILE) as npz:
        return _from_arrays(npz, meta)


@lru_cache(maxsize=1)
def load_shipped_model() -> ClaimModel | None:
    """The model shipped inside the package, or ``None`` when the package has none."""
    base = resources.files("presslens.data").joinpath("models", "claims")
    weights, meta_file = base.joinpath(WEIGHTS_FILE), base.joinpath(META_FILE)
    if not (weights.is_file() and meta_file.is_file()):
        return None
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    with np.load(BytesIO(weights.read_bytes())) as npz:
        return _from_arrays(npz, meta)
