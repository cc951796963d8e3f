"""``presslens train pairs``: train the heads of the learned relation and stance stages."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Annotated

import typer

from presslens.cli.app import TRAIN_OUT_HELP, check_training_out
from presslens.cli.claims import train_app

DIRECTED_SENTIMENT_HELP = (
    "Folder with train.txt and valid.txt of the entity-to-entity directed-sentiment corpus (Park, "
    "Pan and Joo, 'Who Blames or Endorses Whom? Entity-to-Entity Directed Sentiment Extraction "
    "in News Text', Findings of ACL 2021; published by its authors with the paper)."
)
NEWSMTSC_HELP = (
    "Folder with train.jsonl and dev.jsonl of NewsMTSC (Hamborg and Donnay, EACL 2021; "
    "github.com/fhamborg/NewsMTSC, the 'real world' variant newsmtsc-rw, one JSON object a line)."
)


@train_app.command("pairs")
def train_pairs(
    directed_sentiment: Annotated[Path, typer.Option(
        help=DIRECTED_SENTIMENT_HELP, exists=True, file_okay=False, show_default=False)],
    newsmtsc: Annotated[Path, typer.Option(
        help=NEWSMTSC_HELP, exists=True, file_okay=False, show_default=False)],
    out: Annotated[Path, typer.Option(
        help=TRAIN_OUT_HELP, callback=check_training_out, file_okay=False, show_default=False)],
    written: Annotated[Path, typer.Option(
        help="PLOVER-style training sentences (JSONL, corpora/plover_train's format; shipped "
        "in the repository).", exists=True, dir_okay=False)] = Path(
        "corpora/plover_train/sentences.jsonl"),
    cameo: Annotated[Path | None, typer.Option(
        help="Folder with cameo_ner-train.txt and cameo_class-train.tsv (ConfliBERT's CAMEO data, "
        "github.com/eventdata/ConfliBERT, data/cameo_ner and data/cameo_class) to add to the "
        "relation head's examples (not in the shipped head: it changed nothing measurable, see "
        "the README).", exists=True, file_okay=False)] = None,
    articles: Annotated[list[Path] | None, typer.Option(
        "--articles", help="A folder of annotated articles (NAME.txt + NAME.gold.json); repeat "
        "[default: tests/devset, tests/devset2, tests/devset3].",
        exists=True, file_okay=False)] = None,
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
