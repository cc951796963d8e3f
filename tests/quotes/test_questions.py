"""Reported questions (presslens.quotes.questions) and wh-clauses of an account ("explained how
..."): sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from presslens.model import Quote

Extract = Callable[..., list[Quote]]

OKAFOR = ("person:okafor", "person", "Daniel Okafor", ["Daniel Okafor", "Okafor"])
NORRIS = ("person:norris", "person", "Helen Norris", ["Helen Norris", "Norris"])


def test_asked_whether_is_the_askers_question(quotes_of: Extract) -> None:
    text = "Norris asked whether the ferry would keep running through the winter."
    [quote] = quotes_of(text, NORRIS)
    assert (quote.kind, quote.text) == ("indirect", "whether the ferry would keep running through the winter")
    assert quote.cue is not None and quote.cue.text == "asked"
    assert quote.speaker == NORRIS[0]


def test_asked_someone_what_keeps_the_asker(quotes_of: Extract) -> None:
    text = "Okafor asked the minister what the new tariff would cost a small bakery."
    [quote] = quotes_of(text, OKAFOR, NORRIS)
    assert quote.text == "what the new tariff would cost a small bakery"
    assert quote.speaker == OKAFOR[0]


def test_the_person_asked_is_not_the_speaker(quotes_of: Extract) -> None:
    text = "Norris was asked why the council had sold the old library."
    [quote] = quotes_of(text, NORRIS)
    assert quote.text == "why the council had sold the old library"
    assert quote.speaker is None and quote.speaker_span is None


def test_opening_participle_question_is_the_authors_framing(quotes_of: Extract) -> None:
    text = "Asked whether she would stand again, Norris said she had not decided yet."
    quotes = quotes_of(text, NORRIS)
    assert [(q.text, q.speaker) for q in quotes] == [("she had not decided yet", NORRIS[0])]


def test_a_request_negation_or_guess_is_no_question(quotes_of: Extract) -> None:
    assert quotes_of("Okafor asked the drivers to slow down near the school.", OKAFOR) == []
    assert quotes_of("Okafor did not ask whether the bridge was safe.", OKAFOR) == []
    assert quotes_of("Readers might ask why the bridge was closed at all.") == []


def test_explained_how_reports_the_account(quotes_of: Extract) -> None:
    text = "Okafor explained how the cooperative had paid off its debts in four years."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "how the cooperative had paid off its debts in four years"
    assert quote.speaker == OKAFOR[0]


def test_said_whether_stays_no_quote(quotes_of: Extract) -> None:
    assert quotes_of("Okafor would not say whether the port would close.", OKAFOR) == []
