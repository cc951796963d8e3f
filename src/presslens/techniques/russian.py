"""Persuasion techniques in Russian articles (SemEval-2023 labels, all 23), numpy only at run time.

No multilingual encoder is available offline, so the Russian model is linear over features every
sentence and every paragraph (non-blank line) gets from ``natasha``'s own pieces: razdel sentences
(cut at line breaks first, so that a sentence never spans two paragraphs), hashed TF-IDF of
lowercased words, word bigrams and character 3-5-grams (the grams stand in for lemmas: a declined
word keeps its stem's grams), the mean and the maximum of the navec vectors of the words
(``natasha.NewsEmbedding``: the maximum keeps the one strongly marked word a mean dilutes), and
a few numbers (length, exclamation and question marks, quotation marks, the title line, the
position in the article, dashes, ellipses, capitals). Two heads of one logistic regression per
label: the sentence head gives the probability that the sentence overlaps a human-annotated span
of the label, the paragraph head that the paragraph carries the label. A sentence's score mixes
its own probability with its paragraph's; a label is emitted on the sentence where the score
reaches the label's threshold (chosen per label by cross-validation over the training articles),
with a Platt-scaled confidence. Paragraph labels follow from the sentence spans. Trained by
``presslens train techniques-ru`` (``russian_training``).
"""

from __future__ import annotations

import json
import re
import zlib
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from presslens.model import Technique

if TYPE_CHECKING:
    from navec import Navec

SHIPPED = Path(str(resources.files("presslens") / "data" / "models" / "techniques_ru"))
BUCKETS = 1 << 18  # hashed buckets per sparse group (words and bigrams; character grams)
GROUPS = ("w", "c")  # the sparse groups, in column order
SPARSE_WIDTH = BUCKETS * len(GROUPS)
EMBEDDING_WIDTH = 300
NUMBERS = ("log_length", "exclamations", "questions", "quotes", "title", "position", "dashes",
           "ellipsis", "capitals")
DENSE_WIDTH = 2 * EMBEDDING_WIDTH + len(NUMBERS)
_LETTERS = re.compile(r"[^\W\d_]", re.UNICODE)
_QUOTES = frozenset("«»„“”\"")
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|[^\w\s]", re.UNICODE)
_UPPER = re.compile(r"[^\W\d_a-zа-яё]", re.UNICODE)


def _normal(token: str) -> str:
    return token.lower().replace("ё", "е")


def _bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) % BUCKETS


@lru_cache(maxsize=200_000)
def _word_buckets(word: str) -> tuple[int, ...]:
    """The buckets of a normalised word: the word itself (group w) and its character 3-5-grams
    with boundary marks (group c, offset by ``BUCKETS``)."""
    out = [_bucket("w:" + word)]
    if _LETTERS.search(word):
        padded = f"<{word}>"
        for n in (3, 4, 5):
            for i in range(max(len(padded) - n + 1, 0)):
                out.append(BUCKETS + _bucket("c:" + padded[i:i + n]))
    return tuple(out)


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """The razdel sentences of every non-blank line of ``text``, as character offsets."""
    from razdel import sentenize

    out = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            for sent in sentenize(line):
                if sent.text.strip():
                    out.append((start + sent.start, start + sent.stop))
        start += len(line) + 1
    return out


@dataclass(frozen=True)
class SentenceRows:
    """Features of an article's sentences (or paragraphs): sparse TF counts (bucket -> count,
    before IDF) and the dense rows (navec mean, numbers)."""

    sparse: list[Counter[int]]
    dense: np.ndarray


def _tokens(text: str) -> list[str]:
    """Normalised words (hyphenated ones whole: "из-за", "что-то") and single punctuation marks."""
    return _TOKEN.findall(_normal(text))


@lru_cache(maxsize=1)
def _navec() -> Navec:
    from natasha import NewsEmbedding

    return NewsEmbedding()


@lru_cache(maxsize=200_000)
def _vector(word: str) -> np.ndarray | None:
    vec = _navec().get(word)
    return None if vec is None else np.asarray(vec, dtype=np.float32)


def _pooled_vectors(words: Iterable[str]) -> np.ndarray:
    """The mean and the maximum (per dimension) of the words' navec vectors, side by side."""
    vecs = [v for v in (_vector(w) for w in words) if v is not None]
    if not vecs:
        return np.zeros(2 * EMBEDDING_WIDTH, dtype=np.float32)
    return np.concatenate([np.mean(vecs, axis=0), np.max(vecs, axis=0)]).astype(np.float32)


def _numbers(sentence: str, tokens: Sequence[str], title: bool, position: float) -> list[float]:
    letters = len(_LETTERS.findall(sentence))
    capitals = len(_UPPER.findall(sentence)) / letters if letters else 0.0
    return [float(np.log1p(len(tokens))), float(min(sentence.count("!"), 3)),
            float(min(sentence.count("?"), 3)), float(any(c in _QUOTES for c in sentence)),
            float(title), position, float("—" in sentence or " - " in sentence),
            float("..." in sentence or "…" in sentence), capitals]


