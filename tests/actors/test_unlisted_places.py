"""An unlisted name the recogniser takes for an organisation but the text uses only as a place
("towns in Kordofan") is no actor; one that also acts somewhere stays one. Sentences written for
these tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _analyse(analyzer: Analyzer, body: str) -> Document:
    return analyzer.analyze(RawArticle(text=f"World news\n\n{body}\n", source="test"))


def test_a_name_used_only_as_a_place_is_no_actor(analyzer: Analyzer) -> None:
    doc = _analyse(analyzer, "Army accuses militia of drone strike on Kordofan market\n\nAid "
                             "convoys cannot reach besieged towns in Kordofan, the UN said on Monday.")
    assert "org:kordofan" not in {a.id for a in doc.actors}
    assert "Q1065" in {a.id for a in doc.actors}  # the UN, named beside it, stays


def test_a_name_that_also_acts_stays_an_actor(analyzer: Analyzer) -> None:
    doc = _analyse(analyzer, "Army accuses militia of drone strike on Kordofan market\n\nAid "
                             "convoys cannot reach besieged towns in Kordofan, the UN said on "
                             "Monday. Kordofan accused the militia of looting.")
    assert "org:kordofan" in {a.id for a in doc.actors}
