"""PLOVER modes read from sentences written for these tests from the codebook's definitions:
explosives (ASSAULT), cyber and curfews and misinformation (COERCE), phone calls (CONSULT),
access granted (RETREAT), and a subject the parser misreads: a sentence-opening name taken for
an adverb."""

from __future__ import annotations

import pytest

from _briefs import bulletin, named_acts
from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Hamas detonated a bomb near a border post in Israel.", ("Hamas", "ASSAULT", "Israel")),
        ("Chinese hackers hacked the Taiwanese foreign ministry.", ("China", "COERCE", "Taiwan")),
        ("North Korea launched a cyber-attack on South Korean banks.", ("North Korea", "COERCE", "South Korea")),
        ("Russia spread disinformation about Moldova all spring.", ("Russia", "COERCE", "Moldova")),
        ("Niger imposed a curfew on Mali's border towns.", ("Niger", "COERCE", "Mali")),
        ("Japan phoned South Korea on Tuesday.", ("Japan", "CONSULT", "South Korea")),
        ("Sudan admitted African Union observers into Darfur.", ("Sudan", "RETREAT", "African Union")),
    ],
)
def test_a_codebook_mode_is_read(analyzer: Analyzer, body: str, expected: tuple[str, str, str]) -> None:
    assert expected in named_acts(bulletin(analyzer, body))


def test_access_granted_is_a_de_escalation(analyzer: Analyzer) -> None:
    doc = bulletin(analyzer, "Sudan admitted African Union observers into Darfur.")
    assert {r.polarity for r in doc.relations if r.type == "RETREAT"} == {1}


def test_letting_no_one_in_grants_no_access(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "Sudan admitted new rules on grain exports."))
    assert not {r for r in rows if r[1] == "RETREAT"}


def test_a_sentence_opening_name_read_as_an_adverb_is_the_subject(analyzer: Analyzer) -> None:
    # spaCy's small model reads "Armenia" as npadvmod of "proposed" in this one-line text
    rows = named_acts(analyzer.analyze(RawArticle(text="Armenia proposed talks with Azerbaijan.\n", source="test")))
    assert ("Armenia", "CONSULT", "Azerbaijan") in rows


def test_a_meeting_refused_rejects_the_one_to_be_met_not_the_venue(analyzer: Analyzer) -> None:
    # (PLOVER REJECT meet) "Brussels" as a venue is no party, even where it may stand for the EU
    rows = named_acts(bulletin(analyzer, "Azerbaijan refused to meet Armenia in Brussels."))
    assert {r for r in rows if r[1] == "REJECT"} == {("Azerbaijan", "REJECT", "Armenia")}


def test_aid_promised_is_to_come(analyzer: Analyzer) -> None:
    doc = bulletin(analyzer, "Japan pledged new loans to Vietnam on Friday.")
    assert {(r.type, r.modality) for r in doc.relations} == {("AID", "future")}


def test_aid_given_is_done(analyzer: Analyzer) -> None:
    doc = bulletin(analyzer, "Japan gave new loans to Vietnam on Friday.")
    assert {(r.type, r.modality) for r in doc.relations} == {("AID", "asserted")}


def test_a_spokesman_for_a_body_speaks_for_it(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "A spokesman for the Chilean foreign ministry criticised Peru."))
    assert ("Chile", "ACCUSE", "Peru") in rows


def test_an_envoy_for_a_state_is_sent_to_it(analyzer: Analyzer) -> None:
    rows = named_acts(bulletin(analyzer, "The UN envoy for Yemen met Omani officials."))
    assert not {r for r in rows if r[0] == "Yemen"}