def article_rows(text: str, bounds: Sequence[tuple[int, int]]) -> SentenceRows:
    """One row per sentence of ``bounds`` (offsets into ``text``)."""
    lines = _line_of(text, bounds)
    first_line = lines[0] if lines else -1
    tokens = [_tokens(text[s:e]) for s, e in bounds]
    sparse: list[Counter[int]] = []
    for toks in tokens:
        keys: list[int] = []
        for tok in toks:
            keys.extend(_word_buckets(tok))
        keys.extend(_bucket(f"b:{first} {second}") for first, second in pairwise(toks))
        sparse.append(Counter(keys))
    pooled = [_pooled_vectors(t) for t in tokens]
    n = max(len(bounds) - 1, 1)
    dense = [np.concatenate([pooled[k],
                             np.array(_numbers(text[s:e], tokens[k], lines[k] == first_line, k / n),
                                      dtype=np.float32)])
             for k, (s, e) in enumerate(bounds)]
    return SentenceRows(sparse, np.array(dense, dtype=np.float32).reshape(len(bounds), DENSE_WIDTH))


def _line_of(text: str, bounds: Sequence[tuple[int, int]]) -> list[int]:
    """The line number (from 0) each sentence starts on."""
    starts = [m.end() for m in re.finditer("\n", text)]
    out = []
    line = 0
    for s, _ in bounds:
        while line < len(starts) and starts[line] <= s:
            line += 1
        out.append(line)
    return out


