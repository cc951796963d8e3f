"""In an interview laid out as turns, a quotation that opens the paragraph right after an
interviewer's dash-led turn is the answer of the interviewee the lede introduces, even where the
answer before it was reported in the question and nothing continues a speaker. Text written for
these tests (the outlet and the expert are invented)."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer

_INTERVIEW = (
    "Transit row: who gives the orders\n\n"
    "Lithuania has cut freight transit to Kaliningrad again. Baltic Courier spoke about the new "
    "rules with political scientist Oleg Marten.\n\n"
    "– Oleg Ivanovich, Warsaw insists that it is simply applying EU law. Is that the whole "
    "story?\n\n"
    "“Of course not. The rules were written in Brussels and the Lithuanian government only signs "
    "them.\n\n"
    "“Nobody in Vilnius asked the people who depend on the railway.”\n\n"
    "Lithuanian President Gitanas Nausėda rejected such claims last week.\n\n"
    "– What will Moscow do next?\n\n"
    "“Nothing hasty. Russia has time, and the railway will still be there next year.”\n"
)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(profile="fast")


@pytest.fixture(scope="module")
def interview(analyzer: Analyzer) -> Document:
    return analyzer.analyze(RawArticle(text=_INTERVIEW, source="test"))


@pytest.mark.parametrize("opening", ["Of course not.", "Nothing hasty."])
def test_an_answer_after_a_turn_is_the_interviewees(interview: Document, opening: str) -> None:
    expert = next(a.id for a in interview.actors if a.name == "Oleg Marten")
    start = interview.text.index(opening)
    [quote] = [q for q in interview.quotes if q.start <= start < q.end]
    assert quote.kind == "direct" and quote.speaker == expert


def test_a_quotation_after_narration_is_no_answer(analyzer: Analyzer) -> None:
    text = ("Transit row\n\nPolitical scientist Oleg Marten spoke to Baltic Courier.\n\n"
            "Officials in Vilnius did not comment on the rules on Monday.\n\n"
            "“The railway will still be there next year.”\n")
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    [quote] = [q for q in doc.quotes if q.kind == "direct"]
    assert quote.speaker is None


def test_the_one_a_turn_addresses_is_not_the_speaker_of_what_it_reports(interview: Document) -> None:
    # "– Oleg Ivanovich, Warsaw insists that ...": the parser lists the name with "Warsaw" as
    # the subject; what is reported is Warsaw's (Q36 Poland), not the expert's
    start = interview.text.index("it is simply applying EU law")
    [quote] = [q for q in interview.quotes if q.start <= start < q.end]
    assert quote.kind == "indirect"
    assert quote.speaker == "Q36"


def test_a_listed_reaction_keeps_its_speaker(analyzer: Analyzer) -> None:
    text = ("Reactions\n\nLeaders abroad answered quickly.\n\n– Anna Berzina, the Latvian foreign "
            "minister, said that the transit rules were lawful.\n")
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    [quote] = [q for q in doc.quotes if "transit rules" in q.text]
    assert quote.speaker == next(a.id for a in doc.actors if a.name == "Anna Berzina")

