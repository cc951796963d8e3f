"""``presslens analyze``: articles in, one JSON document per article out.

One input without ``-o`` prints its documents on stdout, one JSON document per line (JSON Lines).
Otherwise every article becomes ``DIR/<id>.json`` and every input that failed one line of
``DIR/errors.jsonl``; a failure costs only its own input. With ``--workers N`` articles are
analysed in a pool of processes, each holding one ``Analyzer``; the files written do not depend
on the number of workers.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

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
from presslens.cli.app import (
    LABEL_SET_HELP,
    PROFILE_HELP,
    THRESHOLD_HELP,
    LabelSetChoice,
    app,
    check_profile,
)
from presslens.errors import InputError
from presslens.ingest import (
    DEFAULT_MAX_BYTES,
    RawArticle,
    iter_articles,
)
from presslens.ingest_meta import check_published
from presslens.pipeline import DEFAULT_PROFILE, Analyzer, AnalyzerSettings
from presslens.techniques import DEFAULT_THRESHOLD

ERRORS_FILE = "errors.jsonl"


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
    technique_threshold: Annotated[
        float,
        typer.Option("--technique-threshold", min=0.0, max=1.0, help=THRESHOLD_HELP),
    ] = DEFAULT_THRESHOLD,
    label_set: Annotated[
        LabelSetChoice, typer.Option("--label-set", help=LABEL_SET_HELP)
    ] = LabelSetChoice.semeval2023,
    profile: Annotated[
        str, typer.Option("--profile", help=PROFILE_HELP, callback=check_profile)
    ] = DEFAULT_PROFILE,
    published: Annotated[
        str | None, typer.Option("--published", help=PUBLISHED_HELP, metavar="DATE")
    ] = None,
) -> None:
    """Analyse articles into evidence-anchored JSON documents.

    Exit status: 0 when every input was analysed, 1 when any failed (the others are still
    written), 2 for usage errors.
    """
    err_console = Console(stderr=True, highlight=False, soft_wrap=True)
    settings = AnalyzerSettings(
        gazetteer_path=gazetteer,
        technique_threshold=technique_threshold,
        label_set=label_set.value,
        profile=profile,
    )
    date = published_option(published, paths)
    if output is None:
        if len(paths) > 1 or _is_dir(paths[0]):
            raise typer.BadParameter(
                "several inputs (or a directory) need an output directory: add -o DIR",
                param_hint="PATHS",
            )
        failures = _analyse_to_stdout(paths[0], settings, max_bytes, err_console, date)
    else:
        failures = _analyse_to_directory(
            paths, output, workers, settings, max_bytes, summary, err_console, date
        )
    raise typer.Exit(1 if failures else 0)


PUBLISHED_HELP = (
    "The publication date of the one file given (YYYY-MM-DD, YYYY-MM-DDTHH:MM or '3 March "
    "2019'); it wins over a side file's date and the text's dateline."
)


def published_option(value: str | None, paths: list[Path]) -> str | None:
    """``--published`` as ISO 8601; a usage error unless it is a date and one file is given."""
    if value is None:
        return None
    if len(paths) != 1 or _is_dir(paths[0]):
        raise typer.BadParameter(
            "dates one file: give a single file (dates for many articles go in side files, "
            "NAME.meta.yaml, or in JSON records)",
            param_hint="--published",
        )
    try:
        return check_published(value)
    except ValueError as err:
        raise typer.BadParameter(str(err), param_hint="--published") from None


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a path we may not look at: reading it says so, as one error line
        return False


def _new_analyzer(settings: AnalyzerSettings) -> Analyzer:
    # What the worker processes build too (``AnalyzerSettings.build``), spelled out here.
    return Analyzer(
        gazetteer_path=settings.gazetteer_path,
        technique_threshold=settings.technique_threshold,
        label_set=settings.label_set,
        profile=settings.profile,
    )


def _analyse_to_stdout(
    path: Path,
    settings: AnalyzerSettings,
    max_bytes: int,
    err_console: Console,
    published: str | None = None,
) -> int:
    """Print each document as one line of JSON (JSON Lines): one file may hold several records
    (a JSON list, a JSONL file), and a line per document is what ``jq``, pandas and a shell
    loop read; a single document is a valid JSON file too."""
    analyzer: Analyzer | None = None
    failures = 0
    out = sys.stdout
    for index, item in enumerate(
        iter_articles([path], max_bytes=max_bytes, published=published)
    ):
        if isinstance(item, InputError):
            outcome: Outcome = Failed(index, item.source, item.code, item.reason)
        else:
            report_warnings(err_console, item)
            analyzer = analyzer or _new_analyzer(settings)
            outcome = analyse_article(analyzer, index, item)
        if isinstance(outcome, Failed):
            failures += 1
            report_failure(err_console, outcome)
        else:
            # Bytes, not text: the JSON is UTF-8 whatever the locale says about stdout.
            out.flush()
            line = json.dumps(json.loads(outcome.json_text), ensure_ascii=False)
            out.buffer.write((line + "\n").encode("utf-8"))
            out.buffer.flush()
    return failures


def _analyse_to_directory(
    paths: list[Path],
    output: Path,
    workers: int,
    settings: AnalyzerSettings,
    max_bytes: int,
    summary: bool,
    err_console: Console,
    published: str | None = None,
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
    task = progress.add_task("analyse", total=estimate_article_count(paths), failed=0)
    pool = AnalyzerPool(workers, settings=settings) if workers > 1 else None
    analyzer = None if pool else _new_analyzer(settings)
    errors_from_ingest: list[Failed] = []

    def articles() -> Iterator[tuple[int, RawArticle]]:
        for index, item in enumerate(
            iter_articles(paths, max_bytes=max_bytes, published=published)
        ):
            if isinstance(item, InputError):
                errors_from_ingest.append(Failed(index, item.source, item.code, item.reason))
            else:
                report_warnings(progress.console, item)
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
                    report_failure(progress.console, outcome)
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
    # Identical texts are one document (one file): each is counted once, the rest as duplicates.
    distinct = [a for a in sorted(analysed, key=lambda a: a.index) if written[a.doc_id] == a.index]
    duplicates = len(analysed) - len(distinct)
    if summary:
        _print_summary(distinct, duplicates, len(failed))
    err_console.print(
        f"{len(distinct)} analysed, "
        + (f"{duplicates} {_plural(duplicates, 'duplicate')} of an earlier input, "
           if duplicates else "")
        + f"{len(failed)} failed; output in {output}"
        + (f" (failures listed in {output / ERRORS_FILE})" if failed else "")
    )
    return len(failed)


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def _drain(pending: list[Failed]) -> Iterator[Failed]:
    while pending:
        yield pending.pop(0)


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


def _print_summary(analysed: list[Analysed], duplicates: int, failures: int) -> None:
    console = Console(soft_wrap=False)
    counts = ("actors", "quotes", "relations", "techniques")
    # Titles are cut, not wrapped, so each article keeps one row: the title gets what the id and
    # count columns (and the borders, three characters a column) leave of the terminal.
    title_width = max(12, console.width - 16 - sum(map(len, counts)) - 3 * (len(counts) + 2) - 1)
    repeated = f", {duplicates} {_plural(duplicates, 'duplicate')}" if duplicates else ""
    table = Table(
        title=f"presslens: {len(analysed)} articles analysed{repeated}, {failures} failed"
    )
    table.add_column("id", style="dim", no_wrap=True, min_width=16)
    table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=title_width)
    for heading in counts:
        table.add_column(heading, justify="right", min_width=len(heading))
    for result in analysed:
        table.add_row(result.doc_id, result.title or "—", *(str(n) for n in result.counts))
    console.print(table)
