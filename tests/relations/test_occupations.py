"""A predicate noun that is also an occupation ("agent") states who controls someone only when it
is predicated of them ("Lang was a Kremlin agent", "called Lang an agent of Moscow"), not when it
stands beside their name as their job ("Peter Lang, the FBI agent who led the inquiry"): an
agency's agent works for it, he is not its puppet. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    "body",
    [
        "Peter Lang, the FBI agent who led the inquiry, testified on Monday.",
        "Officers questioned Maria Ruiz, a Secret Service agent, about the leak.",
    ],
)
def test_an_agent_beside_a_name_is_an_occupation(analyzer: Analyzer, body: str) -> None:
    assert not {row for row in bulletin_relations(analyzer, body) if row[1] == "CONTROL"}


@pytest.mark.parametrize(
    "body",
    [
        "Officials in Kyiv said Peter Lang was a Kremlin agent.",
        "The minister called Peter Lang an agent of Moscow.",
    ],
)
def test_an_agent_predicated_of_someone_is_controlled(analyzer: Analyzer, body: str) -> None:
    assert ("Q159", "CONTROL", "person:peter_lang") in bulletin_relations(analyzer, body)
