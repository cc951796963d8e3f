"""A recipient the parser hangs a little deeper in the phrase of what is given ("10 million
kroner in aid to X", "a bronze statue to X" read as the statue's modifier) still receives it; a
"for" deep in that phrase ("praise for X") names no recipient. Sentences written for these
tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_aid_money_to_a_people(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer,
            "Ireland annually provides 12 million euros in bilateral aid to "
            "the Palestinian people and their organizations.",
        )
    )
    assert ("Ireland", "AID", "Palestine") in rows


def test_property_returned_to_a_states_authorities(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer, "ICE returned a silver pendant to Russian authorities in Moscow on March 4."
        )
    )
    assert {(r[1], r[2]) for r in rows} == {("RETREAT", "Russia")}


def test_praise_for_someone_inside_what_is_returned_is_no_gift(analyzer: Analyzer) -> None:
    doc = bulletin(
        analyzer,
        "Senator Paul Dorrance introduced Lena Marsh, who returned the "
        "introduction with warm praise for Dorrance.",
    )
    assert not {r for r in named_acts(doc) if r[1] in ("RETREAT", "AID")}
