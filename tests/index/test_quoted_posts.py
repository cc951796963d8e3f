"""First person inside a quoted post, tweet or statement is its author — the one the text says
wrote or posted it — not the article's latest speaker; the post's words are the author's (the
relations' ``asserted_by``, the stances' holder). Texts are written for these tests."""

from __future__ import annotations

import pytest

from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer


def _doc(analyzer: Analyzer, body: str) -> Document:
    return analyzer.analyze(RawArticle(text=f"News in brief\nMarch 3 2019\n\n{body}\n", source="test"))


def _rows(doc: Document) -> set[tuple[str, str, str, str | None]]:
    names = {a.id: a.name for a in doc.actors}
    return {(names[r.source], names[r.target], r.type, names.get(r.asserted_by or "")) for r in doc.relations}


@pytest.mark.parametrize(
    ("body", "author", "other"),
    [
        (
            "“The meeting was useful,” Pompeo said on Monday, citing a tweet by Trump: "
            "“I condemn Iran and I back Israel.”",
            "Donald Trump", "Pompeo",
        ),
        (
            "“We will keep talking,” Macron said after the summit.\n\n"
            "A statement from Erdogan read: “I condemn Israel and I back Qatar.”",
            "Recep Tayyip Erdoğan", "Emmanuel Macron",
        ),
        (
            "“Nothing was agreed,” Lavrov told reporters.\n\n"
            "Modi later weighed in on Twitter. “I condemn Pakistan and I back Bhutan,” the post read.",
            "Narendra Modi", "Sergey Lavrov",
        ),
        (
            "“Nothing was agreed,” Lavrov told reporters.\n\n"
            "Netanyahu posted a message on Facebook on Tuesday. “I condemn Iran and I back Ukraine,” it said.",
            "Benjamin Netanyahu", "Sergey Lavrov",
        ),
    ],
)
def test_first_person_in_a_quoted_post_is_its_author(analyzer: Analyzer, body: str, author: str, other: str) -> None:
    doc = _doc(analyzer, body)
    rows = _rows(doc)
    accusations = {(s, by) for s, _, t, by in rows if t == "ACCUSE"}
    assert accusations == {(author, author)}, rows
    names = {a.id: a.name for a in doc.actors}
    holders = {names.get(s.holder) for s in doc.stances}
    assert other not in holders


def test_a_speakers_own_words_citing_a_post_stay_the_speakers(analyzer: Analyzer) -> None:
    doc = _doc(analyzer, "“I condemn Iran,” Pompeo said, citing a tweet by Trump.")
    assert ("Pompeo", "Iran", "ACCUSE", "Pompeo") in _rows(doc)
