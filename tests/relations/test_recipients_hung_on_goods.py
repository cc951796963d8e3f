"""A recipient the parser hangs a little deeper in the phrase of what is given ("10 million
kroner in aid to X", "a bronze statue to X" read as the statue's modifier) still receives it; a
"for" deep in that phrase ("praise for X") names no recipient. Sentences written for these
tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _doc(analyzer: Analyzer, body: str) -> Document:
    return analyzer.analyze(RawArticle(text=f"World news\n\n{body}\n", source="test"))


def _rows(doc: Document) -> set[tuple[str, str, str]]:
    names = {a.id: a.name for a in doc.actors}
    return {(names[r.source], r.type, names[r.target]) for r in doc.relations}


def test_aid_money_to_a_people(analyzer: Analyzer) -> None:
    rows = _rows(_doc(analyzer, "Ireland annually provides 12 million euros in bilateral aid to "
                                "the Palestinian people and their organizations."))
    assert ("Ireland", "AID", "Palestine") in rows


def test_property_returned_to_a_states_authorities(analyzer: Analyzer) -> None:
    rows = _rows(_doc(analyzer, "ICE returned a silver pendant to Russian authorities in Moscow "
                                "on March 4."))
    assert {(r[1], r[2]) for r in rows} == {("RETREAT", "Russia")}


def test_praise_for_someone_inside_what_is_returned_is_no_gift(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Senator Paul Dorrance introduced Lena Marsh, who returned the "
                         "introduction with warm praise for Dorrance.")
    assert not {r for r in _rows(doc) if r[1] in ("RETREAT", "AID")}
