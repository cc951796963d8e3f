"""An attack between two sides that bear no arms (people, parties, media, civil organisations)
is made with words: an accusation, not an assault. Where a state or an armed group is a side, the
attack stays an assault. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def fast() -> Analyzer:
    return Analyzer(profile="fast")


def test_a_senator_attacking_a_party_accuses_it(fast: Analyzer) -> None:
    doc = bulletin(
        fast, "Senator Laura Bennet attacked the Republicans over the farm bill on Tuesday."
    )
    assert named_acts(doc) == {("Laura Bennet", "ACCUSE", "Republican Party")}
    (relation,) = doc.relations
    assert relation.polarity == -1 and relation.cue is not None and relation.cue.text == "attacked"


def test_attacks_on_a_person_by_a_reporter_are_accusations(fast: Analyzer) -> None:
    rows = named_acts(
        bulletin(fast, "Reporter Dan Whitfield's attacks on Mayor Ana Ruiz drew complaints.")
    )
    assert ("Dan Whitfield", "ACCUSE", "Ana Ruiz") in rows
    assert not {r for r in rows if r[1] == "ASSAULT"}


def test_an_attack_on_a_state_stays_an_assault(fast: Analyzer) -> None:
    rows = named_acts(bulletin(fast, "Eritrea attacked Djibouti at dawn, the ministry said."))
    assert ("Eritrea", "ASSAULT", "Djibouti") in rows


def test_a_leader_attacking_a_state_stays_an_assault(fast: Analyzer) -> None:
    rows = named_acts(bulletin(fast, "President Isaias Afwerki attacked Djibouti in 2008."))
    assert {r for r in rows if r[1] == "ASSAULT" and r[2] == "Djibouti"}
