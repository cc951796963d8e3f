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
    profile_seconds: dict[str, float]  # profile name -> seconds for the same articles
    peak_rss_mb: float

    @property
    def spacy_rate(self) -> float:
        return self.articles / self.spacy_seconds

    def rate(self, profile: str) -> float:
        return self.articles / self.profile_seconds[profile]

    def ratio(self, profile: str) -> float:
        """Articles per second of the profile over those of bare spaCy."""
        return self.rate(profile) / self.spacy_rate


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
    texts: Sequence[str], min_articles: int = 200, batch_size: int = 16, chunk_size: int = 20,
    profiles: Sequence[str] = ("default", "fast"),
) -> ThroughputResult:
    """Time bare spaCy and the full analysis of each profile over ``texts`` repeated to
    ``min_articles``, in one process on one thread each."""
    if not texts:
        raise ValueError("no sample texts to benchmark")
    repeats = -(-min_articles // len(texts))
    corpus = [t for _ in range(repeats) for t in texts]
    analyzers = {profile: Analyzer(profile=profile) for profile in profiles}
    nlp = next(iter(analyzers.values())).nlp
    # Warm every path so that lazy loading is not timed.
    list(nlp.pipe(texts[:2]))
    for analyzer in analyzers.values():
        list(analyzer.analyze_many(RawArticle(text=t, source="warmup") for t in texts[:2]))

    # Interleave them in chunks so that load from other processes on a shared machine
    # falls on all alike instead of on whichever ran last.
    spacy_seconds = 0.0
    seconds = dict.fromkeys(profiles, 0.0)
    for offset in range(0, len(corpus), chunk_size):
        chunk = corpus[offset : offset + chunk_size]
        started = time.perf_counter()
        for _ in nlp.pipe(chunk, batch_size=batch_size):
            pass
        spacy_seconds += time.perf_counter() - started
        for profile, analyzer in analyzers.items():
            started = time.perf_counter()
            articles = (RawArticle(text=t, source=f"bench:{offset + i}") for i, t in enumerate(chunk))
            for _ in analyzer.analyze_many(articles, batch_size=batch_size):
                pass
            seconds[profile] += time.perf_counter() - started

    return ThroughputResult(
        articles=len(corpus),
        characters=sum(len(t) for t in corpus),
        spacy_seconds=spacy_seconds,
        profile_seconds=seconds,
        peak_rss_mb=peak_rss_mb(),
    )
