"""A given name and a surname that NER takes for an organisation is a person; an organisation's
name with a given name in it stays an organisation. The entity labels are set by hand (the
recogniser mislabels such names in some contexts only); every sentence was written for these
tests."""

from __future__ import annotations

import pytest
from tests._articles import analyze_with_entities

from presslens.model import Document
from presslens.pipeline import Analyzer


def _kinds(doc: Document) -> dict[str, str]:
    return {a.name: a.kind for a in doc.actors}


def test_a_given_name_and_a_surname_tagged_as_an_organisation_is_a_person(
        analyzer: Analyzer) -> None:
    doc = analyze_with_entities(analyzer, "Who should replace Laura Vinter as envoy to the council?",
                                [("Laura Vinter", "ORG", 0)])
    assert _kinds(doc).get("Laura Vinter") == "person"


@pytest.mark.parametrize(("text", "name"), [
    ("The Laura Vinter Foundation paid for the new harbour school.", "Laura Vinter Foundation"),
    ("Grants from Peter Group paid for the new harbour school.", "Peter Group"),
])
def test_an_organisations_name_with_a_given_name_stays_one(
        analyzer: Analyzer, text: str, name: str) -> None:
    doc = analyze_with_entities(analyzer, text, [(name, "ORG", 0)])
    assert _kinds(doc).get(name) != "person"
    assert not any(kind == "person" for kind in _kinds(doc).values())
