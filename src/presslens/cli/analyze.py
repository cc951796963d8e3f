"""``presslens analyze`` (placeholder until the ingest work)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from presslens.cli.app import app
from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@app.command()
def analyze(paths: list[Path]) -> None:
    """Analyse articles and print their JSON."""
    analyzer = Analyzer()
    for path in paths:
        text = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        doc = analyzer.analyze(RawArticle(text=text, source=str(path), source_path=str(path)))
        typer.echo(doc.model_dump_json(indent=2))
