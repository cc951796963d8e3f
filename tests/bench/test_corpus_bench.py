"""``make bench-corpus`` (``python -m presslens.bench.corpus``) removes the temporary work
directory it generates its corpus and stores in, however the run ends; a ``--dir`` is kept.
The three ingests and the spaCy timing are replaced by stand-ins: only the clean-up is tested."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from presslens.bench import corpus as bench_corpus


@pytest.fixture
def work_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    made: list[Path] = []

    def mkdtemp(prefix: str = "") -> str:
        path = tmp_path / f"{prefix}{len(made)}"
        path.mkdir()
        made.append(path)
        return str(path)

    def run_ingest(label: str, corpus: Path, db: Path, extra: list[str], console: object
                   ) -> bench_corpus.Run:
        db.write_bytes(b"stand-in store")
        (db.parent / (db.name + ".wal")).write_bytes(b"log")
        if "dask" in label and "fail" in str(corpus.parent):
            raise SystemExit(f"{label}: ingest failed with status 2")
        return bench_corpus.Run(label, 1.0, 5, 100.0, 0.1)

    monkeypatch.setattr(bench_corpus.tempfile, "mkdtemp", mkdtemp)
    monkeypatch.setattr(bench_corpus, "run_ingest", run_ingest)
    monkeypatch.setattr(bench_corpus, "spacy_rate", lambda corpus, limit: 10.0)
    return made


def _main(monkeypatch: pytest.MonkeyPatch, *args: str) -> None:
    monkeypatch.setattr(sys, "argv", ["presslens.bench.corpus", "--articles", "5", *args])
    bench_corpus.main()


def test_the_temporary_store_is_removed(work_dirs: list[Path], monkeypatch: pytest.MonkeyPatch
                                        ) -> None:
    _main(monkeypatch)
    assert len(work_dirs) == 1 and not work_dirs[0].exists()


def test_removed_when_a_run_fails(work_dirs: list[Path], monkeypatch: pytest.MonkeyPatch,
                                  tmp_path: Path) -> None:
    def failing_mkdtemp(prefix: str = "") -> str:
        path = tmp_path / "fail" / prefix
        path.mkdir(parents=True)
        work_dirs.append(path)
        return str(path)

    monkeypatch.setattr(bench_corpus.tempfile, "mkdtemp", failing_mkdtemp)
    with pytest.raises(SystemExit, match="ingest failed"):
        _main(monkeypatch)
    assert not work_dirs[0].exists()


def test_a_given_directory_is_kept(work_dirs: list[Path], monkeypatch: pytest.MonkeyPatch,
                                   tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    _main(monkeypatch, "--dir", str(kept))
    assert (kept / "corpus").is_dir() and (kept / "run0" / "corpus.duckdb").is_file()
    assert work_dirs == []
