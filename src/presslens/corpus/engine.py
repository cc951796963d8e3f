"""Ingest: read articles, analyse those not stored yet, store them batch by batch.

The analysis runs in this process, in a pool of processes (the pool of ``presslens analyze``) or
on a Dask cluster (``presslens.corpus.dask_engine``); whichever runs it, results are committed to
the store one batch per transaction, so an interrupted ingest loses at most the batch in flight
and a second run picks up where the first stopped. Articles are keyed by the hash of their text,
computed before analysis: stored articles are skipped without being analysed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from presslens.batch import (
    Analysed,
    AnalyzerPool,
    Failed,
    Outcome,
    analyse_article,
    estimate_article_count,
    report_failure,
    report_warnings,
)
from presslens.corpus.store import ErrorRecord, Store
from presslens.errors import InputError
from presslens.ingest import DEFAULT_MAX_BYTES, RawArticle, iter_articles
from presslens.model import Document
from presslens.pipeline import DEFAULT_PROFILE, Analyzer, AnalyzerSettings
from presslens.techniques import DEFAULT_THRESHOLD as DEFAULT_TECHNIQUE_THRESHOLD
from presslens.textutil import document_id, normalise_newlines

Engine = Literal["local", "dask"]

COMMIT_SECONDS = 5.0
"""A batch is committed when it is full or this old, whichever comes first, so that a slow
stream of articles is not held in memory (and lost to a crash) for long."""


@dataclass(frozen=True)
class IngestOptions:
    workers: int = 1
    engine: Engine = "local"
    scheduler: str | None = None  # a Dask scheduler address; None starts a LocalCluster
    gazetteer: Path | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    published: str | None = None  # ISO 8601: the date of every article read (--published)
    batch_size: int = 32  # articles per transaction (local) or per Dask task
    shard_dir: Path | None = None  # Dask shards; default: <db>.shards/
    technique_threshold: float = DEFAULT_TECHNIQUE_THRESHOLD
    profile: str = DEFAULT_PROFILE  # which components analyse (presslens.pipeline.PROFILES)

    @property
    def analyzer_settings(self) -> AnalyzerSettings:
        return AnalyzerSettings(
            gazetteer_path=self.gazetteer,
            technique_threshold=self.technique_threshold,
            profile=self.profile,
        )


@dataclass
class IngestStats:
    read: int = 0  # articles and errors read from the inputs
    stored: int = 0  # new articles stored
    skipped: int = 0  # stored by an earlier run: not analysed
    duplicates: int = 0  # the same text as an earlier input of this run: not analysed again
    failed: int = 0  # errors recorded
    seconds: float = 0.0
    analysed_ids: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0


def expected_id(article: RawArticle) -> str:
    """The id the analysed document will get (``Document.id`` hashes the normalised text)."""
    return document_id(normalise_newlines(article.text))


def to_error(failure: Failed) -> ErrorRecord:
    return ErrorRecord(failure.source, failure.code, failure.message)


def outcome_document(outcome: Analysed) -> Document:
    return Document.model_validate_json(outcome.json_text)


class RateColumn(ProgressColumn):
    """Articles per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("–/s" if speed is None else f"{speed:.1f}/s", style="progress.data.speed")


