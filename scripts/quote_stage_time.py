"""Time the quote stage alone on the development articles (parse and actors done beforehand).

    python scripts/quote_stage_time.py [--rounds 5] [--compare DIR]

``--compare DIR``: a folder holding an older copy of the quote package as ``quotes_before``
(its imports rewritten to that name), timed in the same process, rounds interleaved, so that
both are measured under the same load on a shared machine; the order alternates between rounds
(the stage that runs first on a parse pays for what spaCy computes lazily).
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

from presslens.actors import extract_actors
from presslens.actors.gazetteer import load_gazetteer
from presslens.metadata import extract_metadata
from presslens.model import Document, Meta
from presslens.nlp import load_nlp, parse
from presslens.quotes import extract_quotes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    nlp, gazetteer = load_nlp(), load_gazetteer()
    paths = sorted(p for d in ("tests/devset", "tests/devset2", "tests/devset3")
                   for p in Path(d).glob("*.txt"))
    prepared = []
    for path in paths:
        text = path.read_text("utf-8")
        sdoc = parse(nlp, text)
        doc = Document(id=path.stem, text=text, meta=extract_metadata(text, Meta(), source=path.name))
        doc.actors = extract_actors(doc, sdoc, gazetteer)
        prepared.append((doc, sdoc))
    stages = {"now": extract_quotes}
    if args.compare:
        sys.path.insert(0, str(args.compare))
        stages["before"] = importlib.import_module("quotes_before").extract_quotes
    best = {name: float("inf") for name in stages}
    order = list(stages.items())
    for round_number in range(args.rounds):
        # whichever stage runs first in a round pays for what the parse computes lazily, so
        # the order alternates
        for name, stage in order if round_number % 2 == 0 else order[::-1]:
            start = time.perf_counter()
            for doc, sdoc in prepared:
                stage(doc, sdoc)
            best[name] = min(best[name], time.perf_counter() - start)
    for name, seconds in best.items():
        print(f"{name}: {seconds:.3f} s for {len(prepared)} articles (best of {args.rounds})")


if __name__ == "__main__":
    main()
