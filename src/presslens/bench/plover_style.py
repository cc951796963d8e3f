"""Score presslens's relations on PLOVER-style sentences with one coded event each.

The set (``tests/plover_style/sentences.jsonl``, written blind from the PLOVER codebook's
definitions, never tuned on) gives per sentence the acting side and the side acted on (a state,
or an organisation or group: its QID, name and the words naming it) and the event type. Each
sentence is analysed alone, with the profile asked for. A predicted relation's side matches the
gold side when the predicted actor, or the state it acts for, is the gold QID (or, for a gold
side without a QID, is named by the gold's words).

- directed pair recall: share of sentences with a predicted relation from the gold source to
  the gold target;
- pair+type: a sentence is a true positive when such a relation has the gold type; every other
  predicted relation is a false positive; F1 from those;
- the naive baseline: the first two countries the sentence names, in order, typed with the most
  frequent gold type.

    python -m presslens.bench.plover_style [--data tests/plover_style/sentences.jsonl]
        [--profile default|fast] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import track
from rich.table import Table

from presslens.ingest import RawArticle
from presslens.model import Document, Relation
from presslens.pipeline import Analyzer

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "tests" / "plover_style" / "sentences.jsonl"


@dataclass(frozen=True)
class Side:
    qid: str | None
    name: str
    anchor: tuple[int, int]


@dataclass(frozen=True)
class Coded:
    id: str
    text: str
    source: Side
    target: Side
    type: str
    tags: tuple[str, ...]


def read_set(path: Path) -> list[Coded]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        text = r["text"]

        def side(prefix: str, text: str = text, r: dict[str, Any] = r) -> Side:
            at = text.find(r[f"{prefix}_anchor"])
            return Side(r.get(f"{prefix}_qid"), r[prefix], (at, at + len(r[f"{prefix}_anchor"])))

        items.append(Coded(r["id"], text, side("source"), side("target"), r["type"],
                           tuple(r.get("tags", []))))
    return items


def side_matches(doc: Document, actor_id: str, state: str | None, gold: Side) -> bool:
    for candidate in (actor_id, state):
        if candidate is None:
            continue
        actor = doc.actor(candidate)
        if actor is None:
            continue
        if gold.qid is not None:
            if actor.wikidata == gold.qid:
                return True
        elif actor.name.casefold() == gold.name.casefold() or any(
            m.start < gold.anchor[1] and gold.anchor[0] < m.end for m in actor.mentions
        ):
            return True
    return False


def pair_matches(doc: Document, relation: Relation, item: Coded) -> bool:
    return side_matches(doc, relation.source, relation.source_state, item.source) and side_matches(
        doc, relation.target, relation.target_state, item.target
    )


def naive_pair(doc: Document, kinds: frozenset[str] | None = frozenset({"country"})) -> tuple[str, str] | None:
    """The first two actors of ``kinds`` (countries; any kind for None) named other than as a
    place, in text order."""
    firsts = sorted(
        (min(m.start for m in a.mentions if m.role != "place"), a.id)
        for a in doc.actors if (kinds is None or a.kind in kinds)
        and any(m.role != "place" for m in a.mentions)
    )
    return (firsts[0][1], firsts[1][1]) if len(firsts) >= 2 else None


def score(items: list[Coded], docs: list[Document]) -> dict[str, Any]:
    pair_found = tp = fp = 0
    naive_found = naive_tp = 0
    common = Counter(i.type for i in items).most_common(1)[0][0]
    per_tag: dict[str, Counter[str]] = {}
    for item, doc in zip(items, docs, strict=True):
        pairs = [r for r in doc.relations if pair_matches(doc, r, item)]
        hit = any(r.type == item.type for r in pairs)
        pair_found += bool(pairs)
        tp += hit
        fp += len(doc.relations) - (1 if hit else 0)
        naive = naive_pair(doc)
        if naive is not None:
            fake = Relation(start=0, end=0, text="", source=naive[0], target=naive[1], type=common,
                            polarity=0, confidence=0.0)
            naive_ok = pair_matches(doc, fake, item)
            naive_found += naive_ok
            naive_tp += naive_ok and common == item.type
        for tag in item.tags:
            per_tag.setdefault(tag, Counter()).update(n=1, pair=bool(pairs), typed=hit)
    n = len(items)
    fn = n - tp
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / n if n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    naive_f1 = 2 * naive_tp / (2 * naive_tp + (naive_found - naive_tp) + (n - naive_tp)) if n else 0.0
    return {
        "sentences": n, "directed_pair_recall": round(pair_found / n, 4),
        "pair_type": {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 4),
                      "recall": round(recall, 4), "f1": round(f1, 4)},
        "naive_first_two_countries": {"directed_pair_recall": round(naive_found / n, 4),
                                      "pair_type_f1": round(naive_f1, 4), "type": common},
        "per_tag": {tag: {"n": c["n"], "pair_recall": round(c["pair"] / c["n"], 3),
                          "typed_recall": round(c["typed"] / c["n"], 3)}
                    for tag, c in sorted(per_tag.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m presslens.bench.plover_style")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--profile", default="default")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    items = read_set(args.data)
    analyzer = Analyzer(profile=args.profile)
    docs = [analyzer.analyze(RawArticle(text=item.text, source=item.id))
            for item in track(items, description="analysing")]
    result = score(items, docs)
    table = Table(title=f"{args.data.name}, profile {args.profile}: {result['sentences']} sentences")
    for column in ("measure", "presslens", "naive baseline"):
        table.add_column(column, justify="right")
    naive = result["naive_first_two_countries"]
    table.add_row("directed pair recall", f"{result['directed_pair_recall']:.3f}",
                  f"{naive['directed_pair_recall']:.3f}")
    pt = result["pair_type"]
    table.add_row("pair+type P / R", f"{pt['precision']:.3f} / {pt['recall']:.3f}", "")
    table.add_row("pair+type F1", f"{pt['f1']:.3f}", f"{naive['pair_type_f1']:.3f}")
    Console().print(table)
    if args.json is not None:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
