"""Talks, a meeting or a visit named in a phrase of time ("said after talks with Burhan",
"spoke after a meeting with Xi") were held by the clause's subject with the side named; a hostile
act in such a phrase is not the subject's, and a meeting "between" others names its own sides.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Foreign Minister Ana Ruiz said after talks with Putin in Moscow that Madrid would help.",
         ("person:ana_ruiz", "CONSULT", "Q7747")),
        ("Macron spoke to reporters after a meeting with Xi Jinping in Beijing.",
         ("Q3052772", "CONSULT", "Q15031")),
    ],
)
def test_the_subject_held_the_talks_its_time_phrase_names(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)


def test_a_hostile_act_in_a_time_phrase_is_not_the_subjects(analyzer: Analyzer) -> None:
    found = bulletin_relations(
        analyzer, "After the attack on Israel, the United States sent two carriers to the region.")
    assert ("Q30", "ASSAULT", "Q801") not in found


def test_a_meeting_between_others_names_its_own_sides(analyzer: Analyzer) -> None:
    found = bulletin_relations(
        analyzer, "The remarks came a day after a meeting in Yerevan between Armenian and French "
                  "officials.")
    # whoever consults, it is one of the two sides of the meeting, not the remarks' author
    assert {row[0] for row in found if row[1] == "CONSULT"} <= {"Q399", "Q142"}
