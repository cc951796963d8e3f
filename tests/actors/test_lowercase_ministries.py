"""A state's ministry written in lower case, as some agencies write it ("Iran's foreign ministry",
"the Chilean health ministry"), is that state's ministry, the same actor as the capitalised name,
also where the recogniser took it for a body of its own ("France's defence ministry"); "the
ministry" after it refers back to it, not to a ministry named before. Sentences written for these
tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _doc(analyzer: Analyzer, body: str):  # type: ignore[no-untyped-def]
    return analyzer.analyze(RawArticle(text=f"World news\n\n{body}\n", source="test"))


def test_a_lower_case_ministry_is_its_states_body(analyzer: Analyzer) -> None:
    lower = _doc(analyzer, "Iran's foreign ministry rejected the claim on Monday.")
    upper = _doc(analyzer, "Iran's Foreign Ministry rejected the claim on Monday.")
    assert [a.kind for a in lower.actors] == ["institution"]
    assert [a.id for a in lower.actors] == [a.id for a in upper.actors]


def test_a_department_taken_for_a_body_of_its_own(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "France's defence ministry said it would send two frigates.")
    assert [a.kind for a in doc.actors] == ["institution"]
    assert not any(a.id.startswith("org:") for a in doc.actors)


def test_the_ministry_refers_back_to_the_latest_named(analyzer: Analyzer) -> None:
    doc = _doc(
        analyzer,
        "The Lebanese Health Ministry said three people were killed. Israel said Iran had sent "
        "money to Hezbollah. Iran's foreign ministry responded within hours. The ministry "
        "rejected the claim.",
    )
    iran_ministry = next(a for a in doc.actors if a.kind == "institution" and "Health" not in a.name)
    assert any(m.text == "ministry" for m in iran_ministry.mentions)
