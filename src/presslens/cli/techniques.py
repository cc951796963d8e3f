"""``presslens train techniques``, ``presslens eval-techniques`` and ``presslens techniques``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from presslens.cli.app import LABEL_SET_HELP, THRESHOLD_HELP, LabelSetChoice, app

DEFAULT_OUT = Path("src/presslens/data/models/techniques")


def _train_app() -> typer.Typer:
    """The ``train`` command group, shared with other model-training commands."""
    for group in app.registered_groups:
        if group.name == "train" and group.typer_instance is not None:
            return group.typer_instance
    train_app = typer.Typer(help="Train the models presslens ships.", no_args_is_help=True)
    app.add_typer(train_app, name="train")
    return train_app


train_app = _train_app()


@train_app.command("techniques")
def train_techniques(
    data: Annotated[Path, typer.Option(help="ptc-train directory (articles + TC labels).")],
    out: Annotated[
        Path, typer.Option(help="Where to write weights.npz and meta.json.")
    ] = DEFAULT_OUT,
    cache: Annotated[Path | None, typer.Option(help="Directory to cache spaCy parses.")] = None,
    epochs: Annotated[int, typer.Option(help="Passes over the training tokens.")] = 6,
    eval_only: Annotated[
        bool, typer.Option("--eval-only", help="Only evaluate the model in --out.")
    ] = False,
) -> None:
    """Train the technique tagger and classifier on ptc-train (deterministic), then evaluate."""
    from presslens.techniques.train import train
    from presslens.techniques.weights import load_model_dir, save_model

    if eval_only:
        _print_eval(data, load_model_dir(out), cache)
        return
    model = train(data, cache=cache, epochs=epochs)
    save_model(model, out)
    typer.echo(
        f"wrote {out}/weights.npz and meta.json (sha256 {model.meta.get('training_data_sha256', '')[:12]}…)"
    )
    _print_eval(data, model, cache)


@app.command("eval-techniques")
def eval_techniques(
    data: Annotated[Path, typer.Option(help="ptc-train directory (articles + TC labels).")],
    model_dir: Annotated[
        Path | None, typer.Option("--model", help="Model directory (default: shipped).")
    ] = None,
    cache: Annotated[Path | None, typer.Option(help="Directory to cache spaCy parses.")] = None,
    threshold: Annotated[float | None, typer.Option(help="Confidence threshold.")] = None,
) -> None:
    """Score techniques on the held-out articles of ptc-train (SemEval-2020 SI and TC)."""
    from presslens.techniques.weights import load_model_dir, load_shipped_model

    model = load_model_dir(model_dir) if model_dir else load_shipped_model()
    if model is None:
        raise typer.BadParameter("no shipped technique model; pass --model")
    _print_eval(data, model, cache, threshold)


def _print_eval(
    data: Path, model: object, cache: Path | None, threshold: float | None = None
) -> None:
    from presslens.techniques.detect import DEFAULT_THRESHOLD
    from presslens.techniques.train import evaluate
    from presslens.techniques.weights import TechniqueModel

    assert isinstance(model, TechniqueModel)
    th = DEFAULT_THRESHOLD if threshold is None else threshold
    rep = evaluate(data, model, cache=cache, threshold=th)
    table = Table(
        title=f"Techniques on {rep.articles} held-out ptc-train articles (threshold {th})"
    )
    for col in ("label", "gold spans", "SI F1", "SI F1 lexicon", "TC F1", "TC F1 lexicon"):
        table.add_column(col, justify="left" if col == "label" else "right")
    for label in sorted(rep.si_label_model):
        tc = rep.tc_label_model.get(label)
        tcl = rep.tc_label_lexicon.get(label)
        table.add_row(
            label,
            str(rep.si_label_model[label].n_gold),
            f"{rep.si_label_model[label].f1:.3f}",
            f"{rep.si_label_lexicon[label].f1:.3f}",
            f"{tc.f1:.3f}" if tc else "-",
            f"{tcl.f1:.3f}" if tcl else "-",
        )
    table.add_section()
    table.add_row(
        "overall (SI: P/R/F1; TC: micro-F1)",
        str(rep.si_model.n_gold),
        f"{rep.si_model.precision:.3f}/{rep.si_model.recall:.3f}/{rep.si_model.f1:.3f}",
        f"{rep.si_lexicon.precision:.3f}/{rep.si_lexicon.recall:.3f}/{rep.si_lexicon.f1:.3f}",
        f"{rep.tc_model.f1:.3f}",
        f"{rep.tc_lexicon.f1:.3f}",
    )
    Console(width=140).print(table)


@app.command("techniques")
def techniques(
    paths: list[Path],
    label_set: Annotated[
        LabelSetChoice, typer.Option("--label-set", help=LABEL_SET_HELP)
    ] = LabelSetChoice.semeval2023,
    threshold: Annotated[
        float | None, typer.Option(min=0.0, max=1.0, help=THRESHOLD_HELP)
    ] = None,
) -> None:
    """Print the persuasion-technique spans of articles as JSON lines."""
    from presslens.ingest import RawArticle
    from presslens.model import Document
    from presslens.nlp import load_nlp
    from presslens.techniques import DEFAULT_THRESHOLD, detect_techniques, to_label_set
    from presslens.textutil import document_id, normalise_newlines

    nlp = load_nlp()
    for path in paths:
        raw = sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
        article = RawArticle(text=raw, source=str(path), source_path=str(path))
        text = normalise_newlines(article.text)
        doc = Document(id=document_id(text), text=text)
        found = detect_techniques(
            doc, nlp(text), threshold=DEFAULT_THRESHOLD if threshold is None else threshold
        )
        found = to_label_set(found, label_set.value)
        typer.echo(
            json.dumps(
                {"path": str(path), "techniques": [t.model_dump() for t in found]},
                ensure_ascii=False,
            )
        )
