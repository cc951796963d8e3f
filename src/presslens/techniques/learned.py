"""Persuasion techniques learned on the shared encoder (SemEval-2023 labels, all 23).

Each sentence of the article (the segments the encoder stage already reads) gets a feature row
from its word-piece vectors (``sentence_features``); a multi-label head (``MultiLabelHead``: one
hidden layer, one sigmoid per label) gives the probability that the sentence holds a technique of
each label; where the model has a lexical head (``techniques.lexical``: hashed TF-IDF of the
sentence's words, word pairs and character n-grams) the two heads' logits are mixed per label
(``stack``), and with them, where the model has one, the logits of a layer fine-tuned over the
encoder (``tuned``: ``encoder.tuned``, the layer after the shared encoder's last, trained on
the same sentences, mean pooling). A label is emitted where it reaches its threshold, chosen per label by
cross-validation over the training articles. The span of a technique is the sentence, narrowed to
the word pieces a second head (``span``: one sigmoid per label over each piece's vector in its
sentence) puts inside a technique of that label when it finds any. Paragraph labels follow from
the spans. Trained by ``presslens train techniques2023`` (``techniques.training2023``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from presslens.encoder import Encoding
from presslens.encoder.heads import MODELS, Head, read_meta
from presslens.encoder.tuned import FILE as TUNED_FILE
from presslens.encoder.tuned import TunedLayers
from presslens.model import Technique
from presslens.techniques.lexical import LexicalHead, stacked

if TYPE_CHECKING:
    from presslens.encoder.article import ArticleEncodings

SHIPPED = MODELS / "techniques2023"
_WORD_MIN = 4  # shorter words (articles, prepositions) say nothing about repetition


@dataclass(frozen=True)
class MultiLabelHead(Head):
    """``probabilities(x)``: one sigmoid per class for each row of ``x``; weights, standardisation
    folded into the first layer, saving and loading as ``encoder.heads.Head``."""

    def logits(self, x: np.ndarray) -> np.ndarray:
        if x.ndim == 1:
            x = x[None, :]
        if x.shape[1] != self.width:
            raise ValueError(f"head {self.name} takes {self.width} features, not {x.shape[1]}")
        # einsum, not BLAS: for an article's few dozen rows a multithreaded BLAS product spends
        # its time scheduling threads (13 ms against 0.3 ms per article on a busy 2-core machine)
        hidden = np.maximum(np.einsum("ij,jk->ik", x.astype(np.float32), self.w1) + self.b1, 0.0)
        return np.clip(np.einsum("ij,jk->ik", hidden, self.w2) + self.b2, -30.0, 30.0)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        # rounded: the last bits of a CPU's float kernels never decide anything downstream
        return np.round(1.0 / (1.0 + np.exp(-self.logits(x))), 4)


_WORD = re.compile(rf"[^\W_]{{{_WORD_MIN},}}")  # a run of letters or digits


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def sentence_features(texts: Sequence[str], encodings: Sequence[Encoding]) -> np.ndarray:
    """One row per sentence of one article: the sentence's mean vector and the maximum of its
    pieces, the mean of its two neighbours, the article's mean, and three numbers for
    Repetition (its highest cosine to another sentence, the share of its longer words found in
    other sentences, the log of its length in pieces)."""
    n = len(encodings)
    if n == 0:
        return np.zeros((0, 0), dtype=np.float32)
    width = encodings[0].sentence.shape[0]
    means = np.stack([e.sentence for e in encodings]).astype(np.float32)
    maxima = np.stack([e.vectors.max(axis=0) if len(e.vectors) else np.zeros(width, np.float32)
                       for e in encodings])
    padded = np.concatenate([means[:1] * 0, means, means[:1] * 0])
    counts = np.array([1.0] + [2.0] * max(n - 2, 0) + [1.0])[:n] if n > 1 else np.ones(1)
    neighbours = (padded[:-2] + padded[2:]) / counts[:, None] if n > 1 else np.zeros_like(means)
    article = np.repeat(means.mean(axis=0, keepdims=True), n, axis=0)
    unit = means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-6)
    cosine = np.einsum("ik,jk->ij", unit, unit)  # not BLAS: see MultiLabelHead.probabilities
    np.fill_diagonal(cosine, -1.0)
    closest = cosine.max(axis=1) if n > 1 else np.zeros(1)
    words = [_words(t) for t in texts]
    sentences_with = Counter(w for own in words for w in own)  # how many sentences hold a word
    shared = [sum(sentences_with[w] > 1 for w in own) / len(own) if own else 0.0 for own in words]
    length = np.log1p([len(e.offsets) for e in encodings])
    extra = np.stack([closest, np.array(shared), length], axis=1).astype(np.float32)
    return np.round(np.concatenate([means, maxima, neighbours, article, extra], axis=1), 4)


@dataclass(frozen=True)
class LearnedTechniqueModel:
    sentence: MultiLabelHead
    thresholds: dict[str, float]  # per label, chosen by cross-validation over training articles
    meta: dict[str, object]
    span: MultiLabelHead | None = None  # P(a word piece lies inside some technique)
    span_threshold: float = 0.3
    lexical: LexicalHead | None = None  # the TF-IDF head, mixed with ``sentence`` by ``stack``
    stack: np.ndarray | None = None  # [labels, heads + 1]: sentence, lexical (, tuned) weights, bias
    tuned: TunedLayers | None = None  # a layer fine-tuned over the encoder, stacked third

    @property
    def labels(self) -> tuple[str, ...]:
        return self.sentence.classes

    def probabilities(self, texts: Sequence[str], x: np.ndarray,
                      encodings: Sequence[Encoding] = ()) -> np.ndarray:
        """[sentences, labels]: the sentence head's probabilities, or, with a lexical head, the
        heads' logits stacked per label (the tuned layer's from the sentences' ``encodings``)."""
        if self.lexical is None or self.stack is None:
            return self.sentence.probabilities(x)
        heads = [self.sentence.logits(x), self.lexical.logits(texts)]
        if self.tuned is not None:
            if len(encodings) != len(texts):
                raise ValueError("the tuned layer needs each sentence's encoding")
            heads.append(self.tuned.logits(encodings))
        return stacked(heads, self.stack)


