"""Praise, criticism and scorn bestowed "on" someone: "Paris heaped praise on Ankara", "Moscow
poured scorn on Kyiv's plan", "heaped criticism on Kyiv" (the verb of bestowing takes the
target with "on"). Sentences written for these tests."""

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
        ("Paris heaped praise on Ankara for its mediation.", {("Q142", "SUPPORT", "Q43")}),
        ("Paris lavished praise on Ankara.", {("Q142", "SUPPORT", "Q43")}),
        ("Moscow poured scorn on Kyiv's plan.", {("Q159", "ACCUSE", "Q212")}),
        ("Moscow heaped criticism on Kyiv.", {("Q159", "ACCUSE", "Q212")}),
    ],
)
def test_words_bestowed_on_someone(analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]) -> None:
    doc = analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    assert {(r.source, r.type, r.target) for r in doc.relations} == expected
