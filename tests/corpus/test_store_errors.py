"""A corpus database that cannot be opened: in use by another process (a second ingest, a
serve), not a DuckDB file, or in a directory that does not exist. Each is one line that says
what to do and exit status 1, never DuckDB's traceback."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from presslens.cli import app
from presslens.corpus.store import Store, StoreError

ARTICLE = (
    "Moscow warns Chisinau over drills\n\n"
    "Russia warned Moldova on Tuesday that joint drills with NATO near Transnistria would be "
    "seen as a provocation, the Russian foreign ministry said.\n"
)


def _one_error_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert "Traceback" not in output and lines[0].startswith("error")
    return lines[0]


def _holding(db: Path, *, read_only: bool) -> Iterator[Path]:
    """``db`` held open by another process until the test ends."""
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time, duckdb\n"
         f"con = duckdb.connect({str(db)!r}, read_only={read_only})\n"
         "print('open', flush=True)\n"
         "time.sleep(120)\n"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        yield db
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def held(tmp_path: Path) -> Iterator[Path]:
    """A corpus another process writes (as ingest or serve --allow-ingest do)."""
    yield from _holding(tmp_path / "held.duckdb", read_only=False)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Path]:
    """A corpus another process reads (as serve does)."""
    yield from _holding(tmp_path / "served.duckdb", read_only=True)


def test_ingest_while_serve_reads_is_one_line_and_sql_still_reads(
    served: Path, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(served)])
    assert result.exit_code == 1
    assert "in use by another process" in _one_error_line(result.output)
    assert CliRunner().invoke(app, ["sql", "SELECT 1", "--db", str(served)]).exit_code == 0


def test_a_second_ingest_is_told_the_database_is_in_use(held: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(held)])
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert "in use by another process" in line and "wait for it" in line


@pytest.mark.parametrize("command", [["sql", "SELECT 1"], ["actors"], ["serve"]])
def test_reading_while_another_process_writes_is_one_line(held: Path, command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--db", str(held)])
    assert result.exit_code == 1
    assert "in use by another process" in _one_error_line(result.output)


@pytest.mark.parametrize("command", [["sql", "SELECT 1"], ["ingest", "IN"], ["serve"]])
def test_a_file_that_is_not_duckdb(tmp_path: Path, command: list[str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    notes = tmp_path / "notes.duckdb"
    notes.write_text("these are my notes, not a database\n" * 200, encoding="utf-8")
    args = [str(tmp_path / "a.txt") if a == "IN" else a for a in command]
    result = CliRunner().invoke(app, [*args, "--db", str(notes)])
    assert result.exit_code == 1
    assert "is not a corpus database" in _one_error_line(result.output)
    assert notes.read_text(encoding="utf-8").startswith("these are my notes")


def test_ingest_into_a_missing_directory(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "no" / "such" / "dir" / "c.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "a.txt"), "--db", str(db)])
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert "does not exist" in line and str(db.parent) in line


def test_the_lock_message_names_the_holder(held: Path) -> None:
    started = time.monotonic()
    with pytest.raises(StoreError, match=r"in use by another process \(process \d+\)"):
        Store(held)
    assert time.monotonic() - started < 10
