"""Hashed lexical features and dense spaCy features, computed with numpy over a parsed ``Doc``.

Everything here is vectorised: spaCy already stores lowercase forms, lemmas, tags and dependency
labels as 64-bit hashes (deterministic across processes), so feature ids are arithmetic on those
arrays, never Python's randomised ``hash``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_STOP, LEMMA, LOWER, POS, SHAPE, TAG
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

    idx: np.ndarray  # (n,) character offset of each token
    length: np.ndarray  # (n,) character length of each token
    sent: np.ndarray  # (n,) sentence number
    lemma: np.ndarray  # (n,) uint64
    lower: np.ndarray
    pos: np.ndarray
    is_punct: np.ndarray  # (n,) bool
    token_ids: np.ndarray  # (n, N_TOKEN_TEMPLATES) hashed feature buckets
    dense: np.ndarray  # (n, d) float32
    tensor: np.ndarray  # (n, 96) float32
    sent_tensor: np.ndarray  # (n_sent, 96) float32
    lemma_count: np.ndarray  # (n,) occurrences of the lemma in the document


def _quote_parity(text: str, idx: np.ndarray) -> np.ndarray:
    quotes = np.array([i for i, ch in enumerate(text) if ch in '"“”«»'], dtype=np.int64)
    if quotes.size == 0:
        return np.zeros(idx.shape, dtype=np.float32)
    before = np.searchsorted(quotes, idx, side="left")
    return (before % 2).astype(np.float32)


def doc_features(sdoc: Doc) -> DocFeatures:
    """Compute the per-token features of ``sdoc`` (a doc of the presslens spaCy pipeline)."""
    n = len(sdoc)
    arr = sdoc.to_array(
        [LOWER, LEMMA, POS, TAG, DEP, SHAPE, ENT_TYPE, IS_PUNCT, IS_STOP, IDX, HEAD]
    )
    lower, lemma, pos, tag, dep, shape, ent = (arr[:, i].astype(np.uint64) for i in range(7))
    is_punct = arr[:, 7].astype(bool)
    is_stop = arr[:, 8].astype(np.uint64)
    idx = arr[:, 9].astype(np.int64)
    head = np.arange(n, dtype=np.int64) + arr[:, 10].astype(np.int64)
    length = np.fromiter((len(t) for t in sdoc), dtype=np.int64, count=n)

    starts = np.zeros(n, dtype=np.int64)
    for s in sdoc.sents:
        starts[s.start] = 1
    if n:
        starts[0] = 1
    sent = np.cumsum(starts) - 1
    n_sent = int(sent[-1]) + 1 if n else 0
    sent_first = np.flatnonzero(starts)
    sent_len = np.diff(np.append(sent_first, n)) if n else np.zeros(0, dtype=np.int64)
    pos_in_sent = np.arange(n) - sent_first[sent] if n else np.zeros(0, dtype=np.int64)
    rel_pos = pos_in_sent / np.maximum(sent_len[sent], 1) if n else np.zeros(0)

    _, inverse, counts = np.unique(lemma, return_inverse=True, return_counts=True)
    lemma_count = counts[inverse].astype(np.int64)
    count_bucket = np.minimum(lemma_count, 6).astype(np.uint64)

    # last non-punctuation-space character of each sentence: '?', '!' flags
    text = sdoc.text
    sent_end_char = np.zeros(n_sent, dtype=np.uint64)
    for k, first in enumerate(sent_first):
        last = (sent_first[k + 1] if k + 1 < n_sent else n) - 1
        while last > first and sdoc[last].is_space:
            last -= 1
        ch = sdoc[last].text[-1:] if n else ""
        sent_end_char[k] = {"?": 1, "!": 2, '"': 3, "”": 3}.get(ch, 0)
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
        idx=idx,
        length=length,
        sent=sent,
        lemma=lemma,
        lower=lower,
        pos=pos,
        is_punct=is_punct,
        token_ids=token_ids,
        dense=dense.astype(np.float32),
        tensor=tensor,
        sent_tensor=sent_tensor,
        lemma_count=lemma_count,
    )


SPAN_SLOTS = 48


def span_features(
    f: DocFeatures, spans: list[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Hashed ids (m, SPAN_SLOTS), their values and dense features of token spans ``[i, j)``."""
    m = len(spans)
    ids = np.zeros((m, SPAN_SLOTS), dtype=np.int64)
    vals = np.zeros((m, SPAN_SLOTS), dtype=np.float32)
    dense = np.zeros((m, 2 * TENSOR_DIM + 6), dtype=np.float32)
    n = len(f.lemma)
    for r, (i, j) in enumerate(spans):
        j = max(j, i + 1)
        inner = np.arange(i, j)
        keys: list[np.ndarray] = []
        bag = (
            inner[:20]
            if len(inner) <= 20
            else np.unique(np.linspace(i, j - 1, 20).astype(np.int64))
        )
        keys.append(_key(101, f.lemma[bag]))
        if len(inner) > 1:
            pairs = bag[:-1]
            keys.append(_key(102, f.lower[pairs], f.lower[np.minimum(pairs + 1, n - 1)])[:12])
        ctx_before = np.arange(max(0, i - 2), i)
        ctx_after = np.arange(j, min(n, j + 2))
        keys.append(_key(103, f.lemma[[i]]))
        keys.append(_key(104, f.lemma[[j - 1]]))
        keys.append(_key(105, f.lemma[ctx_before]))
        keys.append(_key(106, f.lemma[ctx_after]))
        keys.append(_key(107, np.array([min(len(inner), 40) // 3], dtype=np.uint64)))
        keys.append(_key(108, np.array([min(int(f.lemma_count[inner].max()), 6)], dtype=np.uint64)))
        keys.append(_key(109, f.pos[[i]], f.pos[[j - 1]]))
        allk = np.concatenate(keys)[:SPAN_SLOTS]
        ids[r, : len(allk)] = _bucket(allk, SPAN_BITS)
        vals[r, : len(allk)] = 1.0 / np.sqrt(max(len(allk), 1)) * 3.0
        s = int(f.sent[i])
        sent_len = int(np.sum(f.sent == s))
        dense[r, :TENSOR_DIM] = f.tensor[inner].mean(axis=0)
        dense[r, TENSOR_DIM : 2 * TENSOR_DIM] = f.sent_tensor[s]
        dense[r, 2 * TENSOR_DIM :] = [
            np.log1p(len(inner)),
            len(inner) / max(sent_len, 1),
            float(f.dense[inner, 2 * TENSOR_DIM].mean()),  # inside quotes
            float(f.dense[i, 2 * TENSOR_DIM + 1]),  # sentence ends with '?'
            float(f.dense[i, 2 * TENSOR_DIM + 2]),  # sentence ends with '!'
            np.log1p(float(f.lemma_count[inner].max())),
        ]
    return ids, vals, dense
