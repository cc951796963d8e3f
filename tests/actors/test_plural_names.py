"""A team or band named by a plural proper name after "the" ("the Rams are expected", "more runs
than the Dodgers") is an organisation; a mountain range tagged as a place, a known person's
family and a country's people are not made one. Every sentence here was written for these
tests."""

from __future__ import annotations

import pytest

from _articles import actor_at, analyze_text
from presslens.model import Document
from presslens.pipeline import Analyzer


def _actor_at(doc: Document, word: str) -> tuple[str, str] | None:
    actor = actor_at(doc, word)
    return (actor.id, actor.kind) if actor is not None else None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Rams are expected to name a new coach next week.", "Rams"),
        ("They scored more runs than the Dodgers this season.", "Dodgers"),
    ],
)
def test_a_plural_name_after_the_is_a_team(analyzer: Analyzer, text: str, word: str) -> None:
    assert _actor_at(analyze_text(analyzer, text), word) == (f"org:{word.lower()}", "organization")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Climbers crossed the Alps in winter.", "Alps"),
        ("The Obamas arrived in Hawaii for the holidays.", "Obamas"),
        ("Crowds waited for the Games to start.", "Games"),
    ],
)
def test_places_families_and_events_are_no_teams(
    analyzer: Analyzer, text: str, word: str
) -> None:
    found = _actor_at(analyze_text(analyzer, text), word)
    assert found is None or found[1] != "organization"
