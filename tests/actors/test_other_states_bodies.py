"""A bare name the gazetteer gives one state's institution ("Congress": the United States
Congress) names another state's body where the text places it there: another country before it
or after "of" / "in". Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _holder_of(analyzer: Analyzer, text: str, words: str) -> str:
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    start = text.index(words)
    return next(a.id for a in doc.actors for m in a.mentions if m.start <= start < m.end)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Lawmakers in the Congress of Peru rejected the motion on Tuesday.", "q419"),
        ("Brazil's Congress voted on the pension reform late on Wednesday.", "brazil"),
        ("The Brazilian Congress voted on the pension reform late on Wednesday.", "brazil"),
        ("The Congress in Japan approved the budget on Friday.", "diet"),
    ],
)
def test_another_states_congress_is_not_the_us_one(analyzer: Analyzer, text: str, state: str) -> None:
    holder = _holder_of(analyzer, text, "Congress")
    assert holder != "Q11268" and holder.startswith("institution:") and state in holder


@pytest.mark.parametrize(
    "text",
    [
        "Congress passed the spending bill on Thursday.",
        "The US Congress passed the spending bill on Thursday.",
        "Congress in Washington passed the spending bill on Thursday.",
        "The Congress of the United States passed the spending bill on Thursday.",
        "The American Congress passed the spending bill on Thursday.",
    ],
)
def test_the_us_congress_stays_itself(analyzer: Analyzer, text: str) -> None:
    assert _holder_of(analyzer, text, "Congress") == "Q11268"
