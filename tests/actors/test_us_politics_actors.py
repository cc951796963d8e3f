"""Actors of US political news: spelling variants, party adjectives, lone surnames, a state's
bodies named by a generic noun. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Actor, Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _analyze(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _by_id(doc: Document) -> dict[str, Actor]:
    return {a.id: a for a in doc.actors}


def _actor_at(doc: Document, text: str, word: str) -> Actor | None:
    """The actor with a mention covering the first occurrence of ``word``."""
    start = text.index(word)
    for actor in doc.actors:
        for m in actor.mentions:
            if m.start <= start < m.end and m.role != "place":
                return actor
    return None


# ------------------------------------------------------------------ spelling and party adjectives
def test_spaced_initials_are_the_same_name(analyzer: Analyzer) -> None:
    text = "Officials in the U. S. said the U. N. had not been told."
    actors = _by_id(_analyze(analyzer, text))
    assert ("U. S.", "acronym") in [(m.text, m.role) for m in actors["Q30"].mentions]
    assert any(m.text == "U. N." for m in actors["Q1065"].mentions)


def test_party_adjective_and_member_noun_are_the_party(analyzer: Analyzer) -> None:
    text = ("The Republican nominee met Democratic senators on Monday, and a Vermont Democrat "
            "said the GOP had moved.")
    doc = _analyze(analyzer, text)
    actors = _by_id(doc)
    republicans = [(m.text, m.role) for m in actors["Q29468"].mentions]
    democrats = [(m.text, m.role) for m in actors["Q29552"].mentions]
    assert ("Republican", "demonym") in republicans and ("GOP", "acronym") in republicans
    assert ("Democratic", "demonym") in democrats and ("Democrat", "demonym") in democrats


def test_party_adjective_inside_another_name_belongs_to_that_name(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Syrian Democratic Forces took the town, the Democratic "
                             "Republic of the Congo said.")
    assert "Q29552" not in _by_id(doc)


# ------------------------------------------------------------------ lone surnames
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Yesterday Gingrich offered an amendment.", "Gingrich"),  # subject of a verb
        ("Lawmakers criticised Romney for the delay.", "Romney"),  # object of a verb
        ("The Obama administration had set a goal for refugees.", "Obama"),  # leads a body
        ("Clinton supporters marched in the rain.", "Clinton"),
    ],
)
def test_lone_surname_where_a_person_stands_is_a_person(
        analyzer: Analyzer, text: str, name: str) -> None:
    actor = _actor_at(_analyze(analyzer, text), text, name)
    assert actor is not None and actor.kind == "person" and actor.name == name


@pytest.mark.parametrize(
    "text",
    [
        "Troops crossed the Dniester at dawn.",  # a determiner: a river, not a person
        "The ships sailed past the Romney on Monday.",
        "“Yesterday Gingrich offered an amendment,” she said.",  # inside a quotation
    ],
)
def test_lone_capitalised_word_without_a_persons_place_is_no_actor(
        analyzer: Analyzer, text: str) -> None:
    assert [a for a in _analyze(analyzer, text).actors if a.kind == "person"] == []


def test_short_form_of_a_name_introduced_before_is_that_person(analyzer: Analyzer) -> None:
    text = ("President Bashar al-Assad left the capital. The fall of Assad came weeks later. "
            "President Lai Ching-te spoke on Monday. Lai said the drills were a threat.")
    people = [a for a in _analyze(analyzer, text).actors if a.kind == "person"]
    forms = sorted(tuple(m.text for m in p.mentions) for p in people)
    assert forms == [("Bashar al-Assad", "Assad"), ("Lai Ching-te", "Lai")]
