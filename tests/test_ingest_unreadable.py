"""Unreadable paths in a batch: each one error with the code ``unreadable``, the rest read.

Permissions do not bite root (CI containers often run as root), so the real ``chmod 000``
variant reads the batch there in a child process that runs as "nobody"; the same refusals are
also simulated by making ``os.scandir`` and ``Path.read_bytes`` raise ``PermissionError`` for
chosen paths.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from presslens.cli import app
from presslens.corpus.engine import IngestOptions, ingest
from presslens.corpus.store import Store
from presslens.errors import InputError
from presslens.ingest import RawArticle, iter_articles

ARTICLE = (
    "Moscow warns Chisinau over drills\n\n"
    "Russia warned Moldova on Tuesday that joint drills with NATO near Transnistria would be "
    "seen as a provocation, the Russian foreign ministry said.\n"
)
OTHER = (
    "Kyiv accuses Minsk of hosting missiles\n\n"
    "Ukraine accused Belarus of hosting Russian missiles near the border, the Ukrainian "
    "defence ministry told reporters in Kyiv on Monday.\n"
)
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _batch(root: Path) -> tuple[Path, Path]:
    """root/a.txt, root/locked/b.txt, root/secret.txt, root/z/c.txt; returns (locked, secret)."""
    (root / "locked").mkdir(parents=True)
    (root / "z").mkdir()
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "locked" / "b.txt").write_text(OTHER, encoding="utf-8")
    (root / "secret.txt").write_text(OTHER.replace("Monday", "Friday"), encoding="utf-8")
    (root / "z" / "c.txt").write_text(ARTICLE.replace("Tuesday", "Sunday"), encoding="utf-8")
    return root / "locked", root / "secret.txt"


@pytest.fixture
def refused(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[str]]:
    """Paths added to the yielded set raise PermissionError when listed or read."""
    paths: set[str] = set()
    real_scandir = os.scandir
    real_read_bytes = Path.read_bytes

    def scandir(path: str | os.PathLike[str]) -> Iterator[os.DirEntry[str]]:
        if os.fspath(path) in paths:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)  # type: ignore[return-value]

    def read_bytes(self: Path) -> bytes:
        if str(self) in paths:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    yield paths


def _outcome(items: list[RawArticle | InputError]) -> list[tuple[str, str]]:
    return [
        (item.source, item.code) if isinstance(item, InputError) else (item.source, "ok")
        for item in items
    ]


def test_unreadable_directory_and_file_are_errors_in_their_places(
    tmp_path: Path, refused: set[str]
) -> None:
    locked, secret = _batch(tmp_path / "batch")
    refused.update({str(locked), str(secret)})
    items = list(iter_articles([tmp_path / "batch"]))
    assert _outcome(items) == [
        (str(tmp_path / "batch" / "a.txt"), "ok"),
        (str(locked), "unreadable"),
        (str(secret), "unreadable"),
        (str(tmp_path / "batch" / "z" / "c.txt"), "ok"),
    ]
    errors = [item for item in items if isinstance(item, InputError)]
    assert all("permission denied" in e.reason for e in errors)


def test_a_missing_file_is_still_not_found(tmp_path: Path) -> None:
    [error] = list(iter_articles([tmp_path / "gone.txt"]))
    assert isinstance(error, InputError) and error.code == "not_found"


NOBODY = 65534  # the conventional uid and gid of the unprivileged user "nobody"


def _codes_as_nobody(batch: Path) -> list[str]:
    """The outcome codes of reading ``batch`` in a forked child that runs as "nobody": root reads
    every file whatever its mode, so under root (as CI containers run) the child drops its
    privileges first, and the real permissions bite."""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the child: drop privileges, read, report, exit without cleanup
        code = 0
        try:
            os.close(read_end)
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            codes = [c for _, c in _outcome(list(iter_articles([batch])))]
            os.write(write_end, json.dumps(codes).encode())
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as answer:
        reported = answer.read()
    _, status = os.waitpid(child, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, "the unprivileged child failed"
    return list(json.loads(reported))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")
def test_real_permissions(tmp_path_factory: pytest.TempPathFactory) -> None:
    """chmod 000 on a folder and a file: both unreadable, the rest read (as "nobody" under
    root, else as the user running the tests)."""
    base = tmp_path_factory.mktemp("permissions")
    batch = base / "batch"
    locked, secret = _batch(batch)
    for path in (base, batch, batch / "z"):
        path.chmod(0o755)  # "nobody" may reach the batch (pytest's own folders are 0700)
    for path in (batch / "a.txt", batch / "z" / "c.txt"):
        path.chmod(0o644)
    # the folders above the batch that "nobody" cannot traverse (pytest's base folder, 0700)
    # are opened for the test and closed again after it
    modes = {p: p.stat().st_mode for p in base.parents if IS_ROOT and p.stat().st_mode & 0o005 != 0o005}
    for p, mode in modes.items():
        p.chmod(mode | 0o005)
    locked.chmod(0)
    secret.chmod(0)
    try:
        if IS_ROOT:
            codes = _codes_as_nobody(batch)
        else:
            codes = [c for _, c in _outcome(list(iter_articles([batch])))]
    finally:
        locked.chmod(0o755)
        secret.chmod(0o644)
        for p, mode in modes.items():
            p.chmod(mode)
    assert codes == ["ok", "unreadable", "unreadable", "ok"]


def test_analyze_writes_the_rest_and_one_error_line_per_unreadable_path(
    tmp_path: Path, refused: set[str]
) -> None:
    locked, secret = _batch(tmp_path / "batch")
    refused.update({str(locked), str(secret)})
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["analyze", str(tmp_path / "batch"), "-o", str(out), "--profile", "fast"]
    )
    assert result.exit_code == 1, result.output
    assert len(list(out.glob("*.json"))) == 2
    lines = (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert [(e["source"], e["code"]) for e in map(json.loads, lines)] == [
        (str(locked), "unreadable"),
        (str(secret), "unreadable"),
    ]


def test_ingest_stores_the_rest_and_records_the_unreadable_paths(
    tmp_path: Path, refused: set[str]
) -> None:
    locked, secret = _batch(tmp_path / "batch")
    refused.update({str(locked), str(secret)})
    db = tmp_path / "c.duckdb"
    stats = ingest([tmp_path / "batch"], db, IngestOptions(profile="fast"),
                   Console(file=io.StringIO()))
    assert (stats.stored, stats.failed) == (2, 2)
    with Store(db, read_only=True) as store:
        _, rows = store.query("SELECT source, code FROM errors ORDER BY source")
    assert rows == [(str(locked), "unreadable"), (str(secret), "unreadable")]


def test_one_unreadable_input_without_output_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A path inside a directory we may not enter: even asking whether it is a directory fails.
    hidden = tmp_path / "locked" / "a.txt"
    real_is_dir = Path.is_dir

    def is_dir(self: Path) -> bool:
        if self == hidden:
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    result = CliRunner().invoke(app, ["analyze", str(hidden), "--profile", "fast"])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert str(hidden) in line and "(unreadable)" in line
