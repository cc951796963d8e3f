"""A church rank before a name is a title, not part of the name ("Cardinal Robert Keller" is
Robert Keller, the same person as "Keller" and "the cardinal"), and a rank written alone ("the
Counsellor", "the Prefect") is no person. Sentences written for these
tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _doc(analyzer: Analyzer, body: str) -> Document:
    return analyzer.analyze(RawArticle(text=f"Church news\n\n{body}\n", source="test"))


def _people(doc: Document) -> dict[str, list[str]]:
    return {a.name: [m.text for m in a.mentions] for a in doc.actors if a.kind == "person"}


def test_a_cardinal_is_named_without_his_rank(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Cardinal Robert Keller said the letter was a mistake. Later, Keller "
                         "wrote to the bishops again. The cardinal declined to comment.")
    people = _people(doc)
    assert list(people) == ["Robert Keller"]
    assert people["Robert Keller"] == ["Robert Keller", "Keller", "The cardinal"]


def test_an_archbishop_and_his_surname_are_one_person(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Archbishop Marco Ventani accused Monsignor Pavel Hruska of lying. "
                         "Ventani said Hruska knew of the payments.")
    assert sorted(_people(doc)) == ["Marco Ventani", "Pavel Hruska"]


def test_a_rank_alone_is_no_person(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "Later the Prefect wrote to the Counsellor about the report, and the "
                         "Counsellor answered.")
    assert _people(doc) == {}
