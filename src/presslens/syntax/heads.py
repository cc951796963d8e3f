"""Where a verb's or a noun's parts stand in the parse, with no actors involved: what a quantity
word counts, the head of a coordination, a to-infinitive and a verb's infinitive complement, its
direct object, the words of a noun phrase. Read by the argument readers (``arguments``) and the
stages through ``presslens.syntax``."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.lexicon import word_set

_INFINITIVE_MARKERS = word_set("syntax", "infinitive_markers")
_ASKING_VERBS = word_set("syntax", "asking_verbs")


def counted_noun(quantity: Token, preps: frozenset[str]) -> Token | None:
    """What a quantity word counts: its object after one of ``preps`` ("strikes" in "hundreds of
    strikes", "hackers" in "a group of hackers"); None without one."""
    return next((pobj for prep in quantity.children if prep.dep_ == "prep" and prep.lower_ in preps
                 for pobj in prep.children if pobj.dep_ == "pobj"), None)


def coordination_head(token: Token) -> Token:
    """The first member of the coordination ``token`` belongs to ("trade" in "open borders and
    trade with X", "sanction" in "to sanction X, to recognise Y"): where the list stands in the
    clause."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def is_to_infinitive(verb: Token) -> bool:
    """Whether ``verb`` is a to-infinitive ("to" as its auxiliary: "ready to send", "in order to
    stop")."""
    return any(c.dep_ == "aux" and c.lower_ in _INFINITIVE_MARKERS for c in verb.children)


def direct_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "dobj":
            return child
    return None


def infinitive(verb: Token) -> Token | None:
    """The to-infinitive complement of a verb ("call on X to withdraw" -> withdraw)."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and is_to_infinitive(child):
            return child
    if verb.lemma_.lower() in _ASKING_VERBS:
        for child in verb.children:  # "calling on Ankara to reinforce": parsed as a purpose clause
            if child.dep_ == "advcl" and is_to_infinitive(child):
                return child
    return None


_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp"})


def phrase_tokens(head: Token, depth: int = 2) -> list[Token]:
    """``head`` and the words of its noun phrase at most ``depth`` arcs below it, in text order,
    without the clauses inside it ("the weapons that Y bought"): where a preposition of the
    phrase may have been hung."""
    found: list[Token] = []
    stack = [(head, 0)]
    while stack:
        token, level = stack.pop()
        found.append(token)
        if level < depth:
            stack.extend((c, level + 1) for c in token.children if c.dep_ not in _CLAUSE_DEPS)
    return sorted(found, key=lambda t: t.i)
