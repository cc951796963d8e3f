"""An occupation introduces a person the entity recogniser took for an organisation ("the blogger
Karim Osei", "X, a lawyer"), and a bare occupation word is no actor ("Editor's note"). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    "text",
    [
        "The blogger Karim Osei said he was threatened.",
        "Karim Osei, a blogger, said he was threatened.",
    ],
)
def test_an_occupation_introduces_a_person(analyzer: Analyzer, text: str) -> None:
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    assert [(a.id, a.kind) for a in doc.actors] == [("person:karim_osei", "person")]


def test_an_occupation_word_alone_is_no_actor(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(
        text="(Editor's note: the two candidates were asked the same questions.)", source="test"))
    assert doc.actors == []


def test_an_occupation_after_an_organisations_name_keeps_the_organisation(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(
        text="The Daily Clarion Reporter Tom Baker asked the minister about the deal.", source="test"))
    assert {(a.id, a.kind) for a in doc.actors} == {
        ("org:daily_clarion", "media"), ("person:tom_baker", "person")}
