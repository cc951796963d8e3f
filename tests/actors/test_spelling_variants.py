"""A gazetteer name written with a hyphen is found written with a space as well, as
transliterations and wire copy vary ("al Shabaab" for "al-Shabaab", "Guinea Bissau" for
"Guinea-Bissau"). Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from _articles import actor_at, analyze_text
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("text", "word", "actor_id"),
    [
        ("In March al Shabaab gunmen attacked a police post near the border.", "al Shabaab",
         "group:al-shabaab"),
        ("Guinea Bissau signed the fisheries agreement on Monday.", "Guinea Bissau", "Q1007"),
    ],
)
def test_a_hyphenated_name_written_with_a_space(
    analyzer: Analyzer, text: str, word: str, actor_id: str
) -> None:
    actor = actor_at(analyze_text(analyzer, text), word)
    assert actor is not None and actor.id == actor_id
    assert not [a for a in analyze_text(analyzer, text).actors if a.kind == "person"]
