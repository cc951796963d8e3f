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
    "– Oleg Ivanovich, Vilnius insists that it only applies EU law. Is that all?\n\n"
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
