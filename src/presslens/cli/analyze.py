"""``presslens analyze``: articles in, one JSON document per article out.

One input without ``-o`` prints its document on stdout. Otherwise every article becomes
``DIR/<id>.json`` and every input that failed one line of ``DIR/errors.jsonl``; a failure costs
only its own input. With ``--workers N`` articles are analysed in a pool of processes, each
holding one ``Analyzer``; the files written do not depend on the number of workers.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from presslens.cli.app import app
from presslens.errors import InputError
from presslens.ingest import (
    DEFAULT_MAX_BYTES,
    JSONL_SUFFIXES,
    STDIN,
    RawArticle,
    expand_paths,
    iter_articles,
)
from presslens.model import Document
from presslens.pipeline import Analyzer

ERRORS_FILE = "errors.jsonl"


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


def _init_worker(gazetteer: Path | None) -> None:
    global _worker_analyzer
    _worker_analyzer = Analyzer(gazetteer_path=gazetteer)


def _analyse_in_worker(index: int, article: RawArticle) -> Outcome:
    assert _worker_analyzer is not None, "worker initializer did not run"
    return analyse_article(_worker_analyzer, index, article)


class _Pool:
    """A process pool that survives the death of a worker.

    Exceptions inside ``analyse_article`` are caught there; this handles the rest (a worker
    killed by the OS, a crash in native code). The articles in flight when the pool broke are
    retried one at a time in a fresh pool, so that only the one that breaks it again is lost.
    """

    def __init__(self, workers: int, gazetteer: Path | None) -> None:
        self.workers = workers
        self.gazetteer = gazetteer
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        # "spawn": forking a process that runs rich's refresh thread can deadlock the child.
        return ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.gazetteer,),
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


# --- the command ---------------------------------------------------------------------------


@app.command()
def analyze(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Articles: .txt, .html/.htm, .json, .jsonl files, directories, or - for stdin.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write DIR/<id>.json per article and DIR/errors.jsonl.",
            metavar="DIR",
            file_okay=False,
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Processes analysing in parallel.")
    ] = 1,
    gazetteer: Annotated[
        Path | None,
        typer.Option(
            help="Extra gazetteer YAML extending the shipped one.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ] = None,
    summary: Annotated[
        bool, typer.Option("--summary", help="Print a table of the articles analysed.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Largest article text accepted, in bytes.")
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """Analyse articles into evidence-anchored JSON documents.

    Exit status: 0 when every input was analysed, 1 when any failed (the others are still
    written), 2 for usage errors.
    """
    err_console = Console(stderr=True, highlight=False, soft_wrap=True)
    if output is None:
        if len(paths) > 1 or paths[0].is_dir():
            raise typer.BadParameter(
                "several inputs (or a directory) need an output directory: add -o DIR",
                param_hint="PATHS",
            )
        failures = _analyse_to_stdout(paths[0], gazetteer, max_bytes, err_console)
    else:
        failures = _analyse_to_directory(
            paths, output, workers, gazetteer, max_bytes, summary, err_console
        )
    raise typer.Exit(1 if failures else 0)


def _analyse_to_stdout(
    path: Path, gazetteer: Path | None, max_bytes: int, err_console: Console
) -> int:
    """Print each document as indented JSON (one file may hold several records: they follow
    each other, as ``jq`` reads them)."""
    analyzer: Analyzer | None = None
    failures = 0
    out = sys.stdout
    for index, item in enumerate(iter_articles([path], max_bytes=max_bytes)):
        if isinstance(item, InputError):
            outcome: Outcome = Failed(index, item.source, item.code, item.reason)
        else:
            analyzer = analyzer or Analyzer(gazetteer_path=gazetteer)
            outcome = analyse_article(analyzer, index, item)
        if isinstance(outcome, Failed):
            failures += 1
            _report(err_console, outcome)
        else:
            # Bytes, not text: the JSON is UTF-8 whatever the locale says about stdout.
            out.flush()
            out.buffer.write((outcome.json_text + "\n").encode("utf-8"))
            out.buffer.flush()
    return failures


def _analyse_to_directory(
    paths: list[Path],
    output: Path,
    workers: int,
    gazetteer: Path | None,
    max_bytes: int,
    summary: bool,
    err_console: Console,
) -> int:
    output.mkdir(parents=True, exist_ok=True)
    failed: list[Failed] = []
    analysed: list[Analysed] = []
    written: dict[str, int] = {}  # document id -> index of the input it was written for

    progress = Progress(
        TextColumn("[bold]analysing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[failed]} failed"),
        TimeRemainingColumn(),
        console=err_console,
        transient=False,
    )
    task = progress.add_task("analyse", total=_estimate_count(paths), failed=0)
    pool = _Pool(workers, gazetteer) if workers > 1 else None
    analyzer = None if pool else Analyzer(gazetteer_path=gazetteer)
    errors_from_ingest: list[Failed] = []

    def articles() -> Iterator[tuple[int, RawArticle]]:
        for index, item in enumerate(iter_articles(paths, max_bytes=max_bytes)):
            if isinstance(item, InputError):
                errors_from_ingest.append(Failed(index, item.source, item.code, item.reason))
            else:
                yield index, item

    def outcomes() -> Iterator[Outcome]:
        stream = articles()
        if pool is not None:
            results = pool.run(stream)
        else:
            assert analyzer is not None
            results = (analyse_article(analyzer, i, a) for i, a in stream)
        for outcome in results:
            yield from _drain(errors_from_ingest)
            yield outcome
        yield from _drain(errors_from_ingest)

    try:
        with progress:
            for outcome in outcomes():
                if isinstance(outcome, Failed):
                    failed.append(outcome)
                    _report(progress.console, outcome)
                else:
                    analysed.append(outcome)
                    _write_document(output, outcome, written)
                total = progress.tasks[0].total or 0
                done = len(failed) + len(analysed)
                progress.update(task, advance=1, failed=len(failed), total=max(total, done))
    finally:
        if pool is not None:
            pool.close()

    failed.sort(key=lambda f: f.index)
    _write_errors(output / ERRORS_FILE, failed)
    if summary:
        _print_summary(sorted(analysed, key=lambda a: a.index), len(failed), output)
    err_console.print(
        f"{len(analysed)} analysed, {len(failed)} failed; output in {output}"
        + (f" (failures listed in {output / ERRORS_FILE})" if failed else "")
    )
    return len(failed)


def _drain(pending: list[Failed]) -> Iterator[Failed]:
    while pending:
        yield pending.pop(0)


def _estimate_count(paths: list[Path]) -> int | None:
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


def _write_document(output: Path, result: Analysed, written: dict[str, int]) -> None:
    """Write ``<id>.json`` atomically. Identical texts share an id; the earliest input wins,
    whatever order the workers finish in, so the files do not depend on scheduling."""
    earlier = written.get(result.doc_id)
    if earlier is not None and earlier < result.index:
        return
    written[result.doc_id] = result.index
    target = output / f"{result.doc_id}.json"
    partial = target.with_suffix(".json.partial")
    partial.write_text(result.json_text + "\n", encoding="utf-8")
    os.replace(partial, target)


def _write_errors(path: Path, failed: list[Failed]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for failure in failed:
            fh.write(json.dumps(failure.as_record(), ensure_ascii=False) + "\n")


def _report(console: Console, failure: Failed) -> None:
    console.print(
        f"[red]error[/red] {escape(failure.source)}: {escape(failure.message)} "
        f"[dim]({failure.code})[/dim]"
    )


def _print_summary(analysed: list[Analysed], failures: int, output: Path) -> None:
    console = Console(soft_wrap=False)
    counts = ("actors", "quotes", "relations", "techniques")
    # Titles are cut, not wrapped, so each article keeps one row: the title gets what the id and
    # count columns (and the borders, three characters a column) leave of the terminal.
    title_width = max(12, console.width - 16 - sum(map(len, counts)) - 3 * (len(counts) + 2) - 1)
    table = Table(title=f"presslens: {len(analysed)} articles analysed, {failures} failed")
    table.add_column("id", style="dim", no_wrap=True, min_width=16)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=title_width)
    for heading in counts:
        table.add_column(heading, justify="right", min_width=len(heading))
    for result in analysed:
        table.add_row(result.doc_id, result.title or "—", *(str(n) for n in result.counts))
    console.print(table)
