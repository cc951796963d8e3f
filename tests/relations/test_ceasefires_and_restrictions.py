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
        ("The Colombian president announced a two-week ceasefire with the ELN.",
         ("Q739", "CONCEDE", "group:national_liberation_army_of_colombia")),
        ("The Colombian government declared a three-month cease-fire with the FARC.",
         ("Q739", "CONCEDE", "org:farc")),
        ("The ELN declared a two-week ceasefire in Colombia in May.",
         ("group:national_liberation_army_of_colombia", "CONCEDE", "Q739")),
        ("China imposed new restrictions on Japanese seafood imports.", ("Q148", "SANCTION", "Q17")),
        ("The EU lifted all travel restrictions on Belarus.", ("Q458", "RETREAT", "Q184")),
        ("China waged cyber warfare against Taiwan.", ("Q148", "ASSAULT", "Q865")),
    ],
)
def test_the_event_noun_states_its_type(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Turkish government outlawed the People's Liberation Front.",
         ("Q43", "COERCE", "org:people_s_liberation_front")),
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
        ("Poland has opened its borders to Ukrainian refugees.", ("Q36", "RETREAT", "Q212")),
        ("Hungary closed its borders to Syrian refugees.", ("Q28", "SANCTION", "Q858")),
    ],
)
def test_borders_opened_give_access_and_closed_sanction(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)
