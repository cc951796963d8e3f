"""Time the default profile's learned claims stage on the development articles.

Reports, in ms per article: the stage once every sentence it reads is encoded (segments, n-gram
features, head, news features, short list), the encoding of those sentences (shared with the
learned technique stage, which reads every sentence too), and the fast profile's rule-era claims
stage on the same parses for comparison.
Usage: ``python scripts/claims_stage_time.py [tests/devset*/*.txt ...]``.
"""

from __future__ import annotations

import glob
import sys
import time
from pathlib import Path

from presslens.claims.extract import extract_claims
from presslens.claims.learned import learned_claims, load_learned_model
from presslens.encoder import load_encoder
from presslens.encoder.article import encode_article
from presslens.ingest import RawArticle
from presslens.metadata import identify_language
from presslens.pipeline import Analyzer

ROUNDS = 3


def main(paths: list[str]) -> None:
    # the English development articles: the Russian ones (tests/devset_ru) have no encodings
    files = paths or [p for p in sorted(glob.glob("tests/devset*/*.txt"))
                      if identify_language(Path(p).read_text(encoding="utf-8"), source=p) != "ru"]
    articles = [RawArticle(text=Path(p).read_text(encoding="utf-8"), source=p) for p in files]
    analyses = [Analyzer(profile="fast").analysis(a) for a in articles]
    model, encoder = load_learned_model(), load_encoder()
    timings = {"encode": 0.0, "learned": 0.0, "rules": 0.0}
    for _ in range(ROUNDS):
        for analysis in analyses:
            doc, sdoc = analysis.doc, analysis.sdoc
            encodings = encode_article(doc, sdoc, analysis.need_index(), encoder)
            start = time.perf_counter()
            for sentence in encodings.every_segment:
                encodings.of(sentence)
            middle = time.perf_counter()
            learned_claims(doc, sdoc, encodings, model)
            end = time.perf_counter()
            extract_claims(doc, sdoc)
            timings["encode"] += middle - start
            timings["learned"] += end - middle
            timings["rules"] += time.perf_counter() - end
    n = ROUNDS * len(articles)
    print(f"{len(articles)} articles, {ROUNDS} rounds (ms per article)")
    print(f"learned claims stage, sentences encoded: {1000 * timings['learned'] / n:.2f}")
    print(f"encoding every sentence (shared with the technique stage): "
          f"{1000 * timings['encode'] / n:.2f}")
    print(f"fast profile's claims stage, same parses: {1000 * timings['rules'] / n:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
