"""The shipped pair model: its heads and the thresholds chosen when it was trained."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from presslens.encoder.heads import MODELS, Head, read_meta

MODEL_DIR = MODELS / "pairs"
HEAD_NAMES = ("relation", "pair_sentiment", "portrayal")


@dataclass(frozen=True)
class PairModel:
    relation: Head  # ordered pair -> NONE or a relation type
    pair_sentiment: Head  # unordered pair in text order -> who is positive/negative toward whom
    portrayal: Head  # one mention -> how its sentence portrays the actor
    thresholds: dict[str, float]

    def threshold(self, name: str) -> float:
        return self.thresholds[name]


@lru_cache(maxsize=2)
def load_pair_model(folder: Path = MODEL_DIR) -> PairModel:
    meta = read_meta(folder)
    thresholds = {str(k): float(v) for k, v in dict(meta["thresholds"]).items()}  # type: ignore[call-overload]
    heads = {name: Head.load(folder, name) for name in HEAD_NAMES}
    return PairModel(heads["relation"], heads["pair_sentiment"], heads["portrayal"], thresholds)
