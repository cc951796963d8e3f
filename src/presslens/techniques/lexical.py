"""Lexical features of sentences for the learned technique stage: hashed word uni- and bigrams
and character 3-5-grams within words (padded with a space at either end), each block weighted
by sublinear tf times idf and scaled to unit length, the two blocks then halved in norm so the
sentence's vector has length one.

Deterministic across machines and runs: features are hashed with ``zlib.crc32`` of their UTF-8
bytes (never Python's salted ``hash``) into ``HASH_BITS`` bits. numpy and the standard library
only at run time; the idf and the per-label weights are fitted by ``training2023`` (the idf on
the training folds only) and shipped as ``lexical.npz``: only the hashed features seen in
training are kept (their index, idf and float16 weights).
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

HASH_BITS = 18
HASH_SIZE = 1 << HASH_BITS
CHAR_SIZES = (3, 4, 5)
MIN_DF = 2  # a column in fewer training sentences is dropped
STACK_CLIP = 9.2  # logits clipped before the two heads are mixed: probabilities 1e-4 .. 1 - 1e-4
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|[!?\"“”]")  # words, and ! ? and quotation marks
_BLOCK_WEIGHT = float(np.sqrt(0.5))  # two blocks of unit length, together of length one


def tokens(text: str) -> list[str]:
    """Lower-cased words (an apostrophe kept inside: "don't") and the marks ! ? and quotes."""
    return [t.replace("’", "'") for t in _TOKEN.findall(text.lower())]


@lru_cache(maxsize=1 << 18)
def feature_hash(feature: str) -> int:
    """The column of a feature: CRC-32 of its UTF-8 bytes, cut to ``HASH_BITS`` bits."""
    return zlib.crc32(feature.encode("utf-8")) & (HASH_SIZE - 1)


@lru_cache(maxsize=1 << 16)
def _char_columns(word: str) -> tuple[int, ...]:
    padded = f" {word} "
    return tuple(feature_hash("c:" + padded[i:i + n])
                 for n in CHAR_SIZES for i in range(len(padded) - n + 1))


def _columns(text: str) -> tuple[list[int], list[int]]:
    """The sentence's hashed features, each as often as it occurs: (word uni- and bigrams,
    character n-grams of its words)."""
    words = tokens(text)
    word_columns = [feature_hash("w:" + w) for w in words]
    word_columns += [feature_hash(f"b:{a} {b}") for a, b in pairwise(words)]
    char_columns: list[int] = []
    for w in words:
        if w[0].isalnum():
            char_columns += _char_columns(w)
    return word_columns, char_columns


def hashed_counts(text: str) -> tuple[Counter[int], Counter[int]]:
    """Counts of the sentence's hashed features: (word uni- and bigrams, character n-grams)."""
    word_columns, char_columns = _columns(text)
    return Counter(word_columns), Counter(char_columns)


def tfidf_rows(texts: Sequence[str], idf: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The TF-IDF vectors of ``texts`` (``idf`` of length ``HASH_SIZE``; None: tf alone) as
    (row, column, value) triples sorted by row, a column hit by both blocks twice (its values
    add up)."""
    blocks: tuple[list[np.ndarray], list[np.ndarray]] = ([], [])
    for k, text in enumerate(texts):
        for block, columns in zip(blocks, _columns(text), strict=True):
            block.append(np.asarray(columns, dtype=np.int64) + k * HASH_SIZE)
    parts = []
    for block in blocks:
        keys, counts = np.unique(np.concatenate(block) if block else np.zeros(0, np.int64),
                                 return_counts=True)
        rows, cols = keys // HASH_SIZE, keys % HASH_SIZE
        vals = 1.0 + np.log(counts)
        if idf is not None:
            vals = vals * idf[cols]
        norms = np.sqrt(np.bincount(rows, vals * vals, minlength=len(texts)))
        vals = vals / np.where(norms > 0, norms, 1.0)[rows] * _BLOCK_WEIGHT
        parts.append((rows, cols, vals))
    order = np.argsort(np.concatenate([parts[0][0], parts[1][0]]), kind="stable")
    return tuple(np.concatenate([parts[0][i], parts[1][i]])[order] for i in range(3))  # type: ignore[return-value]


def sentence_vector(text: str, idf: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """Columns and values of the sentence's TF-IDF vector (``tfidf_rows`` of one text)."""
    _, cols, vals = tfidf_rows([text], idf)
    return cols, vals


def document_frequencies(texts: Sequence[str]) -> np.ndarray:
    """In how many of ``texts`` each hashed column occurs."""
    df = np.zeros(HASH_SIZE, dtype=np.int64)
    for text in texts:
        word_columns, char_columns = _columns(text)
        df[list(set(word_columns) | set(char_columns))] += 1
    return df


def fit_idf(texts: Sequence[str], min_df: int = MIN_DF) -> np.ndarray:
    """Smoothed idf, ln((1 + n) / (1 + df)) + 1 (scikit-learn's), over ``HASH_SIZE`` columns; 0
    for a column in fewer than ``min_df`` of ``texts`` (dropped: it counts in no vector)."""
    df = document_frequencies(texts)
    idf = np.log((1.0 + len(texts)) / (1.0 + df)) + 1.0
    idf[df < min_df] = 0.0
    return idf


def sparse_matrix(texts: Sequence[str], idf: np.ndarray) -> csr_matrix:
    """The TF-IDF rows of ``texts`` as a scipy CSR matrix (training only)."""
    from scipy.sparse import csr_matrix

    rows, cols, vals = tfidf_rows(texts, idf)
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(texts), HASH_SIZE))
    matrix.sum_duplicates()
    matrix.eliminate_zeros()
    return matrix


