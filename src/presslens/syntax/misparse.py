"""Readings that recover from two slips the small English parser makes on news sentences.

Both are told by the structure the slip leaves, not by any word: a word tagged as a noun that
heads a subject and a direct object ("The EU and the UN hand over supplies", "hand" a noun), and
a sentence whose root is its subject noun, its verb hung under it as a reduced relative ("The
Iraqi air force carried out three air strikes", "carried" an ``acl`` of "force").
"""

from __future__ import annotations

from spacy.tokens import Token


def acts_as_verb(token: Token) -> bool:
    """A verb, or a word the tagger took for a noun that heads a subject and a direct object as
    only a verb does."""
    if token.pos_ in ("VERB", "AUX"):
        return True
    deps = {c.dep_ for c in token.children}
    return token.pos_ == "NOUN" and "nsubj" in deps and "dobj" in deps


def misparsed_subject(verb: Token) -> Token | None:
    """The subject of a verb the parser hung as a reduced relative under the sentence's root
    noun, when the verb takes a direct object (a passive participle takes none: "every howitzer
    sent to Armenia"): that noun; None otherwise."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(c.dep_ == "dobj" for c in verb.children):
        return None
    return head
