"""What is orchestrated is an event: the actors inside it ("a collusion between A and B", "the
protests against the mayor") are not the ones controlled; only an actor that is itself the
object is. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    "body",
    [
        "Officials were accused of orchestrating a collusion between Donald Trump and Vladimir Putin.",
        "Senator Tom Baker orchestrated the protests against Donald Trump.",
    ],
)
def test_the_actors_inside_an_orchestrated_event_are_not_controlled(analyzer: Analyzer, body: str) -> None:
    assert not {row for row in bulletin_relations(analyzer, body) if row[1] == "CONTROL"}
