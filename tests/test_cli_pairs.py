"""``presslens train pairs`` never writes into the shipped models' folder: --out is required and
refused there, and the corpora are given by path (none of them is assumed to be at hand).
Nothing is trained here: the refusals come before any data is read."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from presslens.cli import app
from presslens.cli.app import SHIPPED_MODELS, check_training_out


def _words(output: str) -> str:
    """The message without the error box's borders and line wrapping (its width follows the
    terminal and the folder the clone lives in)."""
    return " ".join(output.replace("│", " ").split())


def _digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def corpora(tmp_path: Path) -> list[str]:
    (tmp_path / "ds").mkdir()
    (tmp_path / "mtsc").mkdir()
    return ["--directed-sentiment", str(tmp_path / "ds"), "--newsmtsc", str(tmp_path / "mtsc")]


def test_out_is_required(corpora: list[str]) -> None:
    result = CliRunner().invoke(app, ["train", "pairs", *corpora])
    assert result.exit_code == 2
    assert "--out" in result.output and "Missing option" in result.output


@pytest.mark.parametrize("inside", ["pairs", ".", "pairs/new"])
def test_the_shipped_models_are_never_the_out(corpora: list[str], inside: str) -> None:
    shipped = SHIPPED_MODELS / "pairs"
    before = _digests(shipped)
    result = CliRunner().invoke(
        app, ["train", "pairs", *corpora, "--out", str(SHIPPED_MODELS / inside)]
    )
    assert result.exit_code == 2
    assert "shipped models' folder" in _words(result.output)
    assert _digests(shipped) == before


def test_the_corpora_have_no_default_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["train", "pairs", "--out", str(tmp_path / "m")])
    assert result.exit_code == 2 and "--directed-sentiment" in result.output


def test_a_folder_elsewhere_is_accepted(tmp_path: Path) -> None:
    assert check_training_out(tmp_path / "models") == tmp_path / "models"
    with pytest.raises(typer.BadParameter):
        check_training_out(SHIPPED_MODELS / "claims")
