"""Cleft sentences, on hand-built parses shaped as the English parser reads them: the relative
clause as the copula's complement ("it was Pakistan that bombed Kabul") or as a relative clause
of the focus ("it was not Moscow who imposed the sanctions")."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from presslens.syntax import negated
from presslens.syntax.clefts import cleft_copula, cleft_focus

_VOCAB = spacy.blank("en").vocab  # English lexical attributes (lower case), no model


def _parse(words: list[str], heads: list[int], deps: list[str], lemmas: list[str]) -> Doc:
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, lemmas=lemmas)


def _complement_cleft() -> Doc:
    # It/nsubj was/ROOT Pakistan/attr that/nsubj bombed/ccomp Kabul/dobj
    return _parse(["It", "was", "Pakistan", "that", "bombed", "Kabul"], [1, 1, 1, 4, 1, 4],
                  ["nsubj", "ROOT", "attr", "nsubj", "ccomp", "dobj"],
                  ["it", "be", "Pakistan", "that", "bomb", "Kabul"])


def _negated_relative_cleft() -> Doc:
    # It/nsubj was/ROOT not/neg Moscow/attr who/nsubj imposed/relcl sanctions/dobj
    return _parse(["It", "was", "not", "Moscow", "who", "imposed", "sanctions"], [1, 1, 1, 1, 5, 3, 5],
                  ["nsubj", "ROOT", "neg", "attr", "nsubj", "relcl", "dobj"],
                  ["it", "be", "not", "Moscow", "who", "impose", "sanction"])


def test_the_focus_of_a_cleft_is_who_does_the_act() -> None:
    doc = _complement_cleft()
    assert cleft_focus(doc[3]) == doc[2]
    assert cleft_copula(doc[4]) == doc[1]
    doc = _negated_relative_cleft()
    assert cleft_focus(doc[4]) == doc[3]


def test_a_negated_copula_negates_the_clefted_act() -> None:
    assert not negated(_complement_cleft()[4])
    assert negated(_negated_relative_cleft()[5])


def test_a_relative_clause_or_a_that_clause_is_no_cleft() -> None:
    # Pakistan/nsubj ,/punct which/nsubj bombed/relcl Kabul/dobj denied/ROOT
    relative = _parse(["Pakistan", ",", "which", "bombed", "Kabul", "denied"], [5, 0, 3, 0, 3, 5],
                      ["nsubj", "punct", "nsubj", "relcl", "dobj", "ROOT"],
                      ["Pakistan", ",", "which", "bomb", "Kabul", "deny"])
    assert cleft_focus(relative[2]) is None
    # It/nsubj is/ROOT clear/acomp that/mark Russia/nsubj attacked/ccomp
    extraposed = _parse(["It", "is", "clear", "that", "Russia", "attacked"], [1, 1, 1, 5, 5, 1],
                        ["nsubj", "ROOT", "acomp", "mark", "nsubj", "ccomp"],
                        ["it", "be", "clear", "that", "Russia", "attack"])
    assert cleft_copula(extraposed[5]) is None
