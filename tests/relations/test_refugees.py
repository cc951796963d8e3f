"""A state taking in refugees aids the state they come from (PLOVER AID; CAMEO: grant asylum);
refugees seeking refuge in a state ask it for help (PLOVER REQUEST). Refused, the taking in
states nothing. Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_a_state_accepting_refugees_aids_their_state(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Portugal accepted 900 Eritrean refugees last year."))
    assert ("Portugal", "AID", "Eritrea") in rows


def test_taking_in_evacuees_is_aid(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Ireland took in 300 Sudanese evacuees in April."))
    assert ("Ireland", "AID", "Sudan") in rows


def test_accepting_anything_else_is_no_aid(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Portugal accepted the Eritrean proposal last year."))
    assert not {r for r in rows if r[1] == "AID"}


def test_refusing_refugees_is_no_aid(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Portugal will not accept any more Eritrean refugees."))
    assert not {r for r in rows if r[1] == "AID"}


def test_refugees_seeking_refuge_ask_the_state(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Thousands of Eritrean families have sought refuge in Ethiopia since May."))
    assert ("Eritrea", "REQUEST", "Ethiopia") in rows
