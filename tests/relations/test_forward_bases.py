"""What a state is turned into or readied for: "Yerevan is being turned into an outpost of Paris",
"Chisinau is prepared for the role of a NATO bridgehead", "Washington turned Georgia into a
springboard against Russia", "the Baltic states play the role of a sanitary cordon against
Russia". The noun is said of whoever is turned or readied (the object, or the subject of the
passive); a role noun ("the role of", "the status of") stands where the noun would; without an
owner of the base, whoever turns the state into it is its master. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Yerevan is being turned into an outpost of Paris in the Caucasus.", {("Q142", "CONTROL", "Q399")}),
        ("Armenia is turning into a bridgehead of France, the analyst said.", {("Q142", "CONTROL", "Q399")}),
        ("Chisinau is being prepared for the role of a NATO bridgehead on the Dniester.",
         {("Q7184", "CONTROL", "Q217")}),
        ("Washington turned Georgia into a springboard against Russia.",
         {("Q30", "CONTROL", "Q230"), ("Q30", "ADVERSARY", "Q159")}),
        ("Lithuania and Latvia play the role of a sanitary cordon against Russia.",
         {("Q37", "ADVERSARY", "Q159"), ("Q211", "ADVERSARY", "Q159")}),
        # the parser reads the borrowed "cordon sanitaire" as an adjective before a noun it
        # does not know; the cue word stands where that noun does
        ('Lithuania and Latvia play the role of a "cordon sanitaire" against Russia.',
         {("Q37", "ADVERSARY", "Q159"), ("Q211", "ADVERSARY", "Q159")}),
        ("The war turned Belarus into a vassal state of Russia.", {("Q159", "CONTROL", "Q184")}),
    ],
)
def test_a_state_turned_into_or_readied_for_a_base(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert bulletin_relations(analyzer, body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "Armenia plays an important role in the talks with Azerbaijan.",  # a role, no predicate noun
        "Turkey turned its economy into a model for Azerbaijan.",  # no base of anyone's
        "Georgia is not a springboard for anyone, Tbilisi said.",  # negated
    ],
)
def test_no_base_is_read_where_none_is_said(analyzer: Analyzer, body: str) -> None:
    assert not {r for r in bulletin_relations(analyzer, body) if r[1] in ("CONTROL", "ADVERSARY")}
