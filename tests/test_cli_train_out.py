"""Every training command refuses to write into the shipped models' folder, and the two older
ones (``train techniques``, ``train claims``) need --out to train (with --eval-only it names the
model to score, the shipped one by default). Nothing is trained: the refusals come first."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.cli.app import SHIPPED_MODELS


def _words(output: str) -> str:
    """The message without the error box's borders and line wrapping (its width follows the
    terminal and the folder the clone lives in)."""
    return " ".join(output.replace("│", " ").split())


@pytest.mark.parametrize(
    ("command", "model"),
    [("techniques", "techniques"), ("claims", "claims"), ("techniques2023", "techniques2023"),
     ("claims-learned", "claims_learned")],
)
def test_the_shipped_folder_is_never_the_out(tmp_path: Path, command: str, model: str) -> None:
    result = CliRunner().invoke(
        app, ["train", command, "--data", str(tmp_path), "--out", str(SHIPPED_MODELS / model)]
    )
    assert result.exit_code == 2
    assert "shipped models' folder" in _words(result.output)


@pytest.mark.parametrize("command", ["techniques", "claims"])
def test_training_needs_an_out(tmp_path: Path, command: str) -> None:
    result = CliRunner().invoke(app, ["train", command, "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "--out" in result.output and "required to train" in _words(result.output)


def test_fine_tuning_without_torch_is_refused_before_training(tmp_path: Path, monkeypatch) -> None:
    """``--tune-layers`` needs torch (the ``tune`` extra); without it the command says so and
    trains nothing (``sys.modules`` holding None makes ``import torch`` fail, installed or not)."""
    monkeypatch.setitem(sys.modules, "torch", None)
    result = CliRunner().invoke(app, ["train", "techniques2023", "--data", str(tmp_path),
                                      "--out", str(tmp_path / "out"), "--tune-layers", "1"])
    assert result.exit_code == 2
    assert "needs torch" in _words(result.output) and "--tune-layers" in _words(result.output)
    assert not (tmp_path / "out").exists()
