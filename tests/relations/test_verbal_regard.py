"""Verbs of mockery, insult and verbal attack ("blasted", "bashing") are accusations (ACCUSE),
verbs of admiration and embrace support (SUPPORT), shunning a rejection (REJECT), each of the
direct object only; a swipe or a jab "at" someone accuses them, an endorsement "of" someone
supports them; an act received "from" someone ("faced condemnation from X") is theirs. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin, bulletin_relations, id_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("At the rally Senator Ana Ruiz mocked Governor Tom Hale for his budget.",
         ("person:ana_ruiz", "ACCUSE", "person:tom_hale")),
        ("Erdogan insulted Macron in a speech on Sunday.", ("Q39259", "ACCUSE", "Q3052772")),
        ("Senator Ana Ruiz blasted Governor Tom Hale over the budget.",
         ("person:ana_ruiz", "ACCUSE", "person:tom_hale")),
        ("Senator Ana Ruiz is bashing Governor Tom Hale again.", ("person:ana_ruiz", "ACCUSE", "person:tom_hale")),
        ("Viktor Orban has long admired Donald Trump.", ("Q57641", "SUPPORT", "Q22686")),
        ("Serbia has embraced China as a partner.", ("Q403", "SUPPORT", "Q148")),
        ("Poland shunned Lukashenko after the election.", ("Q36", "REJECT", "Q2866")),
        # the nouns: a verbal blow aimed "at" someone, an endorsement "of" someone
        ("Erdogan took a swipe at Macron on Sunday.", ("Q39259", "ACCUSE", "Q3052772")),
        ("Governor Tom Hale announced his endorsement of Senator Ana Ruiz.",
         ("person:tom_hale", "SUPPORT", "person:ana_ruiz")),
    ],
)
def test_regard_said_with_a_verb(analyzer: Analyzer, body: str, expected: tuple[str, str, str]) -> None:
    assert expected in bulletin_relations(analyzer, body)


def test_celebrating_a_date_or_a_rite_supports_no_one(analyzer: Analyzer) -> None:
    rows = id_relations(bulletin(analyzer, "Armenia celebrated its independence day with a parade."))
    assert not {r for r in rows if r[1] == "SUPPORT"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hungary faced sharp condemnation from the European Commission.", ("Q8880", "ACCUSE", "Q28")),
        ("Moldova received support from Romania.", ("Q218", "SUPPORT", "Q217")),
    ],
)
def test_an_act_received_from_someone_is_theirs(analyzer: Analyzer, body: str, expected: tuple[str, str, str]) -> None:
    # the one after "from" does the act to the receiver, not the receiver to anyone
    rows = bulletin_relations(analyzer, body)
    assert expected in rows and (expected[2], expected[1], expected[0]) not in rows


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Erdogan took aim at Macron over the cartoons.", ("Q39259", "ACCUSE", "Q3052772")),
        ("Orban has railed against Brussels for years.", ("Q57641", "ACCUSE", "Q458")),
        ("Hungary voted against Ukraine's membership.", ("Q28", "REJECT", "Q212")),
        ("Viktor Orban said he would vote for Donald Trump.", ("Q57641", "SUPPORT", "Q22686")),
    ],
)
def test_phrases_of_political_attack_backing_and_votes(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)
