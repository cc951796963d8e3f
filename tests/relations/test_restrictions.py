"""Restricting exports to a state or traffic on the border with it is a sanction against it
("Lithuania and Latvia restricted traffic through their checkpoints on the border with
Belarus"), and so is whatever is imposed on it ("imposed measures on Kosovo"). Sentences written
for these tests."""

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


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The EU imposed measures on Kosovo over its handling of the north.",
         {("Q458", "SANCTION", "Q1246")}),
        ("Beijing imposed new duties on Australia last year.", {("Q148", "SANCTION", "Q408")}),
        # imposed in a place, on nobody
        ("The junta imposed a curfew in Niamey.", set()),
    ],
)
def test_what_is_imposed_on_a_state_is_a_sanction(
        analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]) -> None:
    doc = analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    assert {(r.source, r.type, r.target) for r in doc.relations} == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Chisinau switched off Transnistria in January.", {("Q217", "COERCE", "Q907112")}),
        # switching off a thing, or oneself from a grid, stops nobody's supplies
        ("Seoul switched off the loudspeakers along the border.", set()),
        ("Estonia switched off from the old grid of Russia.", set()),
    ],
)
def test_switching_a_side_off_coerces_it(
        analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]) -> None:
    doc = analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    assert {(r.source, r.type, r.target) for r in doc.relations} == expected
