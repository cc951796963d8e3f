""""The Europeans" stands for the European Union's governments (a demonym of the EU, as the
development gold has it); the adjective "European" and "Europe" (a region) do not. Texts written
for these tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def test_the_europeans_are_the_union_but_a_european_future_is_not(analyzer: Analyzer) -> None:
    text = ("The Europeans keep sending Kyiv shells, the analyst said. Moldova, he added, talks of "
            "a European future while Europe looks away.\n")
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    union = {m.text: m.role for a in doc.actors if a.id == "Q458" for m in a.mentions}
    assert union == {"Europeans": "demonym"}
