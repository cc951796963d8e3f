"""Score the quote stage alone on the devset (development aid for the quote rules).

    python scripts/score_quotes.py tests/devset [--oracle-actors] [-v]

With ``--oracle-actors`` the actors come from the gold files (names only, no titles or pronouns),
so that the quote rules are measured apart from the actor stage; otherwise the full analyser runs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from presslens.evaluate import gold_to_document, load_gold
from presslens.evaluate.gold import find_gold_files
from presslens.evaluate.metrics import Counts, Ratio, f1, precision, recall, score_quotes
from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.nlp import load_nlp
from presslens.pipeline import Analyzer
from presslens.quotes import extract_quotes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("devset", type=Path)
    parser.add_argument("--oracle-actors", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    nlp = load_nlp()
    analyzer = None if args.oracle_actors else Analyzer()
    total_counts, total_speaker = Counts(), Ratio()
    for gold_path in find_gold_files(args.devset):
        gold = load_gold(gold_path)
        if "quotes" not in gold.layers:
            continue
        if analyzer is None:
            oracle = gold_to_document(gold)
            doc = Document(id=oracle.id, text=gold.text, actors=oracle.actors)
            doc.quotes = extract_quotes(doc, nlp(gold.text))
        else:
            doc = analyzer.analyze(RawArticle(text=gold.text, source=str(gold_path)))
            if not doc.quotes:
                doc.quotes = extract_quotes(doc, nlp(gold.text))
        counts, speaker = score_quotes(doc, gold)
        total_counts += counts
        total_speaker += speaker
        print(f"{gold_path.name:45} F1 {f1(counts) or 0:.2f} P {precision(counts) or 0:.2f} "
              f"R {recall(counts) or 0:.2f} speaker {speaker.value or 0:.2f} ({speaker})")
        if args.verbose:
            names = {a.id: a.name for a in doc.actors}
            for q in doc.quotes:
                print(f"   {q.id} {q.kind:8} [{names.get(q.speaker or '')}] "
                      f"{q.text[:60]!r}..{q.text[-25:]!r} cue={q.cue and q.cue.text!r}"
                      f" by={q.speaker_span and q.speaker_span.text!r}")
            for g in gold.quotes:
                print(f"   GOLD {g.kind:8} [{g.speaker}] {gold.text[g.span.start:g.span.end][:60]!r}")
    print(f"TOTAL F1 {f1(total_counts) or 0:.3f} P {precision(total_counts) or 0:.3f} "
          f"R {recall(total_counts) or 0:.3f} speaker accuracy {total_speaker.value or 0:.3f} "
          f"({total_speaker})")


if __name__ == "__main__":
    main()
