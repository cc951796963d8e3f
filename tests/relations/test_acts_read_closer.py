"""Acts the cue verb alone misreads: handing over information or giving a speech is no aid (and a
place after "in" is no recipient); leaving a deal, treaty or body is a break with its other
parties (-1); a refusal framing a clause ("'No way' X will ...") negates it.

Texts are written for these tests; the rule stages (fast profile) decide them.
"""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.nlp import load_nlp
from presslens.pipeline import Analyzer
from presslens.syntax import negated


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(profile="fast")


def _doc(analyzer: Analyzer, body: str, headline: str = "News in brief") -> Document:
    return analyzer.analyze(RawArticle(text=f"{headline}\nMarch 3 2019\n\n{body}\n", source="test"))


def _rows(doc: Document) -> set[tuple[str, str, str, int]]:
    names = {a.id: a.name for a in doc.actors}
    return {(names[r.source], names[r.target], r.type, r.polarity) for r in doc.relations}


# --- handing over information, giving a speech


@pytest.mark.parametrize(
    ("body", "giver", "receiver"),
    [
        ("Mueller delivered the final report to Barr on Friday.", "Mueller", "Barr"),
        ("Pompeo sent a letter to Lavrov on Tuesday.", "Pompeo", "Sergey Lavrov"),
        ("Kyiv sent the list of prisoners to Moscow.", "Ukraine", "Russia"),
        ("Tehran provided new evidence to Ankara.", "Iran", "Turkey"),
    ],
)
def test_handing_over_information_is_no_aid(analyzer: Analyzer, body: str, giver: str, receiver: str) -> None:
    rows = _rows(_doc(analyzer, body))
    assert not any(t == "AID" for _, _, t, _ in rows), rows
    # at most the one it goes to is consulted, neutrally
    assert rows <= {(giver, receiver, "CONSULT", 0)}, rows


@pytest.mark.parametrize(
    ("body", "place"),
    [
        ("Modi will give a speech in Singapore next week.", "Singapore"),
        ("Erdogan gave an interview in Germany on Sunday.", "Germany"),
        ("Macron will deliver an address in Poland on the anniversary.", "Poland"),
    ],
)
def test_giving_a_speech_is_no_aid_and_a_place_is_no_recipient(analyzer: Analyzer, body: str, place: str) -> None:
    rows = _rows(_doc(analyzer, body))
    assert not any(place in (s, t) for s, t, _, _ in rows), rows


def test_material_help_stays_aid_but_a_place_receives_none(analyzer: Analyzer) -> None:
    rows = _rows(_doc(analyzer, "Washington delivered howitzers to Kyiv. Germany is providing aid in Ukraine."))
    assert ("United States", "Ukraine", "AID", 1) in rows
    assert not any(t == "Ukraine" and s == "Germany" for s, t, _, _ in rows)


# --- leaving an agreement


@pytest.mark.parametrize(
    ("body", "leaver", "party"),
    [
        ("Trump said the United States was quitting the Iran nuclear deal.", "United States", "Iran"),
        ("Washington withdrew from the arms treaty with Moscow in August.", "United States", "Russia"),
        ("Moscow left the grain deal with Kyiv last summer.", "Russia", "Ukraine"),
        ("Washington's withdrawal from the nuclear agreement with Iran angered Europe.", "United States", "Iran"),
        # a leader leaving a deal breaks with its parties, as the state does
        ("President Karen Holm quit the fishing accord with Norway.", "Karen Holm", "Norway"),
        ("Ukraine reneged on the gas deal with Russia in March.", "Ukraine", "Russia"),
        ("Ukraine backed out of the gas deal with Russia in March.", "Ukraine", "Russia"),
    ],
)
def test_leaving_an_agreement_is_a_break_with_its_parties(
    analyzer: Analyzer, body: str, leaver: str, party: str
) -> None:
    rows = _rows(_doc(analyzer, body))
    assert (leaver, party, "RETREAT", -1) in rows, rows
    assert (leaver, party, "RETREAT", 1) not in rows


def test_a_person_leaving_a_country_only_travels(analyzer: Analyzer) -> None:
    assert not _rows(_doc(analyzer, "President Karen Holm left Norway on Friday."))


def test_withdrawing_troops_is_still_a_de_escalation(analyzer: Analyzer) -> None:
    assert ("Russia", "Syria", "RETREAT", 1) in _rows(_doc(analyzer, "Russia withdrew its troops from Syria."))


# --- a refusal framing the clause


def test_a_quoted_no_way_heading_the_headline_negates_it(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Budapest repeated its position on Monday.", headline="'No Way' Hungary Will Support Ukraine's Bid")
    assert not any(t == "SUPPORT" for _, _, t, _ in _rows(doc)), _rows(doc)


@pytest.mark.parametrize(
    "body",
    [
        "No way Poland will recognise Russia's annexation of Crimea, the minister said.",
        "“Never” – Serbia will support Kosovo's membership of UNESCO, Vucic says.",
        "Never: Serbia will support Kosovo's membership of UNESCO, the president said.",
    ],
)
def test_a_refusal_framing_the_clause_negates_it(analyzer: Analyzer, body: str) -> None:
    rows = _rows(_doc(analyzer, body))
    assert not any(t == "SUPPORT" for _, _, t, _ in rows), rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'No way' Hungary will support the bid.", True),
        ("No way Poland will recognise the annexation.", True),
        ("Never: Serbia will recognise the declaration.", True),
        ("“No” – Greece will support the bid.", True),
        ("Hungary will support the bid.", False),
        ("No, Hungary will support the bid.", False),  # an unquoted answer before an assertion
        ("No country will support the bid, but Hungary will support the plan.", False),
    ],
)
def test_refusal_frames_in_the_syntax_layer(text: str, expected: bool) -> None:
    doc = load_nlp()(text)
    verbs = [t for t in doc if t.lemma_.lower() in ("support", "recognise") and t.pos_ == "VERB"]
    assert negated(verbs[-1]) is expected
