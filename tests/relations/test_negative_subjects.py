"""A subject that no one is negates its verb: "No country has attacked Russia", "Neither Peru nor
Chile supports the plan" (a negated SUPPORT is the lexicon's REJECT). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("No country has attacked Russia since 1945.", set()),
        ("Neither Peru nor any other state had ever attacked Chile.", set()),
        ("Neither Peru nor Chile supports the plan of Bolivia.",
         {("Q419", "REJECT", "Q750"), ("Q298", "REJECT", "Q750")}),
        ("Peru attacked Chile in 1879.", {("Q419", "ASSAULT", "Q298")}),
    ],
)
def test_a_negative_subject_negates_its_verb(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert bulletin_relations(analyzer, body) == expected
