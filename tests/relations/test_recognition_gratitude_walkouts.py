"""Four cues of the relation lexicon: withheld recognition is a rejection ("does not recognise
X's declaration of independence"), gratitude is support ("is grateful to X for"), and walking
out of a body leaves it ("walked out of ECOWAS"), as a person walking out of a country does not,
and joining a body or an armed group is membership (COOPERATE), joining a person is not.
Sentences written for these tests."""

from __future__ import annotations

from _briefs import bulletin, named_acts
from presslens.pipeline import Analyzer


def test_withheld_recognition_rejects_the_state_named(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Georgia does not recognise Abkhazia's declaration of independence."))
    assert ("Georgia", "REJECT", "Abkhazia") in rows
    assert not {r for r in rows if r[1] == "SUPPORT"}


def test_gratitude_is_support(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Moldova is grateful to Romania for the emergency gas."))
    assert ("Moldova", "SUPPORT", "Romania") in rows


def test_walking_out_of_a_bloc_leaves_it(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Burkina Faso walked out of ECOWAS last year."))
    assert any(r[0] == "Burkina Faso" and r[1] == "RETREAT" for r in rows)


def test_a_person_walking_out_of_a_country_leaves_no_bloc(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Anna Petrescu walked out of Moldova with two suitcases."))
    assert not {r for r in rows if r[1] == "RETREAT"}


def test_joining_a_bloc_or_an_armed_group_is_membership(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(
        analyzer, "Montenegro joined NATO in 2017, and a year later Marko Dren joined Hezbollah."))
    assert ("Montenegro", "COOPERATE", "NATO") in rows
    assert ("Marko Dren", "COOPERATE", "Hezbollah") in rows


def test_a_person_joining_another_person_is_no_membership(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Marko Dren joined Ana Lupu in the history books."))
    assert not {r for r in rows if r[1] == "COOPERATE"}
