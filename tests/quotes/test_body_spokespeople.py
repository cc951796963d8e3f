"""An unnamed spokesperson "for" a body speaks for it ("a spokesperson for the Taiwan Affairs
Office told reporters"), as the index already reads it for relations. Text written for these
tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(profile="fast")


def test_a_spokesperson_for_a_body_speaks_for_it(analyzer: Analyzer) -> None:
    text = ("Strait drills\n\n“The drills are a warning to the separatists,” a spokesperson for the "
            "Taiwan Affairs Office told reporters in Beijing.\n")
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    [quote] = [q for q in doc.quotes if q.kind == "direct"]
    office = next(a.id for a in doc.actors if a.name == "Taiwan Affairs Office")
    assert quote.speaker == office


def test_a_department_spokesperson_speaks_for_the_department_named_before(
    analyzer: Analyzer,
) -> None:
    text = ("Strait drills\n\nThe US State Department called on Beijing to show restraint. “Our "
            "commitment has not changed,” a department spokesperson said.\n")
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    [quote] = [q for q in doc.quotes if q.kind == "direct"]
    assert quote.speaker == "Q789915"  # the United States Department of State


def test_a_states_ministry_in_lower_case_speaks_for_the_state(analyzer: Analyzer) -> None:
    # the tagger reads "ministry" in "South Korea's foreign ministry" as a proper noun; a body's
    # noun in lower case is no name, and the state it belongs to speaks (Q884 South Korea)
    text = ("Senkaku row\n\nSouth Korea’s foreign ministry said that it was closely monitoring "
            "the situation.\n")
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    [quote] = doc.quotes
    assert quote.speaker == "Q884"
