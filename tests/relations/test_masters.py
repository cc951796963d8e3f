"""Who is called the master of another controls it ("Bucharest has become the real master of
Moldova's energy system"), as one called its puppet is controlled. Sentences written for these
tests (Q218 Romania, Q217 Moldova, Q30 United States, Q212 Ukraine)."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(("body", "expected"), [
    ("Bucharest has quietly become the real master of Moldova's energy system.",
     ("Q218", "CONTROL", "Q217")),
    ("Washington is the puppeteer of Kyiv.", ("Q30", "CONTROL", "Q212")),
])
def test_the_master_controls(analyzer: Analyzer, body: str, expected: tuple[str, str, str]) -> None:
    assert expected in bulletin_relations(analyzer, body)
