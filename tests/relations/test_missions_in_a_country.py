"""What a state sends or gives to an international body's mission in a country serves that
country ("engineers sent to the UN mission in Cyprus" aid Cyprus); a state's own forces
in a country, or an attack on the mission, are read as before. Sentences written for these
tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_troops_sent_to_a_un_mission_aid_its_host(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer,
            "Ireland is sending 150 soldiers to the UN peacekeeping mission "
            "in Lebanon this spring.",
        )
    )
    assert ("Ireland", "AID", "Lebanon") in rows
    assert not {r for r in rows if r[2] == "United Nations"}


def test_an_attack_on_the_mission_is_on_its_body(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Syria shelled the UN mission in Lebanon on Sunday."))
    assert {r[2] for r in rows} == {"United Nations"}
