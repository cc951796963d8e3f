"""Throughput of presslens against the bare spaCy pipeline it is built on.

Both are timed on the same texts in the same process, so the ratio is meaningful on any
machine: (b) is the whole analysis (metadata, every stage, the pydantic document), (a) only
``nlp.pipe`` over the same texts.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer
from presslens.textutil import normalise_newlines


@dataclass(frozen=True)
class ThroughputResult:
    articles: int
    characters: int
    spacy_seconds: float
    presslens_seconds: float
    peak_rss_mb: float

    @property
    def spacy_rate(self) -> float:
        return self.articles / self.spacy_seconds

    @property
    def presslens_rate(self) -> float:
        return self.articles / self.presslens_seconds

    @property
    def ratio(self) -> float:
        return self.presslens_rate / self.spacy_rate


def sample_texts(folders: Sequence[Path]) -> list[str]:
    """The ``.txt`` articles under the given folders, in a fixed order."""
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            texts.append(normalise_newlines(path.read_text(encoding="utf-8")))
    return texts


def peak_rss_mb() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return usage / (1024 * 1024) if sys.platform == "darwin" else usage / 1024


def measure(
    texts: Sequence[str], min_articles: int = 200, batch_size: int = 16, chunk_size: int = 20
) -> ThroughputResult:
    """Time bare spaCy and the full analysis over ``texts`` repeated to ``min_articles``."""
    if not texts:
        raise ValueError("no sample texts to benchmark")
    repeats = -(-min_articles // len(texts))
    corpus = [t for _ in range(repeats) for t in texts]
    analyzer = Analyzer()
    nlp = analyzer.nlp
    # Warm both paths so that lazy loading is not timed.
    list(nlp.pipe(texts[:2]))
    list(analyzer.analyze_many(RawArticle(text=t, source="warmup") for t in texts[:2]))

    # Interleave the two in chunks so that load from other processes on a shared machine
    # falls on both alike instead of on whichever ran second.
    spacy_seconds = presslens_seconds = 0.0
    for offset in range(0, len(corpus), chunk_size):
        chunk = corpus[offset : offset + chunk_size]
        started = time.perf_counter()
        for _ in nlp.pipe(chunk, batch_size=batch_size):
            pass
        spacy_seconds += time.perf_counter() - started
        started = time.perf_counter()
        articles = (RawArticle(text=t, source=f"bench:{offset + i}") for i, t in enumerate(chunk))
        for _ in analyzer.analyze_many(articles, batch_size=batch_size):
            pass
        presslens_seconds += time.perf_counter() - started

    return ThroughputResult(
        articles=len(corpus),
        characters=sum(len(t) for t in corpus),
        spacy_seconds=spacy_seconds,
        presslens_seconds=presslens_seconds,
        peak_rss_mb=peak_rss_mb(),
    )
