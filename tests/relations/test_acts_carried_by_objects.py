"""A light verb's object that carries an act names it after its "of" ("delivered a note of
protest to X", "committed an act of aggression against X", "adopted a package of sanctions
against X"); an object that carries none does not ("increased the cost of Russian aggression").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chile delivered a note of protest to the Bolivian embassy on Friday.",
         ("Chile", "PROTEST", "Bolivia")),
        ("Eritrea committed an act of aggression against Djibouti, the council said.",
         ("Eritrea", "ASSAULT", "Djibouti")),
        ("The EU adopted a new package of sanctions against Belarus.",
         ("European Union", "SANCTION", "Belarus")),
    ],
)
def test_the_act_after_of_is_stated(analyzer: Analyzer, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in named_acts(bulletin(analyzer, text))


def test_the_cost_of_an_act_is_no_act(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Canada increased the cost of Russian aggression with new export bans."))
    assert not {r for r in rows if r[1] == "ASSAULT"}
