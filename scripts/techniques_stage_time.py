"""Time the default profile's learned technique stage on the development articles.

The default profile runs without ``learned_techniques`` on every article; then the stage is
timed on each article's encodings twice: the first call also encodes the sentences the relation
and stance stages did not ask for (the stage's share of the encoder), the second reads them all
from the cache (features and head only). Prints ms per article.
Usage: ``python scripts/techniques_stage_time.py [ARTICLE.txt ...]`` (default tests/devset*/*.txt).
"""

from __future__ import annotations

import glob
import sys
import time
from pathlib import Path

from presslens.ingest import RawArticle
from presslens.metadata import identify_language
from presslens.pipeline import Analyzer
from presslens.pipeline.components import REGISTRY, Resources
from presslens.pipeline.profiles import LEARNED
from presslens.techniques.learned import shipped_learned_model, techniques_of_article


def main(paths: list[str]) -> None:
    # the English development articles: the Russian ones (tests/devset_ru) have no encodings
    files = paths or [p for p in sorted(glob.glob("tests/devset*/*.txt"))
                      if identify_language(Path(p).read_text(encoding="utf-8"), source=p) != "ru"]
    analyzer = Analyzer()
    analyzer.components = REGISTRY.build(
        [n for n in LEARNED if n != "learned_techniques"],
        Resources(analyzer.settings, analyzer.gazetteer, analyzer.nlp),
    )
    model = shipped_learned_model()
    analyses = [analyzer.analysis(RawArticle(text=Path(p).read_text(encoding="utf-8"), source=p))
                for p in files]
    encoded = sum(a.need_encodings().encoded for a in analyses)
    sentences = sum(len(a.need_encodings().every_segment) for a in analyses)
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        for a in analyses:
            techniques_of_article(a.doc.text, a.need_encodings(), model)
        timings.append(1000 * (time.perf_counter() - start) / len(analyses))
    print(f"{len(analyses)} articles, {sentences} sentences, {encoded} encoded by the other stages")
    print(f"stage: {timings[0]:.1f} ms/article with the encoding of the other {sentences - encoded} "
          f"sentences; {min(timings[1:]):.2f} ms/article for features and head once encoded")


if __name__ == "__main__":
    main(sys.argv[1:])
