"""The SemEval-2020 PTC training corpus (``ptc-train``) as training and evaluation read it.

The corpus is read by path and never copied. Articles are split by a hash of their id:
bucket ``sha1(id) % 10`` 0-1 is the held-out test part (used only by evaluation), 2 the
calibration part (decode thresholds, Platt scaling, cue-rule precision), the rest trains the
tagger and the span classifier.
"""

from __future__ import annotations

import hashlib
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from spacy.tokens import Doc

from presslens.nlp import load_nlp
from presslens.techniques.features import DocFeatures
from presslens.techniques.labels import PTC_TO_TRAINING

LABELS_FILE = "train-task2-TC.labels"
ARTICLES_DIR = "train-articles"


@dataclass
class Article:
    id: str
    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)  # (training label, start, end)


def read_corpus(data: Path) -> list[Article]:
    """Articles ``article<ID>.txt`` and the TSV of labelled spans (article, label, start, end)."""
    art_dir = data / ARTICLES_DIR if (data / ARTICLES_DIR).is_dir() else data
    articles: dict[str, Article] = {}
    for path in sorted(art_dir.glob("article*.txt")):
        art_id = path.stem.removeprefix("article")
        articles[art_id] = Article(art_id, path.read_text(encoding="utf-8"))
    for line in (data / LABELS_FILE).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        art_id, label, start, end = line.split("\t")
        if art_id in articles:
            articles[art_id].spans.append((PTC_TO_TRAINING[label], int(start), int(end)))
    for art in articles.values():
        art.spans.sort(key=lambda x: (x[1], x[2], x[0]))
    return [articles[k] for k in sorted(articles)]


def corpus_hash(articles: list[Article]) -> str:
    h = hashlib.sha256()
    for art in articles:
        h.update(art.id.encode())
        h.update(art.text.encode())
        for label, s, e in art.spans:
            h.update(f"{label}\t{s}\t{e}\n".encode())
    return h.hexdigest()


def split_of(article_id: str) -> str:
    bucket = int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 10
    return "test" if bucket < 2 else "calib" if bucket == 2 else "train"


def parse(articles: list[Article], cache: Path | None = None) -> list[Doc]:
    """spaCy parses of the articles (optionally cached as ``Doc.to_bytes`` in ``cache``)."""
    nlp = load_nlp()
    key = corpus_hash(articles)[:16]
    cache_file = cache / f"ptc-{key}.pickle" if cache else None
    if cache_file and cache_file.is_file():
        blobs: list[bytes] = pickle.loads(cache_file.read_bytes())
        return [Doc(nlp.vocab).from_bytes(b) for b in blobs]
    docs = list(nlp.pipe((a.text for a in articles), batch_size=8))
    if cache_file:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        cache_file.write_bytes(pickle.dumps([d.to_bytes() for d in docs]))
    return docs


def token_targets(
    f: DocFeatures, spans: list[tuple[str, int, int]], labels: list[str]
) -> np.ndarray:
    y = np.zeros((len(f.idx), len(labels)), dtype=np.float32)
    if not len(f.idx):
        return y
    ends = f.idx + f.length
    col = {label: i for i, label in enumerate(labels)}
    for label, s, e in spans:
        inside = (f.idx < e) & (ends > s)
        y[inside, col[label]] = 1.0
    return y


def token_span(f: DocFeatures, s: int, e: int) -> tuple[int, int]:
    ends = f.idx + f.length
    inside = np.flatnonzero((f.idx < e) & (ends > s))
    if inside.size == 0:
        i = int(np.clip(np.searchsorted(f.idx, s, side="right") - 1, 0, max(len(f.idx) - 1, 0)))
        return i, i + 1
    return int(inside[0]), int(inside[-1]) + 1


def overlaps(s: int, e: int, gold: list[tuple[int, int]]) -> bool:
    return any(min(e, ge) > max(s, gs) for gs, ge in gold)