def tfidf(counts: Mapping[int, int], idf: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted bucket indices and their values: log(1 + tf) * idf, each group L2-normalised
    (buckets of zero IDF, never seen in training, dropped)."""
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
    tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
    order = np.argsort(idx, kind="stable")
    idx = idx[order]
    val = np.log1p(tf[order]) * idf[idx]
    keep = val > 0
    idx, val = idx[keep], val[keep]
    for g in range(len(GROUPS)):
        inside = (idx >= g * BUCKETS) & (idx < (g + 1) * BUCKETS)
        norm = float(np.sqrt((val[inside] ** 2).sum()))
        if norm > 0:
            val[inside] /= norm
    return idx, val.astype(np.float32)


@dataclass(frozen=True)
class LinearHead:
    """One logistic regression per label over one level's rows (sentences or paragraphs)."""

    idf: np.ndarray  # [SPARSE_WIDTH], 0 for a bucket not kept in training
    row_of: np.ndarray  # [SPARSE_WIDTH]: a kept bucket's row of ``sparse`` (-1 for the others)
    sparse: np.ndarray  # [kept buckets, labels], in bucket order
    dense: np.ndarray  # [DENSE_WIDTH, labels], standardisation folded in
    bias: np.ndarray  # [labels]

    @classmethod
    def build(cls, idf: np.ndarray, sparse: np.ndarray, dense: np.ndarray, bias: np.ndarray) -> LinearHead:
        """From the weights of every bucket (``sparse``: [SPARSE_WIDTH, labels]), keeping the rows
        of the buckets with an IDF only (a 2**19-row matrix would take ~100 MB per model)."""
        seen = np.flatnonzero(idf > 0)
        row_of = np.full(SPARSE_WIDTH, -1, dtype=np.int32)
        row_of[seen] = np.arange(len(seen), dtype=np.int32)
        return cls(idf.astype(np.float32), row_of, np.ascontiguousarray(sparse[seen], dtype=np.float32),
                   dense.astype(np.float32), bias.astype(np.float32))

    def probabilities(self, rows: SentenceRows) -> np.ndarray:
        """[rows, labels]: one sigmoid per label."""
        n = len(rows.sparse)
        logits = np.zeros((n, self.bias.shape[0]), dtype=np.float32)
        pairs = [tfidf(counts, self.idf) for counts in rows.sparse]
        filled = [k for k, (idx, _) in enumerate(pairs) if len(idx)]
        if filled:
            idx = np.concatenate([pairs[k][0] for k in filled])
            val = np.concatenate([pairs[k][1] for k in filled])
            starts = np.cumsum([0] + [len(pairs[k][0]) for k in filled[:-1]])
            weights = self.sparse[self.row_of[idx]]
            logits[filled] = np.add.reduceat(weights * val[:, None], starts, axis=0)
        if n:
            # einsum, not BLAS: a multithreaded BLAS product spends an article's time scheduling
            logits += np.einsum("ij,jk->ik", rows.dense, self.dense) + self.bias
        # rounded: the last bits of a CPU's float kernels never decide anything downstream
        return np.round(1.0 / (1.0 + np.exp(-np.clip(logits, -30.0, 30.0))), 4)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """The head as arrays: sparse weights for the kept buckets only, int8 with one scale per
        label."""
        seen = np.flatnonzero(self.idf > 0)
        block = self.sparse
        scale = np.maximum(np.abs(block).max(axis=0), 1e-9) / 127.0 if len(seen) else \
            np.ones(self.bias.shape[0], dtype=np.float32)
        return {f"{prefix}_seen": seen.astype(np.int32), f"{prefix}_idf": self.idf[seen].astype(np.float16),
                f"{prefix}_sparse": np.round(block / scale).astype(np.int8),
                f"{prefix}_scale": scale.astype(np.float32),
                f"{prefix}_dense": self.dense.astype(np.float32), f"{prefix}_bias": self.bias.astype(np.float32)}

    @classmethod
    def from_arrays(cls, z: Mapping[str, np.ndarray], prefix: str) -> LinearHead:
        seen = z[f"{prefix}_seen"].astype(np.int64)
        idf = np.zeros(SPARSE_WIDTH, dtype=np.float32)
        idf[seen] = z[f"{prefix}_idf"].astype(np.float32)
        row_of = np.full(SPARSE_WIDTH, -1, dtype=np.int32)
        row_of[seen] = np.arange(len(seen), dtype=np.int32)
        sparse = z[f"{prefix}_sparse"].astype(np.float32) * z[f"{prefix}_scale"]
        return cls(idf, row_of, sparse, z[f"{prefix}_dense"].astype(np.float32),
                   z[f"{prefix}_bias"].astype(np.float32))


@dataclass(frozen=True)
class RussianTechniqueModel:
    """A sentence's score for a label: ``mix`` times its paragraph's probability (paragraph head)
    plus ``1 - mix`` times its own (sentence head); a label is emitted on the sentence where the
    score reaches the label's threshold, with the confidence ``sigmoid(a * logit(score) + b)``
    (Platt scaling of the score against the sentence targets, out of fold)."""

    labels: tuple[str, ...]
    sentence: LinearHead
    paragraph: LinearHead
    mix: float
    platt: tuple[float, float]
    thresholds: dict[str, float]  # per label, chosen by cross-validation over training articles
    meta: dict[str, object]

    def scores(self, text: str, bounds: Sequence[tuple[int, int]]) -> np.ndarray:
        """[sentences, labels]: the mixed score of every sentence of ``bounds``."""
        own = self.sentence.probabilities(article_rows(text, bounds))
        if self.mix == 0.0:
            return own
        lines = paragraph_bounds(text)
        of_paragraph = self.paragraph.probabilities(article_rows(text, lines))
        starts = [s for s, _ in lines]
        index = [bisect_right(starts, s) - 1 for s, _ in bounds]
        return self.mix * of_paragraph[index] + (1.0 - self.mix) * own

    def confidence(self, score: np.ndarray) -> np.ndarray:
        p = np.clip(score, 1e-4, 1 - 1e-4)
        a, b = self.platt
        return np.round(1.0 / (1.0 + np.exp(-(a * np.log(p / (1 - p)) + b))), 4)

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        arrays = self.sentence.arrays("sentence") | self.paragraph.arrays("paragraph")
        np.savez_compressed(folder / "weights.npz", allow_pickle=False, **arrays)
        meta = dict(self.meta) | {"labels": list(self.labels), "thresholds": self.thresholds,
                                  "mix": self.mix, "platt": list(self.platt)}
        (folder / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True, ensure_ascii=False)
                                          + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path) -> RussianTechniqueModel:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        with np.load(folder / "weights.npz") as z:
            sentence, paragraph = LinearHead.from_arrays(z, "sentence"), LinearHead.from_arrays(z, "paragraph")
        a, b = meta["platt"]
        return cls(tuple(str(x) for x in meta["labels"]), sentence, paragraph, float(meta["mix"]),
                   (float(a), float(b)), {str(k): float(v) for k, v in meta["thresholds"].items()}, meta)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Every non-blank line of ``text`` (the task's paragraphs), as character offsets."""
    out = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


@lru_cache(maxsize=4)
def load_russian_technique_model(folder: Path | None = None) -> RussianTechniqueModel:
    """The shipped Russian technique model (or the one in ``folder``), loaded once."""
    return RussianTechniqueModel.load(folder or SHIPPED)


def techniques_of_sentences(text: str, bounds: Sequence[tuple[int, int]], scores: np.ndarray,
                            model: RussianTechniqueModel, threshold: float = 0.0) -> list[Technique]:
    """A technique on each sentence whose score reaches the label's threshold and whose
    confidence reaches ``threshold``, spanning the sentence."""
    confidence = model.confidence(scores)
    out = []
    for k, (s, e) in enumerate(bounds):
        for j, label in enumerate(model.labels):
            c = float(confidence[k, j])
            if scores[k, j] >= model.thresholds.get(label, 2.0) and c >= threshold:
                out.append(Technique(start=s, end=e, text=text[s:e], label=label, confidence=c))
    return sorted(out, key=lambda t: (t.start, t.end, t.label))


def russian_techniques(text: str, model: RussianTechniqueModel | None = None,
                       threshold: float = 0.0) -> list[Technique]:
    """The persuasion techniques of a Russian article: sentence spans with SemEval-2023 labels
    and the calibrated probability that a human annotator marked that label inside the sentence.
    A label is emitted where the sentence's score reaches the label's own cross-validated
    threshold and its confidence reaches ``threshold``."""
    model = model or load_russian_technique_model()
    bounds = sentence_bounds(text)
    if not bounds:
        return []
    return techniques_of_sentences(text, bounds, model.scores(text, bounds), model, threshold)
