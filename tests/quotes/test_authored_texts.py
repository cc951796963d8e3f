"""A text its author issues can be the speaker of a quote ("“...,” the statement added"): its
possessor ("Senator Ross's statement said"), else the latest speaker quoted, person or body
(``authored_texts``). Text written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(profile="fast")


def _direct_speakers(doc: Document) -> list[str | None]:
    return [q.speaker for q in doc.quotes if q.kind == "direct"]


def test_the_statement_of_the_body_quoted_before(analyzer: Analyzer) -> None:
    text = ("Aegean row\n\nThe Turkish Ministry of National Defence said that all flights had taken "
            "place in international airspace. “Our armed forces will continue their duties,” the "
            "statement added.\n")
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    ministry = next(a.id for a in doc.actors if a.kind == "institution")
    assert _direct_speakers(doc) == [ministry]


def test_the_possessor_of_the_statement(analyzer: Analyzer) -> None:
    text = ("Budget vote\n\nSenator Ellen Ross voted against the bill. “The cuts fall on the "
            "poorest,” Ross's statement said.\n")
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    ross = next(a.id for a in doc.actors if a.kind == "person")
    assert _direct_speakers(doc) == [ross]
