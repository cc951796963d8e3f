"""The capitalised place of a dateline is where the article was filed, not an actor ("MINSK, 12
December 2025", "KORVASK (Reuters) -"); the same name elsewhere in the text still is what it is.
Every text here was written for these tests."""

from __future__ import annotations

import pytest

from presslens.actors.datelines import dateline_places
from presslens.ingest import RawArticle
from presslens.model import Document, Meta, Offsets
from presslens.pipeline import Analyzer


def _analyze(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def _mentioned(doc: Document) -> set[str]:
    return {m.text for a in doc.actors for m in a.mentions}


@pytest.mark.parametrize(
    "dateline",
    ["MINSK, 12 December 2025", "VIENNA, 9 October 2025, 16:20", "ST. PETERSBURG, 3 March 2025"],
)
def test_the_place_before_a_dateline_date_is_no_actor(analyzer: Analyzer, dateline: str) -> None:
    text = f"Belarus warns Poland over drills\n{dateline}\n\nBelarus said Poland was massing troops."
    doc = _analyze(analyzer, text)
    assert doc.meta.published_span is not None
    place = dateline.split(",")[0]
    assert place not in _mentioned(doc)
    assert {"Belarus", "Poland"} <= _mentioned(doc)


def test_the_place_before_a_wire_agency_is_no_actor(analyzer: Analyzer) -> None:
    text = "Belarus warns Poland\n\nMINSK (Reuters) - Belarus said Poland was massing troops."
    doc = _analyze(analyzer, text)
    assert doc.meta.outlet == "Reuters"
    assert "MINSK" not in _mentioned(doc)
    assert "Reuters" in _mentioned(doc)


def test_only_a_capitalised_place_right_before_the_date_is_set_aside() -> None:
    text = "Orvane Ministry of Trade said on 12 December 2025 that exports fell."
    start = text.index("12 December")
    meta = Meta(published="2025-12-12", published_span=Offsets(start=start, end=start + 16))
    assert dateline_places(text, meta) == []  # a sentence before its date is no dateline
    wire = "Lede\nKORVASK, 12 December 2025\nText."
    start = wire.index("12 December")
    meta = Meta(published="2025-12-12", published_span=Offsets(start=start, end=start + 16))
    assert dateline_places(wire, meta) == [(wire.index("KORVASK"), start)]
