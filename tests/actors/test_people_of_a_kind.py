"""A capitalised plural noun taken for a person's name ("German Bishops' plan") names people of a
kind, not someone, where the article also writes it in lower case; a surname that is such a
plural ("Sanders", "Banks") stays a person. Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.actors.common_nouns import plural_common_noun
from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _person_names(analyzer: Analyzer, text: str) -> set[str]:
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    return {a.name for a in doc.actors if a.kind == "person"}


@pytest.mark.parametrize(("word", "plural"), [("Bishops", True), ("Senators", True),
                                              ("Floridians", True), ("Moses", False),
                                              ("Davis", False)])
def test_a_plural_noun_is_told_from_a_name_by_the_lemmatisers_index(word: str, plural: bool) -> None:
    assert plural_common_noun(word) is plural


def test_capitalised_people_of_a_kind_are_no_person(analyzer: Analyzer) -> None:
    names = _person_names(analyzer, "Synod row\n\nThe bishops met in Rome on Monday. Austrian "
                                    "cardinal rejects German Bishops' plan for the new rite.\n")
    assert "Bishops" not in names


def test_a_surname_that_is_a_plural_stays_a_person(analyzer: Analyzer) -> None:
    names = _person_names(analyzer, "Budget talks\n\nThe committee met on Monday. Sanders said the "
                                    "plan would fail, and Banks told reporters he agreed.\n")
    assert {"Sanders", "Banks"} <= names
