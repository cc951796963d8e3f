"""Hashed lexical features and dense spaCy features, computed with numpy over a parsed ``Doc``.

Everything here is vectorised: spaCy already stores lowercase forms, lemmas, tags and dependency
labels as 64-bit hashes (deterministic across processes), so feature ids are arithmetic on those
arrays, never Python's randomised ``hash``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    LEMMA,
    LENGTH,
    LOWER,
    POS,
    SENT_START,
    SHAPE,
    TAG,
)
from spacy.tokens import Doc

_U = np.uint64
_C1 = _U(0xFF51AFD7ED558CCD)
_C2 = _U(0xC4CEB9FE1A85EC53)
_GOLD = 0x9E3779B97F4A7C15
_MASK = (1 << 64) - 1
_PAD = _U(0x5BD1E995)

TOKEN_BITS = 17
SPAN_BITS = 16
N_TOKEN_TEMPLATES = 20
TENSOR_DIM = 96


def _salt(template: int) -> np.uint64:
    return _U((template * _GOLD + 0x632BE59BD9B4E019) & _MASK)


def _mix(h: np.ndarray) -> np.ndarray:
    h = h ^ (h >> _U(33))
    h = h * _C1
    h = h ^ (h >> _U(33))
    h = h * _C2
    return h ^ (h >> _U(33))


def _key(template: int, *parts: np.ndarray) -> np.ndarray:
    h = np.full(parts[0].shape, _salt(template), dtype=np.uint64)
    for part in parts:
        h = _mix(h ^ part.astype(np.uint64))
    return h


def _bucket(h: np.ndarray, bits: int) -> np.ndarray:
    return (h >> _U(64 - bits)).astype(np.int64)


def _shift(a: np.ndarray, k: int) -> np.ndarray:
    """``a`` moved by ``k`` positions (k > 0: value of the token k before), padded."""
    out = np.full_like(a, _PAD)
    if k > 0:
        out[k:] = a[:-k]
    elif k < 0:
        out[:k] = a[-k:]
    else:
        out[:] = a
    return out


@dataclass
class DocFeatures:
    """Per-token arrays of one parsed document, shared by the tagger and the span classifier."""

    text: str  # the document text (``Doc.text`` is rebuilt from tokens on every access)
    idx: np.ndarray  # (n,) character offset of each token
    length: np.ndarray  # (n,) character length of each token
    sent: np.ndarray  # (n,) sentence number
    lemma: np.ndarray  # (n,) uint64
    lower: np.ndarray
    pos: np.ndarray
    is_punct: np.ndarray  # (n,) bool
    is_space: np.ndarray  # (n,) bool
    is_alpha: np.ndarray  # (n,) bool
    is_stop: np.ndarray  # (n,) bool
    tag: np.ndarray  # (n,) uint64
    sent_first: np.ndarray  # (n_sent,) first token of each sentence
    sent_last: np.ndarray  # (n_sent,) last non-space token of each sentence
    token_ids: np.ndarray  # (n, N_TOKEN_TEMPLATES) hashed feature buckets
    dense: np.ndarray  # (n, d) float32
    tensor: np.ndarray  # (n, 96) float32
    sent_tensor: np.ndarray  # (n_sent, 96) float32
    lemma_count: np.ndarray  # (n,) occurrences of the lemma in the document


_QUOTES = re.compile('["“”«»]')


def _quote_parity(text: str, idx: np.ndarray) -> np.ndarray:
    quotes = np.array([m.start() for m in _QUOTES.finditer(text)], dtype=np.int64)
    if quotes.size == 0:
        return np.zeros(idx.shape, dtype=np.float32)
    before = np.searchsorted(quotes, idx, side="left")
    return (before % 2).astype(np.float32)


def doc_features(sdoc: Doc, text: str | None = None) -> DocFeatures:
    """Compute the per-token features of ``sdoc`` (a doc of the presslens spaCy pipeline).

    ``text`` is ``sdoc.text`` when the caller has it at hand (saves rebuilding it).
    """
    n = len(sdoc)
    arr = sdoc.to_array(
        [
            LOWER,
            LEMMA,
            POS,
            TAG,
            DEP,
            SHAPE,
            ENT_TYPE,
            IS_PUNCT,
            IS_STOP,
            IDX,
            HEAD,
            LENGTH,
            IS_SPACE,
            IS_ALPHA,
            SENT_START,
        ]
    )
    lower, lemma, pos, tag, dep, shape, ent = (arr[:, i].astype(np.uint64) for i in range(7))
    is_punct = arr[:, 7].astype(bool)
    is_stop = arr[:, 8].astype(np.uint64)
    idx = arr[:, 9].astype(np.int64)
    head = np.arange(n, dtype=np.int64) + arr[:, 10].astype(np.int64)
    length = arr[:, 11].astype(np.int64)
    is_space = arr[:, 12].astype(bool)
    is_alpha = arr[:, 13].astype(bool)

    starts = (arr[:, 14].astype(np.int64) == 1).astype(np.int64)
    if n:
        starts[0] = 1
    sent = np.cumsum(starts) - 1
    sent_first = np.flatnonzero(starts)
    sent_len = np.diff(np.append(sent_first, n)) if n else np.zeros(0, dtype=np.int64)
    pos_in_sent = np.arange(n) - sent_first[sent] if n else np.zeros(0, dtype=np.int64)
    rel_pos = pos_in_sent / np.maximum(sent_len[sent], 1) if n else np.zeros(0)

    _, inverse, counts = np.unique(lemma, return_inverse=True, return_counts=True)
    lemma_count = counts[inverse].astype(np.int64)
    count_bucket = np.minimum(lemma_count, 6).astype(np.uint64)

    # last non-space token of each sentence, and whether it ends in '?', '!' or a quote mark
    if text is None:
        text = sdoc.text
    if n:
        nonspace = np.where(is_space, -1, np.arange(n))
        sent_last = np.maximum.reduceat(nonspace, sent_first)
        sent_last = np.where(sent_last < 0, sent_first, sent_last)
        end_chars = [text[int(idx[t] + length[t] - 1)] if length[t] else "" for t in sent_last]
    else:
        sent_last = np.zeros(0, dtype=np.int64)
        end_chars = []
    codes = {"?": 1, "!": 2, '"': 3, "”": 3}
    sent_end_char = np.array([codes.get(ch, 0) for ch in end_chars], dtype=np.uint64)
    in_quote = _quote_parity(text, idx)

    first_lemma = lemma[sent_first][sent] if n else lemma
    rel_bucket = np.minimum((rel_pos * 4).astype(np.uint64), _U(3))
    ids = (
        np.stack(
            [
                _key(1, lower),
                _key(2, lemma),
                _key(3, _shift(lower, 1)),
                _key(4, _shift(lower, -1)),
                _key(5, _shift(lemma, 1), lemma),
                _key(6, lemma, _shift(lemma, -1)),
                _key(7, tag),
                _key(8, dep, pos[head]),
                _key(9, lemma[head], dep),
                _key(10, shape),
                _key(11, _shift(pos, 1), pos, _shift(pos, -1)),
                _key(12, _shift(lower, 2)),
                _key(13, _shift(lower, -2)),
                _key(14, ent),
                _key(15, _shift(lemma, 2), _shift(lemma, 1)),
                _key(16, _shift(lemma, -1), _shift(lemma, -2)),
                _key(17, first_lemma, rel_bucket),
                _key(18, count_bucket, is_stop, pos),
                _key(
                    19, in_quote.astype(np.uint64), sent_end_char[sent] if n else lemma, rel_bucket
                ),
                _key(20, lemma, sent_end_char[sent] if n else lemma),
            ],
            axis=1,
        )
        if n
        else np.zeros((0, N_TOKEN_TEMPLATES), dtype=np.uint64)
    )
    token_ids = _bucket(ids, TOKEN_BITS)

    tensor = np.asarray(sdoc.tensor, dtype=np.float32)
    if tensor.shape != (n, TENSOR_DIM):  # pipelines without a shared tok2vec
        tensor = np.zeros((n, TENSOR_DIM), dtype=np.float32)
    if n:
        sums = np.add.reduceat(tensor, sent_first, axis=0)
        sent_tensor = (sums / sent_len[:, None]).astype(np.float32)
    else:
        sent_tensor = np.zeros((0, TENSOR_DIM), dtype=np.float32)
    end = sent_end_char[sent] if n else np.zeros(0, dtype=np.uint64)
    scalars = np.stack(
        [
            in_quote,
            (end == 1).astype(np.float32),
            (end == 2).astype(np.float32),
            np.log1p(lemma_count).astype(np.float32) * (1 - is_stop.astype(np.float32)),
            (sent == 0).astype(np.float32),
            rel_pos.astype(np.float32),
            np.log1p(sent_len[sent]).astype(np.float32) if n else np.zeros(0, np.float32),
        ],
        axis=1,
    ).astype(np.float32)
    dense = np.concatenate([tensor, sent_tensor[sent] if n else tensor, scalars], axis=1)
    return DocFeatures(
        text=text,
        idx=idx,
        length=length,
        sent=sent,
        lemma=lemma,
        lower=lower,
        pos=pos,
        is_punct=is_punct,
        is_space=is_space,
        is_alpha=is_alpha,
        is_stop=is_stop.astype(bool),
        tag=tag,
        sent_first=sent_first,
        sent_last=sent_last,
        token_ids=token_ids,
        dense=dense.astype(np.float32),
        tensor=tensor,
        sent_tensor=sent_tensor,
        lemma_count=lemma_count,
    )


SPAN_SLOTS = 48
_BAG = 20
_PAIRS = 12


def span_features(
    f: DocFeatures, spans: list[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hashed ids (m, SPAN_SLOTS), their values and dense features of token spans ``[i, j)``."""
    m = len(spans)
    n = len(f.lemma)
    ids = np.zeros((m, SPAN_SLOTS), dtype=np.int64)
    vals = np.zeros((m, SPAN_SLOTS), dtype=np.float32)
    dense = np.zeros((m, 2 * TENSOR_DIM + 6), dtype=np.float32)
    if m == 0 or n == 0:
        return ids, vals, dense
    ij = np.array(spans, dtype=np.int64).reshape(m, 2)
    i = np.clip(ij[:, 0], 0, n - 1)
    j = np.clip(np.maximum(ij[:, 1], i + 1), 1, n)
    size = j - i
    k = np.arange(_BAG)
    # up to 20 tokens of the span, evenly spread over longer spans
    bag = np.where(
        size[:, None] <= _BAG,
        i[:, None] + k[None, :],
        i[:, None] + (k[None, :] * (size[:, None] - 1)) // (_BAG - 1),
    )
    bag_ok = k[None, :] < np.minimum(size, _BAG)[:, None]
    bag = np.clip(bag, 0, n - 1)
    pair = bag[:, :_PAIRS]
    pair_ok = k[None, :_PAIRS] < (np.minimum(size, _BAG) - 1)[:, None]
    b1, b2, a1, a2 = i - 1, i - 2, j, j + 1

    def at(arr: np.ndarray, pos: np.ndarray) -> np.ndarray:
        return arr[np.clip(pos, 0, n - 1)]

    # maximum lemma frequency inside each span
    flat = np.concatenate([np.arange(a, b) for a, b in zip(i.tolist(), j.tolist(), strict=True)])
    offsets = np.concatenate([[0], np.cumsum(size)[:-1]])
    max_count = np.maximum.reduceat(f.lemma_count[flat], offsets)
    keys = np.concatenate(
        [
            _key(101, f.lemma[bag]),
            _key(102, f.lower[pair], at(f.lower, pair + 1)),
            _key(103, f.lemma[i])[:, None],
            _key(104, f.lemma[j - 1])[:, None],
            _key(105, at(f.lemma, b2))[:, None],
            _key(105, at(f.lemma, b1))[:, None],
            _key(106, at(f.lemma, a1))[:, None],
            _key(106, at(f.lemma, a2))[:, None],
            _key(107, (np.minimum(size, 40) // 3).astype(np.uint64))[:, None],
            _key(108, np.minimum(max_count, 6).astype(np.uint64))[:, None],
            _key(109, f.pos[i], f.pos[j - 1])[:, None],
        ],
        axis=1,
    )
    ok = np.concatenate(
        [
            bag_ok,
            pair_ok,
            np.ones((m, 2), dtype=bool),
            (b2 >= 0)[:, None],
            (b1 >= 0)[:, None],
            (a1 < n)[:, None],
            (a2 < n)[:, None],
            np.ones((m, 3), dtype=bool),
        ],
        axis=1,
    )
    width = keys.shape[1]
    ids[:, :width] = np.where(ok, _bucket(keys, SPAN_BITS), 0)
    vals[:, :width] = ok * (3.0 / np.sqrt(ok.sum(axis=1, keepdims=True)))
    csum = np.concatenate([np.zeros((1, TENSOR_DIM), np.float32), np.cumsum(f.tensor, axis=0)])
    qcol = f.dense[:, 2 * TENSOR_DIM]
    qsum = np.concatenate([[0.0], np.cumsum(qcol)])
    sent_sizes = np.bincount(f.sent, minlength=len(f.sent_first))
    sent = f.sent[i]
    dense[:, :TENSOR_DIM] = (csum[j] - csum[i]) / size[:, None]
    dense[:, TENSOR_DIM : 2 * TENSOR_DIM] = f.sent_tensor[sent]
    dense[:, 2 * TENSOR_DIM] = np.log1p(size)
    dense[:, 2 * TENSOR_DIM + 1] = size / np.maximum(sent_sizes[sent], 1)
    dense[:, 2 * TENSOR_DIM + 2] = (qsum[j] - qsum[i]) / size  # inside quotes
    dense[:, 2 * TENSOR_DIM + 3] = f.dense[i, 2 * TENSOR_DIM + 1]  # sentence ends with '?'
    dense[:, 2 * TENSOR_DIM + 4] = f.dense[i, 2 * TENSOR_DIM + 2]  # sentence ends with '!'
    dense[:, 2 * TENSOR_DIM + 5] = np.log1p(max_count)
    return ids, vals, dense
