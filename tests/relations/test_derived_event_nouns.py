"""The event nouns derived from the verb cues (``nominalisations`` in the relation lexicon): a
noun formed from a cue verb by a regular ending reads as the verb does ("intensified its
bombardment of X" as "bombarded X"), with the prepositions of its type; forms that are other
words are not derived, and whoever prevents an act is not its doer. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.lexicon.relations import relation_lexicon
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # light verb + derived noun
        ("The Syrian army intensified its bombardment of Lebanon.", ("Q858", "ASSAULT", "Q822")),
        # possessor as the doer
        ("Iran's seizure of two American boats angered Congress.", ("Q794", "COERCE", "Q30")),
        # passive agent after the noun
        ("The deportation of Venezuelans by the United States drew criticism.", ("Q30", "COERCE", "Q717")),
        ("Serbia announced the normalisation of relations with Kosovo.", ("Q403", "COOPERATE", "Q1246")),
        # listed noun: "a military operation against X"
        ("Turkey launched a new military operation against Syria.", ("Q43", "ASSAULT", "Q858")),
    ],
)
def test_derived_event_noun_states_the_verbs_act(analyzer: Analyzer, body: str,
                                                 expected: tuple[str, str, str]) -> None:
    assert expected in bulletin_relations(analyzer, body)


def test_derived_nouns_follow_the_verbs_and_skip_other_words() -> None:
    nouns = relation_lexicon().nouns
    assert nouns["bombardment"].type == "ASSAULT"
    assert nouns["deportation"].type == "COERCE"
    assert nouns["negotiation"].type == "CONSULT"  # listed itself, with its own prepositions
    assert "of" in nouns["bombardment"].preps and "with" in nouns["normalisation"].preps
    # "fine" -> "final", "sign" -> "signal": other words, not derived
    assert "final" not in nouns and "signal" not in nouns


@pytest.mark.parametrize(
    ("body", "target"),
    [
        ("Brazil worked hard to prevent the bombardment of Venezuela.", "Q717"),
        ("Mexico tried to prevent the deportation of Guatemala's consul.", "Q774"),
    ],
)
def test_who_prevents_an_act_is_not_its_doer(analyzer: Analyzer, body: str, target: str) -> None:
    found = bulletin_relations(analyzer, body)
    assert not any(t == target for _, _, t in found), found
