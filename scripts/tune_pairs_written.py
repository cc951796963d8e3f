"""Relation thresholds measured on the written PLOVER-style sentences by cross-validation.

The sentences of corpora/plover_train are fully annotated (every event between the marked
actors), so a predicted relation that matches no event is a real false positive. For each of five
folds the relation head is trained on the other four folds and the development articles, the
fold's sentences are analysed (fast profile + encoder), and the learned relations are decided for
each threshold setting. Prints P/R/F1 of (source, target, type) over events, summed over folds.

    .venv/bin/python scripts/tune_pairs_written.py [--folds 5]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
from pathlib import Path

from presslens.encoder import load_encoder
from presslens.encoder.article import encode_article
from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.nlp import load_nlp
from presslens.pairs.cameo_data import read_cameo
from presslens.pairs.model import load_pair_model
from presslens.pairs.relation_data import read_annotated_articles, read_written_sentences
from presslens.pairs.relations import learned_relations
from presslens.pairs.training import fit_relation_head, relation_matrix
from presslens.pairs.weak_data import read_weak_articles, weak_positives
from presslens.pipeline import Analyzer

WRITTEN = Path("corpora/plover_train/sentences.jsonl")
ARTICLES = [Path("tests/devset"), Path("tests/devset2"), Path("tests/devset3")]
GRID = {"relation": [0.3, 0.5, 0.7, 0.8, 0.9, 1.01], "relation_ruled": [1.01]}


def _actor_at(doc: Document, start: int, end: int) -> set[str]:
    return {a.id for a in doc.actors for m in a.mentions
            if m.role != "place" and m.start < end and start < m.end}


def score(doc: Document, record: dict) -> tuple[int, int, int]:
    """(tp, fp, fn) of typed directed pairs against the sentence's events."""
    text = record["text"]
    sides = []
    for actor in record["actors"]:
        at = text.find(actor["anchor"])
        ids = _actor_at(doc, at, at + len(actor["anchor"]))
        sides.append(ids)
    gold = [(e["source"], e["target"], e["type"]) for e in record["events"]
            if e.get("modality", "asserted") != "negated"]
    used: set[int] = set()
    tp = 0
    for s, t, kind in gold:
        for n, r in enumerate(doc.relations):
            if n in used or r.type != kind:
                continue
            if {r.source, r.source_state} & sides[s] and {r.target, r.target_state} & sides[t]:
                used.add(n)
                tp += 1
                break
    return tp, len(doc.relations) - len(used), len(gold) - tp


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cameo", type=Path, default=None,
                        help="also train the relation head on these CAMEO-coded sentences")
    parser.add_argument("--weak", type=Path, default=None,
                        help="also train it on the rules' labels of these unlabelled articles")
    parser.add_argument("--weak-positive-only", action="store_true",
                        help="of the rules' labels, keep the relations and their reverse pairs")
    args = parser.parse_args()
    nlp = load_nlp()
    records = [json.loads(line) for line in WRITTEN.read_text(encoding="utf-8").splitlines() if line.strip()]
    written = list(read_written_sentences(WRITTEN))
    articles = list(read_annotated_articles(ARTICLES, nlp))
    if args.cameo is not None:
        articles += list(read_cameo(args.cameo, nlp))
    if args.weak is not None:
        weak = list(read_weak_articles(args.weak))
        if args.weak_positive_only:
            weak = weak_positives(weak)
        articles += weak
    shipped = load_pair_model()
    analyzer = Analyzer(profile="fast")
    encoder = load_encoder()
    totals: dict[tuple[float, float], list[int]] = {}
    for fold in range(args.folds):
        held = {r["id"] for n, r in enumerate(records) if n % args.folds == fold}
        x, labels = relation_matrix([e for e in written if e.origin not in held] + articles)
        head = fit_relation_head(x, labels)
        for record in (r for r in records if r["id"] in held):
            analysis = analyzer.analysis(RawArticle(text=record["text"], source=record["id"]))
            article = encode_article(analysis.doc, analysis.sdoc, analysis.need_index(), encoder)
            for key in itertools.product(GRID["relation"], GRID["relation_ruled"]):
                model = dataclasses.replace(shipped, relation=head, thresholds={
                    **shipped.thresholds, "relation": key[0], "relation_ruled": key[1]})
                doc = analysis.doc.model_copy(update={"relations": learned_relations(
                    analysis.doc, analysis.sdoc, analysis.need_index(), article, model,
                    analysis.doc.relations)})
                counts = totals.setdefault(key, [0, 0, 0])
                for i, value in enumerate(score(doc, record)):
                    counts[i] += value
        print(f"fold {fold} done", flush=True)
    for key, (tp, fp, fn) in sorted(totals.items(), key=lambda kv: -2 * kv[1][0] / max(1, 2 * kv[1][0] + kv[1][1] + kv[1][2])):
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(f"(relation, relation_ruled) {key}: F1 {2 * p * r / max(1e-9, p + r):.3f} P {p:.3f} R {r:.3f}")


if __name__ == "__main__":
    main()
