"""``presslens train claims``: train (or evaluate) the check-worthiness model.

Registered on the ``train`` command group shared with the other model-training commands (created
here when no other module has created it yet).
"""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from presslens.cli.app import SHIPPED_MODELS, TRAIN_OUT_HELP, app, check_training_out

SHIPPED_MODEL = SHIPPED_MODELS / "claims"


def _train_app() -> typer.Typer:
    """The ``train`` command group, shared with other model-training commands."""
    for group in app.registered_groups:
        if group.name == "train" and group.typer_instance is not None:
            return group.typer_instance
    train_app = typer.Typer(help="Train the models presslens ships.", no_args_is_help=True)
    app.add_typer(train_app, name="train")
    return train_app


train_app = _train_app()


def _training_out(out: Path | None) -> Path | None:
    """--out is optional only with --eval-only; a training run never writes into the shipped
    models' folder (``check_training_out``)."""
    return None if out is None else check_training_out(out)


@train_app.command("claims")
def train_claims(
    data: Annotated[
        Path,
        typer.Option(
            help="Directory with CT24_checkworthy_english_{train,dev}.tsv (CheckThat! 2024).",
            exists=True,
            file_okay=False,
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(help=TRAIN_OUT_HELP + " With --eval-only: the model to score (default: the "
                     "shipped one).", callback=_training_out, file_okay=False, show_default=False),
    ] = None,
    cache: Annotated[
        Path | None, typer.Option(help="Directory to cache sentence features (outside the repo).")
    ] = None,
    eval_only: Annotated[
        bool, typer.Option("--eval-only", help="Only evaluate the model in --out on dev.")
    ] = False,
) -> None:
    """Train the check-worthiness model on CheckThat! train (deterministic), then score dev."""
    from presslens.claims.train import DEV_FILE, evaluate, train
    from presslens.claims.weights import load_model_dir, save_model

    if eval_only:
        _print_dev(evaluate(data / DEV_FILE, load_model_dir(out or SHIPPED_MODEL), cache))
        return
    if out is None:
        raise typer.BadParameter("required to train", param_hint="--out")
    result = train(data, cache=cache)
    digest = save_model(result.model, out)
    typer.echo(f"wrote {out}/weights.npz and meta.json (weights sha256 {digest[:12]}…)")
    cal = result.report["calibration"]
    typer.echo(
        f"calibration split: P {cal['precision']:.3f} R {cal['recall']:.3f} F1 {cal['f1']:.3f} "
        f"(threshold {result.model.threshold})"
    )
    if "dev" in result.report:
        _print_dev(result.report["dev"])


def _print_dev(report: dict[str, Any]) -> None:
    table = Table(
        title=f"check-worthiness on {report['split']} ({report['sentences']} sentences, "
        f"{report['positives']} Yes): F1 of the Yes class"
    )
    for col in ("system", "P", "R", "F1"):
        table.add_column(col, justify="left" if col == "system" else "right")
    rows = [
        ("presslens model", "model"),
        ("baseline: has a number or a named entity", "baseline_number_or_entity"),
        ("baseline: everything Yes", "baseline_all_yes"),
        ("baseline: majority (No)", "baseline_majority_no"),
    ]
    for label, key in rows:
        s = report[key]
        table.add_row(label, f"{s['precision']:.3f}", f"{s['recall']:.3f}", f"{s['f1']:.3f}")
    Console(width=120).print(table)
    typer.echo(f"model average precision: {report['model_average_precision']:.3f}")
    typer.echo(json.dumps(report, sort_keys=True))


@train_app.command("claims-learned")
def train_claims_learned(
    data: Annotated[
        Path,
        typer.Option(
            help="Directory with CT24_checkworthy_english_{train,dev}.tsv (CLEF CheckThat! 2024 "
            "Task 1, English).",
            exists=True,
            file_okay=False,
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            help=TRAIN_OUT_HELP, callback=check_training_out, file_okay=False, show_default=False
        ),
    ],
    cache: Annotated[
        Path | None, typer.Option(help="Folder to keep encoded features in (outside the repo).")
    ] = None,
    compare_old: Annotated[
        bool,
        typer.Option(help="Also score the shipped rule-era model on the latest debates."),
    ] = True,
) -> None:
    """Train the default profile's check-worthiness head over the frozen shared encoder: fitted
    on CheckThat! train but its latest debates, calibrated and thresholded on those (deterministic)."""
    from presslens.claims.learned_train import train_learned_claims

    command = "presslens " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    figures = train_learned_claims(data, out, cache, command, compare_old)
    typer.echo(json.dumps(figures, indent=2, sort_keys=True))
