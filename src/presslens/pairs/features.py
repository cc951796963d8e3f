"""Feature vectors of actor pairs and single actor mentions, read off the shared encoder.

A pair (source, target) in one sentence is described by the mean vectors of the two mentions'
word pieces, the sentence's mean vector, the mean of the word pieces between the two mentions and
whether the source comes first. A single mention (how a sentence portrays one actor) by its own
vector, the sentence's, and the mean of the word pieces around it. Everything is a function of
character spans in the encoded text, so training data with hand-marked spans and actor mentions
found by presslens are described the same way.
"""

from __future__ import annotations

import numpy as np
from spacy.tokens import Token

from presslens.encoder import Encoding

WINDOW = 6  # word pieces on each side of a mention that make its context


def _mean(vectors: np.ndarray, index: np.ndarray) -> np.ndarray:
    if len(index) == 0:
        return np.zeros(vectors.shape[1], dtype=np.float32)
    return np.asarray(vectors[index].mean(axis=0), dtype=np.float32)


def _span_index(encoding: Encoding, span: tuple[int, int]) -> np.ndarray:
    return encoding.pieces(span[0], span[1])


def pair_width(width: int) -> int:
    return 4 * width + 1


def pair_features(
    encoding: Encoding, source: tuple[int, int], target: tuple[int, int]
) -> np.ndarray:
    """The vector of the ordered pair: source and target are character spans of the text."""
    vectors = encoding.vectors
    src = _span_index(encoding, source)
    tgt = _span_index(encoding, target)
    low, high = (source, target) if source[0] <= target[0] else (target, source)
    between = np.flatnonzero(
        (encoding.offsets[:, 0] >= low[1]) & (encoding.offsets[:, 1] <= high[0])
    ) if len(encoding.offsets) else np.zeros(0, dtype=np.int64)
    return np.concatenate([
        _mean(vectors, src),
        _mean(vectors, tgt),
        encoding.sentence,
        _mean(vectors, between),
        np.array([1.0 if source[0] <= target[0] else 0.0], dtype=np.float32),
    ])


def mention_width(width: int) -> int:
    return 3 * width


def mention_features(encoding: Encoding, span: tuple[int, int]) -> np.ndarray:
    """The vector of one mention: its pieces, the sentence, and ``WINDOW`` pieces each side."""
    vectors = encoding.vectors
    inside = _span_index(encoding, span)
    if len(inside):
        first, last = int(inside[0]), int(inside[-1])
        around = np.r_[max(0, first - WINDOW):first, last + 1:min(len(vectors), last + 1 + WINDOW)]
    else:
        around = np.zeros(0, dtype=np.int64)
    return np.concatenate([_mean(vectors, inside), encoding.sentence, _mean(vectors, around)])


def span_tokens(tokens: list[Token], start: int, end: int) -> list[Token]:
    """The tokens overlapping characters ``start:end`` (offsets of the parsed text)."""
    return [t for t in tokens if t.idx < end and t.idx + len(t.text) > start]


def head_token(tokens: list[Token]) -> Token:
    """The token of ``tokens`` whose head lies outside them (the first, where none does)."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])


CROWD = 6  # segments naming this many actors or more are alike


def crowd_features(actors: int) -> np.ndarray:
    """How many actors the segment names (2, 3, ..., CROWD or more), one-hot: the more pairs a
    sentence holds, the fewer of them are related (a two-actor wire sentence against an expert's
    sentence listing five capitals)."""
    crowd = np.zeros(CROWD - 1, dtype=np.float32)
    crowd[min(max(actors, 2), CROWD) - 2] = 1.0
    return crowd


def relation_features(
    encoding: Encoding, offset: int, tokens: list[Token],
    source: tuple[int, int], target: tuple[int, int], actors: int,
) -> np.ndarray | None:
    """The relation head's input for the ordered pair of character spans ``source``/``target``
    (offsets of the parsed text; ``offset``: where the encoded text starts in it) in a segment
    naming ``actors`` actors. None when a span covers no token."""
    from presslens.pairs.paths import path_features

    source_tokens = span_tokens(tokens, *source)
    target_tokens = span_tokens(tokens, *target)
    if not source_tokens or not target_tokens:
        return None
    inside = {t.i for t in source_tokens} | {t.i for t in target_tokens}
    relative = ((source[0] - offset, source[1] - offset), (target[0] - offset, target[1] - offset))
    return np.concatenate([
        pair_features(encoding, *relative),
        path_features(encoding, offset, head_token(source_tokens), head_token(target_tokens), inside),
        crowd_features(actors),
    ])
