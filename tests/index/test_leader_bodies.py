"""A leader's body acts as its leader: "the Trump administration imposed sanctions on Iran" is
Trump's act, with the United States as the side's state; a body without a leader named
("the administration") stays the state. Sentences written for these tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _rows(analyzer: Analyzer, body: str) -> set[tuple[str, str, str, str | None]]:
    doc = analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))
    return {(r.source, r.type, r.target, r.source_state) for r in doc.relations}


def test_the_leaders_body_acts_as_the_leader_for_the_leaders_state(analyzer: Analyzer) -> None:
    assert _rows(analyzer, "The Trump administration imposed sanctions on Iran.") == {
        ("Q22686", "SANCTION", "Q794", "Q30")}


def test_a_target_named_by_its_leaders_body_is_the_leader(analyzer: Analyzer) -> None:
    rows = _rows(analyzer, "Paris criticized the new tariffs imposed by the Trump administration.")
    assert {(s, t, tgt) for s, t, tgt, _ in rows} == {("Q142", "ACCUSE", "Q22686")}


def test_its_after_a_leaders_body_is_the_body(analyzer: Analyzer) -> None:
    # "its" is no person: it takes up the body the subject's own word names (the state)
    rows = _rows(analyzer, "The Trump administration kept up its long dispute with Canada over "
                           "lumber quotas.")
    assert {(s, t, tgt) for s, t, tgt, _ in rows} == {("Q30", "ADVERSARY", "Q16")}
