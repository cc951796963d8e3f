"""A person's name holds no possessive: where the entity recogniser runs a name on past one
("Walter Brenn's Long Telegram" as one PERSON), the person is the possessor and what follows is
what they own. The recogniser does that only in some contexts, so the tests set its entity by
hand on the parse. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _with_person_entity(analyzer: Analyzer, text: str, entity: str) -> Document:
    """The analysis of ``text`` with ``entity`` as the parse's only named entity, a PERSON."""
    article = RawArticle(text=text, source="test")
    prepared, meta = analyzer._prepare(article)
    sdoc = analyzer.nlp(prepared)
    start = prepared.index(entity)
    span = sdoc.char_span(start, start + len(entity))
    assert span is not None
    sdoc.ents = [Span(sdoc, span.start, span.end, label="PERSON")]
    return analyzer._run_components(article, prepared, meta, sdoc).doc


@pytest.mark.parametrize(
    ("text", "entity", "person"),
    [
        ("The columnist cited Walter Brenn's Long Telegram on Friday.",
         "Walter Brenn's Long Telegram", "Walter Brenn"),
        ("Reporters quoted Senator Alma Prete's Harbor Office in the piece.",
         "Alma Prete's Harbor Office", "Alma Prete"),
    ],
)
def test_the_possessor_is_the_person(analyzer: Analyzer, text: str, entity: str, person: str) -> None:
    doc = _with_person_entity(analyzer, text, entity)
    people = {a.name for a in doc.actors if a.kind == "person"}
    assert people == {person}


def test_a_name_and_its_thing_that_is_no_actor_gives_no_person(analyzer: Analyzer) -> None:
    # the whole span is refused before it is cut: "Brenn's Day" is a day, the cut "Brenn" alone
    # would otherwise pass
    doc = _with_person_entity(analyzer, "Crowds marked Walter Brenn's Memorial Day on Monday.",
                              "Walter Brenn's Memorial Day")
    assert not [a for a in doc.actors if a.kind == "person" and "Day" in a.name]

