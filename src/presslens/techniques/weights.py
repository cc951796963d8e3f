"""Saving and loading the trained technique model (``.npz`` arrays + ``meta.json``).

The shipped model lives in ``presslens/data/models/techniques/`` and is read with
``importlib.resources``: nothing is fetched from the network.
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

from presslens.techniques.linear import LinearModel

WEIGHTS_FILE = "weights.npz"
META_FILE = "meta.json"
N_CONF_FEATURES = 4  # logit(mean p), logit(max p), log(tokens), logit(span classifier p)


@dataclass
class TechniqueModel:
    labels: list[str]  # training labels (2023 names; the two merged 2020 classes by 2020 name)
    tagger: LinearModel
    classifier: LinearModel
    decode_threshold: np.ndarray  # token probability to start a span, and to extend it
    platt: np.ndarray  # (C, N_CONF_FEATURES + 1) span confidence calibration per label
    rule_confidence: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)


def _arrays(model: TechniqueModel) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    for prefix, lin in (("tagger", model.tagger), ("classifier", model.classifier)):
        out[f"{prefix}_table"] = lin.table.astype(np.float16)
        out[f"{prefix}_dense_w"] = lin.dense_w.astype(np.float16)
        out[f"{prefix}_bias"] = lin.bias.astype(np.float32)
        out[f"{prefix}_dense_mean"] = lin.dense_mean.astype(np.float32)
        out[f"{prefix}_dense_scale"] = lin.dense_scale.astype(np.float32)
    out["decode_threshold"] = model.decode_threshold.astype(np.float32)
    out["platt"] = model.platt.astype(np.float64)
    return out


def arrays_digest(arrays: dict[str, np.ndarray]) -> str:
    h = hashlib.sha256()
    for name in sorted(arrays):
        h.update(name.encode())
        h.update(np.ascontiguousarray(arrays[name]).tobytes())
    return h.hexdigest()


def save_model(model: TechniqueModel, out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    arrays = _arrays(model)
    np.savez_compressed(out_dir / WEIGHTS_FILE, **arrays)  # type: ignore[arg-type]
    meta = dict(model.meta)
    meta["labels"] = model.labels
    meta["rule_confidence"] = model.rule_confidence
    meta["weights_sha256"] = arrays_digest(arrays)
    (out_dir / META_FILE).write_text(
        json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8"
    )


def _from_parts(npz: Any, meta: dict[str, Any]) -> TechniqueModel:
    def lin(prefix: str) -> LinearModel:
        return LinearModel(
            table=np.asarray(npz[f"{prefix}_table"], dtype=np.float32),
            dense_w=np.asarray(npz[f"{prefix}_dense_w"], dtype=np.float32),
            bias=np.asarray(npz[f"{prefix}_bias"], dtype=np.float32),
            dense_mean=np.asarray(npz[f"{prefix}_dense_mean"], dtype=np.float32),
            dense_scale=np.asarray(npz[f"{prefix}_dense_scale"], dtype=np.float32),
        )

    return TechniqueModel(
        labels=list(meta["labels"]),
        tagger=lin("tagger"),
        classifier=lin("classifier"),
        decode_threshold=np.asarray(npz["decode_threshold"], dtype=np.float32),
        platt=np.asarray(npz["platt"], dtype=np.float64),
        rule_confidence={str(k): float(v) for k, v in meta.get("rule_confidence", {}).items()},
        meta=meta,
    )


def load_model_dir(path: Path) -> TechniqueModel:
    meta = json.loads((path / META_FILE).read_text(encoding="utf-8"))
    with np.load(path / WEIGHTS_FILE) as npz:
        return _from_parts(npz, meta)


FALLBACK_THRESHOLD = 0.1


def _shipped_dir() -> Any:
    return resources.files("presslens.data").joinpath("models", "techniques")


def shipped_default_threshold() -> float:
    """The confidence threshold the shipped model was tuned for (``default_threshold`` in its
    meta.json, chosen by ``presslens train techniques`` on the calibration articles), or 0.1."""
    meta_file = _shipped_dir().joinpath(META_FILE)
    if not meta_file.is_file():
        return FALLBACK_THRESHOLD
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    return float(meta.get("default_threshold", FALLBACK_THRESHOLD))


@lru_cache(maxsize=1)
def load_shipped_model() -> TechniqueModel | None:
    """The model shipped inside the package, or ``None`` when the package has none."""
    base = _shipped_dir()
    weights, meta_file = base.joinpath(WEIGHTS_FILE), base.joinpath(META_FILE)
    if not (weights.is_file() and meta_file.is_file()):
        return None
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    with np.load(BytesIO(weights.read_bytes())) as npz:
        return _from_parts(npz, meta)
