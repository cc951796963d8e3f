"""``make bench``: throughput against bare spaCy, and the quote extractor against its peer."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.table import Table

from presslens.bench.quotes_peer import print_quote_peer_table, run_quote_peer_comparison
from presslens.bench.throughput import measure, sample_texts

REPO = Path(__file__).resolve().parents[3]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m presslens.bench")
    parser.add_argument("folders", nargs="*", type=Path,
                        default=[REPO / "examples", REPO / "tests" / "devset"])
    parser.add_argument("--min-articles", type=int, default=200)
    parser.add_argument("--devset", type=Path, default=REPO / "tests" / "devset",
                        help="annotated articles for the quote comparison with textacy")
    args = parser.parse_args()
    console = Console()

    texts = sample_texts(args.folders)
    console.print(f"benchmarking on {len(texts)} sample articles, repeated to ≥ {args.min_articles}")
    result = measure(texts, min_articles=args.min_articles)
    table = Table(title="Throughput (one process)")
    for column in ("pipeline", "articles", "seconds", "articles/s", "chars/s"):
        table.add_column(column, justify="right")
    table.add_row("bare spaCy", str(result.articles), f"{result.spacy_seconds:.2f}",
                  f"{result.spacy_rate:.1f}", f"{result.characters / result.spacy_seconds:,.0f}")
    table.add_row("presslens", str(result.articles), f"{result.presslens_seconds:.2f}",
                  f"{result.presslens_rate:.1f}",
                  f"{result.characters / result.presslens_seconds:,.0f}")
    console.print(table)
    verdict = "meets" if result.ratio >= 0.75 else "misses"
    console.print(f"ratio presslens / bare spaCy: [bold]{result.ratio:.2f}[/] ({verdict} the 0.75 target)")
    console.print(f"peak RSS: {result.peak_rss_mb:.0f} MB")

    if args.devset.is_dir():
        print_quote_peer_table(run_quote_peer_comparison(args.devset), console)


if __name__ == "__main__":
    main()
