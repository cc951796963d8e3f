"""A name run on past a person's full name ("Marta Keel Defends Post" in a headline or a list of
tags, "Billionaire Oskar Brandt") is that person where the article names them elsewhere by the
shorter full name; words cut off must include one the article also writes in lower case, and
given names and generational suffixes are never cut. The parse's entities
are set by hand, as the recogniser runs such names on in some contexts only. Every sentence here
was written for these tests."""

from __future__ import annotations

import pytest
from tests._articles import analyze_with_entities

from presslens.model import Document
from presslens.pipeline import Analyzer


def _with_people(analyzer: Analyzer, text: str, names: list[tuple[str, int]]) -> Document:
    """The analysis of ``text`` with the given (name, occurrence) spans as its PERSON entities."""
    return analyze_with_entities(analyzer, text, [(name, "PERSON", k) for name, k in names])


def _people(doc: Document) -> dict[str, list[str]]:
    return {a.name: [m.text for m in a.mentions if m.role == "name"]
            for a in doc.actors if a.kind == "person"}


TAGGED = ("Related: Marta Keel Defends Post, harbour tolls, city council\n\n"
          "The councillor Marta Keel said on Monday that she stood by her post. "
          "Keel told reporters the tolls were unfair.")


def test_a_verb_after_a_name_is_cut_off(analyzer: Analyzer) -> None:
    doc = _with_people(analyzer, TAGGED, [("Marta Keel Defends Post", 0), ("Marta Keel", 1)])
    people = _people(doc)
    assert set(people) == {"Marta Keel"}  # not "Marta Keel Defends Post", nor "Post" by surname
    assert people["Marta Keel"] == ["Marta Keel", "Marta Keel", "Keel"]
    first = next(m for a in doc.actors for m in a.mentions if a.name == "Marta Keel")
    assert TAGGED[first.start:first.end] == "Marta Keel" and first.start == TAGGED.index("Marta")


def test_an_epithet_before_a_name_is_cut_off(analyzer: Analyzer) -> None:
    text = ("Tags: Billionaire Oskar Brandt, harbour, tolls\n\n"
            "Oskar Brandt has funded the campaign against the tolls for two years; the billionaire "
            "says they hurt the port.")
    doc = _with_people(analyzer, text, [("Billionaire Oskar Brandt", 0), ("Oskar Brandt", 1)])
    assert _people(doc) == {"Oskar Brandt": ["Oskar Brandt", "Oskar Brandt"]}


@pytest.mark.parametrize(
    ("longer", "shorter"),
    [
        ("Christine Walde Moran", "Walde Moran"),  # a given name before: a name of its own
        ("Harold Keel Jr.", "Harold Keel"),  # a suffix after: another person ("Jr.")
        ("Mara Lina Brusco", "Mara Lina"),  # the rest of a real name: never written in lower case
        ("Tomas Ibarra Celdo", "Ibarra Celdo"),  # an unlisted given name before: the same
    ],
)
def test_given_names_and_suffixes_are_never_cut(analyzer: Analyzer, longer: str, shorter: str) -> None:
    text = (f"{longer} spoke at the harbour meeting on Monday. "
            f"Later {shorter} answered questions from the press.")
    doc = _with_people(analyzer, text, [(longer, 0), (shorter, 1)])
    assert longer.rstrip(".") in {name.rstrip(".") for name in _people(doc)}


def test_an_epithet_is_cut_where_the_name_is_never_alone(analyzer: Analyzer) -> None:
    text = ("Drummer Piet Vahl Speaks Out\n\n"
            "Drummer Piet Vahl said the festival had been cancelled without notice. The drummer "
            "told the crowd that Vahl would play again next spring.")
    doc = _with_people(analyzer, text, [("Drummer Piet Vahl", 1)])
    assert _people(doc) == {"Piet Vahl": ["Piet Vahl", "Piet Vahl", "Vahl"]}  # headline, body


def test_a_capitalised_word_never_written_in_lower_case_stays(analyzer: Analyzer) -> None:
    text = "Kessa Piet Vahl said the festival had been cancelled without notice."
    doc = _with_people(analyzer, text, [("Kessa Piet Vahl", 0)])
    assert set(_people(doc)) == {"Kessa Piet Vahl"}


def test_a_name_cut_away_is_no_target_for_a_longer_one(analyzer: Analyzer) -> None:
    """"Marta Keel Defends" is cut to Marta Keel and gone; "Marta Keel Defends Post", found
    later, joins Marta Keel too, not the name that no longer exists."""
    text = ("Related: Marta Keel Defends, harbour tolls\n\n"
            "Also: Marta Keel Defends Post, city council\n\n"
            "The councillor Marta Keel said she defends her post on the harbour tolls.")
    doc = _with_people(analyzer, text, [("Marta Keel Defends", 0), ("Marta Keel Defends Post", 0),
                                        ("Marta Keel", 2)])
    assert _people(doc) == {"Marta Keel": ["Marta Keel", "Marta Keel", "Marta Keel"]}
