"""The name an interviewer's question opens with ("– Vadim Sergeyevich, the European Union is
again threatening Georgia") is the one asked, not a side of what the question states: the parser
makes it the subject, the alignment drops it. Sentences written for these tests (Q458 European
Union, Q230 Georgia)."""

from __future__ import annotations

from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer


def _relations(analyzer: Analyzer, text: str) -> set[tuple[str, str, str]]:
    doc = analyzer.analyze(RawArticle(text=text, source="test"))
    return {(r.source, r.type, r.target) for r in doc.relations}


def test_the_one_asked_is_no_side(analyzer: Analyzer) -> None:
    found = _relations(analyzer, "Interview\n\nSpeaking with Volga Courier, the expert Vadim "
                                 "Loginov explained the crisis.\n\n– Vadim Sergeyevich, the "
                                 "European Union is again threatening Georgia with sanctions.\n")
    assert ("Q458", "THREATEN", "Q230") in found
    assert not {row for row in found if "vadim" in row[0]}


def test_a_name_opening_a_plain_sentence_is_still_a_side(analyzer: Analyzer) -> None:
    found = _relations(analyzer, "News\n\nAnna Berzina, the Latvian foreign minister, criticised "
                                 "Russia on Monday.\n")
    assert any(row[2] == "Q159" and row[1] == "ACCUSE" for row in found)


def test_a_bulleted_reaction_with_an_apposition_is_still_a_side(analyzer: Analyzer) -> None:
    # Q43 Turkey, Q801 Israel, Q183 Germany, Q794 Iran: the dash opens a list item, and the
    # comma after the name opens the speaker's title, not a question put to them
    found = _relations(analyzer, "World reacts to the strike\n\nLeaders abroad answered quickly."
                                 "\n\n– Recep Erdogan, the Turkish president, condemned Israel "
                                 "for the strike.\n– Olaf Brandt, the German defence minister, "
                                 "criticised Iran on Tuesday.\n")
    assert ("Q43", "ACCUSE", "Q801") in found
    assert ("Q183", "ACCUSE", "Q794") in found
