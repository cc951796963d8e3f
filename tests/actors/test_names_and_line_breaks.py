"""A name never holds a line break: a poll's list of names at the end of a line, where the
recogniser takes the line break into the last name, is cut there. Text written for these
tests."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def test_a_name_ending_a_line_holds_no_line_break() -> None:
    text = "Poll results\n\nWhich senator do you trust most? Laura Bennet Tom Reed\nEmail *\n"
    doc = Analyzer(profile="fast").analyze(RawArticle(text=text, source="test"))
    names = {a.name for a in doc.actors}
    mentions = [m.text for a in doc.actors for m in a.mentions]
    assert "Tom Reed" in names
    assert mentions and not [m for m in mentions if m != m.strip()]
