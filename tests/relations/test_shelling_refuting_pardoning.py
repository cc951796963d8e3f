"""Cue verbs of common news acts: pounding positions is an assault, refuting someone's words a
rejection, a pardon a release (PLOVER RETREAT), handing something over aid, condolences support,
diplomatic relations established cooperation; an irregular past the
tagger reads as a present tense ("overran") keeps its lemma. Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_pounding_positions_is_an_assault(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer, "Ethiopian jets pounded Eritrean positions near the border on Sunday night."
        )
    )
    assert ("Ethiopia", "ASSAULT", "Eritrea") in rows


def test_refuting_remarks_rejects_their_speaker(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(analyzer, "Chile strongly refuted Peru's claims about the maritime border.")
    )
    assert ("Chile", "REJECT", "Peru") in rows


def test_a_pardon_releases_the_pardoned(analyzer: Analyzer) -> None:
    doc = bulletin(
        analyzer,
        "The activist Lena Marsh was freed on Friday after President Omar Castell pardoned her.",
    )
    assert ("Omar Castell", "RETREAT", "Lena Marsh") in named_acts(doc)


def test_handing_over_equipment_is_aid(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(analyzer, "Japan handed over new medical equipment to Kenya on Tuesday.")
    )
    assert ("Japan", "AID", "Kenya") in rows


def test_an_irregular_past_read_as_present_keeps_its_lemma(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer,
            "Houthi jihadists overran a military base in northern Yemen on Sunday.",
        )
    )
    assert ("Houthis", "ASSAULT", "Yemen") in rows


def test_condolences_to_someone_are_support(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer,
            "Estonia's prime minister Kaja Tamm expressed her deep "
            "condolences to the Finnish people on Monday.",
        )
    )
    assert ("Kaja Tamm", "SUPPORT", "Finland") in rows


def test_diplomatic_relations_established_are_cooperation(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Peru has established diplomatic relations with Malta."))
    assert ("Peru", "COOPERATE", "Malta") in rows