@dataclass(frozen=True)
class LexicalHead:
    """One logistic regression per label over the sentences' TF-IDF vectors, kept for the
    columns seen in training: ``columns`` (sorted hashed columns), their ``idf`` and
    ``weights`` [columns, labels]; ``probabilities(texts)`` gives [sentences, labels]."""

    classes: tuple[str, ...]
    columns: np.ndarray
    idf: np.ndarray
    weights: np.ndarray
    bias: np.ndarray

    @cached_property
    def _dense(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Look-ups over every hashed column: its idf (0 when dropped), its row of ``weights``
        (a last row of zeros for a dropped column) and those weights in float32."""
        idf = np.zeros(HASH_SIZE, dtype=np.float64)
        idf[self.columns] = self.idf
        rows = np.full(HASH_SIZE, len(self.columns), dtype=np.int64)
        rows[self.columns] = np.arange(len(self.columns))
        weights = np.concatenate([self.weights.astype(np.float32),
                                  np.zeros((1, len(self.classes)), dtype=np.float32)])
        return idf, rows, weights

    def logits(self, texts: Sequence[str]) -> np.ndarray:
        idf, weight_rows, weights = self._dense
        if not texts:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        rows, cols, vals = tfidf_rows(texts, idf)
        # each feature's value times its weights, summed over the features of each sentence
        # (rows are sorted; a sentence without features keeps the bias alone)
        contributions = weights[weight_rows[cols]] * vals.astype(np.float32)[:, None]
        out = np.zeros((len(texts), len(self.classes)), dtype=np.float32)
        if len(rows):
            starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]])
            out[rows[starts]] = np.add.reduceat(contributions, starts, axis=0)
        return out + self.bias.astype(np.float32)

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        logits = np.clip(self.logits(texts), -30.0, 30.0)
        return np.round(1.0 / (1.0 + np.exp(-logits)), 4)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(folder / "lexical.npz", columns=self.columns.astype(np.int32),
                            idf=self.idf.astype(np.float32), weights=self.weights.astype(np.float16),
                            bias=self.bias.astype(np.float32), classes=np.array(self.classes),
                            hash_bits=np.array(HASH_BITS))

    @classmethod
    def load(cls, folder: Path) -> LexicalHead:
        with np.load(folder / "lexical.npz") as data:
            if int(data["hash_bits"]) != HASH_BITS:
                raise ValueError(f"{folder}/lexical.npz hashes into {int(data['hash_bits'])} bits")
            return cls(tuple(str(c) for c in data["classes"]), data["columns"].astype(np.int64),
                       data["idf"].astype(np.float64), data["weights"], data["bias"].astype(np.float32))


def stacked(heads: Sequence[np.ndarray], stack: np.ndarray) -> np.ndarray:
    """Probabilities of the heads' logits (each clipped to ±``STACK_CLIP``) mixed per label by
    ``stack`` [labels, heads + 1]: one weight per head in the order of ``heads`` (the sentence
    head, the lexical head, then any fine-tuned one), then the bias; rounded to 1e-4."""
    if stack.shape[1] != len(heads) + 1:
        raise ValueError(f"a stack of {stack.shape[1] - 1} heads cannot mix {len(heads)}")
    z = stack[:, -1] + sum(np.clip(h, -STACK_CLIP, STACK_CLIP) * stack[:, k]
                           for k, h in enumerate(heads))
    return np.round(1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0))), 4)


# training (scikit-learn, deterministic: liblinear and lbfgs with a fixed seed)

def fit_lexical(texts: Sequence[str], y: np.ndarray, labels: Sequence[str], c: float,
                balanced: frozenset[str] = frozenset(), weighting: str = "none") -> LexicalHead:
    """The idf over ``texts`` and one L2 logistic regression per label on their TF-IDF rows
    (liblinear); a label without positives gets a bias of -30 and no weights. The labels in
    ``balanced`` weigh their positives as much as all their negatives; with ``weighting``
    "sqrt" every other label's positives weigh sqrt(negatives / positives) (rare labels more)."""
    from sklearn.linear_model import LogisticRegression

    idf = fit_idf(texts)
    matrix = sparse_matrix(texts, idf)
    columns = np.flatnonzero(idf)
    weights = np.zeros((len(columns), len(labels)), dtype=np.float64)
    bias = np.full(len(labels), -30.0)
    for j, label in enumerate(labels):
        if y[:, j].sum() == 0:
            continue
        positives = int(y[:, j].sum())
        weight: str | dict[int, float] | None = (
            "balanced" if label in balanced
            else {0: 1.0, 1: float(np.sqrt((len(y) - positives) / positives))} if weighting == "sqrt"
            else None)
        model = LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0,
                                   class_weight=weight)
        model.fit(matrix, y[:, j])
        weights[:, j] = model.coef_[0][columns]
        bias[j] = model.intercept_[0]
    return LexicalHead(tuple(labels), columns, idf[columns], weights.astype(np.float16),
                       bias.astype(np.float32))


