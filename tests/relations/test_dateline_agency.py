"""The agency named in a lede's dateline ("KHARKIV (Baltic Wire) – Russian missile strikes
killed ...") says who reports: it stands for no actor in the sentence's parse (the parser may
make it the subject), while the same agency named in the text is the outlet's actor.
Article written for these tests."""

from __future__ import annotations

from _briefs import named_acts
from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer

_ARTICLE = (
    "Missiles hit Kharkiv overnight\nMar. 3, 2026\n\n"
    "KHARKIV (Baltic Wire) – Russian missile strikes killed four people in Kharkiv on Monday, "
    "regional officials said, hours before Ukrainian and Turkish diplomats met in Ankara.\n\n"
    "Baltic Wire could not verify the figures.\n"
)


def test_the_dateline_agency_stands_for_no_actor_in_the_lede(analyzer: Analyzer) -> None:
    analysis = analyzer.analysis(RawArticle(text=_ARTICLE, source="test"))
    index, doc = analysis.index, analysis.doc
    assert index is not None and doc.meta.outlet == "Baltic Wire"
    wire = [t for t in index.sdoc if t.text == "Wire"]
    assert len(wire) == 2
    assert index.at(wire[0])[0] == []  # the dateline's
    assert index.at(wire[1])[0] != []  # the sentence's own subject
    rows = named_acts(doc)
    assert not {r for r in rows if "Baltic Wire" in (r[0], r[2])}
    assert ("Russia", "ASSAULT", "Ukraine") in rows
