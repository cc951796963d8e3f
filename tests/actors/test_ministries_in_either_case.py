"""A ministry named through its state is a body of that state whether wire copy writes its
department with a capital or not ("Egypt's foreign ministry", "Russia's Foreign Ministry"); a
later "the foreign ministry" refers back to it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.mark.parametrize("text", [
    "Egypt's foreign ministry condemned the move on Monday.",
    "Egypt's Foreign Ministry condemned the move on Monday.",
    "The Egyptian foreign ministry condemned the move on Monday.",
])
def test_a_ministry_of_a_named_state_in_either_case(analyzer: Analyzer, text: str) -> None:
    doc = analyzer.analyze(RawArticle(text=f"World news\n\n{text}\n", source="test"))
    ministries = [a for a in doc.actors if a.kind == "institution"]
    assert len(ministries) == 1
    assert "foreign" in ministries[0].name.lower()
    assert doc.actors and all(a.kind == "institution" for a in doc.actors)


def test_the_foreign_ministry_later_is_the_same_body(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(
        text="World news\n\nEgypt's foreign ministry condemned the move on Monday. Ethiopia "
             "rejected the statement. The foreign ministry said talks had failed.\n",
        source="test"))
    ministry = next(a for a in doc.actors if a.kind == "institution")
    assert [m.text.lower() for m in ministry.mentions] == ["egypt's foreign ministry",
                                                           "foreign ministry"]
