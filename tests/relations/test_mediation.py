"""Mediation between two sides consults both (PLOVER CONSULT: mediate): "launched a mediation
effort between X and Y", "offered mediation between X and Y". Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_a_mediation_effort_between_two_sides_consults_both(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Qatar launched a mediation effort between Chad and Niger on Sunday."))
    assert {("Qatar", "CONSULT", "Chad"), ("Qatar", "CONSULT", "Niger")} <= rows


def test_mediation_offered_between_two_sides_consults_both(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Ghana offered mediation between Mali and Burkina Faso."))
    assert {("Ghana", "CONSULT", "Mali"), ("Ghana", "CONSULT", "Burkina Faso")} <= rows


def test_a_side_mediating_is_no_party_to_the_dispute(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Qatar launched a mediation effort between Chad and Niger on Sunday."))
    assert not {r for r in rows if r[0] in ("Chad", "Niger") and r[2] in ("Chad", "Niger")}
