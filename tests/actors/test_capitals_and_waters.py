"""A state's name inside a body of water's name ("the Gulf of Finland", "the Gulf of Aden") is
no mention of it; "Delhi" stands for India's government as "New Delhi" does. Sentences written
for these tests (Q33 Finland, Q805 Yemen, Q668 India, Q902 Bangladesh)."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _actor_ids(analyzer: Analyzer, body: str) -> set[str]:
    doc = analyzer.analyze(RawArticle(text=f"World news\n\n{body}\n", source="test"))
    return {a.id for a in doc.actors}


@pytest.mark.parametrize(("body", "absent"), [
    ("Estonian ships patrol the Gulf of Finland.", "Q33"),
    ("Ethiopia wants a naval base on the Gulf of Aden.", "Q805"),
])
def test_a_name_inside_a_waters_name_is_no_mention(analyzer: Analyzer, body: str, absent: str) -> None:
    assert absent not in _actor_ids(analyzer, body)


@pytest.mark.parametrize(("body", "present"), [
    ("Finland joined NATO in 2023.", "Q33"),
    ("Yemen's government in Aden rejected the plan.", "Q805"),
    ("Dhaka has sent Delhi several notes, and Delhi has not answered them.", "Q668"),
])
def test_the_state_and_its_capital_are_still_read(analyzer: Analyzer, body: str, present: str) -> None:
    assert present in _actor_ids(analyzer, body)
