"""``presslens eval-quotes``: the quote stage (and textacy) scored on a PolNeAr split."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from presslens.cli.app import app


@app.command("eval-quotes")
def eval_quotes(
    split: Annotated[Path, typer.Argument(
        help="A PolNeAr split folder (with text/ and attributions/; PolNeAr v1.0.0, Newell, "
        "Margolin and Ruths, LREC 2018).", exists=True, file_okay=False)],
    limit: Annotated[int | None, typer.Option(help="Score only the first N articles.")] = None,
    cache: Annotated[Path | None, typer.Option(
        help="Folder to keep the parses in between runs (outside the repository).")] = None,
    textacy: Annotated[bool, typer.Option(help="Also score textacy's direct_quotations.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    misses: Annotated[Path | None, typer.Option(
        help="Write presslens's misses, boundary errors, speaker errors and false quotes here.")
    ] = None,
) -> None:
    """Overlap and exact P/R/F1, speaker accuracy and recall by kind on PolNeAr attributions."""
    from presslens.bench.quotes_polnear import run_polnear, table_rows

    console = Console(stderr=True)
    result = run_polnear(split, limit=limit, cache=cache, with_textacy=textacy,
                         keep_misses=misses is not None, progress=console.print)
    if misses is not None:
        misses.write_text("\n".join(result.pop("misses", [])) + "\n", "utf-8")
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    rows = list(table_rows(result))
    table = Table(title=f"Quotes on {result['articles']} PolNeAr articles ({split.name})")
    for column in rows[0]:
        table.add_column(column, justify="right")
    for row in rows[1:]:
        table.add_row(*row)
    Console().print(table)
