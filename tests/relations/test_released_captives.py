"""Releasing is a RETREAT toward those set free: the object itself, or the people its demonym
names ("released two Ukrainian soldiers"), never an owner or a name inside what is released
("release the CIA's records", "release the Lang report"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Russia released two Ukrainian soldiers and Peter Lang on Monday.",
         {("Q159", "RETREAT", "Q212"), ("Q159", "RETREAT", "person:peter_lang")}),
        ("Peter Lang was released by Azerbaijan on Monday.", {("Q227", "RETREAT", "person:peter_lang")}),
        ("Angola has freed a US aid worker it held.", {("Q916", "RETREAT", "Q30")}),
        ("President Maria Lopez will release the CIA's records on the case.", set()),
        ("Attorney General Tom Baker must release the Lang report to the public.", set()),
    ],
)
def test_what_is_released_is_the_object_itself(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {row for row in bulletin_relations(analyzer, body) if row[1] == "RETREAT"} == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Latvia has ordered thousands of Russian pensioners to pass a language test or leave.",
         {("Q211", "COERCE", "Q159")}),
        ("President Maria Lopez ordered Peter Lang to resign.",
         {("person:maria_lopez", "COERCE", "person:peter_lang")}),
        ("President Maria Lopez ordered the release of text messages from Peter Lang.", set()),
        ("Judge Tom Baker ordered Peter Lang's press pass restored.", set()),
    ],
)
def test_those_ordered_are_the_object_itself(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {row for row in bulletin_relations(analyzer, body) if row[1] == "COERCE"} == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Britain banned Peter Lang from entering the country.", {("Q145", "COERCE", "person:peter_lang")}),
        ("Moldova banned Russian television channels.", {("Q217", "COERCE", "Q159")}),
        ("He cited the blogger Tom Baker, who was banned by Maria Lopez in 2013.",
         {("person:maria_lopez", "COERCE", "person:tom_baker")}),
        ("Germany banned four preachers from provinces of Turkey and Iran.", set()),
    ],
)
def test_those_banned_are_the_object_itself(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {row for row in bulletin_relations(analyzer, body) if row[1] == "COERCE"} == expected


def test_a_number_of_people_banned_are_those_people(analyzer: Analyzer) -> None:
    body = "Norway has banned two of the largest Russian fishing companies from its waters."
    assert ("Q20", "COERCE", "Q159") in bulletin_relations(analyzer, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Malian rebels will not release the two Algerian engineers.", {("Q912", "REJECT", "Q262")}),
        ("Russia did not release the Lang report.", set()),
    ],
)
def test_refusing_to_release_captives_rejects_their_side(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {row for row in bulletin_relations(analyzer, body) if row[1] in ("REJECT", "RETREAT")} == expected
