"""Companies that disputes between states name as sides (gazetteer/companies.yaml) are actors
where the entity recogniser misses them or an interviewee names them in passing, and act for no
state. Sentences written for these tests (Q102673 Gazprom, Q217 Moldova, Q160120 Huawei)."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def test_a_gas_company_cutting_supplies_is_a_side(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(
        text="The board met on Monday. Gazprom halted gas deliveries to Moldova over the debt.",
        source="test"))
    assert {(r.source, r.type, r.target) for r in doc.relations} >= {("Q102673", "SANCTION", "Q217")}


def test_a_company_named_in_an_answer_is_an_actor(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(
        text="Talk of energy\n\n“There was another route. Gazprom was ready to deliver, and Huawei "
             "offered the network,” the expert said.\n", source="test"))
    kinds = {a.id: a.kind for a in doc.actors}
    assert kinds.get("Q102673") == "organization" and kinds.get("Q160120") == "organization"
