"""Acts whose other side is named only by where it is: force used on people or things in a
state is used on that state ("killed 40 villagers in northern Chad"), help given for a purpose
in a state goes to it ("gave 20 million euros to rebuild schools in Laos"), and an act's agent
after "by" does the act ("a raid by X destroyed ..."). Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_force_on_people_in_a_state_is_on_the_state(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Al-Shabaab fighters killed 40 villagers in northern Kenya on Friday."))
    assert ("al-Shabaab", "ASSAULT", "Kenya") in rows


def test_the_first_state_named_is_where_the_victims_are(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Sudan bombed two fuel depots at an airfield in Chad near the border with Libya."))
    assert ("Sudan", "ASSAULT", "Chad") in rows
    assert not {r for r in rows if r[2] == "Libya"}


def test_a_place_of_the_source_itself_is_no_target(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Russia arrested four students in Moscow on Monday."))
    assert not {r for r in rows if r[1] == "ASSAULT" or r[1] == "COERCE"}


def test_an_unarmed_side_attacks_nothing_by_place(analyzer: Analyzer) -> None:
    # what a person attacks in a country is mostly words
    rows = named_acts(bulletin(analyzer, "Senator Mark Doyle attacked the new tax at a rally in Peru."))
    assert not {r for r in rows if r[2] == "Peru"}


def test_an_actor_named_as_the_object_comes_first(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Israel killed a Hezbollah commander in Syria."))
    assert ("Israel", "ASSAULT", "Hezbollah") in rows
    assert not {r for r in rows if r[2] == "Syria"}


def test_help_for_a_purpose_in_a_state_goes_to_the_state(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Norway gave 20 million euros to rebuild schools and clinics in Laos."))
    assert ("Norway", "AID", "Laos") in rows


def test_help_for_relief_in_a_state_goes_to_the_state(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Denmark has provided 12 million euros for the relief of flood victims in Pakistan."))
    assert ("Denmark", "AID", "Pakistan") in rows


def test_where_help_is_pledged_is_no_recipient(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Japan pledged 3 million dollars at a donor meeting in Belgium."))
    assert not {r for r in rows if r[2] == "Belgium"}


def test_a_raid_by_a_side_is_its_act(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "A night raid by Boko Haram destroyed a police station in Cameroon."))
    assert ("Boko Haram", "ASSAULT", "Cameroon") in rows


def test_a_person_sent_with_a_purpose_is_no_help(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Canada sent its envoy Anne Moreau to explain the new rules in Ghana."))
    assert not {r for r in rows if r[2] == "Ghana"}


def test_the_one_who_fires_a_weapon_does_what_it_does(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "The rockets fired by Hezbollah struck a fuel depot of the Israeli army."))
    assert ("Hezbollah", "ASSAULT") in {(r[0], r[1]) for r in rows}


def test_the_one_who_supplied_a_weapon_does_not(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Radar systems supplied by Norway protect Estonian airports today."))
    assert not {r for r in rows if r[0] == "Norway" and r[1] != "AID"}

