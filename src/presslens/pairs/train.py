"""``presslens train pairs``: the heads over the frozen encoder, from public data given by path.

Deterministic: features come from the shipped encoder (int8, one sentence per run), examples are
read in file order and the perceptrons are trained with a fixed seed (``encoder.fitting``). Each
head's figures on the corpus's own dev split are recorded in ``meta.json`` with the library
versions.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from presslens.encoder import Encoding
from presslens.encoder.fitting import (
    cached_matrix,
    encode_texts,
    file_digest,
    fit_head,
    library_versions,
    macro_f1,
    predict_labels,
)
from presslens.pairs.datasets import MentionExample, PairExample
from presslens.pairs.features import mention_features, pair_features

__all__ = [
    "cached_matrix", "encode_texts", "file_digest", "fit_head", "library_versions", "macro_f1",
    "mention_matrix", "pair_matrix", "predict_labels",
]


def pair_matrix(examples: Sequence[PairExample], encodings: dict[str, Encoding]) -> np.ndarray:
    return np.stack([pair_features(encodings[e.text], e.first, e.second) for e in examples])


def mention_matrix(examples: Sequence[MentionExample], encodings: dict[str, Encoding]) -> np.ndarray:
    return np.stack([mention_features(encodings[e.text], e.span) for e in examples])
