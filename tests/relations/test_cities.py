"""A state's other cities (the gazetteer's ``cities``) are places of it, never its government:
struck or shelled, the city is the state attacked ("Russia shelled Kharkiv and Odesa"); a rally
there is only where it was; a person who shares the name keeps it ("Peter Bergen"); the city's
own mayor is the city. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin, bulletin_relations, id_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    "body",
    [
        "Russia shelled Kharkiv and Odesa overnight.",
        "Russia launched new strikes on Zaporizhzhia.",
    ],
)
def test_a_city_attacked_is_its_state_attacked(analyzer: Analyzer, body: str) -> None:
    assert ("Q159", "ASSAULT", "Q212") in bulletin_relations(analyzer, body)


def test_a_city_is_a_place_not_the_states_government(analyzer: Analyzer) -> None:
    doc = bulletin(analyzer, "Thousands joined a rally in Lviv on Sunday.")
    ukraine = doc.actor("Q212")
    assert ukraine is not None and {m.role for m in ukraine.mentions} == {"place"}
    assert not doc.relations


def test_a_person_sharing_a_citys_name_keeps_it(analyzer: Analyzer) -> None:
    doc = bulletin(analyzer, "The analyst Peter Bergen said the talks had failed.")
    assert doc.actor("person:peter_bergen") is not None
    assert doc.actor("Q20") is None


def test_a_citys_own_mayor_is_the_city(analyzer: Analyzer) -> None:
    doc = bulletin(analyzer, "The mayor of Kharkiv said the city would hold.")
    assert doc.actor("city:kharkiv") is not None


def test_a_trip_to_another_city_is_no_visit_to_the_government(analyzer: Analyzer) -> None:
    # flying to the capital meets its government; flying to another city of the state does not
    to_city = bulletin(analyzer, "The French minister flew to Istanbul on Saturday for a conference.")
    assert not {r for r in id_relations(to_city) if r[1] == "CONSULT"}
    to_capital = bulletin(analyzer, "Emmanuel Macron flew to Ankara on Saturday for talks.")
    assert ("Q3052772", "CONSULT", "Q43") in id_relations(to_capital)
