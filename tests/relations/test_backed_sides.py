"""A side named before a hyphenated participle of backing ("Iranian-backed Houthi rebels",
"the Qatari-funded institute") backs, funds or arms the side the phrase names; the phrase
stays that side's, not its backer's. Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_a_backer_before_the_hyphen_supports_the_side(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Sudan's army attacked Emirati-backed RSF fighters near the river."))
    assert ("United Arab Emirates", "SUPPORT", "Rapid Support Forces") in rows


def test_the_backed_side_is_the_one_acted_on(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Saudi jets bombed Iranian-backed Houthi rebels on Monday."))
    assert ("Saudi Arabia", "ASSAULT", "Houthis") in rows
    assert not {r for r in rows if r[1] == "ASSAULT" and r[2] == "Iran"}


def test_a_funder_before_the_hyphen_aids_the_side(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "The Russian-funded RT channel opened an office in Serbia."))
    assert ("Russia", "AID", "RT") in rows
