"""``presslens analyze``: stdout and directory output, exit codes, one bad input among good ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from presslens.cli import analyze as analyze_command
from presslens.cli import app
from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer, AnalyzerSettings

PRESSLENS = Path(sys.executable).with_name("presslens")

GEORGIA = """Georgia is being turned into a Western corridor – Beridze
October 14 2025, 09:45

Speaking with Kartli Observer, the Georgian political scientist Levan Beridze explained why he believes Tbilisi is losing control over its own foreign policy.

“Brussels sends money with conditions attached, and every condition pulls Tbilisi further from Moscow,” the political scientist said.
"""

SERBIA = """Belgrade will not bow to Brussels, says Serbian analyst
3 March 2025

Serbia will keep its own course on sanctions against Russia, the Serbian political analyst Dragan Milovanović said in an interview with Danube Daily on Monday.

“Brussels wants us to sanction Russia and to thank them for the privilege,” Milovanović said.
"""

GERMAN = (
    "Der Politikwissenschaftler erklärte am Montag, die Regierung in Tiflis werde von Brüssel "
    "gesteuert und habe ihre Neutralität für leere Versprechen aufgegeben.\n"
)


@pytest.fixture(scope="module")
def shared_analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, shared_analyzer: Analyzer) -> Iterator[CliRunner]:
    # Loading spaCy takes a second: every command in this module with the default settings
    # reuses one Analyzer; other settings (threshold, label set) get an Analyzer of their own.
    def make(**settings: Any) -> Analyzer:
        if AnalyzerSettings(**settings) == AnalyzerSettings():
            return shared_analyzer
        return Analyzer(**settings)

    monkeypatch.setattr(analyze_command, "Analyzer", make)
    yield CliRunner()


def write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def error_lines(directory: Path) -> list[dict[str, str]]:
    text = (directory / "errors.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def documents(directory: Path) -> dict[str, Document]:
    return {
        p.name: Document.model_validate_json(p.read_text(encoding="utf-8"))
        for p in sorted(directory.glob("*.json"))
    }


def test_one_file_prints_its_document(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "georgia.txt", GEORGIA)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.stderr
    doc = Document.model_validate_json(result.stdout)
    assert doc.source_path == str(path)
    assert doc.meta.title == "Georgia is being turned into a Western corridor – Beridze"
    assert doc.meta.published == "2025-10-14T09:45"
    assert doc.meta.outlet == "Kartli Observer"
    assert doc.meta.authors == ["Levan Beridze"]
    # UTF-8 as is, not \\u-escaped: analysts read these files.
    assert "“Brussels sends money" in result.stdout


def test_stdin(runner: CliRunner) -> None:
    result = runner.invoke(app, ["analyze", "-"], input=SERBIA)
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source_path"] is None
    assert doc["meta"]["outlet"] == "Danube Daily"
    assert doc["meta"]["authors"] == ["Dragan Milovanović"]


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", "", "empty"),
        ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        ("noise.txt", bytes(range(0x80, 0x100)) * 4, "encoding"),
        ("german.txt", GERMAN, "unsupported_language"),
        ("menu.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>", "no_article"),
    ],
)
def test_bad_single_input_fails_with_a_message(
    runner: CliRunner, tmp_path: Path, name: str, content: str | bytes, code: str
) -> None:
    path = write(tmp_path, name, content)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0]
    assert f"({code})" in lines[0]


def test_size_limit_option(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "georgia.txt", GEORGIA)
    result = runner.invoke(app, ["analyze", str(path), "--max-bytes", "100"])
    assert result.exit_code == 1
    assert "(too_large)" in result.stderr
    assert runner.invoke(app, ["analyze", str(path), "--max-bytes", "100000"]).exit_code == 0


def test_batch_with_one_bad_file_keeps_the_good_ones(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "a_georgia.txt", GEORGIA)
    write(corpus, "b_broken.txt", b"\x00\x01\x02\x03" * 40)
    write(corpus, "c_serbia.txt", SERBIA)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["analyze", str(corpus), "-o", str(out), "--summary"], env={"COLUMNS": "160"}
    )
    assert result.exit_code == 1
    docs = documents(out)
    assert sorted(d.meta.outlet or "" for d in docs.values()) == ["Danube Daily", "Kartli Observer"]
    for name, doc in docs.items():
        assert name == f"{doc.id}.json"
    assert error_lines(out) == [
        {
            "source": str(corpus / "b_broken.txt"),
            "code": "binary",
            "message": error_lines(out)[0]["message"],
        }
    ]
    assert "b_broken.txt" in result.stderr
    # The summary table lists the analysed articles by title.
    assert "Belgrade will not bow" in result.stdout
    assert "2 articles analysed, 1 failed" in result.stdout


def test_batch_all_good_exits_zero_with_empty_error_file(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out"
    a = write(tmp_path, "a.txt", GEORGIA)
    b = write(tmp_path, "b.jsonl", json.dumps({"text": SERBIA, "outlet": "Danube Daily"}) + "\n")
    result = runner.invoke(app, ["analyze", str(a), str(b), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert len(documents(out)) == 2
    assert error_lines(out) == []
    assert {d.source_path for d in documents(out).values()} == {str(a), f"{b}:1"}


def test_identical_texts_share_one_file_and_the_first_input_wins(
    runner: CliRunner, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = write(tmp_path, "first.txt", GEORGIA)
    second = write(tmp_path, "second.txt", GEORGIA)
    result = runner.invoke(app, ["analyze", str(first), str(second), "-o", str(out)])
    assert result.exit_code == 0
    docs = list(documents(out).values())
    assert [d.source_path for d in docs] == [str(first)]


def test_internal_error_on_one_article_is_recorded(
    runner: CliRunner, tmp_path: Path, shared_analyzer: Analyzer, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = shared_analyzer.analyze

    def flaky(article: RawArticle) -> Document:
        if "Belgrade" in article.text:
            raise RuntimeError("stage blew up")
        return real(article)

    monkeypatch.setattr(shared_analyzer, "analyze", flaky)
    out = tmp_path / "out"
    a = write(tmp_path, "a.txt", GEORGIA)
    b = write(tmp_path, "b.txt", SERBIA)
    result = runner.invoke(app, ["analyze", str(a), str(b), "-o", str(out)])
    assert result.exit_code == 1
    assert len(documents(out)) == 1
    [failure] = error_lines(out)
    assert failure["source"] == str(b)
    assert failure["code"] == "internal"
    assert "stage blew up" in failure["message"]


@pytest.mark.parametrize(
    "args",
    [
        ["analyze"],
        ["analyze", "a.txt", "b.txt"],  # several inputs need -o
        ["analyze", ".", "--workers", "0", "-o", "out"],
        ["analyze", "a.txt", "--gazetteer", "no-such-gazetteer.yaml"],
    ],
)
def test_usage_errors_exit_two(runner: CliRunner, args: list[str]) -> None:
    assert runner.invoke(app, args).exit_code == 2


def test_directory_without_output_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    write(tmp_path, "a.txt", GEORGIA)
    result = runner.invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 2
    assert "-o DIR" in result.stderr


def test_installed_command_with_workers_matches_serial_run(
    runner: CliRunner, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "a.txt", GEORGIA)
    write(corpus, "b.txt", "   \n")
    write(corpus, "c.jsonl", json.dumps({"text": SERBIA}) + "\n{broken\n")
    serial, pooled = tmp_path / "serial", tmp_path / "pooled"
    assert runner.invoke(app, ["analyze", str(corpus), "-o", str(serial)]).exit_code == 1
    proc = subprocess.run(
        [str(PRESSLENS), "analyze", str(corpus), "-o", str(pooled), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1, proc.stderr
    assert "b.txt" in proc.stderr
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(pooled.iterdir())}
    assert files == {p.name: p.read_text(encoding="utf-8") for p in sorted(serial.iterdir())}
    assert len(files) == 3  # two documents and errors.jsonl
    codes = [json.loads(line)["code"] for line in files["errors.jsonl"].splitlines()]
    assert codes == ["empty", "bad_record"]


def test_profile_reaches_the_analyzer_and_the_worker_pool(
    monkeypatch: pytest.MonkeyPatch, shared_analyzer: Analyzer, tmp_path: Path
) -> None:
    built: list[dict[str, Any]] = []
    pools: list[AnalyzerSettings] = []

    def make(**settings: Any) -> Analyzer:
        built.append(settings)
        return shared_analyzer

    class RecordingPool:
        def __init__(self, workers: int, *, settings: AnalyzerSettings) -> None:
            pools.append(settings)

        def run(self, articles: Iterator[tuple[int, RawArticle]]) -> Iterator[Any]:
            return (analyze_command.analyse_article(shared_analyzer, i, a) for i, a in articles)

        def close(self) -> None:
            pass

    monkeypatch.setattr(analyze_command, "Analyzer", make)
    monkeypatch.setattr(analyze_command, "AnalyzerPool", RecordingPool)
    path = write(tmp_path, "a.txt", GEORGIA)
    assert CliRunner().invoke(app, ["analyze", str(path), "--profile", "fast"]).exit_code == 0
    assert built[-1]["profile"] == "fast"
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["analyze", str(path), "-o", str(out), "-w", "2", "--profile", "fast"])
    assert result.exit_code == 0 and pools == [AnalyzerSettings(profile="fast")]
    assert CliRunner().invoke(app, ["analyze", str(path), "--profile", "slow"]).exit_code == 2


def test_a_worker_builds_its_analyzer_with_the_settings_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    from presslens import batch

    monkeypatch.setattr(batch, "_worker_analyzer", None)
    monkeypatch.setattr(batch, "_watching_parent", True)  # no watch on the test process's parent
    batch._init_worker(AnalyzerSettings(profile="fast"), os.getppid())
    assert batch._worker_analyzer is not None and batch._worker_analyzer.profile == "fast"


@pytest.mark.parametrize("name", ["records.jsonl", "records.json"])
def test_several_records_on_stdout_are_json_lines(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    records = [{"text": GEORGIA}, {"text": SERBIA, "outlet": "Danube Daily"}]
    content = (
        "".join(json.dumps(r) + "\n" for r in records)
        if name.endswith(".jsonl")
        else json.dumps(records, indent=2)
    )
    path = write(tmp_path, name, content)
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # one document a line, nothing between them
    docs = [Document.model_validate_json(line) for line in lines]
    assert [d.meta.outlet for d in docs] == ["Kartli Observer", "Danube Daily"]


def test_duplicate_texts_are_counted_once_in_the_summary(runner: CliRunner, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "a.txt", GEORGIA)
    write(corpus, "b_copy.txt", GEORGIA)
    write(corpus, "c.txt", SERBIA)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["analyze", str(corpus), "-o", str(out), "--summary"], env={"COLUMNS": "160"}
    )
    assert result.exit_code == 0, result.stderr
    assert len(documents(out)) == 2
    assert "2 articles analysed, 1 duplicate, 0 failed" in result.stdout
    assert result.stdout.count("Georgia is being turned") == 1  # one row per document
    assert "2 analysed, 1 duplicate of an earlier input, 0 failed" in result.stderr


def test_a_published_that_is_not_a_date_is_said_not_dropped_silently(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = write(tmp_path, "r.jsonl", json.dumps({"text": SERBIA, "published": "yesterday"}) + "\n")
    result = runner.invoke(app, ["analyze", str(path)])
    assert result.exit_code == 0, result.stderr
    warning = result.stderr.strip()
    assert warning.startswith("warning") and f"{path}:1" in warning
    assert "'published' 'yesterday' is not a date" in warning and "left out" in warning
    # The dateline of the text is used instead of the value left out.
    assert json.loads(result.stdout)["meta"]["published"] == "2025-03-03"
