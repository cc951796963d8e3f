"""A participle after a hyphen that makes what it qualifies the named actor's own ("the Saudi-led
coalition", "a Greek-flagged tanker": ``owning_participles``) lets that actor stand for the noun
phrase; help from outside ("US-backed fighters") does not. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Saudi-led coalition bombed Yemen.", ("Q851", "ASSAULT", "Q805")),
        ("The US-led coalition struck Syria.", ("Q30", "ASSAULT", "Q858")),
        ("The Iranian navy seized a Greek-flagged oil tanker in the Gulf of Oman.", ("Q794", "COERCE", "Q41")),
    ],
)
def test_the_owner_before_the_hyphen_stands_for_the_phrase(analyzer: Analyzer, body: str,
                                                           expected: tuple[str, str, str]) -> None:
    assert expected in bulletin_relations(analyzer, body)


def test_help_from_outside_is_not_the_phrase(analyzer: Analyzer) -> None:
    found = bulletin_relations(analyzer, "Turkey attacked US-backed Kurdish fighters.")
    assert ("Q43", "ASSAULT", "Q30") not in found
