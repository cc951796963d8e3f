"""Force readied for, not used: "Warsaw is preparing for war with Belarus and Russia" holds a war
out to both (THREATEN), as an attack rehearsed or threatened does; a war "with" someone names its
target only when readied for ("a war imposed on them, first with Russia" names none); a
confrontation prepared for stays an adversity. Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(profile="fast")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Warsaw is openly preparing for war with Belarus and Russia.",
         {("Q36", "THREATEN", "Q184"), ("Q36", "THREATEN", "Q159")}),
        ("Warsaw is openly preparing for war against Belarus.", {("Q36", "THREATEN", "Q184")}),
        ("The Europeans are having a war imposed on them, first with Russia.", set()),
        ("Poland prepares for a confrontation with Belarus.", {("Q36", "ADVERSARY", "Q184")}),
    ],
)
def test_force_readied_is_held_out(analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]) -> None:
    doc = analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    assert {(r.source, r.type, r.target) for r in doc.relations} == expected
