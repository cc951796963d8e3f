"""The adaptation of the ptc-trained detector to the genre presslens reads.

The tagger and classifier learnt from ptc-train (SemEval-2020 news of another kind); on the
interviews, op-eds and statements presslens is built for, annotated in ``tests/devset*``, some of
the model's labels are right far less often than their ptc-calibrated confidence says (the model's
Appeal_to_Authority, for instance, fires on every "the expert said"). ``data/techniques_genre.yaml``
holds, for each such label, a weight that multiplies the confidence of the model's spans of that
label, chosen by cross-validation over the development articles
(``scripts/techniques_genre_cv.py``), and whether interviewers' questions are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from presslens.techniques.labels import labels_2023


@dataclass(frozen=True)
class GenreProfile:
    # 2023 label -> factor on the confidence of the model's spans of that label (1 where absent;
    # 0: the model's spans of that label are left out; cue rules are not affected)
    model_weight: dict[str, float] = field(default_factory=dict)
    # leave out techniques inside an interviewer's questions (lexicon.interviewer_turns)
    skip_interviewer_turns: bool = False


NEUTRAL = GenreProfile()


def parse_profile(raw: dict[str, Any]) -> GenreProfile:
    weights = {str(k): float(v) for k, v in (raw.get("model_weight") or {}).items()}
    unknown = sorted(set(weights) - set(labels_2023()))
    if unknown:
        raise ValueError(f"techniques_genre.yaml: unknown labels {unknown}")
    if any(not 0.0 <= w <= 1.0 for w in weights.values()):
        raise ValueError("techniques_genre.yaml: model weights must lie between 0 and 1")
    return GenreProfile(weights, bool(raw.get("skip_interviewer_turns", False)))


@lru_cache(maxsize=1)
def shipped_profile() -> GenreProfile:
    """The profile in ``data/techniques_genre.yaml`` (the neutral one when the file is absent)."""
    path = resources.files("presslens.data").joinpath("techniques_genre.yaml")
    if not path.is_file():
        return NEUTRAL
    return parse_profile(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
