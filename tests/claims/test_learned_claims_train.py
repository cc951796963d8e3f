"""``presslens train claims-learned`` on a synthetic mini-dataset written for this test: the split
by sentence id, determinism, and a model the stage can load."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from _claims_data import synthetic_rows, write_split
from presslens.claims.learned import load_learned_model_dir
from presslens.claims.learned_train import LATEST_DEBATES_FROM, is_latest_debate
from presslens.claims.train import DEV_FILE, TRAIN_FILE


def test_split_by_sentence_id() -> None:
    assert is_latest_debate(str(LATEST_DEBATES_FROM))
    assert not is_latest_debate(str(LATEST_DEBATES_FROM - 1))
    assert not is_latest_debate("dev-12")


def test_tiny_training_run_is_deterministic_and_loads(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    write_split(data / TRAIN_FILE, synthetic_rows(240, 1000, numbered=True)
                + synthetic_rows(90, LATEST_DEBATES_FROM, numbered=True))
    write_split(data / DEV_FILE, synthetic_rows(30, 5000, numbered=True))
    from presslens.cli import app

    runner = CliRunner()
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        result = runner.invoke(app, ["train", "claims-learned", "--data", str(data), "--out",
                                     str(out), "--no-compare-old"])
        assert result.exit_code == 0, result.output
    for name in ("checkworthy.npz", "ngram/weights.npz"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes()
    meta = json.loads((outs[0] / "meta.json").read_text(encoding="utf-8"))
    figures = meta["figures"]
    assert figures["fitted_on"] == 240 and figures["latest_debates"]["sentences"] == 90
    assert figures["latest_debates"]["yes"]["f1"] >= 0.9
    assert figures["dev"]["yes"]["f1"] >= 0.9
    assert meta["command"].startswith("presslens ") and len(meta["data"]["train_sha256"]) == 64
    model = load_learned_model_dir(outs[0])
    assert 0.0 < model.threshold < 1.0 and model.head.classes == ("No", "Yes")
