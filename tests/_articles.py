"""Whole texts analysed as one article, and the actor a word of the text is a mention of."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.model import Actor, Document
from presslens.pipeline import Analyzer


def analyze_text(analyzer: Analyzer, text: str) -> Document:
    return analyzer.analyze(RawArticle(text=text, source="test"))


def actor_at(doc: Document, word: str) -> Actor | None:
    """The actor with a mention covering the first occurrence of ``word`` in the text."""
    start = doc.text.index(word)
    for actor in doc.actors:
        if any(m.start <= start < m.end for m in actor.mentions):
            return actor
    return None
