"""A one-word name that opens the full name of exactly one person named before it, and ends no
one's name, is that person: a family name written first ("Mao" after "Mao Ning") or a given name
used alone. Every name and sentence here was written for these tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _people(doc: Document) -> dict[str, list[str]]:
    return {a.name: [m.text for m in a.mentions if m.role == "name"]
            for a in doc.actors if a.kind == "person"}


def test_a_family_name_written_first_continues_the_full_name(analyzer: Analyzer) -> None:
    text = ("Beijing rejects the harbour protest\n\nThe ministry's spokesman Tang Weiming said the "
            "boats had entered closed waters. \"The patrol acted lawfully,\" Tang told reporters "
            "in Beijing on Monday.")
    people = _people(analyzer.analyze(RawArticle(text=text, source="test")))
    assert people.get("Tang Weiming") == ["Tang Weiming", "Tang"]
    assert "Tang" not in people


def test_a_word_two_names_open_stays_apart(analyzer: Analyzer) -> None:
    text = ("Two envoys meet\n\nThe envoys Tang Weiming and Tang Lihua met in Geneva. \"We agreed "
            "on nothing,\" Tang told reporters on Monday.")
    people = _people(analyzer.analyze(RawArticle(text=text, source="test")))
    assert people.get("Tang Weiming") == ["Tang Weiming"]
    assert people.get("Tang Lihua") == ["Tang Lihua"]
