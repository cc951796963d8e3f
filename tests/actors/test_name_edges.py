"""A name never ends in a function word: an entity the recogniser runs on into "of", "for" or
"and" ("the Government of National Unity of" before a person's name) is cut back to the name. A
name right after "the" that heads its own phrase is no person's ("the Kuiper Belt"), though a
person's name may modify a noun after "the" ("the Kate Steinle case"). The entity labels are set by hand (the recogniser does this in some contexts only); every sentence
was written for these tests."""

from __future__ import annotations

import pytest
from tests._articles import analyze_with_entities

from presslens.pipeline import Analyzer


@pytest.mark.parametrize(("text", "entity", "name"), [
    ("The Harbour Council of Marta Keel does not survive a week without outside money.",
     "Harbour Council of", "Harbour Council"),
    ("Grants from the Foundation for Coastal Trade and the city paid for the school.",
     "Foundation for Coastal Trade and", "Foundation for Coastal Trade"),
])
def test_an_organisations_name_loses_a_trailing_function_word(
        analyzer: Analyzer, text: str, entity: str, name: str) -> None:
    doc = analyze_with_entities(analyzer, text, [(entity, "ORG", 0)])
    names = {a.name for a in doc.actors if a.kind != "person"}
    assert name in names
    assert not any(n.endswith((" of", " and", " for")) for n in names)


def test_a_name_after_the_heading_its_phrase_is_no_person(analyzer: Analyzer) -> None:
    doc = analyze_with_entities(analyzer, "Readers of the Coastal Ranger said the harbour was unsafe.",
                                [("Coastal Ranger", "PERSON", 0)])
    assert not any(a.kind == "person" for a in doc.actors)


def test_a_person_named_before_a_noun_after_the_is_a_person(analyzer: Analyzer) -> None:
    doc = analyze_with_entities(analyzer, "The committee reopened the Marta Keel case on Monday.",
                                [("Marta Keel", "PERSON", 0)])
    assert {a.name for a in doc.actors if a.kind == "person"} == {"Marta Keel"}


def test_a_name_never_opens_with_an_auxiliary(analyzer: Analyzer) -> None:
    # a poll's question, where the recogniser takes the modal for a given name
    text = ("Harbour board poll\n\nWill Marta Keel be confirmed as chair of the harbour board? "
            "Marta Keel, the port's lawyer, was nominated on Monday.")
    doc = analyze_with_entities(analyzer, text, [("Will Marta", "PERSON", 0), ("Marta Keel", "PERSON", 1)])
    people = {a.name for a in doc.actors if a.kind == "person"}
    assert people == {"Marta Keel"}


def test_an_institutions_name_cut_at_its_and_is_one_name(analyzer: Analyzer) -> None:
    # the recogniser's cut of the name at "and", as it makes it in some sentences
    text = ("Marta Keel, a fellow at the Institute for Baltic and Arctic Studies, said the port "
            "would stay open.")
    doc = analyze_with_entities(analyzer, text, [("Institute for Baltic", "ORG", 0),
                                                 ("Arctic Studies", "ORG", 0)])
    names = {a.name for a in doc.actors if a.kind != "person"}
    assert names == {"Institute for Baltic and Arctic Studies"}
