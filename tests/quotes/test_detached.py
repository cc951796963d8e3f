"""Reported words the parser detached from their cue (presslens.quotes.detached), and other
second-round forms: sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from presslens.model import Quote

Extract = Callable[..., list[Quote]]

OKAFOR = ("person:okafor", "person", "Daniel Okafor", ["Daniel Okafor", "Okafor"])
NORRIS = ("person:norris", "person", "Helen Norris", ["Helen Norris", "Norris"])


def test_that_clause_after_a_phrase_on_the_cue(quotes_of: Extract) -> None:
    text = "Okafor said in one of a series of posts that the dam had cracked after the storm."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "the dam had cracked after the storm"
    assert quote.speaker == OKAFOR[0]


def test_words_after_a_colon_on_the_same_line(quotes_of: Extract) -> None:
    text = "Norris writes:  The council never explained where the harbour money went."
    [quote] = quotes_of(text, NORRIS)
    assert quote.kind == "direct"
    assert quote.text == "The council never explained where the harbour money went."
    assert quote.speaker == NORRIS[0]


def test_words_after_a_colon_on_the_next_line(quotes_of: Extract) -> None:
    text = "In a speech last spring, Okafor said:\n\nNobody in this town should pay twice for water."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "Nobody in this town should pay twice for water."
    assert quote.speaker == OKAFOR[0]


def test_a_colon_after_a_non_speech_word_is_no_quote(quotes_of: Extract) -> None:
    assert quotes_of("The result: the ferry now leaves an hour earlier every day.") == []


def test_free_relative_report(quotes_of: Extract) -> None:
    text = "The harbour reopened in May, showing what many engineers said was a sign of real repairs."
    [quote] = quotes_of(text)
    assert quote.text == "what many engineers said was a sign of real repairs"
    assert quote.speaker_span is not None and quote.speaker_span.text == "many engineers"


def test_reported_by_framed_between_commas(quotes_of: Extract) -> None:
    text = "The new ferry plan, first reported by the Valley Courier, will cost twice the budget."
    [quote] = quotes_of(text)
    assert quote.text == text[:-1]
    assert quote.speaker_span is not None and quote.speaker_span.text == "the Valley Courier"


def test_name_hung_as_an_apposition_is_the_subject(quotes_of: Extract) -> None:
    text = ("At the harbour, where the boats wait all winter, Daniel Okafor, the port's manager, "
            "suggested that the fees would rise in spring.")
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "the fees would rise in spring"
    assert quote.speaker == OKAFOR[0]


def test_infinitive_after_a_verb_of_the_act(quotes_of: Extract) -> None:
    text = "Norris seemed to suggest that the council had known about the leak for months."
    [quote] = quotes_of(text, NORRIS)
    assert quote.text == "the council had known about the leak for months"


def test_question_answered_when_asked_in_public(quotes_of: Extract) -> None:
    text = "Okafor smiled when asked whether he would run for mayor again."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "whether he would run for mayor again"
    assert quote.speaker is None
