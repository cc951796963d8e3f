"""The long tail of wire copy (issue 14): each test is a mechanism, on sentences written here."""

from __future__ import annotations

from collections.abc import Callable

from presslens.model import Quote
from presslens.quotes.marks import find_marked_quotes

Extract = Callable[..., list[Quote]]

NORRIS = ("person:norris", "person", "Helen Norris", ["Helen Norris", "Norris"])
OKAFOR = ("person:okafor", "person", "Daniel Okafor", ["Daniel Okafor", "Okafor"])


def texts(quotes: list[Quote]) -> list[str]:
    return [q.text for q in quotes]


# --- typewriter quotation marks -----------------------------------------------------------------


def test_typewriter_marks_open_and_close_a_quotation() -> None:
    text = "The mayor said: ``We will rebuild the bridge by spring.'' Others doubted it."
    [marked] = find_marked_quotes(text)
    assert text[marked.start:marked.end] == "We will rebuild the bridge by spring."


def test_archive_style_two_apostrophes_open_as_well_as_close(quotes_of: Extract) -> None:
    text = ("''The river has never been this low,'' Helen Norris said on Tuesday. ''We are "
            "rationing water for the first time.''")
    quotes = quotes_of(text, NORRIS)
    assert texts(quotes) == ["The river has never been this low,",
                             "We are rationing water for the first time."]
    assert all(q.kind == "direct" and q.speaker == NORRIS[0] for q in quotes)


# --- mixed quotes: the whole reported clause ------------------------------------------------------


def test_reported_clause_with_a_quoted_piece_is_one_quote(quotes_of: Extract) -> None:
    # the convention (README): the whole clause is the indirect quote, and the quoted words are
    # a direct quote inside it, of the same speaker
    text = "Okafor said the council “cannot stand” either of the two plans on the table."
    quotes = quotes_of(text, OKAFOR)
    [clause] = [q for q in quotes if q.kind == "indirect"]
    assert clause.text == "the council “cannot stand” either of the two plans on the table"
    assert clause.speaker == OKAFOR[0]
    assert [(q.text, q.speaker) for q in quotes if q.kind == "direct"] == [
        ("cannot stand", OKAFOR[0])]


def test_clause_ending_in_a_quoted_piece_keeps_its_closing_mark(quotes_of: Extract) -> None:
    text = "Okafor said the vote was “a gift to the developers”."
    [clause] = [q for q in quotes_of(text, OKAFOR) if q.kind == "indirect"]
    assert clause.text == "the vote was “a gift to the developers”"


# --- content boundaries ---------------------------------------------------------------------------


def test_reported_clause_stops_before_the_speakers_next_act(quotes_of: Extract) -> None:
    text = ("Norris says she has published ten years of her accounts and urges her rival "
            "to do the same.")
    [quote] = quotes_of(text, NORRIS)
    assert quote.text == "she has published ten years of her accounts"


def test_leading_that_is_not_content(quotes_of: Extract) -> None:
    text = "Norris said that the harbour would reopen next week."
    [quote] = quotes_of(text, NORRIS)
    assert quote.text == "the harbour would reopen next week"


def test_if_clause_inside_the_reported_clause_is_content(quotes_of: Extract) -> None:
    text = "Okafor said if he wins the vote he would cut the bus fares in half."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "if he wins the vote he would cut the bus fares in half"
    assert quote.speaker == OKAFOR[0]


def test_reported_question_is_the_askers_indirect_quote(quotes_of: Extract) -> None:
    # (the convention changed: a reported question is the asker's words, see
    # tests/quotes/test_questions.py; "said whether ..." still reports nothing)
    text = "Okafor asked whether the council would cut the bus fares in half."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "whether the council would cut the bus fares in half"
    assert quote.speaker == OKAFOR[0]


# --- plural and vague speakers ----------------------------------------------------------------------


def test_plural_speaker_keeps_the_quote_with_its_words(quotes_of: Extract) -> None:
    text = "Analysts said the late rally has raised fresh doubts about the harvest."
    [quote] = quotes_of(text)
    assert quote.text == "the late rally has raised fresh doubts about the harvest"
    assert quote.speaker is None
    assert quote.speaker_span is not None and quote.speaker_span.text == "Analysts"


def test_counted_speakers_keep_the_quote(quotes_of: Extract) -> None:
    text = "Two in three said they would vote for the new ferry line in the autumn."
    [quote] = quotes_of(text)
    assert quote.text == "they would vote for the new ferry line in the autumn"
    assert quote.speaker is None


# --- parenthetical cues -------------------------------------------------------------------------------


def test_parenthetical_cue_inside_the_reported_sentence(quotes_of: Extract) -> None:
    text = "That culture, they said, rewards loyalty far above talent in the company."
    [quote] = quotes_of(text)
    assert quote.text == text.rstrip(".")
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker_span is not None and quote.speaker_span.text == "they"


def test_parenthetical_cue_after_an_introductory_phrase(quotes_of: Extract) -> None:
    text = "Beyond that, Norris said, the port may raise its fees again next year."
    [quote] = quotes_of(text, NORRIS)
    assert quote.text == text.rstrip(".")
    assert quote.speaker == NORRIS[0]


# --- cue verbs the lexicon lacked -----------------------------------------------------------------------


def test_manner_of_speaking_verbs_are_cues(quotes_of: Extract) -> None:
    for verb in ("gushed", "fumed", "emailed", "sighed", "interjected"):
        text = f"“The new stadium will be finished by the summer,” Norris {verb}."
        [quote] = quotes_of(text, NORRIS)
        assert quote.speaker == NORRIS[0], verb
        assert quote.cue is not None and quote.cue.text == verb


