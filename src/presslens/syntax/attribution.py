"""Whose content a word is: a word inside the complement of a verb of saying, thinking or
wanting belongs to that verb's subject ("Brussels wants us to sanction Russia": the sanction of
Russia is what Brussels wants, not what the speaker thinks of Russia)."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.lexicon import word_set

# verbs of saying or thinking, and of demanding or wishing
_CONTENT_VERBS = word_set("evaluation", "reporting_verbs") | word_set("evaluation", "mandative_verbs")


def content_subject(token: Token) -> Token | None:
    """The subject of the nearest verb of saying, thinking or wanting whose clausal complement
    holds ``token``, else None."""
    node = token
    while node.head.i != node.i:
        head = node.head
        if node.dep_ in ("ccomp", "xcomp") and head.lemma_.lower() in _CONTENT_VERBS:
            return next((c for c in head.children if c.dep_ == "nsubj"), None)
        node = head
    return None