def fit_stack(heads: Sequence[np.ndarray], y: np.ndarray, labels: Sequence[str],
              encoder_only: frozenset[str] = frozenset()) -> np.ndarray:
    """Per label, a logistic regression (C 1) of the gold on the heads' clipped (out-of-fold)
    logits: [labels, heads + 1]. A label in ``encoder_only``, or without positives, keeps the
    first head's logit as it is (1, 0, ..., 0)."""
    from sklearn.linear_model import LogisticRegression

    stack = np.zeros((len(labels), len(heads) + 1))
    stack[:, 0] = 1.0
    for j, label in enumerate(labels):
        if label in encoder_only or y[:, j].sum() == 0:
            continue
        z = np.stack([np.clip(h[:, j], -STACK_CLIP, STACK_CLIP) for h in heads], axis=1)
        model = LogisticRegression(C=1.0, random_state=0).fit(z, y[:, j])
        stack[j] = [*model.coef_[0], model.intercept_[0]]
    return np.round(stack, 4)


def choose_lexical(texts: Sequence[str], y: np.ndarray, folds: np.ndarray,
                   encoder_oof: Sequence[np.ndarray], labels: Sequence[str], unseen: frozenset[str],
                   score: Callable[[np.ndarray], tuple[dict[str, float], dict[str, float]]],
                   grid: Sequence[tuple[float, str]],
                   ) -> tuple[dict[str, object], tuple[float, str], dict[str, float], np.ndarray]:
    """The C and class weighting of the lexical head by cross-validation: for each of ``grid``, out-of-fold lexical logits
    (idf and weights fitted on the other folds), mixed with the out-of-fold logits of the heads
    over the encoder ``encoder_oof`` (the sentence head, then any fine-tuned one; the lexical
    head stacks second) by ``fit_stack`` cross-fitted (each fold's rows mixed by a stack
    fitted on the other folds' rows), scored by ``score`` (thresholds, figures). Returns the
    figures of each, the best (micro- plus macro-F1), its thresholds and out-of-fold logits."""
    tried: dict[str, object] = {}
    best: tuple[float, tuple[float, str], dict[str, float], np.ndarray] | None = None
    for c, weighting in grid:
        oof = np.zeros_like(encoder_oof[0])
        for fold in range(int(folds.max()) + 1):
            inside = folds == fold
            head = fit_lexical([t for t, i in zip(texts, inside, strict=True) if not i],
                               y[~inside], labels, c, unseen, weighting)
            oof[inside] = head.logits([t for t, i in zip(texts, inside, strict=True) if i])
        mixed = np.zeros_like(oof)
        for fold in range(int(folds.max()) + 1):
            inside = folds == fold
            heads = [encoder_oof[0], oof, *encoder_oof[1:]]
            stack = fit_stack([h[~inside] for h in heads], y[~inside], labels, unseen)
            mixed[inside] = stacked([h[inside] for h in heads], stack)
        chosen, figures = score(mixed)
        tried[f"C={c} weighting={weighting}"] = figures
        total = figures["paragraph_micro_f1"] + figures["paragraph_macro_f1"]
        if best is None or total > best[0]:
            best = (total, (c, weighting), chosen, oof)
    assert best is not None
    return tried, best[1], best[2], best[3]
