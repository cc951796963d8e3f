"""Promoting a body or a person is backing it in public (SUPPORT), said only of the direct
object: "the union, which Turkey promotes", not "promoted a plan for the region". Sentences
written for these tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _rows(body: str) -> set[tuple[str, str, str]]:
    doc = Analyzer(profile="fast").analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    return {(r.source, r.type, r.target) for r in doc.relations}


def test_promoting_a_body_backs_it() -> None:
    rows = _rows("The Eurasian Economic Union, which Russia promotes as a common market, admitted a new member.")
    assert ("Q159", "SUPPORT", "alliance:eurasian_economic_union") in rows


def test_promoting_a_plan_backs_no_one() -> None:
    assert not {r for r in _rows("Turkey promoted a new trade plan for Azerbaijan.") if r[1] == "SUPPORT"}


def test_coming_out_against_or_for_someone_takes_a_side() -> None:
    assert ("person:maria_lopez", "REJECT", "person:tom_baker") in _rows(
        "Senator Maria Lopez came out against Tom Baker on Wednesday.")
    assert ("person:maria_lopez", "SUPPORT", "person:tom_baker") in _rows("Senator Maria Lopez came out for Tom Baker.")