def test_curly_quotation_closed_by_a_straight_mark() -> None:
    text = 'She said: “We were never asked about the new road." Then she left.'
    [marked] = find_marked_quotes(text)
    assert text[marked.start:marked.end] == "We were never asked about the new road."
    assert marked.closed


# --- split quotations and follow-on sentences ------------------------------------------------------


def test_second_piece_of_a_split_quote_keeps_unknown_speakers_words(quotes_of: Extract) -> None:
    text = ("“The ferry will run twice a day,” a harbour official said. “We expect the first "
            "boats in May.”")
    first, second = quotes_of(text)
    assert first.speaker_span is not None and first.speaker_span.text == "a harbour official"
    assert second.speaker_span == first.speaker_span
    assert second.cue == first.cue


def test_follow_on_quote_keeps_its_speaker_past_the_addressee(quotes_of: Extract) -> None:
    text = ("“The ferry will run twice a day,” Norris told Daniel Okafor at the harbour on "
            "Monday. “You know, there is a reason we waited so long.”")
    first, second = quotes_of(text, NORRIS, OKAFOR)
    assert first.speaker == NORRIS[0]
    assert second.speaker == NORRIS[0]


# --- headlines, panel and transcript lines ----------------------------------------------------------


def test_headline_built_on_a_speech_verb(quotes_of: Extract) -> None:
    text = ("Norris says harbour fees doubled under the new board\n\n"
            "The port's former director spoke at a meeting of shipowners on Friday.\n")
    [quote] = quotes_of(text, NORRIS)
    assert quote.text == "harbour fees doubled under the new board"
    assert quote.speaker == NORRIS[0]


def test_headline_verb_with_an_occasion_is_not_a_quote(quotes_of: Extract) -> None:
    text = ("Norris warns the new board after harbour fees double\n\n"
            "The port's former director spoke at a meeting of shipowners on Friday.\n")
    assert quotes_of(text, NORRIS) == []


def test_headline_ending_in_a_full_stop_before_a_blank_line(quotes_of: Extract) -> None:
    text = ("Norris: The harbour will stay closed all winter.\n\n"
            "The port's former director spoke at a meeting of shipowners on Friday.\n")
    [quote] = quotes_of(text, NORRIS)
    assert quote.text.startswith("The harbour will stay closed all winter")
    assert quote.speaker == NORRIS[0]


def test_panel_line_names_its_speaker(quotes_of: Extract) -> None:
    text = ("Three writers judged the debate.\n\n"
            "Helen Norris, The Harbour Gazette: the clear winner was the moderator, who kept "
            "every answer short.\n")
    [quote] = quotes_of(text, NORRIS)
    assert quote.text == ("the clear winner was the moderator, who kept every answer short.")
    assert quote.speaker == NORRIS[0]


def test_transcript_lines_in_capitals(quotes_of: Extract) -> None:
    text = ("The interview was broadcast on Sunday.\n\n"
            "MARSH: Do you think the harbour will reopen this year?\n\n"
            "NORRIS: I think it will open in the spring, if the repairs go well.\n\n"
            "MARSH: And the fees?\n\n"
            "NORRIS: They will rise a little next year.\n")
    quotes = quotes_of(text)
    assert [q.text for q in quotes] == [
        "Do you think the harbour will reopen this year?",
        "I think it will open in the spring, if the repairs go well.",
        "They will rise a little next year."]
    assert [q.speaker_span.text if q.speaker_span else None for q in quotes] == [
        "MARSH", "NORRIS", "NORRIS"]


def test_a_label_that_names_nobody_is_not_a_speaker(quotes_of: Extract) -> None:
    text = ("The plan has one flaw.\n\n"
            "But understand one thing: the harbour cannot stay closed for another year.\n")
    assert quotes_of(text) == []


def test_parenthetical_cue_takes_a_report_nested_in_its_sentence(quotes_of: Extract) -> None:
    text = "Instead, Norris said, her manager told her the ferry had been sold in secret."
    quotes = quotes_of(text, NORRIS)
    assert [q.text for q in quotes] == [text.rstrip(".")]
    assert quotes[0].speaker == NORRIS[0]


def test_straight_opening_closed_by_a_curly_mark() -> None:
    text = 'The mayor promised to bring "everyone to the table.” Nobody came.\n\nLater "we tried."'
    first = find_marked_quotes(text)[0]
    assert text[first.start:first.end] == "everyone to the table."


def test_reported_clause_stops_before_a_participle_of_saying(quotes_of: Extract) -> None:
    text = ("Okafor says he would publish his accounts for last year on Friday, calling them "
            "dull reading for anyone.")
    [quote] = [q for q in quotes_of(text, OKAFOR) if q.kind == "indirect"]
    assert quote.text == "he would publish his accounts for last year on Friday"


def test_parenthetical_sentence_stops_before_a_nested_report(quotes_of: Extract) -> None:
    text = ("Despite the new budget, Norris noted, harbour spending is falling to a tenth of the "
            "city's outlay, which she said would be its lowest ever.")
    framed = quotes_of(text, NORRIS)[0]
    assert framed.text == ("Despite the new budget, Norris noted, harbour spending is falling to a "
                           "tenth of the city's outlay")


def test_introductory_phrase_before_the_cue_is_not_content(quotes_of: Extract) -> None:
    text = ("In an interview about the city's budget, Norris said closing the old ferry would be "
            "her first decision.")
    [quote] = quotes_of(text, NORRIS)
    assert quote.text == "closing the old ferry would be her first decision"
