"""A call for an act concerns the actor named in it ("called for sanctions against X": PLOVER
REQUEST), and breaking another's ban, truce or rule defies it ("violated the UN's ban": PLOVER
REJECT, defy norms). Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_a_call_for_sanctions_against_a_state_concerns_it(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Lithuania called for new sanctions against Belarus on Monday."))
    assert ("Lithuania", "REQUEST", "Belarus") in rows


def test_pushing_for_sanctions_against_a_state_concerns_it(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Sweden has pushed for sanctions against Georgia since May."))
    assert ("Sweden", "REQUEST", "Georgia") in rows


def test_a_call_for_nothing_of_an_actor_is_no_request(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Lithuania called for calm after the storm on Monday."))
    assert not rows


def test_breaking_a_ban_of_a_body_defies_it(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Eritrea has violated a ban by the African Union on arms imports."))
    assert ("Eritrea", "REJECT", "African Union") in rows


def test_breaching_a_state_s_rules_defies_it(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Chilean trawlers breached Norway's fishing rules twice."))
    assert ("Chile", "REJECT", "Norway") in rows
