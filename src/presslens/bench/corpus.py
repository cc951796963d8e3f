"""``make bench-corpus``: ingest throughput at corpus scale.

Generates a corpus by recombining the paragraphs of the sample articles (``examples/`` and
``tests/devset/``) with a fixed seed, then times ``presslens ingest`` on it three ways, each into
a fresh database: one process, two processes, and the Dask engine with two workers (a
LocalCluster). Each run is a separate ``presslens ingest`` process, watched with psutil for the
peak resident memory of every process of its tree. Bare spaCy (``nlp.pipe`` over the same texts)
is timed in this process for the ratio.

    python -m presslens.bench.corpus --articles 10000
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
from rich.console import Console
from rich.table import Table

from presslens.textutil import document_id, normalise_newlines

REPO = Path(__file__).resolve().parents[3]
OUTLETS = ["Eurasia Courier", "Baltic Wire", "Danube Daily", "Caspian Herald", "Steppe Monitor",
           "Kartli Observer", "Prut Gazette", "Continental Wire"]
RECORDS_PER_FILE = 1000


def sample_paragraphs(folders: list[Path]) -> tuple[list[str], list[str]]:
    """Titles (first lines) and body paragraphs (eight words or more) of the sample articles."""
    titles: list[str] = []
    paragraphs: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            text = normalise_newlines(path.read_text(encoding="utf-8")).strip()
            blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
            if not blocks:
                continue
            titles.append(blocks[0].split("\n")[0])
            paragraphs.extend(b for b in blocks[1:] if len(b.split()) >= 8)
    return titles, paragraphs


def generate_corpus(target: Path, articles: int, seed: int, folders: list[Path]) -> int:
    """Write ``articles`` distinct articles as JSONL files under ``target``; returns characters."""
    titles, paragraphs = sample_paragraphs(folders)
    if not paragraphs:
        raise SystemExit("no sample paragraphs found")
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    characters = 0
    handle = None
    written = 0
    while written < articles:
        if written % RECORDS_PER_FILE == 0:
            if handle:
                handle.close()
            handle = (target / f"part{written // RECORDS_PER_FILE:04d}.jsonl").open(
                "w", encoding="utf-8")
        body = rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(3, 7)))
        text = rng.choice(titles) + "\n\n" + "\n\n".join(body) + "\n"
        key = document_id(text)
        if key in seen:
            continue
        seen.add(key)
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        assert handle is not None
        handle.write(json.dumps({"text": text, "outlet": rng.choice(OUTLETS),
                                 "published": day}, ensure_ascii=False) + "\n")
        characters += len(text)
        written += 1
    if handle:
        handle.close()
    return characters


@dataclass(frozen=True)
class Run:
    label: str
    seconds: float
    stored: int
    peak_rss_mb: float  # the largest peak of one process of the run
    store_mb: float


def _watch(process: psutil.Process, peaks: dict[int, float], stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            tree = [process, *process.children(recursive=True)]
        except psutil.Error:
            return
        for proc in tree:
            try:
                rss = proc.memory_info().rss / 2**20
            except psutil.Error:
                continue
            peaks[proc.pid] = max(peaks.get(proc.pid, 0.0), rss)
        stop.wait(0.2)


def run_ingest(label: str, corpus: Path, db: Path, extra: list[str], console: Console) -> Run:
    command = [sys.executable, "-c", "from presslens.cli import main; main()", "ingest",
               str(corpus), "--db", str(db), *extra]
    console.print(f"[bold]{label}[/]: {' '.join(command[3:])}")
    started = time.perf_counter()
    process = subprocess.Popen(command)
    peaks: dict[int, float] = {}
    stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(psutil.Process(process.pid), peaks, stop))
    watcher.start()
    process.wait()
    seconds = time.perf_counter() - started
    stop.set()
    watcher.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{label}: ingest failed with status {process.returncode}")
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM articles").fetchone()
    size = sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())
    return Run(label, seconds, int(row[0]) if row else 0, max(peaks.values(), default=0.0),
               size / 2**20)


def spacy_rate(corpus: Path, limit: int) -> float:
    """Articles per second of bare ``nlp.pipe`` over the first ``limit`` articles."""
    from presslens.nlp import load_nlp

    texts: list[str] = []
    for path in sorted(corpus.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh)
        if len(texts) >= limit:
            break
    texts = texts[:limit]
    nlp = load_nlp()
    list(nlp.pipe(texts[:16]))  # warm up
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m presslens.bench.corpus")
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20250601)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dir", type=Path, default=None,
                        help="work directory, kept (default: a temporary one, removed at the end)")
    parser.add_argument("--spacy-articles", type=int, default=500,
                        help="articles timed with bare spaCy")
    args = parser.parse_args()
    if args.dir is not None:
        bench(args, args.dir)
        return
    # The generated corpus and three stores take gigabytes at 10,000 articles: removed however
    # the run ends (finished, failed or interrupted).
    work = Path(tempfile.mkdtemp(prefix="presslens-bench-corpus-"))
    try:
        bench(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def bench(args: argparse.Namespace, work: Path) -> None:
    """Generate the corpus under ``work``, time the three ingests and print the table."""
    console = Console()
    corpus = work / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    folders = [REPO / "examples", REPO / "tests" / "devset"]
    characters = generate_corpus(corpus, args.articles, args.seed, folders)
    console.print(f"corpus: {args.articles:,} articles, {characters:,} characters in {corpus}")

    modes = [
        ("1 process", ["--workers", "1"]),
        (f"{args.workers} processes", ["--workers", str(args.workers)]),
        (f"dask, {args.workers} workers", ["--engine", "dask", "--workers", str(args.workers)]),
    ]
    runs = []
    for number, (label, extra) in enumerate(modes):
        db = work / f"run{number}" / "corpus.duckdb"
        shutil.rmtree(db.parent, ignore_errors=True)
        db.parent.mkdir(parents=True)
        runs.append(run_ingest(label, corpus, db, extra, console))
    spacy = spacy_rate(corpus, min(args.articles, args.spacy_articles))

    table = Table(title=f"presslens ingest, {args.articles:,} articles (wall time incl. startup)")
    for column in ("engine", "stored", "seconds", "articles/s", "× 1 process", "÷ bare spaCy",
                   "peak RSS/process", "store"):
        table.add_column(column, justify="right")
    base = args.articles / runs[0].seconds
    for run in runs:
        rate = args.articles / run.seconds
        table.add_row(run.label, f"{run.stored:,}", f"{run.seconds:.1f}", f"{rate:.1f}",
                      f"{rate / base:.2f}", f"{rate / spacy:.2f}", f"{run.peak_rss_mb:.0f} MB",
                      f"{run.store_mb:.1f} MB")
    console.print(table)
    console.print(f"bare spaCy (nlp.pipe, one process): {spacy:.1f} articles/s")
    speedup = args.articles / runs[1].seconds / base
    console.print(f"{args.workers} processes vs 1: {speedup:.2f}× "
                  f"({'meets' if speedup >= 1.8 else 'misses'} the 1.8× target); "
                  f"largest peak RSS {max(r.peak_rss_mb for r in runs):.0f} MB "
                  f"({'meets' if max(r.peak_rss_mb for r in runs) <= 1536 else 'misses'} "
                  "the 1.5 GB target)")


if __name__ == "__main__":
    main()
