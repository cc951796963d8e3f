"""A title the recogniser takes for an organisation ("an adviser to Iran's Supreme Leader") is
an office, not a body: no organisation actor. Sentences written for these tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def test_a_capitalised_title_is_no_organisation(analyzer: Analyzer) -> None:
    doc = analyzer.analyze(RawArticle(
        text="World news\n\nAli Akbar Velayati, an adviser to Iran's Supreme Leader, warned the "
             "United States.\n", source="test"))
    assert [a.kind for a in doc.actors if a.kind == "organization"] == []
    assert {"Q794", "Q30"} <= {a.id for a in doc.actors}
