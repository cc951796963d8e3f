"""A known name with a possessive s and no apostrophe, as feeds that strip apostrophes print it
("Chinas response", "Trumps remarks", "the GOPs efforts", "South Koreas president"), is a mention of that name's actor
when a word of what it owns follows; before a verb of its own ("The Obamas arrived") it is no
possessive and no mention of the gazetteer's person. Every sentence here was written for these
tests."""

from __future__ import annotations

import pytest

from _articles import actor_at, analyze_text
from presslens.model import Document
from presslens.pipeline import Analyzer


def _qid_at(doc: Document, word: str) -> str | None:
    actor = actor_at(doc, word)
    return actor.wikidata if actor is not None else None


@pytest.mark.parametrize(
    ("text", "word", "qid"),
    [
        ("Analysts expect Chinas response to come within days.", "Chinas", "Q148"),
        ("Critics said Trumps remarks went too far.", "Trumps", "Q22686"),
        ("Deripaska was ranked Russias 19th richest man.", "Russias", "Q159"),
        # a name of several words: its last word carries the s
        ("In response, South Koreas president called for an overhaul.", "South Koreas", "Q884"),
        ("Analysts expect Sri Lankas response to come within days.", "Sri Lankas", "Q854"),
    ],
)
def test_a_known_name_with_a_bare_possessive_s_is_its_actor(
    analyzer: Analyzer, text: str, word: str, qid: str
) -> None:
    assert _qid_at(analyze_text(analyzer, text), word) == qid


def test_a_plural_before_its_own_verb_is_no_possessive(analyzer: Analyzer) -> None:
    doc = analyze_text(analyzer, "The Obamas arrived in Paris on Monday.")
    assert not any(a.wikidata == "Q76" for a in doc.actors)