def make_progress(console: Console) -> Progress:
    return Progress(
        TextColumn("[bold]ingesting"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TextColumn("{task.fields[stored]} stored, {task.fields[skipped]} skipped, "
                   "{task.fields[failed]} failed"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
    )


class _Batch:
    """Documents and errors waiting for their transaction."""

    def __init__(self, store: Store, size: int, stats: IngestStats) -> None:
        self.store = store
        self.size = size
        self.stats = stats
        self.docs: list[Document] = []
        self.errors: list[ErrorRecord] = []
        self.started = time.monotonic()

    def add(self, doc: Document | None = None, error: ErrorRecord | None = None) -> None:
        if not self.docs and not self.errors:
            self.started = time.monotonic()
        if doc is not None:
            self.docs.append(doc)
        if error is not None:
            self.errors.append(error)
        if len(self.docs) + len(self.errors) >= self.size or (
            time.monotonic() - self.started > COMMIT_SECONDS
        ):
            self.commit()

    def commit(self) -> None:
        if self.docs or self.errors:
            self.stats.stored += self.store.add(self.docs, self.errors)
            self.stats.analysed_ids.extend(d.id for d in self.docs)
            self.docs, self.errors = [], []


def ingest(
    paths: list[Path],
    db: Path,
    options: IngestOptions | None = None,
    console: Console | None = None,
) -> IngestStats:
    """Analyse and store every article of ``paths`` not already in ``db``."""
    options = options or IngestOptions()
    console = console or Console(stderr=True, highlight=False, soft_wrap=True)
    stats = IngestStats()
    started = time.monotonic()
    input_errors: list[Failed] = []
    progress = make_progress(console)
    task = progress.add_task("ingest", total=estimate_article_count(paths), stored=0, skipped=0, failed=0)

    def tick(n: int = 1) -> None:
        total = progress.tasks[0].total or 0
        progress.update(
            task,
            advance=n,
            stored=stats.stored,
            skipped=stats.skipped,
            failed=stats.failed,
            total=max(total, progress.tasks[0].completed + n),
        )

    with Store(db) as store:
        stored_ids = store.stored_ids()
        this_run: set[str] = set()

        def articles() -> Iterator[tuple[int, RawArticle]]:
            for index, item in enumerate(iter_articles(
                paths, max_bytes=options.max_bytes, published=options.published
            )):
                stats.read += 1
                if isinstance(item, InputError):
                    input_errors.append(Failed(index, item.source, item.code, item.reason))
                    continue
                report_warnings(progress.console, item)
                doc_id = expected_id(item)
                if doc_id in this_run:
                    stats.duplicates += 1
                    tick()
                    continue
                this_run.add(doc_id)
                if doc_id in stored_ids:
                    stats.skipped += 1
                    tick()
                    continue
                yield index, item

        batch = _Batch(store, options.batch_size, stats)

        def fail(failure: Failed) -> ErrorRecord:
            stats.failed += 1
            report_failure(progress.console, failure)
            return to_error(failure)

        try:
            with progress:
                if options.engine == "dask":
                    from presslens.corpus.dask_engine import run_dask

                    shard_dir = options.shard_dir or db.with_name(db.name + ".shards")
                    for result in run_dask(articles(), options, shard_dir):
                        read_errors = _take(input_errors)
                        errors = [fail(f) for f in [*result.failures, *read_errors]]
                        stats.stored += store.add_shard(result.shard, errors)
                        stats.analysed_ids.extend(result.ids)
                        result.remove()
                        tick(result.count + len(read_errors))
                else:
                    for outcome in _run_local(articles(), options):
                        for failure in _take(input_errors):
                            batch.add(error=fail(failure))
                            tick()
                        if isinstance(outcome, Failed):
                            batch.add(error=fail(outcome))
                        else:
                            batch.add(doc=outcome_document(outcome))
                        tick()
                for failure in _take(input_errors):
                    batch.add(error=fail(failure))
                    tick()
                batch.commit()
                tick(0)
        except KeyboardInterrupt:
            # What was analysed is complete: keep it, so that the next run starts after it.
            batch.commit()
            raise
    stats.seconds = time.monotonic() - started
    return stats


def _take(pending: list[Failed]) -> list[Failed]:
    taken = list(pending)
    pending.clear()
    return taken


def _run_local(stream: Iterator[tuple[int, RawArticle]], options: IngestOptions) -> Iterator[Outcome]:
    if options.workers > 1:
        pool = AnalyzerPool(options.workers, settings=options.analyzer_settings)
        try:
            yield from pool.run(stream)
        finally:
            pool.close()
        return
    analyzer: Analyzer | None = None
    for index, article in stream:
        # Loaded at the first article to analyse: a re-run that stores nothing loads no model.
        analyzer = analyzer or options.analyzer_settings.build()
        yield analyse_article(analyzer, index, article)
