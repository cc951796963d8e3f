"""A person named by a surname alone, with no full name before it, is found where the sentence
puts a person: after a word that aims a place preposition at someone ("leveled at", "rally
around"), in a short list of names with a person's place ("criticism of Palin and McCain"),
before a noun for what a person leads or has ("the Bennett regime"), beside a kin noun ("his
older brother, Patrick"), after "such as", and, where the named-entity model does not tag the
word at all or takes it for a common noun, as the subject of a verb, a possessor or the object
of a verb done to people ("blame Gulen"). Rivers, islands, lists of counties, days of the week
and the capitalised words of a title-case headline stay no people. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from _articles import actor_at, analyze_text
from presslens.model import Document
from presslens.pipeline import Analyzer


def _kind_at(doc: Document, word: str) -> str | None:
    actor = actor_at(doc, word)
    return actor.kind if actor is not None else None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a place preposition a word before it aims at someone
        ("The senator repeated the charge that Walsh leveled at Bennett last spring.", "Bennett"),
        ("Donors began to rally around Gallagher after the primary.", "Gallagher"),
        ("The host lit into producer Mark Bennett on Monday.", "Mark Bennett"),
        # a short list of names stands where its first name stands
        ("The editorial praised Walsh's criticism of Palin and McCain.", "McCain"),
        ("The editorial praised Walsh's criticism of Palin and McCain.", "Palin"),
        # what a person leads or has, a kin noun beside the name, "such as"
        ("Officials said the Bennett regime would struggle to pay its troops.", "Bennett"),
        ("The Culkin kids spent the summer in France.", "Culkin"),
        ("He thanked his older brother, Patrick, for the loan.", "Patrick"),
        ("Reformers such as Gallagher want a new vote.", "Gallagher"),
        # a name the model leaves untagged, or takes for a common noun
        ("Gallagher refused to blame the goalkeeper for the loss.", "Gallagher"),
        ("Gallagher’s conservative backers rallied behind him.", "Gallagher"),
        ("The report angered the committee, and Ayres quickly responded.", "Ayres"),
        ("Turkish officials still blame Gulen for the coup attempt.", "Gulen"),
        ("The general once described Harward as a superb officer.", "Harward"),
    ],
)
def test_a_lone_surname_where_a_person_stands_is_a_person(
    analyzer: Analyzer, text: str, name: str
) -> None:
    assert _kind_at(analyze_text(analyzer, text), name) == "person"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The ferry sailed down the Dniester toward the sea.", "Dniester"),
        ("Scientists spent the winter on Svalbard studying ice.", "Svalbard"),
        ("A storm warning covers Montgomery, Fairfax, Howard, Prince William and Carroll counties.",
         "Howard"),
        ("Less than a week after Sunday’s conference, the leader will face a new president.",
         "Sunday"),
        ("Chris Cuomo Described Himself as 'Fredo' in 2011 Radio Interview", "Radio"),
    ],
)
def test_rivers_islands_counties_and_days_stay_no_people(
    analyzer: Analyzer, text: str, word: str
) -> None:
    assert _kind_at(analyze_text(analyzer, text), word) != "person"
