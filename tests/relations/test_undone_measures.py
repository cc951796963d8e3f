"""A measure undone is a RETREAT toward those it weighed on (PLOVER: a material concession carried
out): lifting or easing sanctions, a ban, a blockade or an embargo. Asked or meant ("to lift the
sanctions") it is neither done nor the measure's imposition; refused, it is a REJECT toward
those the measure weighs on (PLOVER: refuse to ease sanctions). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Saudi Arabia lifted its blockade of Oman on Tuesday.", {("Q851", "RETREAT", "Q842")}),
        ("Japan eased its sanctions on Myanmar.", {("Q17", "RETREAT", "Q836")}),
        ("The United States lifted its embargo against Cuba and Laos.",
         {("Q30", "RETREAT", "Q241"), ("Q30", "RETREAT", "Q819")}),
        ("A court in Ankara lifted the exit ban on Peter Lang.",
         {("Q43", "RETREAT", "person:peter_lang")}),
    ],
)
def test_a_measure_undone_is_a_retreat(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    relations = bulletin_relations(analyzer, body)
    assert {row for row in relations if row[1] == "RETREAT"} == expected
    assert not any(row[1] == "SANCTION" for row in relations)


def test_a_measure_asked_to_be_undone_is_no_retreat(analyzer: Analyzer) -> None:
    body = "Caracas asked Washington to lift the sanctions on Venezuela."
    assert not any(row[1] in ("RETREAT", "SANCTION") for row in bulletin_relations(analyzer, body))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Canada will not lift the ban on the LTTE.", ("Q16", "REJECT", "org:ltte")),
        ("Japan refused to ease sanctions on Iran.", ("Q17", "REJECT", "Q794")),
    ],
)
def test_a_measure_refused_to_be_undone_is_a_rejection(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    relations = bulletin_relations(analyzer, body)
    assert expected in relations
    assert not any(row[1] in ("RETREAT", "SANCTION") for row in relations)


def test_the_target_of_a_measure_may_stand_in_a_participle_after_it(analyzer: Analyzer) -> None:
    rows = bulletin_relations(analyzer, "The Bush administration has lifted sanctions imposed on Libya.")
    assert ("person:bush", "RETREAT", "Q1016") in rows
    rows = bulletin_relations(analyzer, "Trump lifted a travel ban imposed on Malian citizens.")
    assert ("Q22686", "RETREAT", "Q912") in rows


@pytest.mark.parametrize(
    "body",
    [
        "Norway decided on Monday to ease its sanctions on Myanmar.",
        "Norway's parliament voted to lift the embargo on Myanmar.",
        "Norway agreed to lift its travel ban on Myanmar.",
    ],
)
def test_a_measure_decided_to_be_undone_is_a_retreat(analyzer: Analyzer, body: str) -> None:
    # deciding, voting or agreeing to undo it undoes it; asking for it does not (above)
    relations = bulletin_relations(analyzer, body)
    assert any(row[1] == "RETREAT" and row[2] == "Q836" for row in relations)
