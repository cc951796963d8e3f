""""Target" is an assault between armed sides and an accusation between unarmed ones ("warplanes
targeted the commanders", "the senator targeted the union leader"); a curb is a sanction, and
lifting curbs to a state eases them. Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_armed_targeting_is_an_assault(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Turkish drones targeted PKK commanders in northern Iraq on Sunday."))
    assert ("Turkey", "ASSAULT", "Kurdistan Workers' Party") in rows


def test_unarmed_targeting_is_an_accusation(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Senator Mara Quill has targeted Governor Ted Alvarez in every speech this month."))
    assert ("Mara Quill", "ACCUSE", "Ted Alvarez") in rows
    assert not {r for r in rows if r[1] == "ASSAULT"}


def test_lifting_curbs_eases_them(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "South Korea lifted trade curbs to and from Japan."))
    assert ("South Korea", "RETREAT", "Japan") in rows
