"""The outlet's own voice relating events takes no side: wire copy ("X said", "Y met Z", "A was
charged with ...", "B denied meddling", "Mueller's indictment of X", "Russian interference")
gives the outlet no stance. What is denied, alleged or charged is nobody's evaluation; deeds
related by a verb or by a noun of the act count for the outlet only where its voice evaluates
otherwise (an op-ed). Texts are written for these tests; the rule stages (fast profile)."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(profile="fast")


def _outlet(doc: Document) -> dict[str, float]:
    names = {a.id: a.name for a in doc.actors}
    return {names[s.target]: s.score for s in doc.stances if s.holder == "outlet"}


WIRE = [
    # close to the reported article: a wire report of the Russia inquiry
    "Adviser charged in Russia inquiry\nFebruary 22 2019\nReuters\n\n"
    "WASHINGTON (Reuters) - Special Counsel Robert Mueller's indictment of Paul Manafort was "
    "unsealed on Friday. Manafort was charged with lying to investigators, prosecutors said. "
    "The inquiry into Russian interference in the 2016 election continues. Moscow has denied "
    "that it meddled in the vote. Trump met Putin in Helsinki in July.\n",
    "Trade talks resume\nMay 6 2019\nReuters\n\n"
    "BEIJING (Reuters) - Chinese Vice Premier Liu He met U.S. Trade Representative Robert "
    "Lighthizer in Washington on Thursday. China accused the United States of bullying its "
    "companies, the Commerce Ministry said. Beijing denied stealing American technology. "
    "Huawei's founder was questioned over the sanctions breach.\n",
    "Opposition leader detained\nJune 3 2019\nAFP\n\n"
    "MOSCOW (AFP) - Russian police detained the opposition leader on Monday. The Kremlin "
    "denied persecuting critics and said the arrests were lawful. Lithuania condemned the "
    "crackdown on protesters. The European Union said it was following events closely.\n",
]


@pytest.mark.parametrize("text", WIRE)
def test_a_wire_report_relating_events_gives_the_outlet_no_stance(analyzer: Analyzer, text: str) -> None:
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    assert _outlet(doc) == {}


def test_what_a_state_denies_is_not_the_outlets_evaluation(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(
        text="Election inquiry\nMarch 3 2019\n\nRussia denied interfering in the election.\n", source="test",
    ))
    assert "Russia" not in _outlet(doc)


def test_an_op_ed_still_counts_the_deeds_it_relates(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(
        text="The bully next door\nMarch 3 2019\n\nThe Kremlin regime lies to everyone. Russia "
        "meddled in the vote and interfered in our elections.\n", source="test",
    ))
    assert _outlet(doc).get("Russia", 0.0) < 0


# An op-ed that argues without an evaluative word: its questions to the reader mark its voice.
ASKING = ("The pipeline and the bill\nOctober 4 2025\n\nThe pipeline reopened this week. Ankara "
          "bombed villages in northern Iraq again in September and still refuses to pay the "
          "damages the tribunal ordered.{question} Baghdad has said nothing.\n")


def test_an_op_ed_asking_its_readers_counts_the_deeds_it_relates(analyzer: Analyzer) -> None:
    text = ASKING.format(question=" What kind of partner sends the bill to the party it wronged?")
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    assert _outlet(doc).get("Turkey", 0.0) < 0


def test_the_same_report_without_the_question_takes_no_side(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(text=ASKING.format(question=""), source="test"))
    assert "Turkey" not in _outlet(doc)


def test_an_interviewers_question_is_no_outlet_voice(analyzer: Analyzer) -> None:
    text = ("Talks with Baghdad\nOctober 4 2025\n\nAnkara bombed villages in northern Iraq again "
            "in September.\n\n– The pipeline reopened this week. Will Ankara pay the damages?\n\n"
            "“It will not,” the analyst said.\n")
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    assert "Turkey" not in _outlet(doc)
