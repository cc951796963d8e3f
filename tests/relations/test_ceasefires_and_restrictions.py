"""Event nouns from PLOVER's modes: a ceasefire declared with the other side is a CONCEDE (a
declared, not yet implemented, ceasefire), restrictions imposed on a state a SANCTION (lifted, a
RETREAT), warfare waged against it an ASSAULT. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Afghan President Ashraf Ghani announced a weeklong ceasefire with the Taliban.",
         ("person:ashraf_ghani", "CONCEDE", "group:taliban")),
        ("The Colombian government declared a three-month cease-fire with the FARC.",
         ("Q739", "CONCEDE", "org:farc")),
        ("The ELN declared a monthlong ceasefire in Colombia on 1 April.",
         ("group:national_liberation_army_of_colombia", "CONCEDE", "Q739")),
        ("China imposed new restrictions on Japanese seafood imports.", ("Q148", "SANCTION", "Q17")),
        ("Obama lifted all travel restrictions on Cuba.", ("Q76", "RETREAT", "Q241")),
        ("Russia launched cyber warfare against Estonia.", ("Q159", "ASSAULT", "Q191")),
    ],
)
def test_the_event_noun_states_its_type(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Israeli government outlawed the Northern Branch of the Islamic Movement.",
         ("Q801", "COERCE", "org:northern_branch")),
        ("Boko Haram fighters overran a Nigerian military base.", ("group:boko_haram", "ASSAULT", "Q1033")),
    ],
)
def test_outlawing_is_coercion_and_overrunning_an_assault(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Croatia has opened its borders to Bosnian refugees.", ("Q224", "RETREAT", "Q225")),
        ("Hungary closed its borders to Syrian refugees.", ("Q28", "SANCTION", "Q858")),
    ],
)
def test_borders_opened_give_access_and_closed_sanction(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)
