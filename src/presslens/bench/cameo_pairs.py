"""Score presslens's relations on real news sentences with a CAMEO-coded source and target.

ConfliBERT's CAMEO data (research data, read by path, never shipped: ``cameo_ner-{split}.txt``
with the source and target of each sentence's coded event marked token by token, and
``cameo_class-{split}.tsv`` with the event's quad class) is the one public set of real news
sentences where who did something to whom is marked at span level. Each sentence with a marked
source and target is analysed alone, with the profile asked for. A marked side is resolved to
the actor whose mention overlaps it most (as in the directed-sentiment scorer: place mentions do
not count). A predicted relation's side matches the resolved actor when it is that actor or the
state that actor acts for, or when the predicted actor acts for it.

- resolved: share of sentences whose two sides resolve to two different actors;
- directed pair recall: share of those with a relation from the source's actor to the
  target's (its evidence sentence is the whole text), and of all sentences;
- quad class: among the pairs found in sentences with a quad class above 0 (0 is a neutral
  statement), the share whose relation type lies in that class (``data/plover_quad.yaml``);
- the naive baseline: the first two actors the sentence names, in order.

    python -m presslens.bench.cameo_pairs --data DIR [--split train|test]
        [--profile default|fast] [--json out.json]

Develop on the train split; the test split is for one score at the end of a piece of work.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import track
from rich.table import Table

from presslens.bench.directed_sentiment import resolve_span
from presslens.bench.plover_style import naive_pair
from presslens.ingest import RawArticle
from presslens.model import Document, Relation
from presslens.pairs.cameo_data import CodedSentence, coded_sentences, quad_of_type
from presslens.pipeline import Analyzer


def scored_sentences(folder: Path, split: str) -> list[CodedSentence]:
    """The sentences that mark both a source and a target."""
    return [c for c in coded_sentences(folder, split)
            if c.source is not None and c.target is not None]


def _sides(relation: Relation, source: bool) -> set[str]:
    if source:
        return {relation.source} | ({relation.source_state} if relation.source_state else set())
    return {relation.target} | ({relation.target_state} if relation.target_state else set())


def found_pair(doc: Document, source: str, target: str) -> list[Relation]:
    """The relations from ``source``'s side to ``target``'s (an actor or the state it acts for)."""
    source_states = {source} | {r.source_state for r in doc.relations
                                if r.source == source and r.source_state}
    target_states = {target} | {r.target_state for r in doc.relations
                                if r.target == target and r.target_state}
    return [r for r in doc.relations
            if _sides(r, True) & source_states and _sides(r, False) & target_states]


def score(items: Sequence[CodedSentence], docs: Sequence[Document | None]) -> dict[str, Any]:
    quad = quad_of_type()
    counts: Counter[str] = Counter()
    for item, doc in zip(items, docs, strict=True):
        counts["sentences"] += 1
        if doc is None or item.source is None or item.target is None:
            continue
        source, target = resolve_span(doc, item.source), resolve_span(doc, item.target)
        if source is None or target is None or source == target:
            counts["same_actor" if source is not None and source == target else "unresolved"] += 1
            continue
        counts["resolved"] += 1
        pairs = found_pair(doc, source, target)
        counts["pair"] += bool(pairs)
        counts["reversed"] += not pairs and bool(found_pair(doc, target, source))
        counts["silent"] += not doc.relations
        if pairs and item.quad_class:
            counts["pair_classed"] += 1
            counts["quad_right"] += any(quad.get(r.type) == item.quad_class for r in pairs)
        counts["naive"] += naive_pair(doc, kinds=None) == (source, target)
    n, resolved = counts["sentences"] or 1, counts["resolved"] or 1
    return {
        "sentences": counts["sentences"],
        "resolved": round(counts["resolved"] / n, 4),
        "same_actor": counts["same_actor"],
        "directed_pair_recall_resolved": round(counts["pair"] / resolved, 4),
        "directed_pair_recall_all": round(counts["pair"] / n, 4),
        "reversed_only": counts["reversed"],
        "silent_resolved": counts["silent"],
        "quad_class_accuracy": round(counts["quad_right"] / (counts["pair_classed"] or 1), 4),
        "naive_first_two_actors_recall_resolved": round(counts["naive"] / resolved, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m presslens.bench.cameo_pairs")
    parser.add_argument("--data", type=Path, required=True,
                        help="the folder with cameo_ner-SPLIT.txt and cameo_class-SPLIT.tsv")
    parser.add_argument("--split", default="train")
    parser.add_argument("--profile", default="default")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    items = scored_sentences(args.data, args.split)
    analyzer = Analyzer(profile=args.profile)
    docs = [analyzer.analyze(RawArticle(text=item.text, source=f"sentence {item.number}"))
            for item in track(items, description="analysing")]
    result = score(items, docs)
    table = Table(title=f"CAMEO {args.split}, profile {args.profile}: "
                        f"{result['sentences']} sentences")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("both sides resolved, two actors", f"{result['resolved']:.3f}")
    table.add_row("directed pair recall (resolved)", f"{result['directed_pair_recall_resolved']:.3f}")
    table.add_row("directed pair recall (all)", f"{result['directed_pair_recall_all']:.3f}")
    table.add_row("quad class of the pairs found", f"{result['quad_class_accuracy']:.3f}")
    table.add_row("naive first two actors (resolved)",
                  f"{result['naive_first_two_actors_recall_resolved']:.3f}")
    Console().print(table)
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
