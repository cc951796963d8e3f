"""Peace made with a side is an agreement with it, a friendship held with a side an alignment,
money allocated to a side aid to it (PLOVER AGREE, ALLY, AID). Sentences written for these
tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ethiopia made peace with Eritrea in 2018.", ("Q115", "AGREE", "Q986")),
        ("Panama values its friendship with the United States.", ("Q804", "ALLY", "Q30")),
        ("The EU allocated 50 million euros to Moldova.", ("Q458", "AID", "Q217")),
    ],
)
def test_peace_friendship_and_money_given(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)


@pytest.mark.parametrize(
    "body",
    [
        # money allocated to a purpose at home, peace made with oneself: nobody's side
        "The EU allocated 50 million euros to the new programme.",
        "Ethiopia never made peace with its past.",
    ],
)
def test_nothing_toward_no_side(analyzer: Analyzer, body: str) -> None:
    assert not {row for row in bulletin_relations(analyzer, body) if row[1] in ("AID", "AGREE")}
