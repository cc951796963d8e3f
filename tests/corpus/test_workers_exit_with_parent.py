"""``ingest --workers 2`` killed with SIGKILL: its worker processes (and the pool's resource
tracker) end within seconds, on both engines (the process pool and Dask's local cluster),
instead of running on for good."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SENTENCE = "{a} accused {b} of provocations on day {i}, the foreign ministry said in a statement.\n"
COUNTRIES = ["Russia", "Ukraine", "Moldova", "Georgia", "Armenia", "Serbia", "Belarus"]


def _parent_of(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its reaper has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _descendants(root: int) -> set[int]:
    pids = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {p for p in pids if _parent_of(p) in frontier} - found
        found |= frontier
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
@pytest.mark.parametrize("engine", ["local", "dask"])
def test_workers_end_when_ingest_is_killed(tmp_path: Path, engine: str) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(120):
        a, b = COUNTRIES[i % 7], COUNTRIES[(i // 7 + 1 + i % 7) % 7]
        (folder / f"a{i:03d}.txt").write_text(SENTENCE.format(a=a, b=b, i=i), encoding="utf-8")
    db = tmp_path / "c.duckdb"
    command = [sys.executable, "-c", "from presslens.cli import main; main()", "ingest",
               str(folder), "--db", str(db), "--workers", "2", "--batch-size", "2",
               "--engine", engine, "--profile", "fast"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        # Analysed articles stored: the workers have started (their watch begins first thing).
        wal = db.with_name(db.name + ".wal")
        deadline = time.monotonic() + 180
        while process.poll() is None and time.monotonic() < deadline:
            if wal.exists() and wal.stat().st_size > 8_000:
                break
            time.sleep(0.05)
        assert process.poll() is None, "the ingest finished before it could be killed"
        workers = _descendants(process.pid)
        assert len(workers) >= 2, workers
        process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(map(_alive, workers)):
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)], "workers outlived their parent"
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for pid in workers:  # only the processes this test started, should the check fail
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
