"""Analysing many articles: per-article outcomes, a crash-tolerant process pool, progress.

Shared by ``presslens analyze`` and ``presslens ingest``: a failure costs only its own article,
and a pool of worker processes (each holding one ``Analyzer``) survives a worker's death.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from presslens.errors import InputError
from presslens.ingest import JSONL_SUFFIXES, STDIN, RawArticle, expand_paths
from presslens.model import Document
from presslens.pipeline import Analyzer, AnalyzerSettings


@dataclass(frozen=True)
class Analysed:
    """What a worker sends back for one article: the JSON to write and a summary row."""

    index: int
    source: str
    doc_id: str
    json_text: str
    title: str | None
    counts: tuple[int, int, int, int]  # actors, quotes, relations, techniques


@dataclass(frozen=True)
class Failed:
    index: int
    source: str
    code: str
    message: str

    def as_record(self) -> dict[str, str]:
        return {"source": self.source, "code": self.code, "message": self.message}


Outcome = Analysed | Failed


def analyse_article(analyzer: Analyzer, index: int, article: RawArticle) -> Outcome:
    """Analyse one article; any failure becomes a ``Failed`` for that article only."""
    try:
        doc = analyzer.analyze(article)
    except InputError as err:
        return Failed(index, article.source, err.code, err.reason)
    except Exception as err:  # a bug on one article must not cost the batch its other results
        return Failed(index, article.source, "internal", f"{type(err).__name__}: {err}")
    return _analysed(index, article.source, doc)


def _analysed(index: int, source: str, doc: Document) -> Analysed:
    return Analysed(
        index=index,
        source=source,
        doc_id=doc.id,
        json_text=doc.model_dump_json(indent=2),
        title=doc.meta.title,
        counts=(len(doc.actors), len(doc.quotes), len(doc.relations), len(doc.techniques)),
    )


# --- the process pool ----------------------------------------------------------------------

_worker_analyzer: Analyzer | None = None
_watching_parent = False

PARENT_POLL_SECONDS = 0.5


def exit_with_parent(parent_pid: int | None = None) -> None:
    """End this worker process when its parent process dies.

    A parent killed with SIGKILL runs no cleanup, and neither a process pool's workers nor a
    Dask local cluster's notice: they would keep running (and holding memory) for good. A
    daemon thread polls the parent's pid, which changes when the parent is gone (the orphan is
    adopted by init or a subreaper), and ends the process. Polling, not Linux's
    PR_SET_PDEATHSIG: that fires when the parent *thread* that started the worker ends, which
    a pool may do while the parent lives. ``parent_pid``: the pid the parent had when it
    started this worker, so that a parent dead before this runs is noticed too.
    """
    global _watching_parent
    if _watching_parent:
        return
    _watching_parent = True
    parent = os.getppid() if parent_pid is None else parent_pid

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)  # the parent is gone: nobody is left to read this worker's results

    threading.Thread(target=watch, name="presslens-exit-with-parent", daemon=True).start()


def _init_worker(settings: AnalyzerSettings, parent_pid: int) -> None:
    global _worker_analyzer
    exit_with_parent(parent_pid)
    _worker_analyzer = settings.build()


def _analyse_in_worker(index: int, article: RawArticle) -> Outcome:
    assert _worker_analyzer is not None, "worker initializer did not run"
    return analyse_article(_worker_analyzer, index, article)


class AnalyzerPool:
    """A process pool that survives the death of a worker.

    Exceptions inside ``analyse_article`` are caught there; this handles the rest (a worker
    killed by the OS, a crash in native code). The articles in flight when the pool broke are
    retried one at a time in a fresh pool, so that only the one that breaks it again is lost.

    Each worker builds its ``Analyzer`` from ``settings`` (gazetteer, technique threshold, label
    set and profile), or from ``gazetteer`` alone with the default settings.
    """

    def __init__(
        self,
        workers: int,
        gazetteer: Path | None = None,
        *,
        settings: AnalyzerSettings | None = None,
    ) -> None:
        if settings is not None and gazetteer is not None:
            raise ValueError("give the gazetteer inside settings, not beside it")
        self.workers = workers
        self.settings = settings or AnalyzerSettings(gazetteer_path=gazetteer)
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        # "spawn": forking a process that runs rich's refresh thread can deadlock the child.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.settings, os.getpid()),
        )

    def run(self, articles: Iterator[tuple[int, RawArticle]]) -> Iterator[Outcome]:
        """Outcomes as they complete, keeping a bounded number of articles in flight."""
        in_flight: dict[Future[Outcome], tuple[int, RawArticle]] = {}
        limit = self.workers * 4
        exhausted = False
        while in_flight or not exhausted:
            while not exhausted and len(in_flight) < limit:
                item = next(articles, None)
                if item is None:
                    exhausted = True
                else:
                    in_flight[self.executor.submit(_analyse_in_worker, *item)] = item
            if not in_flight:
                break
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken: list[tuple[int, RawArticle]] = []
            for future in sorted(done, key=lambda f: in_flight[f][0]):
                item = in_flight.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken.append(item)
            if broken:
                broken.extend(in_flight.values())
                in_flight.clear()
                yield from self._retry_alone(sorted(broken, key=lambda item: item[0]))

    def _retry_alone(self, items: list[tuple[int, RawArticle]]) -> Iterator[Outcome]:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new_executor()
        for index, article in items:
            try:
                yield self.executor.submit(_analyse_in_worker, index, article).result()
            except BrokenProcessPool:
                yield Failed(index, article.source, "internal", "the worker process died")
                self.executor.shutdown(wait=False, cancel_futures=True)
                self.executor = self._new_executor()

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


def estimate_article_count(paths: list[Path]) -> int | None:
    """How many articles the inputs hold, for the progress bar: a file counts one, a JSONL
    file one per non-blank line (a JSON list counts one; the total grows if need be)."""
    total = 0
    for path in expand_paths(paths):
        if isinstance(path, InputError) or str(path) == STDIN:
            total += 1
        elif path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def report_warnings(console: Console, article: RawArticle) -> None:
    """What was read from an article but left out (``RawArticle.warnings``), one line each."""
    for warning in article.warnings:
        console.print(f"[yellow]warning[/yellow] {escape(article.source)}: {escape(warning)}")


def report_failure(console: Console, failure: Failed) -> None:
    console.print(
        f"[red]error[/red] {escape(failure.source)}: {escape(failure.message)} "
        f"[dim]({failure.code})[/dim]"
    )
