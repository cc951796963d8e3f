"""The typer application that every command module registers on."""

from __future__ import annotations

import json
from enum import StrEnum
from importlib import resources
from pathlib import Path

import typer

from presslens import __version__
from presslens.model import json_schema
from presslens.pipeline.profiles import PROFILES

app = typer.Typer(
    name="presslens",
    help="Evidence-anchored structured data from news and opinion articles on international politics.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class LabelSetChoice(StrEnum):
    """The technique label sets: SemEval-2023 Task 3 (23) or SemEval-2020 Task 11 (14)."""

    semeval2023 = "semeval2023"
    semeval2020 = "semeval2020"


LABEL_SET_HELP = (
    "Technique labels: semeval2023 (the 23 of SemEval-2023 Task 3) or semeval2020 (the 14 of "
    "SemEval-2020 Task 11; techniques without a 2020 class are dropped)."
)
PROFILE_HELP = (
    f"Which components run: {' or '.join(PROFILES)} (the rule-based stages only: 'fast')."
)


def check_profile(value: str) -> str:
    """The --profile value, refused (a usage error) unless it names a profile."""
    if value not in PROFILES:
        raise typer.BadParameter(f"{value!r} is not one of: {', '.join(PROFILES)}")
    return value


THRESHOLD_HELP = (
    "Leave out techniques whose calibrated confidence is below this (0 keeps every candidate)."
)

SHIPPED_MODELS = Path(str(resources.files("presslens") / "data" / "models"))
TRAIN_OUT_HELP = (
    "Folder to write the trained model to (required; never the shipped models' folder: to ship "
    "a model, copy the folder into src/presslens/data/models/ and commit it)."
)


def check_training_out(out: Path) -> Path:
    """A training command's --out, refused (a usage error) inside the shipped models' folder,
    so that retraining never overwrites the weights presslens ships by accident."""
    shipped = SHIPPED_MODELS.resolve()
    target = out.resolve()
    if target == shipped or shipped in target.parents:
        raise typer.BadParameter(
            f"{out} is inside the shipped models' folder ({shipped}): train into another "
            "folder, and copy it there only to ship it",
            param_hint="--out",
        )
    return out


@app.command()
def schema() -> None:
    """Print the JSON Schema of the per-article output."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@app.command()
def version() -> None:
    """Print the presslens version."""
    typer.echo(__version__)
