"""Two slips of the small English parser, on hand-built parses shaped as it reads them (the
relations read through them on real parses: tests/relations/test_parser_slips.py)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from presslens.syntax.misparse import acts_as_verb, misparsed_subject

_VOCAB = spacy.blank("en").vocab  # English lexical attributes, no model


def _parse(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos)


def test_a_noun_heading_a_subject_and_an_object_acts_as_a_verb() -> None:
    # Canada/nsubj hand/ROOT(NOUN) over/prt food/dobj
    doc = _parse(["Canada", "hand", "over", "food"], [1, 1, 1, 1],
                 ["nsubj", "ROOT", "prt", "dobj"], ["PROPN", "NOUN", "ADP", "NOUN"])
    assert acts_as_verb(doc[1])
    # Canada/poss 's/case hand/ROOT(NOUN): a noun with no clause of its own
    doc = _parse(["Canada", "'s", "hand"], [2, 0, 2], ["poss", "case", "ROOT"],
                 ["PROPN", "PART", "NOUN"])
    assert not acts_as_verb(doc[2])


def test_a_verb_hung_under_its_root_subject_takes_it_as_subject() -> None:
    # force/ROOT carried/acl out/prt strikes/dobj
    doc = _parse(["force", "carried", "out", "strikes"], [0, 0, 1, 1],
                 ["ROOT", "acl", "prt", "dobj"], ["NOUN", "VERB", "ADP", "NOUN"])
    assert misparsed_subject(doc[1]) == doc[0]


def test_a_reduced_relative_without_an_object_stays_a_participle() -> None:
    # howitzer/nsubj sent/acl to/prep Armenia/pobj came/ROOT
    doc = _parse(["howitzer", "sent", "to", "Armenia", "came"], [4, 0, 1, 2, 4],
                 ["nsubj", "acl", "prep", "pobj", "ROOT"], ["NOUN", "VERB", "ADP", "PROPN", "VERB"])
    assert misparsed_subject(doc[1]) is None
    # force/ROOT sent/acl to/prep Armenia/pobj: no object, a passive participle
    doc = _parse(["force", "sent", "to", "Armenia"], [0, 0, 1, 2],
                 ["ROOT", "acl", "prep", "pobj"], ["NOUN", "VERB", "ADP", "PROPN"])
    assert misparsed_subject(doc[1]) is None

