"""Giving up (PLOVER RETREAT: disarm, resign) — "the rebels surrendered to the army", "resigned as
president of X" — and people used as shields, who are attacked (CAMEO: use as human shield,
under assault). Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_surrendering_to_a_state_is_a_retreat(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Two hundred Boko Haram fighters surrendered to Nigeria on Friday."))
    assert ("Boko Haram", "RETREAT", "Nigeria") in rows


def test_resigning_an_office_of_a_state_is_a_retreat(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Omar Bashir resigned as president of Sudan in April."))
    assert ("Omar Bashir", "RETREAT", "Sudan") in rows


def test_people_used_as_shields_are_attacked(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Al-Shabaab used Somali villagers as human shields near the river."))
    assert ("al-Shabaab", "ASSAULT", "Somalia") in rows


def test_using_people_otherwise_attacks_no_one(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Al-Shabaab used Somali villagers as guides near the river."))
    assert not {r for r in rows if r[1] == "ASSAULT"}


def test_resigning_a_post_beside_a_state_is_no_retreat_from_it(analyzer: Analyzer) -> None:
    # the office's own phrase names whom it is of; an actor further down does not
    rows = named_acts(bulletin(analyzer, "Father Lukas Brenner resigned his post as an adviser to the Danish bishops."))
    assert not {r for r in rows if r[1] == "RETREAT"}
