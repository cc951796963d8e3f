"""A recipient the parser hangs a little deeper in the phrase of what is given ("12 million
dollars in aid to X", "a gold pendant to X" with "pendant" read as a modifier, "vehicles and a team
of paratroopers to X" with "to" hung on the last of the goods) still receives it; a
"for" deep in that phrase ("praise for X") names no recipient. Sentences written for these
tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_aid_money_to_a_people(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer,
            "Canada annually provides 12 million dollars in bilateral and multilateral aid to "
            "the Haitian people and organizations.",
        )
    )
    assert ("Canada", "AID", "Haiti") in rows


def test_property_returned_to_a_states_authorities(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer, "Spain returned a gold pendant to Peruvian authorities in Lima on Monday."
        )
    )
    assert {(r[1], r[2]) for r in rows} == {("RETREAT", "Peru")}


def test_recipient_hung_on_the_last_of_several_goods(analyzer: Analyzer) -> None:
    rows = named_acts(
        bulletin(
            analyzer,
            "Norway has sent 40 armoured ambulances and a company of engineers to Moldova to "
            "help the country rebuild its bridges.",
        )
    )
    assert ("Norway", "AID", "Moldova") in rows


def test_praise_for_someone_inside_what_is_returned_is_no_gift(analyzer: Analyzer) -> None:
    doc = bulletin(
        analyzer,
        "Senator Paul Dorrance introduced Lena Marsh, who returned the "
        "introduction with warm praise for Dorrance.",
    )
    assert not {r for r in named_acts(doc) if r[1] in ("RETREAT", "AID")}
