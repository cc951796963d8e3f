"""A state's own party or institution named inside an organisation's name beside another state
is not that body: "the Nigeria Labour Congress" is neither Britain's Labour Party nor the US
Congress. A state's own body stays itself ("the US Congress", "the British Labour Party"), and
so do media and churches, which act across borders. Sentences written for these tests; Q9630
the UK Labour Party, Q11268 the US Congress."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _actors(analyzer: Analyzer, text: str) -> set[tuple[str, str]]:
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    return {(a.id, a.name) for a in doc.actors}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Nigeria Labour Congress called a general strike on Monday.",
         {("org:nigeria_labour_congress", "Nigeria Labour Congress")}),
        ("The Zimbabwe Congress of Trade Unions called a strike.",
         {("org:zimbabwe_congress_of_trade_unions", "Zimbabwe Congress of Trade Unions")}),
        ("The Labour Party of Malta won the election.",
         {("org:labour_party_of_malta", "Labour Party of Malta")}),
    ],
)
def test_another_states_body_inside_a_name_is_an_organisation_of_its_own(
    analyzer: Analyzer, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _actors(analyzer, text) == expected


def test_a_states_own_body_stays_itself(analyzer: Analyzer) -> None:
    found = _actors(analyzer, "The British Labour Party and the US Congress disagree.")
    assert {actor_id for actor_id, _ in found} == {"Q9630", "Q11268"}
