"""The technique options of ``presslens analyze`` and ``presslens ingest``: ``--technique-threshold``
and ``--label-set``, in one process and in the worker pool (``--workers``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.model import Document, Technique
from presslens.techniques import DEFAULT_THRESHOLD, labels_2020, labels_2023, to_label_set
from presslens.techniques.labels import to_2020

PRESSLENS = Path(sys.executable).with_name("presslens")

# Written for these tests: an interview in the genre presslens reads, dense in techniques.
INTERVIEW = """The West has lost its way, says Moldovan analyst
12 May 2025

Speaking with Dniester Herald, the Moldovan political analyst Ion Cebotari explained why he believes Chisinau has become a vassal of Brussels.

"The so-called reformers in Chisinau are puppets of Washington. They have a long track record of broken promises, and they cannot be trusted," Cebotari said. "Either we defend our motherland or the globalists will erase it. The time has come to choose."

He added that the sanctions were drafted just like the Nazis drafted their decrees, and that the whole world knows the truth. "What about the prisons the Americans run abroad? Their hypocrisy is the worst in modern history. We will defend our traditional values. Hands off Moldova!"

Cebotari said the embargo would plunge the country into darkness before it is too late to stop it.
"""

EDITORIAL = """Brussels chooses the cold again
2 December 2025

The European Commission has once again put its vassals before its citizens. Either Europe buys Russian gas or its factories close, and everyone knows it. The brutal sanctions regime is the worst economic blunder in living memory, and it is only the beginning.
"""


def _analyse(runner: CliRunner, path: Path, *options: str) -> Document:
    result = runner.invoke(app, ["analyze", str(path), *options])
    assert result.exit_code == 0, result.output
    return Document.model_validate_json(result.stdout)


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("techniques") / "interview.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    return path


def _keys(techniques: list[Technique]) -> set[tuple[int, int, str, float]]:
    return {(t.start, t.end, t.label, t.confidence) for t in techniques}


def test_technique_threshold_filters_the_output(article: Path) -> None:
    runner = CliRunner()
    default = _analyse(runner, article).techniques
    everything = _analyse(runner, article, "--technique-threshold", "0").techniques
    strict = _analyse(runner, article, "--technique-threshold", "0.4").techniques
    assert strict and default and everything
    # each threshold keeps exactly the candidates at or above it, with unchanged confidences
    assert _keys(strict) == {k for k in _keys(everything) if k[3] >= 0.4}
    assert _keys(default) == {k for k in _keys(everything) if k[3] >= DEFAULT_THRESHOLD}
    assert len(strict) < len(default) < len(everything)
    assert min(t.confidence for t in everything) < DEFAULT_THRESHOLD
    assert _analyse(runner, article, "--technique-threshold", "1").techniques == []


def test_label_set_semeval2020(article: Path) -> None:
    runner = CliRunner()
    new = _analyse(runner, article, "--technique-threshold", "0").techniques
    old = _analyse(
        runner, article, "--technique-threshold", "0", "--label-set", "semeval2020"
    ).techniques
    assert {t.label for t in new} <= set(labels_2023())
    assert old and {t.label for t in old} <= set(labels_2020())
    # renamed labels are renamed, and 2023-only labels (Appeal_to_Time) are dropped
    assert "Name_Calling,Labeling" in {t.label for t in old}
    assert "Name_Calling-Labeling" not in {t.label for t in old}
    assert any(to_2020(t.label) is None for t in new)
    assert old == to_label_set(new, "semeval2020")
    explicit = _analyse(runner, article, "--technique-threshold", "0", "--label-set", "semeval2023")
    assert explicit.techniques == new


@pytest.mark.parametrize(
    "options",
    [
        ["--technique-threshold", "1.5"],
        ["--technique-threshold", "-0.1"],
        ["--label-set", "semeval2019"],
    ],
)
def test_bad_technique_options_are_usage_errors(article: Path, options: list[str]) -> None:
    assert CliRunner().invoke(app, ["analyze", str(article), *options]).exit_code == 2


def test_worker_pool_honours_threshold_and_label_set(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "interview.txt").write_text(INTERVIEW, encoding="utf-8")
    (corpus / "editorial.txt").write_text(EDITORIAL, encoding="utf-8")
    options = ["--technique-threshold", "0.3", "--label-set", "semeval2020"]
    serial, pooled, plain = tmp_path / "serial", tmp_path / "pooled", tmp_path / "plain"
    runner = CliRunner()
    assert runner.invoke(app, ["analyze", str(corpus), "-o", str(serial), *options]).exit_code == 0
    assert runner.invoke(app, ["analyze", str(corpus), "-o", str(plain)]).exit_code == 0
    proc = subprocess.run(
        [str(PRESSLENS), "analyze", str(corpus), "-o", str(pooled), "--workers", "2", *options],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr

    def read(folder: Path) -> dict[str, str]:
        return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.json"))}

    assert read(pooled) == read(serial)
    assert len(read(pooled)) == 2
    for name, text in read(pooled).items():
        found = Document.model_validate_json(text).techniques
        assert found, name
        assert all(t.confidence >= 0.3 and t.label in labels_2020() for t in found)
        default = Document.model_validate_json(read(plain)[name]).techniques
        assert found != default


def test_ingest_technique_threshold(tmp_path: Path) -> None:
    from presslens.corpus.store import Store

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "interview.txt").write_text(INTERVIEW, encoding="utf-8")
    (inputs / "editorial.txt").write_text(EDITORIAL, encoding="utf-8")
    runner = CliRunner()
    counts = {}
    for threshold in ("0", "0.4"):
        db = tmp_path / f"t{threshold}.duckdb"
        result = runner.invoke(
            app, ["ingest", str(inputs), "--db", str(db), "--technique-threshold", threshold]
        )
        assert result.exit_code == 0, result.output
        with Store(db, read_only=True) as store:
            _, rows = store.query("SELECT count(*), min(confidence) FROM techniques")
        counts[threshold] = rows[0]
    assert counts["0.4"][1] >= 0.4
    assert counts["0"][1] < 0.4
    assert counts["0.4"][0] < counts["0"][0]
    assert runner.invoke(
        app, ["ingest", str(inputs), "--db", str(tmp_path / "x.duckdb"), "--technique-threshold", "2"]
    ).exit_code == 2


def test_techniques_command_label_set(article: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        app, ["techniques", str(article), "--label-set", "semeval2020", "--threshold", "0"]
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["techniques"]
    assert found and {t["label"] for t in found} <= set(labels_2020())
    assert runner.invoke(app, ["techniques", str(article), "--label-set", "x"]).exit_code == 2
