"""``presslens train claims-learned`` on a synthetic mini-dataset written for this test: the split
by sentence id, determinism, and a model the stage can load."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from presslens.claims.learned import load_learned_model_dir
from presslens.claims.learned_train import LATEST_DEBATES_FROM, is_latest_debate
from presslens.claims.train import DEV_FILE, TRAIN_FILE

_ACTORS = ["Poland", "Hungary", "Georgia", "Armenia", "Turkey", "Moldova", "Serbia", "Iran"]
_ACTIONS = ["deployed", "sent", "bought", "sold", "moved", "withdrew"]
_OPINIONS = [
    "I think this is a disgrace for all of us",
    "We should be proud of what we stand for",
    "Frankly, nobody cares about such speeches",
    "Let me say something about values",
    "You know, this is a great country",
    "That answer was not very clear to me",
]


def _rows(n: int, first_id: int) -> list[str]:
    rows = []
    for i in range(n):
        if i % 3 == 0:
            actor, action = _ACTORS[i % len(_ACTORS)], _ACTIONS[(i // 3) % len(_ACTIONS)]
            text, label = f"{actor} {action} {100 + 7 * i} soldiers to the border in {1990 + i % 30}.", "Yes"
        else:
            text, label = f"{_OPINIONS[i % len(_OPINIONS)]}, number {i}.", "No"
        rows.append(f"{first_id + i}\t{text}\t{label}")
    return rows


def _write(path: Path, rows: list[str]) -> None:
    path.write_text("\n".join(["Sentence_id\tText\tclass_label", *rows]) + "\n", encoding="utf-8")


def test_split_by_sentence_id() -> None:
    assert is_latest_debate(str(LATEST_DEBATES_FROM))
    assert not is_latest_debate(str(LATEST_DEBATES_FROM - 1))
    assert not is_latest_debate("dev-12")


def test_tiny_training_run_is_deterministic_and_loads(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    _write(data / TRAIN_FILE, _rows(240, 1000) + _rows(90, LATEST_DEBATES_FROM))
    _write(data / DEV_FILE, _rows(30, 5000))
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
