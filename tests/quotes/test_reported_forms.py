"""Reported speech in relative clauses, "as"-clauses, framed cues after the main verb, group and
count speakers, participles, gerunds and infinitives of an act: sentences written for these
tests."""

from __future__ import annotations

from collections.abc import Callable

from presslens.model import Quote

Extract = Callable[..., list[Quote]]

OKAFOR = ("person:okafor", "person", "Daniel Okafor", ["Daniel Okafor", "Okafor"])
NORRIS = ("person:norris", "person", "Helen Norris", ["Helen Norris", "Norris"])


def indirect(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "indirect"]


# --- relative clauses -------------------------------------------------------------------------


def test_report_inside_a_relative_clause_runs_from_the_pronoun(quotes_of: Extract) -> None:
    text = "The town built a new dam, which Okafor said would protect the lower valley."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "which Okafor said would protect the lower valley"
    assert quote.cue is not None and quote.cue.text == "said"
    assert quote.speaker == OKAFOR[0]


def test_relative_report_with_an_object_pronoun(quotes_of: Extract) -> None:
    text = "Norris praised the levy, which she says the farmers should pay for."
    [quote] = indirect(quotes_of(text, NORRIS))
    assert quote.text == "which she says the farmers should pay for"


def test_relative_clause_speaker_with_its_own_that_clause(quotes_of: Extract) -> None:
    text = "We met Okafor, who said that the mill would reopen in March."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "the mill would reopen in March"
    assert quote.speaker == OKAFOR[0]


# --- "as X noted" ---------------------------------------------------------------------------------


def test_as_clause_at_the_end(quotes_of: Extract) -> None:
    text = "But the harbour lost half its trade last year, as Norris pointed out."
    [quote] = quotes_of(text, NORRIS)
    assert quote.text == "the harbour lost half its trade last year"
    assert quote.cue is not None and quote.cue.text == "pointed out"
    assert quote.speaker == NORRIS[0]


def test_as_clause_at_the_start_with_an_agent(quotes_of: Extract) -> None:
    text = "As reported by the Valley Courier, the mayor signed the contract in secret."
    [quote] = quotes_of(text)
    assert quote.text == "the mayor signed the contract in secret"
    assert quote.speaker_span is not None and quote.speaker_span.text == "the Valley Courier"


def test_as_clause_in_the_middle_keeps_the_cue_inside(quotes_of: Extract) -> None:
    text = "Two weeks later, as Okafor noted, the council quietly dropped the plan."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "Two weeks later, as Okafor noted, the council quietly dropped the plan"
    assert quote.speaker == OKAFOR[0]


def test_as_clause_that_is_not_a_report(quotes_of: Extract) -> None:
    assert quotes_of("The bridge closed early, as everyone expected it would.") == []


# --- framed cue after the main verb -----------------------------------------------------------


def test_framed_cue_after_the_main_verb(quotes_of: Extract) -> None:
    text = "The driver had no previous convictions, the police added, and had passed every test."
    [quote] = quotes_of(text)
    assert quote.text == text[:-1]
    assert quote.cue is not None and quote.cue.text == "added"
    assert quote.speaker_span is not None and quote.speaker_span.text == "the police"


# --- group and count speakers -------------------------------------------------------------------


def test_group_words_keep_the_quote(quotes_of: Extract) -> None:
    for text, who in (("Some argue the new tax will drive shops out of the centre.", "Some"),
                      ("Most of them said they had never voted before.", "Most"),
                      ("Those surveyed say the buses are late every morning.", "Those")):
        [quote] = quotes_of(text)
        assert quote.speaker is None
        assert quote.speaker_span is not None and quote.speaker_span.text.startswith(who)


def test_a_share_the_parser_did_not_make_the_subject(quotes_of: Extract) -> None:
    [quote] = quotes_of("About 4 in 10 say they want a shorter school year.")
    assert quote.text == "they want a shorter school year"


# --- participles, gerunds, infinitives ---------------------------------------------------------


def test_participle_after_a_preposition_reports_for_the_clause_subject(quotes_of: Extract) -> None:
    text = "After saying the plant was safe, Okafor left the hearing."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "the plant was safe"
    assert quote.speaker == OKAFOR[0]


def test_participle_on_a_noun_reports_for_the_noun(quotes_of: Extract) -> None:
    text = "The station received calls saying the river had burst its banks."
    [quote] = quotes_of(text)
    assert quote.text == "the river had burst its banks"
    assert quote.speaker_span is not None and quote.speaker_span.text == "calls"


def test_gerund_subject_of_the_reported_clause(quotes_of: Extract) -> None:
    text = "Norris said closing the depot would cost the town two hundred jobs."
    [quote] = quotes_of(text, NORRIS)
    assert quote.text == "closing the depot would cost the town two hundred jobs"


def test_infinitive_after_an_adjective_of_the_act(quotes_of: Extract) -> None:
    text = "Okafor was quick to point out that the budget had grown every year."
    [quote] = quotes_of(text, OKAFOR)
    assert quote.text == "the budget had grown every year"
    assert quote.speaker == OKAFOR[0]


def test_infinitive_of_no_act_stays_no_quote(quotes_of: Extract) -> None:
    assert quotes_of("It is hard to say that the bridge will ever reopen.") == []
    assert quotes_of("Okafor is expected to argue that the fees are unlawful.", OKAFOR) == []
