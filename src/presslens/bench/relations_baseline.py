"""Relations: presslens beside the naive co-occurrence baseline on a gold directory.

    python -m presslens.bench.relations_baseline tests/devset

The baseline pairs every two actors mentioned in one sentence (both directions) and gives each
pair the most frequent gold type (its first listed type) with that type's polarity.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from presslens.evaluate.gold import GoldArticle
from presslens.evaluate.metrics import Counts, f1, precision, recall, score_relations
from presslens.evaluate.runner import load_gold_dir
from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer
from presslens.relations import naive_baseline


def majority_type(golds: list[GoldArticle]) -> str:
    counts = Counter(r.relation.types[0] for g in golds for r in g.relations if r.relation.types)
    return counts.most_common(1)[0][0] if counts else "SUPPORT"


def _row(name: str, counts: tuple[Counts, Counts]) -> str:
    full, pair = counts

    def fmt(value: float | None) -> str:
        return "  –  " if value is None else f"{value:.3f}"

    return (
        f"{name:<22} P {fmt(precision(full))}  R {fmt(recall(full))}  F1 {fmt(f1(full))}"
        f"   pair-only F1 {fmt(f1(pair))}   (tp {full.tp}, fp {full.fp}, fn {full.fn})"
    )


def main(argv: list[str]) -> int:
    directory = Path(argv[0]) if argv else Path("tests/devset")
    golds, _ = load_gold_dir(directory)
    type_name = majority_type(golds)
    analyzer = Analyzer()
    ours = (Counts(), Counts())
    base = (Counts(), Counts())
    for gold in golds:
        text_path = gold.path.with_name(gold.name + ".txt")
        article = RawArticle(text=text_path.read_text(encoding="utf-8"), source=str(text_path))
        doc = analyzer.analyze(article)
        full, pair = score_relations(doc, gold)
        ours = (ours[0] + full, ours[1] + pair)
        doc.relations = naive_baseline(doc, analyzer.nlp(doc.text), type_name, analyzer.gazetteer)
        full, pair = score_relations(doc, gold)
        base = (base[0] + full, base[1] + pair)
    print(f"relations on {directory} ({len(golds)} articles, micro-averaged)")
    print(_row("presslens", ours))
    print(_row(f"baseline ({type_name})", base))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
