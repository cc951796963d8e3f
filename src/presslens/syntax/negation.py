"""Whether a verb (or noun) is negated, and whether a clause stands in the scope of a negation.

Read by the relation stage (a negated cue states no relation, or its negated type) and by the
stance stage (negation flips an evaluation).
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.lexicon import word_set

_NEGATORS = word_set("syntax", "negators")
_NEGATIVE_SUBJECTS = word_set("syntax", "negative_subjects")
_STOP_VERBS = word_set("syntax", "stop_verbs")


def negated(token: Token) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "npadvmod") and child.lower_ in _NEGATORS):
            return True
        if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in _NEGATIVE_SUBJECTS:
            return True
        if child.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return True  # "has sent no delegations"
        if (
            child.dep_ == "advmod"
            and child.lower_ == "once"
            and any(g.dep_ == "neg" or g.lower_ == "not" for g in child.children)
        ):
            return True
    return False


def negated_scope(verb: Token) -> bool:
    """Negated itself, or a purpose/infinitive clause of a negated verb ("has never sent a
    soldier to protect X" does not state that it protects X)."""
    if negated(verb):
        return True
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in _STOP_VERBS:
        return True  # "has stopped paying its share": no longer pays
    return (
        verb.dep_ in ("advcl", "xcomp")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and negated(verb.head)
    )
