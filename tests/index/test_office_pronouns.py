"""The reference resolver: "he/she/his/her" after an office-holder the text names only by the
office ("Argentina's foreign minister said her government ...") stands for that office's state,
outside direct quotes; inside a direct quote it is left to the quote's own reading.

Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from _briefs import brief, named_relations
from presslens.model import Document
from presslens.pipeline import Analyzer


def _rows(doc: Document) -> set[tuple[str, str, str, str]]:
    return {(source, target, kind, modality) for source, target, kind, _, modality in named_relations(doc)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Argentina's foreign minister said her government is willing to reopen negotiations "
         "with Chile.", ("Argentina", "Chile", "AGREE", "future")),
        ("Kenya's defence minister said his country will send engineers to Malawi.",
         ("Kenya", "Malawi", "AID", "future")),
        ("The Ethiopian foreign ministry said the government was open to resuming talks with Egypt.",
         ("Ethiopia", "Egypt", "AGREE", "future")),
    ],
)
def test_an_office_holder_speaks_for_their_state(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str, str]
) -> None:
    rows = _rows(brief(analyzer, body))
    assert expected in rows, rows


def test_a_named_person_is_not_replaced_by_their_state(analyzer: Analyzer) -> None:
    doc = brief(analyzer, "Kenyan President William Ruto said he would visit Malawi in June.")
    names = {a.id: a.name for a in doc.actors}
    sources = {names[r.source] for r in doc.relations}
    assert "William Ruto" in sources and "Kenya" not in sources, sources


def test_a_pronoun_inside_a_direct_quote_is_not_the_office(analyzer: Analyzer) -> None:
    body = ('"He has betrayed us," Armenia\'s foreign minister said of the mayor.')
    doc = brief(analyzer, body)
    names = {a.id: a.name for a in doc.actors}
    assert not any(names[r.source] == "Armenia" and r.type == "REJECT" for r in doc.relations)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a state body whose state the article names only through it: "the country" / "the
        # government" it speaks of is that body's state, and the body acts for it
        ("Finland's Defence Ministry said the country was prepared to lend mine-clearing "
         "equipment to Moldova.", ("Q33", "Q217", "AGREE")),
        ("The Ethiopian Foreign Ministry said the government was open to resuming talks with "
         "Egypt.", ("Q115", "Q79", "AGREE")),
    ],
)
def test_a_state_body_speaks_for_its_unnamed_state(
    analyzer: Analyzer, body: str, expected: tuple[str, str, str]
) -> None:
    doc = brief(analyzer, body)
    rows = {(r.source_state, r.target, r.type) for r in doc.relations}
    assert expected in rows, rows
