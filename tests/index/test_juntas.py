"""A junta stands for the state it rules, as a government or a regime does ("the junta in Burkina
Faso", "Mali's junta"); the convention of the gold writers of tests/devset9 ("Mali's junta" an
alias of Mali). Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The junta in Burkina Faso has been accused by Human Rights Watch of massacring villagers.",
         ("organization:human_rights_watch", "ACCUSE", "Q965")),
        ("The military junta in Myanmar attacked Thailand.", ("Q836", "ASSAULT", "Q869")),
    ],
)
def test_a_junta_is_its_state(analyzer: Analyzer, body: str, expected: tuple[str, str, str]) -> None:
    assert expected in bulletin_relations(analyzer, body)
