"""Verbal cues found missing on directed-sentiment training sentences: recommending and trusting
someone back them (SUPPORT; not trusting is a rejection), questioning someone's word accuses
them (PLOVER ACCUSE: criticise, investigate), and "hammering" a rival is verbal between
unarmed sides, an assault between armed ones. Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_recommending_someone_backs_them(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Senator Ann Cole recommended Mark Lind for the post."))
    assert ("Ann Cole", "SUPPORT", "Mark Lind") in rows


def test_not_trusting_a_body_rejects_it(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Hungary does not trust the European Commission."))
    assert ("Hungary", "REJECT", "European Commission") in rows


def test_questioning_someone_s_credibility_accuses_them(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Senator Ann Cole questioned Mark Lind's credibility."))
    assert ("Ann Cole", "ACCUSE", "Mark Lind") in rows


def test_hammering_a_rival_is_verbal(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Senator Ann Cole hammered Mark Lind over his tax plan."))
    assert ("Ann Cole", "ACCUSE", "Mark Lind") in rows


def test_artillery_hammering_positions_is_an_assault(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Armenian artillery hammered Azerbaijani positions overnight."))
    assert ("Armenia", "ASSAULT", "Azerbaijan") in rows
