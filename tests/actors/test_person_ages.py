"""A lone name followed by an age set off by commas ("charged Varga, 47, with ...") is a
person: news gives ages so. A year is no age. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("The regulator in September charged Varga, 47, with misleading investors.", "Varga"),
        ("Police said Tolland, 28, was taken to hospital after the march.", "Tolland"),
    ],
)
def test_a_lone_name_with_an_age_is_a_person(analyzer: Analyzer, text: str, person: str) -> None:
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    assert {a.name for a in doc.actors if a.kind == "person"} == {person}


def test_a_year_after_a_name_is_no_age(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(text="The team lost in Varga, 2015, and again later.",
                                      source="test"))
    assert not [a for a in doc.actors if a.kind == "person"]
