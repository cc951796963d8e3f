"""A given name and a surname that NER takes for an organisation is a person; an organisation's
name with a given name in it stays an organisation. The entity labels are set by hand (the
recogniser mislabels such names in some contexts only); every sentence was written for these
tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _with_orgs(analyzer: Analyzer, text: str, names: list[str]) -> Document:
    article = RawArticle(text=text, source="test")
    prepared, meta = analyzer._prepare(article)
    sdoc = analyzer.nlp(prepared)
    ents = []
    for name in names:
        start = prepared.index(name)
        span = sdoc.char_span(start, start + len(name))
        assert span is not None, name
        ents.append(Span(sdoc, span.start, span.end, label="ORG"))
    sdoc.ents = sorted(ents, key=lambda s: s.start)
    return analyzer._run_components(article, prepared, meta, sdoc).doc


def _kinds(doc: Document) -> dict[str, str]:
    return {a.name: a.kind for a in doc.actors}


def test_a_given_name_and_a_surname_tagged_as_an_organisation_is_a_person(
        analyzer: Analyzer) -> None:
    doc = _with_orgs(analyzer, "Who should replace Laura Vinter as envoy to the council?",
                     ["Laura Vinter"])
    assert _kinds(doc).get("Laura Vinter") == "person"


@pytest.mark.parametrize(("text", "name"), [
    ("The Laura Vinter Foundation paid for the new harbour school.", "Laura Vinter Foundation"),
    ("Grants from Peter Group paid for the new harbour school.", "Peter Group"),
])
def test_an_organisations_name_with_a_given_name_stays_one(
        analyzer: Analyzer, text: str, name: str) -> None:
    doc = _with_orgs(analyzer, text, [name])
    assert _kinds(doc).get(name) != "person"
    assert not any(kind == "person" for kind in _kinds(doc).values())
