"""Weight thrown behind a side supports it, fighting alongside a side cooperates with it (not
against it), and a sum or a weight "of aid" offered or sent is aid (the noun after the amount
states the act). Sentences written for these tests (Q79 Egypt, Q986 Eritrea, Q115 Ethiopia, Q458
European Union, Q217 Moldova)."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected", "not_expected"),
    [
        ("Egypt has thrown its weight behind Asmara.", ("Q79", "SUPPORT", "Q986"), None),
        ("Eritrean troops fought alongside Ethiopian forces in that war.",
         ("Q986", "COOPERATE", "Q115"), ("Q986", "ADVERSARY", "Q115")),
        ("Brussels has offered Moldova 60 million euros of emergency aid.",
         ("Q458", "AID", "Q217"), ("Q458", "SUPPORT", "Q217")),
    ],
)
def test_the_side_taken(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str],
    not_expected: tuple[str, str, str] | None,
) -> None:
    found = bulletin_relations(analyzer, body)
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # land or rights handed over are conceded to the one who gets them (PLOVER CONCEDE)
        ("Russia gave the islands to Japan.", ("Q159", "CONCEDE", "Q17")),
        ("Yerevan is handing the south of the country to Washington.", ("Q399", "CONCEDE", "Q30")),
        # goods handed over stay aid
        ("The United States gave weapons to Ukraine.", ("Q30", "AID", "Q212")),
    ],
)
def test_land_handed_over_is_conceded(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)
