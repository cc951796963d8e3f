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
