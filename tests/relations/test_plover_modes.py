"""Acts PLOVER's codebook names in its modes, read by the rules (fast profile): recalled envoys
are a protest, released captives a retreat, convictions a sanction, jailing coercion,
indictments, lawsuits, investigations and rebukes accusations, pressing another to act a request,
extraditions and shared intelligence cooperation, lent money and airlifted relief aid; what one
side describes or portrays the other as is an alignment; an official's "the country is prepared
to ..." is the official's state stating intent; a reported question states nothing.

Texts are written for these tests.
"""

from __future__ import annotations

import pytest

from _briefs import brief, named_relations
from presslens.model import Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(profile="fast")




def _triples(doc: Document) -> set[tuple[str, str, str]]:
    return {row[:3] for row in named_relations(doc)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hungary recalled its ambassador from Kyiv after the vote.", ("Hungary", "Ukraine", "PROTEST")),
        ("Azerbaijan released four Armenian soldiers captured in the clashes.",
         ("Azerbaijan", "Armenia", "RETREAT")),
        ("A court in Ankara convicted two Greek soldiers of espionage.", ("Turkey", "Greece", "SANCTION")),
        ("Georgia sued Russia at the European Court of Human Rights.", ("Georgia", "Russia", "ACCUSE")),
        ("Spain extradited a Russian banker to the United States.", ("Spain", "United States", "COOPERATE")),
        ("Japan will lend two billion dollars to Sri Lanka.", ("Japan", "Sri Lanka", "AID")),
        ("The Emirates airlifted field hospitals to Libya after the floods.",
         ("United Arab Emirates", "Libya", "AID")),
        ("Paris hailed Rome for the rescue at sea.", ("France", "Italy", "SUPPORT")),
        ("Iran freed a French aid worker after two years in prison.", ("Iran", "France", "RETREAT")),
        ("Caracas portrays Guyana as a puppet of Washington.", ("United States", "Guyana", "CONTROL")),
        ("Minsk describes Lithuania as an enemy.", ("Belarus", "Lithuania", "ADVERSARY")),
        ("Tehran jailed two Swedish tourists for espionage.", ("Iran", "Sweden", "COERCE")),
        ("Kyiv decried Hungary's veto in Brussels.", ("Ukraine", "Hungary", "ACCUSE")),
        ("Warsaw pressed Berlin to pay reparations.", ("Poland", "Germany", "REQUEST")),
        ("Manila opened an investigation into Chinese coast guard vessels.",
         ("Philippines", "China", "ACCUSE")),
        ("Poland extended the closure of its checkpoints on the border with Belarus.",
         ("Poland", "Belarus", "SANCTION")),
        ("The speaker said Chisinau was acting on orders from Brussels.",
         ("European Union", "Moldova", "CONTROL")),
        ("Canberra imposed a ban on exports of alumina to Russia.", ("Australia", "Russia", "SANCTION")),
        ("Ethiopia turned down Egypt's request for binding rules.", ("Ethiopia", "Egypt", "REJECT")),
        ("Quito took issue with Mexico's decision to shelter the fugitive.", ("Ecuador", "Mexico", "ACCUSE")),
        ("Washington announced a new military aid package for Taiwan.", ("United States", "Taiwan", "AID")),
    ],
)
def test_plover_modes(analyzer: Analyzer, body: str, expected: tuple[str, str, str]) -> None:
    triples = _triples(brief(analyzer, body))
    assert expected in triples, triples


def test_recalling_an_envoy_is_no_withdrawal(analyzer: Analyzer) -> None:
    triples = _triples(brief(analyzer, "Hungary recalled its ambassador from Kyiv after the vote."))
    assert not any(t == "RETREAT" for _, _, t in triples), triples


def test_an_official_speaks_for_the_country_that_states_intent(analyzer: Analyzer) -> None:
    body = ("Finland's defence ministry said the country was prepared to lend mine-clearing "
            "equipment to Moldova.")
    doc = brief(analyzer, body)
    names = {a.id: a.name for a in doc.actors}
    rows = {(names[r.source], names[r.target], r.type, r.modality) for r in doc.relations}
    assert ("Finland", "Moldova", "AGREE", "future") in rows, rows


@pytest.mark.parametrize(
    "body",
    [
        "Asked whether Ankara now regarded France as an adversary, the minister laughed.",
        "Reporters wondered if Baku would attack Armenia before the talks.",
    ],
)
def test_a_reported_question_states_nothing(analyzer: Analyzer, body: str) -> None:
    assert brief(analyzer, body).relations == []


def test_what_one_side_calls_the_other_holds_both_ways(analyzer: Analyzer) -> None:
    triples = _triples(brief(analyzer, "Minsk calls Lithuania an enemy."))
    assert {("Belarus", "Lithuania", "ADVERSARY"), ("Lithuania", "Belarus", "ADVERSARY")} <= triples
    # a puppet is somebody's: the caller is not the puppet master
    triples = _triples(brief(analyzer, "Minsk calls Lithuania a puppet."))
    assert not any(t == "CONTROL" for _, _, t in triples), triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The Turkish foreign minister arrived in Cairo for talks on Libya.", ("Turkey", "Egypt", "CONSULT")),
        ("Hungary's foreign minister flew to Minsk on Monday.", ("Hungary", "Belarus", "CONSULT")),
    ],
)
def test_a_visit_consults_the_host(analyzer: Analyzer, body: str, expected: tuple[str, str, str]) -> None:
    doc = brief(analyzer, body)
    names = {a.id: a.name for a in doc.actors}
    # the visitor may be the office's holder: the state it acts for is the visiting side
    states = {(names.get(r.source_state or ""), names.get(r.target_state or ""), r.type) for r in doc.relations}
    assert expected in states, states


@pytest.mark.parametrize(
    "body",
    [
        "Russian troops arrived in Bamako on Friday.",  # forces: no visit
        "Ukrainian refugees arrived in Poland last year.",  # private people
        "The former German agriculture minister arrived in Sarajevo in 2021.",  # out of office
        "The Turkish foreign minister returned to Ankara.",  # the own capital
    ],
)
def test_not_a_visit(analyzer: Analyzer, body: str) -> None:
    assert not any(t == "CONSULT" for _, _, t in _triples(brief(analyzer, body)))
