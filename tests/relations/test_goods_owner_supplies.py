"""Goods supplied in the passive with no agent are supplied by whose goods they are: "Turkish
drones are still being supplied to Kyiv" is Turkey's aid to Ukraine. Goods of nobody's, or
information handed over, state no aid. Sentences written for these tests."""

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
        ("Turkish drones are still being supplied to Kyiv.", {("Q43", "AID", "Q212")}),
        ("Iranian drones have been supplied to Russia.", {("Q794", "AID", "Q159")}),
        ("Drones are being supplied to Kyiv.", set()),
    ],
)
def test_the_goods_owner_supplies_them(analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]) -> None:
    doc = analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    assert {(r.source, r.type, r.target) for r in doc.relations} == expected
