"""A question asked is a consultation of whoever is asked, not a request: "asked the FBI whether
the report was true", "asked the Russians about these links". Only the one asked is a party,
never the topic ("asked about the calls between A and B"); asked in the passive ("Asked about
X's claim, Y said"), the one asked is the speaker and the asker unnamed. Asking someone to do
something, or for something, stays a request. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Senator Tom Baker asked the FBI whether the report was true.",
         {("person:tom_baker", "CONSULT", "Q8333")}),
        ("Senator Tom Baker asked Maria Lopez when her team had found the message.",
         {("person:tom_baker", "CONSULT", "person:maria_lopez")}),
        ("Senator Tom Baker asked the heads of the CIA and the FBI whether it was true.",
         {("person:tom_baker", "CONSULT", "Q37230"), ("person:tom_baker", "CONSULT", "Q8333")}),
        ("Senator Tom Baker asked the Russians about these links.",
         {("person:tom_baker", "CONSULT", "Q159")}),
        ("Asked about Maria Lopez's claim, Senator Tom Baker said nothing.", set()),
        ("Senator Tom Baker asked about the calls between Maria Lopez and Peter Lang.", set()),
        ("Armenia asked Russia for help.", {("Q399", "REQUEST", "Q159")}),
        ("Armenia asked Russia to send peacekeepers.", {("Q399", "REQUEST", "Q159")}),
    ],
)
def test_a_question_consults_the_one_asked(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert {row for row in bulletin_relations(analyzer, body) if row[1] in ("REQUEST", "CONSULT")} == expected
