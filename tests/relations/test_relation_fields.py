"""The relation's own fields beside its evidence: the cue word and the states of its two ends."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document, Relation, Span
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_the_cue_is_the_word_that_states_the_relation(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(text="Poland sanctioned Belarus last week.", source="test"))
    (relation,) = doc.relations
    assert relation.cue is not None and relation.cue.text == "sanctioned"
    assert doc.text[relation.cue.start : relation.cue.end] == "sanctioned"
    assert relation.source_state == relation.source and relation.target_state == relation.target


def test_a_cue_must_point_at_the_text() -> None:
    text = "Poland sanctioned Belarus."
    relation = Relation(
        start=0, end=len(text), text=text, source="Q36", target="Q184", type="SANCTION",
        polarity=-1, confidence=0.7, cue=Span(start=0, end=6, text="sanctioned"),
    )
    with pytest.raises(ValueError, match="does not match the document text"):
        Document(id="x", text=text, relations=[relation])
