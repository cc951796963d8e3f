"""What a verb of sending moves is never its recipient: the recipient is a dative or the object
of a recipient preposition, wherever the parser hung them ("sent Armenia three radar stations",
"sending peacekeepers to Ukraine"); a person sent goes for the sender, a place the goods leave
or enter receives nothing. And a person who leaves a country or another person travels or moves
out; only leaving a body they belong to is a break with it. Sentences written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Russia sent arms to Ukraine in March.", {("Q159", "AID", "Q212")}),
        ("France sent Armenia three radar stations.", {("Q142", "AID", "Q399")}),
        ("Germany delivered Ukraine new tanks in March.", {("Q183", "AID", "Q212")}),
        ("Paris floated sending peacekeepers to Ukraine after the truce.", {("Q142", "AID", "Q212")}),
    ],
)
def test_the_recipient_of_what_is_sent(analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]) -> None:
    assert {row for row in bulletin_relations(analyzer, body) if row[1] == "AID"} == expected


@pytest.mark.parametrize(
    "body",
    [
        "President Maria Lopez sent her foreign minister Tom Baker to explain the deal.",
        "Turkey sent Syrian fighters to the front in the north.",
        "Hezbollah sent its fighters from Lebanon to the front.",
    ],
)
def test_who_or_what_is_sent_receives_nothing(analyzer: Analyzer, body: str) -> None:
    assert not {row for row in bulletin_relations(analyzer, body) if row[1] == "AID"}


@pytest.mark.parametrize(
    "body",
    [
        "Senator Tom Baker left the United States in 2015.",
        "President Maria Lopez left the White House on Wednesday.",
    ],
)
def test_a_person_leaving_a_country_or_a_building_travels(analyzer: Analyzer, body: str) -> None:
    assert not {row for row in bulletin_relations(analyzer, body) if row[1] == "RETREAT"}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Senator Tom Baker left the Republican Party in 2015.",
         ("person:tom_baker", "RETREAT", "Q29468")),
        ("Hungary left the International Criminal Court.", ("Q28", "RETREAT", "Q47488")),
        ("Russian troops left Georgia in 2008.", ("Q159", "RETREAT", "Q230")),
    ],
)
def test_leaving_a_body_or_a_state_withdrawing_is_a_retreat(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Peter Lang sold 700 rounds of surplus US military ammunition to Tom Baker.",
         {("person:peter_lang", "COOPERATE", "person:tom_baker")}),
        ("Georgia sold its wine in Russia for decades.", {("Q230", "COOPERATE", "Q159")}),
    ],
)
def test_the_buyer_not_the_maker_of_the_goods_is_the_other_side_of_a_sale(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert bulletin_relations(analyzer, body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Senator Maria Lopez sent a sharp rebuke to Tom Baker.",
         {("person:maria_lopez", "ACCUSE", "person:tom_baker")}),
        ("Iran sent an ultimatum to Iraq.", {("Q794", "THREATEN", "Q796")}),
        ("France sent a letter to Iran.", {("Q142", "CONSULT", "Q794")}),
    ],
)
def test_an_act_sent_is_the_act_its_noun_names(
    analyzer: Analyzer, body: str, expected: set[tuple[str, str, str]]
) -> None:
    assert bulletin_relations(analyzer, body) == expected
