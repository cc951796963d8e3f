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
        ("Lawmakers criticised Haskell for the delay.", "Haskell"),  # object of a verb
        ("The Hartwell administration had set a goal for refugees.", "Hartwell"),  # leads a body
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


# ------------------------------------------------------------------ a state's bodies
def _mentions(doc: Document) -> dict[str, list[tuple[str, str]]]:
    return {a.id: [(m.text, m.role) for m in a.mentions] for a in doc.actors}


def test_generic_chamber_is_the_chamber_of_the_state_in_the_sentence(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "A group of Senate Republicans wrote the bill, and House Speaker "
                             "Paul Ryan praised it.")
    mentions = _mentions(doc)
    assert mentions["Q66096"] == [("Senate", "name")]  # the US Senate, through the party's state
    house = _actor_at(doc, doc.text, "House")
    assert house is not None and house.name == "United States House of Representatives"


def test_chamber_without_any_state_is_a_body_without_qid(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Senate is on track to confirm the nominee next week.")
    senate = _actor_at(doc, doc.text, "Senate")
    assert senate is not None and senate.kind == "institution" and senate.wikidata is None
    assert senate.name == "Senate"


def test_bare_parliament_is_the_parliament_of_the_state_in_context(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Prime Minister Abiy Ahmed told parliament that the port mattered.")
    assert ("parliament", "title") in _mentions(doc)["institution:parliament_of_ethiopia"]
    doc = _analyze(analyzer, "Russia's parliament voted on Tuesday.")
    body = _actor_at(doc, doc.text, "parliament")
    assert body is not None and body.name == "Russian Parliament"


@pytest.mark.parametrize(
    "text",
    [
        "House prices rose again in the spring.",  # not "the House", nor "House Speaker"
        "The Kansas House passed a budget.",  # a US state's house, not the US House
        "Voters said a parliament must be elected soon.",  # no particular parliament
    ],
)
def test_generic_noun_that_names_no_body_of_the_state(analyzer: Analyzer, text: str) -> None:
    assert [a.name for a in _analyze(analyzer, text).actors if a.kind == "institution"] == []


def test_the_administration_is_the_government_of_the_state(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Trump administration sued the city, and Republicans said the "
                             "administration was right.")
    mentions = _mentions(doc)
    assert mentions["Q30"] == [("administration", "metonym"), ("administration", "metonym")]
    assert ("Trump", "name") in mentions["Q22686"]  # the name stays the president's mention


def test_administration_of_a_leader_of_no_known_state_is_a_body(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Hartwell administration had set a goal for refugees.")
    body = _actor_at(doc, doc.text, "administration")
    assert body is not None and body.kind == "institution" and body.name == "Hartwell administration"


# ------------------------------------------------------------------ US gazetteer facts
def test_us_bodies_and_people_are_linked(analyzer: Analyzer) -> None:
    text = ("The Justice Department asked the Supreme Court to hear the case, Congressional "
            "leaders said, and Obama and Pelosi criticised the DNC.")
    ids = set(_by_id(_analyze(analyzer, text)))
    assert {"Q1553390", "Q11201", "Q11268", "Q76", "Q170581"} <= ids
    assert "party:democratic_national_committee" in ids


def test_the_administration_of_a_former_president_is_the_us(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Obama administration had set a goal for refugees.")
    mentions = _mentions(doc)
    assert mentions["Q30"] == [("administration", "metonym")]
    assert mentions["Q76"] == [("Obama", "name")]


def test_a_known_surname_inside_another_name_is_another_person(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Melania Trump visited a school, and Donald Trump Jr. stayed home.")
    names = sorted(a.name for a in doc.actors if a.kind == "person")
    assert names == ["Donald Trump Jr.", "Melania Trump"]


def test_lone_surname_after_a_clause_opener_or_a_title_is_a_person(analyzer: Analyzer) -> None:
    for text, name in [("Critics insist that Gellert should have been prosecuted.", "Gellert"),
                       ("Republicans dismissed complaints about Judge Whitfield.", "Whitfield"),
                       ("Senators praised Gov. Brandt on Monday.", "Brandt")]:
        actor = _actor_at(_analyze(analyzer, text), text, name)
        assert actor is not None and actor.kind == "person" and actor.name == name, text


def test_tory_is_the_conservative_party(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Tory MPs rebelled against the plan.")
    assert _mentions(doc)["Q9626"] == [("Tory", "demonym")]


def test_capitalised_armed_service_is_the_service_of_the_state_in_context(
        analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Navy said the US ship was not damaged.")
    navy = _actor_at(doc, doc.text, "Navy")
    assert navy is not None and navy.name == "United States Navy"
    doc = _analyze(analyzer, "Officials said the Indian army had moved.")
    assert [a.name for a in doc.actors if a.kind == "institution"] == []  # the state's mention


# ------------------------------------------------------------------ acronyms a text defines
def test_acronym_in_brackets_after_a_body_is_that_body(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Federal Open Market Committee (FOMC) starts its meeting. "
                             "The FOMC will decide on rates.")
    body = _actor_at(doc, doc.text, "FOMC")
    assert body is not None and body.name == "Federal Open Market Committee"
    assert [m.text for m in body.mentions] == ["Federal Open Market Committee", "FOMC", "FOMC"]


def test_acronym_makes_an_unrecognised_capitalised_name_an_organisation(
        analyzer: Analyzer) -> None:
    text = ("The count rose tenfold, the Federation for Rural Water Reform (FRWR) said. "
            "FRWR wants a hearing.")
    body = _actor_at(_analyze(analyzer, text), text, "FRWR")
    assert body is not None and body.name == "Federation for Rural Water Reform"
    assert [m.role for m in body.mentions] == ["name", "acronym", "acronym"]


def test_bracketed_letters_that_are_not_the_initials_are_left_alone(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "Engineers tested intercontinental ballistic missiles (ICBM) "
                             "near the Grand Water Office (XYZ).")
    assert _actor_at(doc, doc.text, "ICBM") is None
    assert _actor_at(doc, doc.text, "XYZ") is None
