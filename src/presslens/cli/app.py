"""The typer application that every command module registers on."""

from __future__ import annotations

import json

import typer

from presslens import __version__
from presslens.model import json_schema

app = typer.Typer(
    name="presslens",
    help="Evidence-anchored structured data from news and opinion articles on international politics.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the per-article output."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command()
def version() -> None:
    """Print the presslens version."""
    typer.echo(__version__)
