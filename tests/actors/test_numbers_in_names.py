"""No person's name holds a number: a verse ("John 15:22"), a band ("U2") or a link the entity
recogniser reads as a person is no person. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from _articles import analyze_text
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    "text",
    [
        "As John 15:22 says, they have no excuse for their sin.",
        "The pastor read Matthew 24:12 aloud to the congregation.",
    ],
)
def test_a_verse_is_no_person(analyzer: Analyzer, text: str) -> None:
    doc = analyze_text(analyzer, text)
    assert [a.name for a in doc.actors if a.kind == "person"] == []


def test_a_name_without_a_number_is_still_a_person(analyzer: Analyzer) -> None:
    doc = analyze_text(analyzer, "As John Dalton says, they have no excuse for their sin.")
    assert [a.name for a in doc.actors if a.kind == "person"] == ["John Dalton"]
