"""Whose content a word is: a word inside the complement of a verb of saying, thinking or
wanting belongs to that verb's subject ("Brussels wants us to sanction Russia": the sanction of
Russia is what Brussels wants, not what the speaker thinks of Russia)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from presslens.lexicon import word_set

# verbs of saying or thinking, and of demanding or wishing
_CONTENT_VERBS = word_set("evaluation", "reporting_verbs") | word_set("evaluation", "mandative_verbs")


def governing_head(token: Token, governs: Callable[[Token, Token], bool], limit: int | None = None) -> Token | None:
    """The nearest head above ``token`` that ``governs(dependant, head)`` accepts for the
    dependant on the path to it, within ``limit`` steps up; else None."""
    node = token
    steps = 0
    while node.head.i != node.i and (limit is None or steps < limit):
        head = node.head
        if governs(node, head):
            return head
        node = head
        steps += 1
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's nominal subject."""
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def content_subject(token: Token) -> Token | None:
    """The subject of the nearest verb of saying, thinking or wanting whose clausal complement
    holds ``token``, else None."""
    verb = governing_head(
        token, lambda node, head: node.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in _CONTENT_VERBS
    )
    return None if verb is None else subject_of(verb)