def load_learned_model(folder: Path | None = None) -> LearnedTechniqueModel:
    folder = folder or SHIPPED
    meta = read_meta(folder)
    thresholds = meta.get("thresholds")
    if not isinstance(thresholds, dict):
        raise ValueError(f"{folder}/meta.json has no thresholds")
    span = MultiLabelHead.load(folder, "span") if (folder / "span.npz").is_file() else None
    span_threshold = meta.get("span_threshold", 0.3)
    sentence = MultiLabelHead.load(folder, "sentence")
    lexical, stack = None, None
    tuned = TunedLayers.load(folder) if (folder / TUNED_FILE).is_file() else None
    if (folder / "lexical.npz").is_file():
        lexical = LexicalHead.load(folder)
        rows = meta.get("stack")
        if not isinstance(rows, dict) or lexical.classes != sentence.classes:
            raise ValueError(f"{folder}/meta.json has no stack for the lexical head's labels")
        stack = np.array([rows[label] for label in sentence.classes], dtype=np.float64)
        if stack.shape[1] != 3 + (tuned is not None) or (tuned and tuned.classes != sentence.classes):
            raise ValueError(f"{folder}/meta.json's stack does not match the heads in the folder")
    return LearnedTechniqueModel(sentence, {str(k): float(v) for k, v in thresholds.items()}, meta,
                                 span,
                                 float(span_threshold) if isinstance(span_threshold, float) else 0.3,
                                 lexical, stack, tuned)


def piece_features(encoding: Encoding) -> np.ndarray:
    """One row per word piece: its vector and its sentence's mean vector."""
    n = len(encoding.offsets)
    return np.concatenate([encoding.vectors, np.repeat(encoding.sentence[None], n, axis=0)], axis=1)


def narrow(text: str, start: int, end: int, encoding: Encoding,
           model: LearnedTechniqueModel) -> tuple[int, int]:
    """The stretch of the sentence ``start:end`` from the first to the last word piece the span
    head puts inside a technique, widened to whole words; the sentence when it finds none."""
    if model.span is None or len(encoding.offsets) == 0:
        return start, end
    inside = np.flatnonzero(model.span.probabilities(piece_features(encoding))[:, 0]
                            >= model.span_threshold)
    if len(inside) == 0:
        return start, end
    left = start + int(encoding.offsets[inside[0], 0])
    right = start + int(encoding.offsets[inside[-1], 1])
    while left > start and text[left - 1].isalnum():
        left -= 1
    while right < end and text[right].isalnum():
        right += 1
    return left, right


@lru_cache(maxsize=1)
def shipped_learned_model() -> LearnedTechniqueModel:
    return load_learned_model(SHIPPED)


def sentence_techniques(text: str, bounds: Sequence[tuple[int, int]], encodings: Sequence[Encoding],
                        model: LearnedTechniqueModel, floor: float = 0.0) -> list[Technique]:
    """Techniques of the sentences ``bounds`` (character offsets in ``text``) from their
    encodings, sorted by start, end, label; confidence is the head's probability. A label is
    emitted at or above its own threshold and ``floor`` (the analyser's technique threshold)."""
    if not bounds:
        return []
    texts = [text[s:e] for s, e in bounds]
    probs = model.probabilities(texts, sentence_features(texts, encodings), encodings)
    cut = np.maximum(np.array([model.thresholds.get(label, 1.01) for label in model.labels]), floor)
    found = []
    spans: dict[int, tuple[int, int]] = {}
    for row, col in np.argwhere(probs >= cut):
        if row not in spans:
            sentence_start, sentence_end = bounds[row]
            spans[row] = narrow(text, sentence_start, sentence_end, encodings[row], model)
        start, end = spans[row]
        found.append(Technique(start=start, end=end, text=text[start:end], label=model.labels[col],
                               confidence=round(float(probs[row, col]), 4)))
    return sorted(found, key=lambda t: (t.start, t.end, t.label))


def techniques_of_article(text: str, encodings: ArticleEncodings, model: LearnedTechniqueModel,
                          floor: float = 0.0) -> list[Technique]:
    """The pipeline's learned techniques: every sentence of the article (``every_segment``), read
    through the article's one encoding cache shared with the relation and stance stages."""
    segments = encodings.every_segment
    return sentence_techniques(text, [(s.start, s.end) for s in segments],
                               [encodings.of(s) for s in segments], model, floor)


def merge_techniques(*groups: Sequence[Technique]) -> list[Technique]:
    """The techniques of every group, one per span and label (the higher confidence), sorted by
    start, end, label: the learned stage's beside today's detector's."""
    best: dict[tuple[int, int, str], Technique] = {}
    for group in groups:
        for t in group:
            key = (t.start, t.end, t.label)
            if key not in best or best[key].confidence < t.confidence:
                best[key] = t
    return [best[k] for k in sorted(best)]
