"""A list "A, B and C" that the parser reads as an apposition B of A with C conjoined to B is a
list: every member acts. An apposition without a conjunct of its own, or one that
names another sort of actor, stays an apposition. Sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def fast() -> Analyzer:
    return Analyzer(profile="fast")


def _doc(analyzer: Analyzer, body: str) -> Document:
    return analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))


def _rows(doc: Document) -> set[tuple[str, str, str]]:
    names = {a.id: a.name for a in doc.actors}
    return {(names[r.source], r.type, names[r.target]) for r in doc.relations}


def test_every_titled_member_of_a_subject_list_acts(fast: Analyzer) -> None:
    doc = _doc(fast, "Filmmaker Tom Hallett, novelist Greta Sorvik and singer Alma Reyes attacked "
                     "Senator Paul Dorrance for his remarks.")
    assert _rows(doc) == {
        ("Tom Hallett", "ACCUSE", "Paul Dorrance"),
        ("Greta Sorvik", "ACCUSE", "Paul Dorrance"),
        ("Alma Reyes", "ACCUSE", "Paul Dorrance"),
    }


def test_an_apposition_without_a_list_names_no_second_side(fast: Analyzer) -> None:
    doc = _doc(fast, "The minister, Ruth Calloway, criticized Senator Paul Dorrance on Monday.")
    assert {r[0] for r in _rows(doc)} <= {"Ruth Calloway"}
