"""Personal pronouns by person and number (``data/en/pronouns.yaml``)."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.lexicon import word_set

FIRST_SINGULAR = word_set("pronouns", "first_singular")
FIRST_PLURAL = word_set("pronouns", "first_plural")
FIRST_PERSON = FIRST_SINGULAR | FIRST_PLURAL
THIRD_PERSON = word_set("pronouns", "third_person")
THIRD_SINGULAR = word_set("pronouns", "third_singular")
THIRD_PLURAL = word_set("pronouns", "third_plural")
PERSONAL = word_set("pronouns", "personal")  # he, she and their forms
OBJECT = word_set("pronouns", "object")

_SUBJECTS = ("nsubj", "nsubjpass")


def subject_tokens(verb: Token) -> list[Token]:
    """The subject of ``verb`` with the names set beside it ("the chairman, General X, said")."""
    out = []
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            out.append(child)
            out += [c for c in child.children if c.dep_ in ("appos", "compound", "flat")]
    return out


def is_main_subject(token: Token) -> bool:
    """The subject of its sentence's main verb."""
    return token.dep_ in _SUBJECTS and token.head.dep_ == "ROOT"


def previous_main_subject(token: Token) -> list[Token]:
    """The main subject of the sentence before ``token``'s (empty for the first sentence): the
    antecedent a pronoun that is itself a main subject continues, by salience rather than
    recency ("President X, who toppled Y, said ... He rejected ...": X, not Y)."""
    start = token.sent.start
    if start == 0:
        return []
    subjects = subject_tokens(token.doc[start - 1].sent.root)
    return subjects + [c for s in subjects for c in s.children if c.dep_ == "poss"]


def binding_subjects(token: Token) -> list[Token]:
    """The subjects an object pronoun cannot stand for: of its own verb and, for an infinitive
    without a subject ("Trump agreed to meet him"), of the verb that controls it."""
    if token.dep_ not in ("dobj", "dative", "pobj"):
        return []
    verb = token.head.head if token.dep_ == "pobj" else token.head
    subjects = subject_tokens(verb)
    if verb.dep_ == "xcomp" and not subjects:
        subjects = subject_tokens(verb.head)
    return subjects
