"""Choose the pair model's thresholds on the development articles without scoring a head on
articles it was trained on.

For each development set (tests/devset, devset2, devset3) the relation head is trained again
without that set's articles (the written sentences and the other sets only); the set's articles
are analysed once (fast profile + the encoder) and the learned relations and stances are decided
for every threshold of a grid and scored with `presslens eval`'s own metric. Prints relations
and stances F1 (summed over the three sets) for each setting. tests/heldout is never read.

    .venv/bin/python scripts/tune_pairs.py [--cache /tmp/pairs_cache]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
from pathlib import Path

from presslens.encoder import load_encoder
from presslens.encoder.article import encode_article
from presslens.evaluate.metrics import Counts, score_relations, score_stances
from presslens.evaluate.runner import load_gold_dir
from presslens.ingest import RawArticle
from presslens.nlp import load_nlp
from presslens.pairs.cameo_data import read_cameo
from presslens.pairs.model import load_pair_model
from presslens.pairs.relation_data import read_annotated_articles, read_written_sentences
from presslens.pairs.relations import learned_relations
from presslens.pairs.stances import learned_stances
from presslens.pairs.training import fit_relation_head, relation_matrix
from presslens.pipeline import Analyzer

SETS = [Path("tests/devset"), Path("tests/devset2"), Path("tests/devset3")]
GRID = {
    "relation": [0.8, 0.9, 1.01],
    "relation_ruled": [0.98, 1.01],
    "retype": [0.6, 0.8, 0.9, 1.01],
    "stance": [0.4, 0.5, 0.6, 0.7, 0.8, 1.01],
    "outlet_stance": [0.8, 1.01],
    "stance_mentions": [1, 2, 3, 4],
    "sentiment": [0.5, 0.95, 1.01],  # the pair-sentiment head's stances (pairs/sentiment.py)
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--grid", type=json.loads, default=None,
                        help='JSON object replacing grid entries, e.g. {"sentiment": [0.5, 0.9]}')
    parser.add_argument("--written", type=Path, default=Path("corpora/plover_train/sentences.jsonl"))
    parser.add_argument("--cameo", type=Path, default=None,
                        help="also train the relation head on these CAMEO-coded sentences")
    parser.add_argument("--stances-only", action="store_true",
                        help="tune the stance thresholds only (no relation head to retrain)")
    parser.add_argument("--shipped-head", action="store_true",
                        help="use the shipped relation head (trained on these sets: quicker, "
                        "optimistic on types) instead of one trained without the scored set")
    args = parser.parse_args()
    GRID.update(args.grid or {})
    nlp = load_nlp()
    shipped = load_pair_model()
    written = list(read_written_sentences(args.written))
    if args.cameo is not None:
        written += list(read_cameo(args.cameo, nlp))
    analyzer = Analyzer(profile="fast")
    encoder = load_encoder()
    relation_counts: dict[tuple[float, ...], Counts] = {}
    stance_counts: dict[tuple[float, ...], Counts] = {}
    for held in SETS:
        others = [s for s in SETS if s != held]
        head = shipped.relation
        if not (args.stances_only or args.shipped_head):
            x, labels = relation_matrix(written + list(read_annotated_articles(others, nlp)))
            head = fit_relation_head(x, labels)
        golds, _ = load_gold_dir(held)
        for gold in golds:
            raw = gold.path.with_name(gold.name + ".txt").read_text(encoding="utf-8")
            analysis = analyzer.analysis(RawArticle(text=raw, source=gold.name))
            article = encode_article(analysis.doc, analysis.sdoc, analysis.need_index(), encoder)
            rules, rule_stances = analysis.doc.relations, analysis.doc.stances
            relation_grid = [] if args.stances_only else list(itertools.product(
                GRID["relation"], GRID["relation_ruled"], GRID["retype"]))
            for key in relation_grid:
                model = dataclasses.replace(shipped, relation=head, thresholds={
                    **shipped.thresholds, "relation": key[0], "relation_ruled": key[1],
                    "retype": key[2]})
                doc = analysis.doc.model_copy(update={"relations": learned_relations(
                    analysis.doc, analysis.sdoc, analysis.need_index(), article, model, rules)})
                full, _ = score_relations(doc, gold)
                relation_counts[key] = relation_counts.get(key, Counts()) + full
            # the stance stage reads the relations the shipped thresholds give
            relations = learned_relations(analysis.doc, analysis.sdoc, analysis.need_index(),
                                          article, shipped, rules)
            for key in itertools.product(GRID["stance"], GRID["outlet_stance"],
                                         GRID["stance_mentions"], GRID["sentiment"]):
                model = dataclasses.replace(shipped, thresholds={
                    **shipped.thresholds, "stance": key[0], "outlet_stance": key[1],
                    "stance_mentions": key[2], "sentiment": key[3]})
                doc = analysis.doc.model_copy(update={"stances": learned_stances(
                    analysis.need_index(), article, model, rule_stances, relations)})
                stance_counts[key] = stance_counts.get(key, Counts()) + score_stances(doc, gold)
        print(f"done {held}", flush=True)
    for name, table in (("relations (relation, relation_ruled, retype)", relation_counts),
                        ("stances (stance, outlet_stance, stance_mentions, sentiment)", stance_counts)):
        print(name)
        for key, c in sorted(table.items(), key=lambda kv: -(kv[1].tp * 2 / max(1, 2 * kv[1].tp + kv[1].fp + kv[1].fn))):
            f1 = 2 * c.tp / max(1, 2 * c.tp + c.fp + c.fn)
            print(f"  {key}: F1 {f1:.3f} tp {c.tp} fp {c.fp} fn {c.fn}")


if __name__ == "__main__":
    main()
