"""DocumentIndex: alignment, speech, references, and the stance stage's wider reading."""

from __future__ import annotations

import pytest

from presslens.index import DocumentIndex
from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _index(analyzer: Analyzer, text: str) -> DocumentIndex:
    index = analyzer.analysis(RawArticle(text=text, source="test")).index
    assert index is not None
    return index


def _token(index: DocumentIndex, word: str, nth: int = 0):  # type: ignore[no-untyped-def]
    return [t for t in index.sdoc if t.text == word][nth]


def test_mentions_align_with_tokens_and_a_ministry_acts_for_its_state(analyzer: Analyzer) -> None:
    index = _index(
        analyzer,
        "Russia expelled two diplomats. Russia's Foreign Ministry condemned the decision of "
        "Lithuania on Monday.",
    )
    assert index.at(_token(index, "Lithuania")) == (["Q37"], False)
    assert index.kinds["Q37"] == "country"
    # the ministry's mention stands for Russia, the state it acts for (Russia is an actor)
    ministry = next(a.id for a in index.doc.actors if a.kind == "institution")
    assert index.normal(ministry) == "Q159" and index.state_of(ministry) == "Q159"
    assert index.at(_token(index, "Ministry")) == (["Q159"], False)


def test_pronouns_definite_descriptions_and_first_person(analyzer: Analyzer) -> None:
    index = _index(
        analyzer,
        "Moldova said on Monday that it would leave the CIS. NATO welcomed the decision, and "
        "the alliance promised help.\n“We will not abandon our friends,” Moldovan President "
        "Maia Sandu said.",
    )
    assert index.at(_token(index, "it")) == (["Q217"], True)
    alliance = _token(index, "alliance")
    assert index.phrase(alliance) == (["Q7184"], True)
    we = _token(index, "We")
    quote = index.quote_at(we.idx)
    assert quote is not None and quote.speaker is not None
    assert index.asserted_by(we.idx) == quote.speaker
    assert index.at(we) == ([index.affiliation(quote.speaker)], True)


def test_the_wider_reading_is_a_view_that_leaves_the_index_alone(analyzer: Analyzer) -> None:
    index = _index(analyzer, "Our country will not bow to Brussels. We have chosen our own path, Moldova.")
    before = {i: list(ids) for i, ids in index.by_token.items()}
    we = _token(index, "We")
    assert index.at(we) == ([], False)  # outside any quote, "we" is nobody's in the index
    view = index.with_wider_references("Q217")
    assert view.at(we) == (["Q217"], False)  # the outlet's side, in the stance stage's reading
    assert index.by_token == before and index.at(we) == ([], False)
