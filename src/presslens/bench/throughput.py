"""Throughput of presslens against the bare spaCy pipeline it is built on.

Both are timed on the same texts in the same process, so the ratio is meaningful on any
machine: (b) is the whole analysis (metadata, every stage, the pydantic document), (a) only
``nlp.pipe`` of the stock pipeline (``spacy.load`` of the package, nothing of presslens's) over
the same texts. Beside them, (c) presslens's own parse: the stock pipeline with presslens's line
breaks, verb lemmas and its table form of the attribute ruler (``presslens.nlp_attributes``).
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from presslens.errors import UnsupportedLanguage
from presslens.ingest import RawArticle
from presslens.metadata import identify_language
from presslens.pipeline import Analyzer
from presslens.textutil import normalise_newlines


@dataclass(frozen=True)
class ThroughputResult:
    articles: int
    characters: int
    spacy_seconds: float
    parse_seconds: float  # presslens's parse alone (the spaCy pipeline as presslens loads it)
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


def sample_texts(folders: Sequence[Path], language: str = "en") -> list[str]:
    """The ``.txt`` articles in ``language`` under the given folders, in a fixed order (the
    examples hold English and Russian articles, each timed against its own base parser)."""
    texts = []
    for folder in folders:
        for path in sorted(folder.rglob("*.txt")):
            text = normalise_newlines(path.read_text(encoding="utf-8"))
            try:
                found = identify_language(text, source=str(path)) or "en"
            except UnsupportedLanguage:
                continue
            if found == language:
                texts.append(text)
    return texts


def peak_rss_mb() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return usage / (1024 * 1024) if sys.platform == "darwin" else usage / 1024


def measure(
    texts: Sequence[str], min_articles: int = 200, batch_size: int = 16, chunk_size: int = 20,
    profiles: Sequence[str] = ("default", "fast"), language: str = "en",
) -> ThroughputResult:
    """Time the bare base parser and the full analysis of each profile over ``texts`` repeated to
    ``min_articles``, in one process on one thread each. The base parser is spaCy's English
    pipeline, or for ``language="ru"`` natasha's parse (``nlp_ru.parse_russian``) that the
    Russian pipeline is built on."""
    if not texts:
        raise ValueError("no sample texts to benchmark")
    repeats = -(-min_articles // len(texts))
    corpus = [t for _ in range(repeats) for t in texts]
    analyzers = {profile: Analyzer(profile=profile) for profile in profiles}
    base = _base_parser(language, batch_size)
    own_parse = _own_parser(language, next(iter(analyzers.values())), batch_size)
    # Warm every path so that lazy loading is not timed.
    base(texts[:2])
    own_parse(texts[:2])
    for analyzer in analyzers.values():
        list(analyzer.analyze_many(RawArticle(text=t, source="warmup") for t in texts[:2]))

    # Interleave them in chunks so that load from other processes on a shared machine
    # falls on all alike instead of on whichever ran last.
    base_seconds = parse_seconds = 0.0
    seconds = dict.fromkeys(profiles, 0.0)
    for offset in range(0, len(corpus), chunk_size):
        chunk = corpus[offset : offset + chunk_size]
        started = time.perf_counter()
        base(chunk)
        base_seconds += time.perf_counter() - started
        started = time.perf_counter()
        own_parse(chunk)
        parse_seconds += time.perf_counter() - started
        for profile, analyzer in analyzers.items():
            started = time.perf_counter()
            articles = (RawArticle(text=t, source=f"bench:{offset + i}") for i, t in enumerate(chunk))
            for _ in analyzer.analyze_many(articles, batch_size=batch_size):
                pass
            seconds[profile] += time.perf_counter() - started

    return ThroughputResult(
        articles=len(corpus),
        characters=sum(len(t) for t in corpus),
        spacy_seconds=base_seconds,
        parse_seconds=parse_seconds,
        profile_seconds=seconds,
        peak_rss_mb=peak_rss_mb(),
    )


def _base_parser(language: str, batch_size: int) -> Callable[[Sequence[str]], None]:
    """The bare base parser: natasha's parse for Russian, else the stock spaCy pipeline."""
    if language == "ru":
        from presslens.nlp_ru import parse_russian

        def parse_each(texts: Sequence[str]) -> None:
            for text in texts:
                parse_russian(text)

        return parse_each
    import spacy

    from presslens.nlp import MODEL_PACKAGE

    return _piped(spacy.load(MODEL_PACKAGE), batch_size)


def _own_parser(language: str, analyzer: Analyzer, batch_size: int) -> Callable[[Sequence[str]], None]:
    """The parse presslens runs before its stages (for Russian the bare parse itself)."""
    if language == "ru":
        return _base_parser(language, batch_size)
    return _piped(analyzer.nlp, batch_size)


def _piped(nlp: Language, batch_size: int) -> Callable[[Sequence[str]], None]:
    def pipe(texts: Sequence[str]) -> None:
        for _ in nlp.pipe(texts, batch_size=batch_size):
            pass

    return pipe
