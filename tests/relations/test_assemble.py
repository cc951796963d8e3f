"""The relation items both languages' stages build from the frames they find."""

from __future__ import annotations

import spacy
from spacy.tokens import Token

from presslens.index.russian_patterns import Found
from presslens.model import Document, Meta, Offsets
from presslens.relations.assemble import BestRelations

TEXT = "Moscow accuses Kyiv\n\nMoscow accused Kyiv of shelling. Kyiv denied it.\n"


def _cue(word: str, nth: int = 0) -> Token:
    doc = spacy.blank("en")(TEXT)
    return [t for t in doc if t.text == word][nth]


def _doc() -> Document:
    return Document(id="d", text=TEXT, meta=Meta(title_span=Offsets(start=0, end=19)))


def _relations(best: BestRelations) -> list[tuple[str, str, str, float, str]]:
    out = best.relations(_doc(), lambda _: None, lambda _: None,
                         order=lambda item: (item[1], item[0].cue.i))
    return [(r.source, r.target, r.type, r.confidence or 0.0, r.text) for r in out]


def test_the_surest_relation_of_a_pair_type_and_sentence_is_kept() -> None:
    best = BestRelations()
    body = TEXT.index("Moscow accused")
    end = TEXT.index(" Kyiv denied")
    best.add(Found("Q159", "Q212", "ACCUSE", -1, "asserted", _cue("accused"), 0.6), body, end)
    best.add(Found("Q159", "Q212", "ACCUSE", -1, "asserted", _cue("accused"), 0.9), body, end)
    assert _relations(best) == [("Q159", "Q212", "ACCUSE", 0.9, "Moscow accused Kyiv of shelling.")]


def test_a_headline_pair_the_body_states_again_is_left_to_the_body() -> None:
    best = BestRelations()
    best.add(Found("Q159", "Q212", "ACCUSE", -1, "asserted", _cue("accuses"), 0.9), 0, 19)
    body = TEXT.index("Moscow accused")
    best.add(Found("Q159", "Q212", "ACCUSE", -1, "asserted", _cue("accused"), 0.8), body,
             TEXT.index(" Kyiv denied"))
    assert [r[4] for r in _relations(best)] == ["Moscow accused Kyiv of shelling."]


def test_a_headline_pair_alone_stays() -> None:
    best = BestRelations()
    best.add(Found("Q159", "Q212", "ACCUSE", -1, "asserted", _cue("accuses"), 0.9), 0, 19)
    [relation] = best.relations(_doc(), lambda _: "outlet", lambda actor: f"state of {actor}",
                                order=lambda item: (item[1], item[0].cue.i))
    assert relation.text == "Moscow accuses Kyiv"
    assert relation.cue is not None and relation.cue.text == "accuses"
    assert (relation.asserted_by, relation.source_state) == ("outlet", "state of Q159")
