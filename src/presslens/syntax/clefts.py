"""Cleft sentences: "it was Pakistan that bombed Kabul", "it is Washington which decides".

The parser reads the relative clause of a cleft as the copula's clausal complement, with the
relative pronoun as its subject: ``it/nsubj was/ROOT Pakistan/attr that/nsubj bombed/ccomp``.
The focus (the copula's attribute) is who does the clause's act, and a negated copula ("it was
not Moscow that imposed the sanctions") negates the act.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.lexicon import word_set

_COPULAS = word_set("syntax", "copulas")
_RELATIVES = word_set("syntax", "relative_pronouns")
_CLEFT_SUBJECTS = word_set("syntax", "cleft_subjects")  # "it" of "it was Pakistan that ..."


def cleft_focus(pronoun: Token) -> Token | None:
    """The focus of the cleft whose relative pronoun (the clause's subject) is ``pronoun``. The
    clause is read as the copula's complement ("it was Pakistan that bombed Kabul") or as a
    relative clause of the focus ("it was not Moscow who imposed the sanctions")."""
    if pronoun.lower_ not in _RELATIVES or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    if clause.dep_ == "ccomp":
        copula = clause.head
        focus = next((c for c in copula.children if c.dep_ == "attr" and c.i < pronoun.i), None)
    elif clause.dep_ == "relcl" and clause.head.dep_ == "attr":
        focus = clause.head
        copula = focus.head
    else:
        return None
    if focus is None or copula.lemma_ not in _COPULAS:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ in _CLEFT_SUBJECTS for c in copula.children):
        return None
    return focus


def cleft_copula(verb: Token) -> Token | None:
    """The copula of the cleft whose relative clause ``verb`` heads, if it heads one."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and (focus := cleft_focus(child)) is not None:
            return focus.head
    return None
