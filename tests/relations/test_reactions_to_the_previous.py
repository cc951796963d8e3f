"""A reaction whose object points back ("these demands", "the move") and names no actor answers
the previous sentence: its other side is that sentence's main actor, or the speaker of the
quotation it ends in, when that one is on another side. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin
from presslens.model import Document
from presslens.pipeline import Analyzer


def _relations(analyzer: Analyzer, body: str) -> set[tuple[str, str, str]]:
    """(source, type, target) of each relation, the target read as the state it acts for."""
    doc = bulletin(analyzer, body)
    return {(r.source, r.type, _state(doc, r.target, r.target_state)) for r in doc.relations}


def _state(doc: Document, target: str, state: str | None) -> str:
    return state if state is not None and doc.actor(target) is not None and target != state else target


@pytest.mark.parametrize(("body", "expected"), [
    ("Ankara announced new naval drills near Rhodes on Monday. Athens rejected the move.",
     ("Q41", "REJECT", "Q43")),
    ("Ankara announced new naval drills near Rhodes on Monday. Athens rejected these drills "
     "as a provocation.", ("Q41", "REJECT", "Q43")),
    ("The Turkish foreign ministry said: \"The islands must be demilitarised.\"\n\nAthens "
     "rejects these demands.", ("Q41", "REJECT", "Q43")),
])
def test_a_reaction_answers_the_previous_sentence(
        analyzer: Analyzer, body: str, expected: tuple[str, str, str]) -> None:
    assert expected in _relations(analyzer, body)


@pytest.mark.parametrize("body", [
    # the one who reacts is the one who acted: no other side
    "Athens announced new naval drills near Rhodes on Monday. The Greek ministry welcomed the move.",
    # the object says what it is: "the decision to ..." is no reference back
    "Ankara announced new naval drills near Rhodes on Monday. Athens rejected the decision to "
    "close the port.",
    # a negated reaction states none
    "Ankara announced new naval drills near Rhodes on Monday. Athens did not reject the move.",
])
def test_no_reaction_without_another_side_or_a_reference_back(analyzer: Analyzer, body: str) -> None:
    assert not any(source == "Q41" and target == "Q43" for source, _, target in _relations(analyzer, body))
