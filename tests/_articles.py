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


def analyze_with_entities(analyzer: Analyzer, text: str, entities: list[tuple[str, str, int]]) -> Document:
    """The analysis of ``text`` with exactly the given named entities: (words, label, which
    occurrence of the words, 0 for the first). The recogniser cuts or labels some names only in
    some contexts; tests of what the actor stage makes of such a cut set it by hand."""
    from spacy.tokens import Span

    article = RawArticle(text=text, source="test")
    prepared, meta = analyzer._prepare(article)
    sdoc = analyzer.nlp(prepared)
    ents = []
    for words, label, occurrence in entities:
        start = -1
        for _ in range(occurrence + 1):
            start = prepared.index(words, start + 1)
        span = sdoc.char_span(start, start + len(words))
        assert span is not None, words
        ents.append(Span(sdoc, span.start, span.end, label=label))
    sdoc.ents = sorted(ents, key=lambda s: s.start)
    return analyzer._run_components(article, prepared, meta, sdoc).doc
