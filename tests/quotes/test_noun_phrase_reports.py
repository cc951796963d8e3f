"""Reports carried by a noun phrase (presslens.quotes.objects), first-person reports, reported
questions by their topic and reports after a clause the parser hung on the cue: sentences
written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from presslens.model import Quote

Extract = Callable[..., list[Quote]]

OKAFOR = ("person:okafor", "person", "Daniel Okafor", ["Daniel Okafor", "Okafor"])
NORRIS = ("person:norris", "person", "Helen Norris", ["Helen Norris", "Norris"])
LUND = ("person:lund", "person", "Maria Lund", ["Maria Lund", "Lund"])


def indirect(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "indirect"]


def test_the_object_of_a_verb_of_saying_is_the_report(quotes_of: Extract) -> None:
    text = "Okafor repeated a promise of free ferry tickets for every pensioner in the valley."
    [quote] = indirect(quotes_of(text, OKAFOR))
    assert quote.text == "a promise of free ferry tickets for every pensioner in the valley"
    assert quote.speaker == OKAFOR[0]
    assert quote.cue is not None and quote.cue.text == "repeated"


def test_an_announcement_with_its_object(quotes_of: Extract) -> None:
    text = "The mayor, Helen Norris, announced a new fund of two million euros for the harbour."
    [quote] = indirect(quotes_of(text, NORRIS))
    assert quote.text.startswith("a new fund of two million euros")


def test_a_short_or_pronoun_object_is_no_report(quotes_of: Extract) -> None:
    assert indirect(quotes_of("Okafor repeated it twice.", OKAFOR)) == []
    assert indirect(quotes_of("Okafor confirmed the visit.", OKAFOR)) == []


def test_verb_with_its_preposition(quotes_of: Extract) -> None:
    text = "Norris called for an independent inquiry into the collapse of the old bridge."
    [quote] = indirect(quotes_of(text, NORRIS))
    assert quote.text == "an independent inquiry into the collapse of the old bridge"
    assert quote.cue is not None and quote.cue.text == "called for"
    assert quote.speaker == NORRIS[0]
    text = "Okafor pointed to the falling number of pupils in the village schools."
    [quote] = indirect(quotes_of(text, OKAFOR))
    assert quote.text == "the falling number of pupils in the village schools"


def test_a_body_calling_for_an_act_is_a_request_not_a_quote(quotes_of: Extract) -> None:
    text = "The opposition party Forward called for the resumption of talks with the unions."
    assert indirect(quotes_of(text)) == []


def test_accusations_and_requests_are_relations_not_quotes(quotes_of: Extract) -> None:
    text = ("Okafor accused the port authority of hiding the cost of the new terminal. "
            "Norris urged the council to publish every contract signed since 2019.")
    assert indirect(quotes_of(text, OKAFOR, NORRIS)) == []


def test_a_persons_noun_of_saying_with_its_clause(quotes_of: Extract) -> None:
    text = "Voters remembered his claim that the tunnel would be finished before the election."
    [quote] = indirect(quotes_of(text))
    assert quote.text == "the tunnel would be finished before the election"
    assert quote.speaker_span is not None and quote.speaker_span.text == "his"
    # a body's claim ("its claim that ...") is left to the relations
    text = "The ministry gave no evidence for its claim that the tunnel had been sabotaged."
    assert indirect(quotes_of(text)) == []


def test_first_person_reports(quotes_of: Extract) -> None:
    text = "I told the committee that the harbour accounts had not been audited for years."
    [quote] = indirect(quotes_of(text))
    assert quote.text == "the harbour accounts had not been audited for years"
    assert quote.speaker is None
    assert quote.speaker_span is not None and quote.speaker_span.text == "I"


def test_first_person_opinions_and_transcript_lines_are_not_reports(quotes_of: Extract) -> None:
    assert indirect(quotes_of("I think the harbour accounts were never audited at all.")) == []
    text = "LUND: I said the harbour accounts were never audited at all.\n"
    assert indirect(quotes_of(text, LUND)) == []


def test_would_only_say_reports_what_was_said(quotes_of: Extract) -> None:
    text = "Lund would only say that the ferry contract was under review by the ministry."
    [quote] = indirect(quotes_of(text, LUND))
    assert quote.text == "the ferry contract was under review by the ministry"
    assert quote.speaker == LUND[0]


def test_asked_about_reports_the_question_by_its_topic(quotes_of: Extract) -> None:
    text = "Norris asked about the cost of the second runway at the regional airport."
    [quote] = indirect(quotes_of(text, NORRIS))
    assert quote.text == "the cost of the second runway at the regional airport"
    assert quote.speaker == NORRIS[0]


def test_a_sentence_the_parser_hung_on_the_cue_is_not_the_report(quotes_of: Extract) -> None:
    text = ("The article never ran; my editor at the weekly paper argued the piece made the mayor "
            "look too good.")
    [quote] = indirect(quotes_of(text))
    assert quote.text == "the piece made the mayor look too good"


def test_according_to_a_document_is_no_quote_unless_someone_gave_it(quotes_of: Extract) -> None:
    text = "Turnout in the valley rose by a third, according to a survey of local households."
    assert indirect(quotes_of(text)) == []
    text = "Turnout in the valley rose by a third, according to figures released by Norris."
    [quote] = indirect(quotes_of(text, NORRIS))
    assert quote.text == "Turnout in the valley rose by a third"
    assert quote.speaker == NORRIS[0]
    text = "Turnout in the valley rose by a third, according to Mayor Helen Norris."
    [quote] = indirect(quotes_of(text, NORRIS))
    assert quote.speaker == NORRIS[0]


def test_a_promise_reports_its_infinitive(quotes_of: Extract) -> None:
    text = "Okafor vowed to cut the ferry fares for every pensioner before the summer."
    [quote] = indirect(quotes_of(text, OKAFOR))
    assert quote.text == "to cut the ferry fares for every pensioner before the summer"
    assert quote.speaker == OKAFOR[0]
    # a relative clause on the promised thing, and a participle glossing an act, are no report
    text = "The bridge, which Okafor has promised to rebuild with money from the port, is closed."
    assert [q for q in indirect(quotes_of(text, OKAFOR)) if q.cue and q.cue.text == "promised"] == []
    text = "Okafor came to office promising to cut the ferry fares for every pensioner."
    assert indirect(quotes_of(text, OKAFOR)) == []


def test_a_framed_sentence_with_a_quoted_piece_is_one_mixed_report(quotes_of: Extract) -> None:
    text = "The harbour plan, Norris said, had become “a monument to wishful thinking” for the town."
    quotes = quotes_of(text, NORRIS)
    [report] = indirect(quotes)
    assert report.text == "The harbour plan, Norris said, had become “a monument to wishful thinking” for the town"
    assert report.speaker == NORRIS[0]


def test_a_report_before_said_x_stays_the_report(quotes_of: Extract) -> None:
    # (the parser may hang the relative clause on the speaker as a second complement of "said")
    text = ("The campaign was old-fashioned in every way, said Helen Norris, whom the mayor "
            "appointed to the board, and who is now backing Okafor.")
    [quote] = indirect(quotes_of(text, NORRIS, OKAFOR))
    assert quote.text == "The campaign was old-fashioned in every way"
    assert quote.speaker == NORRIS[0]
