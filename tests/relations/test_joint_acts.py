"""Actors who act jointly cooperate with each other: "the decision was taken jointly by
Lukashenko and Putin" (the passive's agents), "Baku and Ankara jointly drafted the text" (the
coordinated subject), each way, as a mutual act. One actor, or a negated act, gives none.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(profile="fast")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The expert said the decision had been taken jointly by Lukashenko and Putin.",
         {("Q2866", "COOPERATE", "Q7747"), ("Q7747", "COOPERATE", "Q2866")}),
        ("Baku and Ankara jointly drafted the text.",
         {("Q227", "COOPERATE", "Q43"), ("Q43", "COOPERATE", "Q227")}),
        ("Baku and Ankara did not jointly draft the text.", set()),
        ("Armenia jointly drafted the text.", set()),
    ],
)
def test_a_joint_act_is_cooperation(analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]) -> None:
    assert bulletin_relations(analyzer, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # working with someone is joint work (a phrase of the lexicon)
        ("The expert said Baku was now working with Ankara to clear the mines.",
         {("Q227", "COOPERATE", "Q43")}),
        ("Tbilisi will continue to work closely with Yerevan on the border crossings.",
         {("Q230", "COOPERATE", "Q399")}),
        # coordinating, with a coordinated subject, is mutual even with an object of its own
        ("Baku and Ankara will coordinate their positions before the summit.",
         {("Q227", "COOPERATE", "Q43"), ("Q43", "COOPERATE", "Q227")}),
    ],
)
def test_working_and_coordinating_together_is_cooperation(
        analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]) -> None:
    assert bulletin_relations(analyzer, body) == expected
