"""A state's whole government named by its adjective and a capitalised "Government" ("the
Nigerian Government") is the state, as "the Nigerian government" and "the Government of Kenya"
are; a named body of the state ("the Armenian Foreign Ministry") stays a body of its own.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The Nigerian Government has rejected the report.", "Q1033"),
        ("The South African Government strongly refuted the claims.", "Q258"),
        ("The Nigerian government has rejected the report.", "Q1033"),
    ],
)
def test_a_states_government_is_the_state(analyzer: Analyzer, text: str, state: str) -> None:
    doc = analyzer.analyze(RawArticle(text=f"World news\n\n{text}\n", source="test"))
    assert [a.id for a in doc.actors] == [state]


def test_a_named_ministry_stays_a_body(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(
        text="World news\n\nThe Armenian Foreign Ministry rejected the claims.\n", source="test"))
    assert [a.kind for a in doc.actors] == ["institution"]
