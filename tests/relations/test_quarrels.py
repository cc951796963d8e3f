"""Acts of conflict said in ways the cue lexicon first missed: a quarrel or a clash with someone,
said with a verb ("Armenia is quarrelling with Russia"), is the hostility the nouns "quarrel" and
"clash" already state (ADVERSARY), the subject's toward the other; acting "despite objections
from X" is acting against X's protest; charges and arrest warrants against a party act on it;
and what is declined, refused or failed ("declined to impose sanctions") is not done. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from _briefs import bulletin_relations
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("It suits Baku that Armenia keeps quarrelling with Russia over the base.",
         ("Q399", "ADVERSARY", "Q159")),
        ("Hungary clashed with the European Commission over the frozen funds.",
         ("Q28", "ADVERSARY", "Q8880")),
        ("Serbia has feuded with Croatia for years over the border.", ("Q403", "ADVERSARY", "Q224")),
    ],
)
def test_a_quarrel_said_with_a_verb_is_hostility(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    rows = bulletin_relations(analyzer, body)
    assert expected in rows
    assert (expected[2], "ADVERSARY", expected[0]) not in rows  # said of the subject only


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Baku opened the new pipeline on Monday despite objections from Tehran.", ("Q794", "PROTEST", "Q227")),
        ("Serbia bought the drones despite repeated protests from Pristina.", ("Q1246", "PROTEST", "Q403")),
    ],
)
def test_acting_despite_someones_objections_is_acting_against_their_protest(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The International Criminal Court issued an arrest warrant for Vladimir Putin.",
         ("Q47488", "COERCE", "Q7747")),
        ("Moldova brought charges against Transnistria's leaders.", ("Q217", "ACCUSE", "Q907112")),
    ],
)
def test_charges_and_warrants_against_a_party_act_on_it(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in bulletin_relations(analyzer, body)


def test_what_is_declined_or_refused_is_not_done(analyzer: Analyzer) -> None:
    sanction = ("Q218", "SANCTION", "Q217")
    assert sanction in bulletin_relations(analyzer, "Romania decided to impose sanctions on Moldova.")
    assert sanction not in bulletin_relations(analyzer, "Romania declined to impose sanctions on Moldova.")
    # refusing to abandon is standing by, as "will not abandon" is
    assert ("Q43", "SUPPORT", "Q227") in bulletin_relations(analyzer, "Turkey refused to abandon Azerbaijan.")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Ethiopia and Eritrea traded threats on Monday.", "THREATEN"),
        ("Washington and Beijing exchanged accusations at the summit.", "ACCUSE"),
    ],
)
def test_what_two_sides_trade_is_the_act_between_them(
    analyzer: Analyzer, body: str, expected: str
) -> None:
    # Q115 Ethiopia, Q986 Eritrea, Q30 the United States, Q148 China: "trade" is a light verb
    # here, not commerce
    rows = bulletin_relations(analyzer, body)
    pairs = {(s, t) for s, kind, t in rows if kind == expected}
    assert len(pairs) == 2 and all((t, s) in pairs for s, t in pairs)
    assert not [row for row in rows if row[1] == "COOPERATE"]
