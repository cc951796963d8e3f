"""``presslens train pairs``: train the heads of the learned relation and stance stages."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from presslens.cli.claims import train_app

DEFAULT_OUT = Path("src/presslens/data/models/pairs")
SHARED = Path("../shared/data")


@train_app.command("pairs")
def train_pairs(
    directed_sentiment: Annotated[Path, typer.Option(
        help="Folder with the directed-sentiment corpus's train.txt and valid.txt.",
        exists=True, file_okay=False)] = SHARED / "directed-sentiment",
    newsmtsc: Annotated[Path, typer.Option(
        help="Folder with NewsMTSC's train.jsonl and dev.jsonl.", exists=True, file_okay=False,
    )] = SHARED / "newsmtsc",
    written: Annotated[Path, typer.Option(
        help="PLOVER-style training sentences (JSONL, corpora/plover_train's format).",
        exists=True, dir_okay=False)] = Path("corpora/plover_train/sentences.jsonl"),
    cameo: Annotated[Path | None, typer.Option(
        help="Folder with cameo_ner-train.txt and cameo_class-train.tsv (ConfliBERT's CAMEO data) "
        "to add to the relation head's examples (not in the shipped head: it changed nothing "
        "measurable, see the README).", exists=True, file_okay=False)] = None,
    articles: Annotated[list[Path] | None, typer.Option(
        "--articles", help="A folder of annotated articles (NAME.txt + NAME.gold.json); repeat.",
        exists=True, file_okay=False)] = None,
    out: Annotated[Path, typer.Option(help="Where to write the heads and meta.json.")] = DEFAULT_OUT,
    cache: Annotated[Path | None, typer.Option(
        help="Folder to keep encoded features in between runs (outside the repo).")] = None,
) -> None:
    """Train the pair model's three heads over the frozen encoder (deterministic)."""
    from presslens.pairs.training import TrainingData, train_pair_model

    folders = articles or [Path("tests/devset"), Path("tests/devset2"), Path("tests/devset3")]
    if any(folder.name in ("heldout", "plover_style") for folder in folders):
        raise typer.BadParameter("tests/heldout and tests/plover_style are never trained on")
    data = TrainingData(directed_sentiment, newsmtsc, written, folders, cameo)
    command = "presslens " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    figures = train_pair_model(data, out, cache, command)
    typer.echo(json.dumps(figures, indent=2))
