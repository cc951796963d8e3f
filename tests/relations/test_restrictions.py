"""Restricting exports to a state or traffic on the border with it is a sanction against it
("Lithuania and Latvia restricted traffic through their checkpoints on the border with
Belarus"). Sentences written for these tests."""

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
        ("Lithuania and Latvia restricted traffic through their checkpoints on the border with Belarus.",
         {("Q37", "SANCTION", "Q184"), ("Q211", "SANCTION", "Q184")}),
        ("Washington restricted exports of chips to China.", {("Q30", "SANCTION", "Q148")}),
        ("The court restricted the rights of journalists.", set()),
    ],
)
def test_a_restriction_is_a_sanction(analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]) -> None:
    doc = analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    assert {(r.source, r.type, r.target) for r in doc.relations} == expected
