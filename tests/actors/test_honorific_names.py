"""A name written with a courtesy title ("Mr Nicholls said") is a person even where the tagger
runs the title into the name and the entity recogniser tags nothing: the honorific is the
evidence a lone surname otherwise needs. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The board met on Monday. Mr Nicholls said Gales had turned the company round.",
         "Nicholls"),
        ("The board met on Monday. Mrs Okafor criticised the plan and praised Gales.", "Okafor"),
    ],
)
def test_a_name_after_an_honorific_is_a_person(analyzer: Analyzer, text: str, name: str) -> None:
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    start = doc.text.index(name)
    people = [a for a in doc.actors if a.kind == "person"]
    assert any(m.start == start and m.end == start + len(name) for a in people for m in a.mentions)
