"""A call placed to someone consults them (PLOVER CONSULT: phone call); what someone is called
("called Lavrov a liar", a label in quotation marks, "call it what it is") is naming, no call; a
particle makes another verb ("called up the militia"); and a date after "on" names no one called
on ("called Aoun on Tuesday"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("President Maria Lopez called Putin to discuss the war.",
         {("person:maria_lopez", "CONSULT", "Q7747")}),
        ("Estonian Foreign Minister Ivo Tamm called Latvian Foreign Minister Anna Berzina on Tuesday.",
         {("person:ivo_tamm", "CONSULT", "person:anna_berzina")}),
        ("The Greek prime minister called his Cypriot counterpart, Anna Pavlou, on Friday.",
         {("Q41", "CONSULT", "person:anna_pavlou")}),
    ],
)
def test_a_call_placed_consults_the_one_called(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {row for row in bulletin_relations(analyzer, body) if row[1] == "CONSULT"} == expected


@pytest.mark.parametrize(
    "body",
    [
        "President Maria Lopez called Putin a killer.",
        "Lopez called Putin's remarks a disgrace.",
        'The watchdog called the Daily Clarion "hopelessly biased" on Monday.',
        "NATO calls this deterrence; in Murmansk we call it what it is.",
        "The government of Venezuela has called up the Bolivarian Militia.",
    ],
)
def test_naming_or_a_phrasal_verb_is_no_call(analyzer: Analyzer, body: str) -> None:
    assert not any(row[1] == "CONSULT" for row in bulletin_relations(analyzer, body))


def test_a_date_after_on_names_no_one_called_on(analyzer: Analyzer) -> None:
    rows = bulletin_relations(analyzer, "Greece called on Turkey on Monday to withdraw.")
    assert ("Q41", "REQUEST", "Q43") in rows
    rows = bulletin_relations(analyzer, "President Rouhani called Michel Aoun on Tuesday.")
    assert not any(row[1] == "REQUEST" for row in rows)
