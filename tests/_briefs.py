"""One-paragraph articles for the relation and reference tests: a headline, a date line and the
body, analysed by the rule stages (the fast profile), and the relations read back by actor name."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def brief(analyzer: Analyzer, body: str) -> Document:
    """``body`` as the article "News in brief", dated March 3 2019."""
    return analyzer.analyze(RawArticle(text=f"News in brief\nMarch 3 2019\n\n{body}\n", source="test"))


def named_relations(doc: Document) -> set[tuple[str, str, str, int, str]]:
    """(source name, target name, type, polarity, modality) of every relation."""
    names = {a.id: a.name for a in doc.actors}
    return {(names[r.source], names[r.target], r.type, r.polarity, r.modality) for r in doc.relations}


def bulletin(analyzer: Analyzer, body: str) -> Document:
    """``body`` under the headline "News in brief", with no date line."""
    return analyzer.analyze(RawArticle(text=f"News in brief\n\n{body}\n", source="test"))


def named_acts(doc: Document) -> set[tuple[str, str, str]]:
    """(source name, type, target name) of every relation."""
    names = {a.id: a.name for a in doc.actors}
    return {(names[r.source], r.type, names[r.target]) for r in doc.relations}


def id_relations(doc: Document) -> set[tuple[str, str, str]]:
    """(source id, type, target id) of every relation."""
    return {(r.source, r.type, r.target) for r in doc.relations}


def bulletin_relations(analyzer: Analyzer, body: str) -> set[tuple[str, str, str]]:
    """(source id, type, target id) of every relation of ``body`` as a bulletin."""
    return id_relations(bulletin(analyzer, body))
