"""Goods, forces or an act of another received are the giver's act toward the receiver: arms and
forces aid, traded goods a cooperation, an act received keeps its type ("Armenia received Russian
weapons": Russia AID Armenia; "Hungary receives Russian gas": Russia COOPERATE Hungary; "Ukraine
received American aid": the United States AID Ukraine), while a person or a delegation received is
still a meeting. And envoys expelled "from X" in a passive clause are expelled by X. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected", "not_expected"),
    [
        ("Armenia received Russian weapons at a discount.", ("Q159", "AID", "Q399"), ("Q399", "CONSULT", "Q159")),
        ("Hungary receives Russian gas through the Balkan route.", ("Q159", "COOPERATE", "Q28"),
         ("Q28", "CONSULT", "Q159")),
        ("Russia received thousands of North Korean soldiers.", ("Q423", "AID", "Q159"),
         ("Q159", "CONSULT", "Q423")),
        ("Ukraine received American aid last year.", ("Q30", "AID", "Q212"), ("Q212", "CONSULT", "Q30")),
        ("Putin received the Hungarian delegation in the Kremlin.", ("Q7747", "CONSULT", "Q28"),
         ("Q28", "COOPERATE", "Q7747")),
    ],
)
def test_what_is_received_is_the_givers_act(analyzer: Analyzer, body: str, expected: tuple[str, str, str],
                                           not_expected: tuple[str, str, str]) -> None:
    found = bulletin_relations(analyzer, body)
    assert expected in found and not_expected not in found, found


def test_envoys_expelled_from_a_state_are_expelled_by_it(analyzer: Analyzer) -> None:
    found = bulletin_relations(analyzer, "Three Russian diplomats were expelled from Poland on Monday.")
    assert ("Q36", "SANCTION", "Q159") in found
