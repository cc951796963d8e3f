"""Corpus commands: ``ingest`` into a DuckDB store, ``sql`` and ``export`` over it, and the
``network``, ``timeline`` and ``actors`` views."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from presslens.cli.analyze import PUBLISHED_HELP, published_option
from presslens.cli.app import PROFILE_HELP, THRESHOLD_HELP, app, check_profile
from presslens.cli.corpus_options import (
    LEVEL_HELP,
    MODALITY_HELP,
    BucketChoice,
    EngineChoice,
    ExportFormat,
    LevelChoice,
    ModalityChoice,
    NetworkFormatChoice,
)
from presslens.cli.rows import OutputFormat, print_rows
from presslens.ingest import DEFAULT_MAX_BYTES
from presslens.pipeline.profiles import DEFAULT_PROFILE
from presslens.techniques import DEFAULT_THRESHOLD as DEFAULT_TECHNIQUE_THRESHOLD

if TYPE_CHECKING:
    from presslens.corpus.store import Store

DB_OPTION = typer.Option("--db", help="The corpus database (DuckDB file).", show_default=False)


def _stderr() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _existing(db: Path) -> Path:
    if not db.exists():
        raise typer.BadParameter(f"no corpus database at {db}", param_hint="--db")
    return db


def _read_store(db: Path) -> Store:
    """The corpus opened read-only, or one line that says why not and exit status 1."""
    from presslens.corpus.store import Store, StoreError

    try:
        return Store(_existing(db), read_only=True)
    except StoreError as err:
        _stderr().print(f"[red]error[/red] {escape(str(err))}")
        raise typer.Exit(1) from None


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from err


def _filters(**given: Any) -> str:
    """The filters given, as the options that set them ("--outlet X --since 2025-01-01")."""
    parts: list[str] = []
    for name, value in given.items():
        values = value if isinstance(value, list) else [value] if value is not None else []
        parts.extend(f"--{name} {escape(str(v))}" for v in values)
    return " ".join(parts) or "(no filter)"


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Articles: files (.txt, .html, .json, .jsonl, .warc, .warc.gz, .rss, .atom, "
            "feed .xml) and directories.",
            show_default=False,
        ),
    ],
    db: Annotated[Path, DB_OPTION],
    workers: Annotated[
        int, typer.Option("--workers", "-w", min=1, help="Processes (or Dask workers) analysing.")
    ] = 1,
    engine: Annotated[
        EngineChoice, typer.Option(help="local: this machine's processes; dask: a Dask cluster.")
    ] = EngineChoice.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="Dask scheduler address (tcp://host:8786); without it a local cluster of "
            "--workers processes on 127.0.0.1.",
        ),
    ] = None,
    batch_size: Annotated[
        int, typer.Option(min=1, help="Articles per transaction (per Dask task with dask).")
    ] = 32,
    shard_dir: Annotated[
        Path | None,
        typer.Option(help="Where Dask results land as Parquet shards before loading "
                     "[default: DB.shards/].", file_okay=False),
    ] = None,
    gazetteer: Annotated[
        Path | None,
        typer.Option(help="Extra gazetteer YAML.", exists=True, dir_okay=False, readable=True),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Largest article text accepted, in bytes.")
    ] = DEFAULT_MAX_BYTES,
    technique_threshold: Annotated[
        float,
        typer.Option(
            "--technique-threshold",
            min=0.0,
            max=1.0,
            help=THRESHOLD_HELP + " Applies to the articles analysed by this run.",
        ),
    ] = DEFAULT_TECHNIQUE_THRESHOLD,
    profile: Annotated[
        str, typer.Option("--profile", help=PROFILE_HELP, callback=check_profile)
    ] = DEFAULT_PROFILE,
    published: Annotated[
        str | None, typer.Option("--published", help=PUBLISHED_HELP, metavar="DATE")
    ] = None,
) -> None:
    """Analyse articles and store them in a corpus database.

    Articles already stored (same text) are skipped before analysis, so re-running a command
    adds only what is new, and an interrupted ingest resumes where it stopped. Exit status 1
    when any input failed (recorded in the errors table), 130 when interrupted.
    """
    from presslens.corpus.engine import IngestOptions
    from presslens.corpus.engine import ingest as run_ingest
    from presslens.corpus.store import StoreError

    if scheduler and engine is not EngineChoice.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    console = _stderr()
    options = IngestOptions(
        workers=workers,
        engine=engine.value,
        scheduler=scheduler,
        gazetteer=gazetteer,
        max_bytes=max_bytes,
        batch_size=batch_size,
        shard_dir=shard_dir,
        technique_threshold=technique_threshold,
        profile=profile,
        published=published_option(published, paths),
    )
    try:
        stats = run_ingest(paths, db, options, console)
    except StoreError as err:
        console.print(f"[red]error[/red] {escape(str(err))}")
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        console.print("interrupted: the articles stored so far are kept; run again to resume")
        raise typer.Exit(130) from None
    duplicates = f"{stats.duplicates} duplicates of an earlier input, " if stats.duplicates else ""
    console.print(
        f"{stats.stored} stored, {stats.skipped} already stored, {duplicates}{stats.failed} "
        f"failed in {stats.seconds:.1f} s ({stats.rate:.1f} articles/s); database {db}"
    )
    raise typer.Exit(1 if stats.failed else 0)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A SQL query (DuckDB dialect).", show_default=False)],
    db: Annotated[Path, DB_OPTION],
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """Run a read-only SQL query on the corpus and print the result."""
    import duckdb


    with _read_store(db) as store:
        try:
            columns, rows = store.query(query)
        except duckdb.Error as err:
            _stderr().print(f"[red]error[/red] {escape(str(err))}")
            raise typer.Exit(1) from None
    print_rows(columns, rows, fmt)


@app.command()
def export(
    directory: Annotated[Path, typer.Argument(help="Output directory.", file_okay=False)],
    db: Annotated[Path, DB_OPTION],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.parquet,
) -> None:
    """Write every table of the corpus as DIR/<table>.parquet."""

    with _read_store(db) as store:
        written = store.export_parquet(directory)
    _stderr().print(f"{len(written)} tables written to {directory}")


@app.command()
def network(
    db: Annotated[Path, DB_OPTION],
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.", dir_okay=False)],
    fmt: Annotated[
        NetworkFormatChoice, typer.Option("--format", "-f", help="gexf and graphml open in Gephi.")
    ] = NetworkFormatChoice.gexf,
    since: Annotated[str | None, typer.Option(help="First publication day, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Last publication day, YYYY-MM-DD.")] = None,
    outlet: Annotated[list[str] | None, typer.Option(help="Only articles of this outlet.")] = None,
    speaker: Annotated[
        list[str] | None, typer.Option(help="Only relations asserted by this actor.")
    ] = None,
    rtype: Annotated[list[str] | None, typer.Option("--type", help="Only this relation type.")] = None,
    modality: Annotated[list[ModalityChoice] | None, typer.Option(help=MODALITY_HELP)] = None,
    min_weight: Annotated[float, typer.Option(min=0, help="Drop edges with fewer relations.")] = 1,
    level: Annotated[LevelChoice, typer.Option("--level", help=LEVEL_HELP)] = LevelChoice.actor,
) -> None:
    """Build the signed, weighted, directed actor (or state) network and write it."""
    from presslens.corpus.network import (
        ArticleFilter,
        build_network,
        selected_articles,
        write_network,
    )
    from presslens.corpus.timeline import UnknownActor, resolve_actor

    with _read_store(db) as store:
        try:
            speakers = [resolve_actor(store, s).id for s in speaker or []]
        except UnknownActor as err:
            raise typer.BadParameter(str(err), param_hint="--speaker") from None
        flt = ArticleFilter(
            since=_day(since, "--since"),
            until=_day(until, "--until"),
            outlets=outlet or [],
            speakers=speakers,
            types=rtype or [],
            modalities=[m.value for m in modality or []],
        )
        graph = build_network(store, flt, min_weight=min_weight, level=level.value)
        selected, _ = selected_articles(store, flt)
    written = write_network(graph, output, fmt.value)
    nodes = "states and actors" if level is LevelChoice.state else "actors"
    if not graph.number_of_edges():
        what = _filters(since=since, until=until, outlet=outlet, speaker=speaker, type=rtype,
                        modality=[m.value for m in modality or []])
        _stderr().print(
            f"[yellow]warning[/yellow] no article matches {what}" if not selected else
            f"[yellow]warning[/yellow] no relation in the {selected} articles selected"
            + (f" matches {what}" if speaker or rtype or modality else "")
            + (f" with at least {min_weight:g} relations" if min_weight > 1 else "")
        )
    _stderr().print(
        f"{graph.number_of_nodes()} {nodes}, {graph.number_of_edges()} edges written to "
        + ", ".join(map(str, written))
    )


@app.command()
def timeline(
    actor_a: Annotated[str, typer.Argument(metavar="A", help="Actor id, QID or name.")],
    actor_b: Annotated[str, typer.Argument(metavar="B", help="Actor id, QID or name.")],
    db: Annotated[Path, DB_OPTION],
    by: Annotated[BucketChoice, typer.Option("--by")] = BucketChoice.month,
    outlet: Annotated[list[str] | None, typer.Option(help="Only articles of this outlet.")] = None,
    plot: Annotated[
        Path | None, typer.Option("--plot", help="Draw the timeline to this PNG.", dir_okay=False)
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
    level: Annotated[LevelChoice, typer.Option("--level", help=LEVEL_HELP)] = LevelChoice.actor,
    modality: Annotated[list[ModalityChoice] | None, typer.Option(help=MODALITY_HELP)] = None,
) -> None:
    """The relations between two actors (or, with --level state, the states they act for) over
    time: counts per type and mean polarity."""
    from presslens.corpus.network import ArticleFilter, selected_articles
    from presslens.corpus.timeline import UnknownActor, plot_timeline, resolve_actor
    from presslens.corpus.timeline import timeline as build_timeline

    with _read_store(db) as store:
        try:
            a = resolve_actor(store, actor_a)
            b = resolve_actor(store, actor_b)
        except UnknownActor as err:
            raise typer.BadParameter(str(err)) from None
        flt = ArticleFilter(outlets=outlet or [], modalities=[m.value for m in modality or []])
        result = build_timeline(store, a, b, by.value, flt, level=level.value)
        selected, dated = selected_articles(store, flt)
    names = {a.id: a.name, b.id: b.name}
    columns = ["bucket", "direction", "relations", "mean_polarity", "types"]
    rows = [
        (
            row.bucket.date().isoformat(),
            f"{names[row.source]} → {names[row.target]}",
            row.relations,
            f"{row.polarity:+.2f}",
            ", ".join(f"{t} {n}" for t, n in sorted(row.types.items())),
        )
        for row in result.rows
    ]
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(
            {"a": a.__dict__, "b": b.__dict__, "by": result.by, "level": result.level,
             "undated": result.undated, "rows": [r.as_dict() for r in result.rows]},
            ensure_ascii=False, indent=2) + "\n")
    else:
        print_rows(columns, rows, fmt)
    messages = _stderr()
    unplotted = "; no plot drawn" if plot is not None else ""
    if not selected:
        messages.print(f"[yellow]warning[/yellow] no article matches {_filters(outlet=outlet)}"
                       + unplotted)
    elif not dated:
        messages.print(
            "[yellow]warning[/yellow] no article "
            + ("of the corpus" if not outlet else f"matching {_filters(outlet=outlet)}")
            + " has a publication date (give one with --published, a dateline or a side file "
            "NAME.meta.yaml)" + unplotted
        )
    elif not result.rows:
        messages.print(f"no dated relations between {a.name} ({a.id}) and {b.name} ({b.id})"
                       + unplotted)
    if result.undated:
        messages.print(f"{result.undated} relations in undated articles are not shown")
    if plot is not None and result.rows:
        plot_timeline(result, plot)
        messages.print(f"plot written to {plot}")


@app.command()
def actors(
    db: Annotated[Path, DB_OPTION],
    outlet: Annotated[list[str] | None, typer.Option(help="Only this outlet.")] = None,
    top: Annotated[int, typer.Option(min=1, help="Actors shown per outlet.")] = 15,
    by: Annotated[
        str, typer.Option(help="Order by 'mentions' or 'stance' (most negative first).")
    ] = "mentions",
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.table,
) -> None:
    """Actors ranked by mentions and by the mean stance towards them, per outlet."""
    from presslens.corpus.network import ArticleFilter
    from presslens.corpus.timeline import rank_actors

    if by not in ("mentions", "stance"):
        raise typer.BadParameter("must be mentions or stance", param_hint="--by")
    with _read_store(db) as store:
        ranks = rank_actors(store, ArticleFilter(outlets=outlet or []))
    columns = ["outlet", "rank", "actor_id", "name", "kind", "articles", "mentions",
               "mean_stance", "stances", "stance_rank"]
    shown = []
    per_outlet: dict[str, list[Any]] = {}
    for rank in ranks:
        per_outlet.setdefault(rank.outlet, []).append(rank)
    for outlet_name in sorted(per_outlet):
        group = per_outlet[outlet_name]
        if by == "stance":
            group = sorted((r for r in group if r.stance_rank is not None),
                           key=lambda r: r.stance_rank)
        for r in group[:top]:
            shown.append((r.outlet, r.stance_rank if by == "stance" else r.mention_rank,
                          r.actor_id, r.name, r.kind, r.articles, r.mentions,
                          "" if r.mean_stance is None and fmt is OutputFormat.table
                          else r.mean_stance, r.stances, r.stance_rank))
    print_rows(columns, shown, fmt)
