"""A lone name the named-entity model does not take for a person (untagged, or tagged as a place
or body nobody knows by that word) is one when it acts as people do: the subject of a speech or
doer verb in the text's own words, or joined to a person beside it. A title-case noun after a
determiner ("The Ministry rejects") is no name, and a surname continues the full name before it.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _analyze(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _kind_at(doc: Document, word: str) -> str | None:
    start = doc.text.index(word)
    for actor in doc.actors:
        if any(m.start == start for m in actor.mentions):
            return actor.kind
    return None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Varnholt had accused the trustees of hiding the losses for years.", "Varnholt"),
        ("In contrast, Schneiderman has been suing the county over the new levy.", "Schneiderman"),
        ("Rubio and Pompeo simply rejected the response of the department.", "Pompeo"),
    ],
)
def test_a_lone_name_doing_what_people_do_is_a_person(
    analyzer: Analyzer, text: str, name: str
) -> None:
    assert _kind_at(_analyze(analyzer, text), name) == "person"


def test_a_body_noun_after_a_determiner_is_no_person(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, "The Ministry rejects this narrative and calls for restraint.")
    assert not any(a.kind == "person" for a in doc.actors)


def test_a_surname_joins_the_full_name_it_continues(analyzer: Analyzer) -> None:
    doc = _analyze(
        analyzer,
        "Community leader Ersin Tatar spoke first. Later Tatar accused the ministers of delay.",
    )
    people = [a for a in doc.actors if a.kind == "person"]
    assert len(people) == 1
    later = doc.text.index("Tatar accused")
    assert any(m.start == later for m in people[0].mentions)


def test_inside_quotation_marks_a_lone_name_needs_more(analyzer: Analyzer) -> None:
    doc = _analyze(analyzer, '"Barentsmark rejected every plan," the minister of the region said.')
    assert _kind_at(doc, "Barentsmark") != "person"
