"""Designating or listing an actor as a terrorist organisation is a sanction on it ("designated
Hezbollah as a terrorist organization", "designated the cartel and six other groups as
terrorist organizations" with "as" hung on the last object); a designation asked for is not done
("calls on the council to designate X as ..."), and designating a candidate is none. Sentences
written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_a_terrorist_designation_is_a_sanction(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Canada designated the Wagner Group as a terrorist entity in June."))
    assert ("Canada", "SANCTION", "Wagner Group") in rows


def test_the_designation_of_several_objects(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer,
        "Australia designated Hezbollah and four other groups as terrorist organisations.",
    ))
    assert ("Australia", "SANCTION", "Hezbollah") in rows


def test_a_designation_asked_for_is_not_done(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer,
        "Israel called on Australia to designate Hezbollah as a terrorist organisation.",
    ))
    assert ("Australia", "SANCTION", "Hezbollah") not in rows
    assert ("Israel", "REQUEST", "Australia") in rows


def test_designating_a_candidate_is_no_sanction(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "The Labour Party designated Ana Lupu as its candidate."))
    assert not {r for r in rows if r[1] == "SANCTION"}
