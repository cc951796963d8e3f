"""Who a noun phrase stands for when it acts, and whom a speaker's "our" names.

- a counted group of a person's subordinates ("four Trump aides", "two of Putin's advisers") is
  not that person acting (a state's officials still act for their state);
- a counted plural demonym ("nearly 30,000 Iranians") and people travelling privately ("Chinese
  tourists") are people, not their state acting; what is done to them may still concern their
  state ("ordered thousands of Russian pensioners to leave");
- a speaker's "our" with a national noun ("our democracy", "our country", "our elections") is the
  speaker's state, never the speaker; with no state known for the speaker it names nobody.

Texts are written for these tests; the rule stages (fast profile) decide them.
"""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _doc(analyzer: Analyzer, body: str) -> Document:
    return analyzer.analyze(RawArticle(text=f"News in brief\nMarch 3 2019\n\n{body}\n", source="test"))


def _triples(doc: Document) -> set[tuple[str, str, str]]:
    names = {a.id: a.name for a in doc.actors}
    return {(names[r.source], names[r.target], r.type) for r in doc.relations}


def _pairs(doc: Document) -> set[tuple[str, str]]:
    return {(s, t) for s, t, _ in _triples(doc)}


@pytest.mark.parametrize(
    ("body", "principal"),
    [
        ("Four Trump aides agreed to cooperate with Mueller in the inquiry.", "Donald Trump"),
        ("Two of Putin's advisers met Erdogan in Ankara on Tuesday.", "Vladimir Putin"),
        ("Several Netanyahu associates agreed to testify against Lapid.", "Benjamin Netanyahu"),
    ],
)
def test_a_counted_group_of_a_persons_subordinates_is_not_the_person(
    analyzer: Analyzer, body: str, principal: str
) -> None:
    doc = _doc(analyzer, body)
    assert not any(source == principal for source, _ in _pairs(doc)), _triples(doc)


def test_a_states_officials_still_act_for_it_and_the_person_acts_himself(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Two Russian officials met Erdogan in Ankara. Trump agreed to cooperate with Mueller.")
    assert ("Russia", "Recep Tayyip Erdoğan", "CONSULT") in _triples(doc)
    assert ("Donald Trump", "Mueller", "COOPERATE") in _triples(doc)


@pytest.mark.parametrize(
    ("body", "state"),
    [
        ("Nearly 30,000 Iranians visited Armenia last year.", "Iran"),
        ("Some 12,000 Chinese tourists visited Georgia in May.", "China"),
        ("Hundreds of Turkish pilgrims visited Israel over Easter.", "Turkey"),
        ("More than 2,000 Serbs visited Russia during the summer.", "Serbia"),
    ],
)
def test_counted_nationals_and_tourists_are_people_not_their_state(
    analyzer: Analyzer, body: str, state: str
) -> None:
    doc = _doc(analyzer, body)
    assert not any(source == state for source, _ in _pairs(doc)), _triples(doc)


@pytest.mark.parametrize(
    ("body", "state"),
    [
        ("The German cardinal criticised the Austrian bishops for their letter.", "Germany"),
        ("A Mexican citizen visited Texas twelve times last year.", "Mexico"),
        ("Two Georgian students met the ambassador of France in Paris.", "Georgia"),
    ],
)
def test_people_named_by_who_they_are_act_for_themselves(
    analyzer: Analyzer, body: str, state: str
) -> None:
    doc = _doc(analyzer, body)
    assert not any(source == state for source, _ in _pairs(doc)), _triples(doc)


def test_acts_done_to_nationals_still_concern_their_state(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Latvia has ordered thousands of Russian pensioners to pass a language test or leave.")
    assert ("Latvia", "Russia", "COERCE") in _triples(doc)


def test_our_democracy_is_the_speakers_state(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "“Russia's attack on our democracy is still going on,” said U.S. Senator Mark Warner.")
    assert ("Russia", "United States", "ASSAULT") in _triples(doc)
    assert not any(target == "Mark Warner" for _, target in _pairs(doc))


def test_our_country_of_an_analyst_is_the_state_beside_their_name(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "“Beijing's pressure on our country keeps growing,” the Australian political scientist Tom Reid said.")
    assert ("China", "Australia", "COERCE") in _triples(doc)


@pytest.mark.parametrize(
    "body",
    [
        "“Russia's attack on our democracy is still going on,” said Senator Mark Warner.",
        "“Moscow's interference in our elections has to stop,” said Tom Reid, an analyst.",
    ],
)
def test_our_nation_without_a_known_state_names_nobody(analyzer: Analyzer, body: str) -> None:
    doc = _doc(analyzer, body)
    speaker = next(a.name for a in doc.actors if a.kind == "person")
    assert not any(speaker in pair for pair in _pairs(doc)), _triples(doc)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Trump's national security adviser, John Bolton, accused Iran of lying.", ("John Bolton", "Iran")),
        ("Her deputy, Kaja Kallas, accused Moscow of lying.", ("Kaja Kallas", "Russia")),
    ],
)
def test_a_noun_with_a_name_in_apposition_is_the_one_named(
    analyzer: Analyzer, body: str, expected: tuple[str, str]
) -> None:
    # not the possessor ("Trump's adviser" is no act of Trump's), nor nobody
    assert expected in _pairs(_doc(analyzer, body))


def test_a_description_in_apposition_names_no_one_instead(analyzer: Analyzer) -> None:
    # "his closest friend" is what the president calls the prime minister, not who acts
    body = "The Serbian president calls Hungary's prime minister his closest friend in the European Union."
    assert ("Hungary", "Aleksandar Vučić") in _pairs(_doc(analyzer, body))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Moscow responded by expelling ten Polish diplomats.", ("Russia", "Poland", "SANCTION")),
        ("Turkey insisted on meeting Assad in Ankara.", ("Turkey", "Assad", "CONSULT")),
    ],
)
def test_a_gerund_after_a_preposition_is_done_by_the_verbs_subject(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _triples(_doc(analyzer, body))


@pytest.mark.parametrize(
    "body",
    ["Washington warned against attacking Iran.", "Israel refrained from striking Iran.", "Trump spoke of invading Venezuela."],
)
def test_a_gerund_the_subject_does_not_do_states_no_act(analyzer: Analyzer, body: str) -> None:
    assert not any(t == "ASSAULT" for _, _, t in _triples(_doc(analyzer, body)))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("NATO foreign ministers issued a statement accusing Belarus of provocations.", ("NATO", "Belarus", "ACCUSE")),
        ("Moscow's statement accusing Kyiv of terrorism was read out on television.", ("Russia", "Ukraine", "ACCUSE")),
    ],
)
def test_a_statement_is_said_by_its_author(analyzer: Analyzer, body: str, expected: tuple[str, str, str]) -> None:
    assert expected in _triples(_doc(analyzer, body))


def test_who_reads_a_statement_is_not_its_author(analyzer: Analyzer) -> None:
    found = _triples(_doc(analyzer, "Putin read a report accusing Britain of meddling."))
    assert ("Vladimir Putin", "United Kingdom", "ACCUSE") not in found
