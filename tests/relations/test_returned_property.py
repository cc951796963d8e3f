"""Handing back property or people is a RETREAT toward who gets them (PLOVER: return), read as a
verb of giving: what is returned is never the recipient, and with nothing returned the clause
tells of a journey. Returning something to a body keeps the polarity of a return, not of a
break with the body. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin, bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Italy returned two stolen statues to the government of Greece.",
         {("Q38", "RETREAT", "Q41")}),
        ("The statues that Italy returned to Greece were stolen in 1990.",
         {("Q38", "RETREAT", "Q41")}),
        ("The statues Italy returned to Greece were stolen in 1990.", {("Q38", "RETREAT", "Q41")}),
        ("Russia returned fifty Ukrainian prisoners of war to Ukraine.",
         {("Q159", "RETREAT", "Q212")}),
        ("The Greek ambassador returned to Athens on Monday.", set()),
        ("Sister Ana, who had returned to Rome in May, thanked Bishop Tomas.", set()),
        ("The main Russian executive sent to the U.S. to discuss the deal.", set()),
    ],
)
def test_what_is_returned_goes_to_the_recipient(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    relations = bulletin_relations(analyzer, body)
    assert {row for row in relations if row[1] in ("RETREAT", "AID")} == expected


def test_a_return_to_a_body_is_no_break_with_it(analyzer: Analyzer) -> None:
    doc = bulletin(analyzer, "Estonia returned the seized files to NATO on Monday.")
    returns = [r for r in doc.relations if r.type == "RETREAT"]
    assert [(r.source, r.target, r.polarity) for r in returns] == [("Q191", "Q7184", 1)]


def test_forces_sent_still_move_rather_than_give(analyzer: Analyzer) -> None:
    rows = bulletin_relations(analyzer, "The US military sent 200 troops in Syria on Monday.")
    assert ("Q30", "MOBILIZE", "Q858") in rows
