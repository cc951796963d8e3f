"""What a verb does with its arguments, read off the parse alone: whether it asks a question or for
something, gives something, names what its object is called, takes a name as a lone object
predicate, has a pronoun for its subject or acts on "each other". Used by the verb frames
(``verb_frames``)."""

from __future__ import annotations

from spacy.tokens import Token

from presslens.lexicon import word_set
from presslens.syntax import direct_object, infinitive

_QUESTION_WORDS = word_set("relation_patterns", "question_words")
_QUESTION_PREPS = word_set("relation_patterns", "question_preps")
_REQUEST_PREPS = word_set("relation_patterns", "request_preps")
_CONSIDER_VERBS = word_set("relation_patterns", "consider_verbs")
_RECIPROCAL_FIRSTS = word_set("relation_patterns", "reciprocal_firsts")
_RECIPROCAL_SECONDS = word_set("relation_patterns", "reciprocal_seconds")
RELATIVE_TAGS = frozenset({"WP", "WDT"})  # Penn tags of relative pronouns


def asks_a_question(verb: Token) -> bool:
    """Whether the verb asks a question ("asked X whether ...", "asked X about Y") rather than
    for something ("asked X to leave", "asked X for help")."""
    if infinitive(verb) is not None or any(c.dep_ == "prep" and c.lower_ in _REQUEST_PREPS for c in verb.children):
        return False
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _QUESTION_PREPS:
            return True
        if child.dep_ in ("ccomp", "advcl") and child.left_edge.lower_ in _QUESTION_WORDS:
            return True
    return False


def gives_something(verb: Token) -> bool:
    """The verb of giving names what it gives: a direct object, a dative, or the noun its
    relative clause qualifies where the clause has a subject of its own ("the artefacts Italy
    returned to Greece"; not "the envoy, who had returned to Rome")."""
    if direct_object(verb) is not None or any(c.dep_ == "dative" for c in verb.children):
        return True
    return verb.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.tag_ not in RELATIVE_TAGS for c in verb.children)


_NAMING_DEPS = frozenset({"oprd", "npadvmod", "xcomp", "ccomp"})
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ"})


def names_its_object(verb: Token) -> bool:
    """A verb of naming with an object and what the object is called ("called Lavrov a liar",
    "called the remarks a disgrace", a label in quotation marks: called a paper "hopelessly biased", "call
    it what it is")."""
    return direct_object(verb) is not None and any(
        c.dep_ in _NAMING_DEPS and (c.pos_ in _NOMINAL or c.left_edge.is_quote
                                    or c.left_edge.tag_ in RELATIVE_TAGS)
        for c in verb.children)


def lone_predicate(verb: Token) -> Token | None:
    """After a verb of naming, a name the parser reads as an object predicate with no object
    beside it: the object ("called Foreign Minister Anna Berzina on Tuesday")."""
    if verb.lemma_.lower() not in _CONSIDER_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ == "PROPN"), None)


def pronoun_subject(verb: Token) -> bool:
    """Whether the verb's subject (or that of the verb it is coordinated with or complements) is a
    pronoun ("they signed")."""
    node = verb
    while not any(c.dep_ == "nsubj" for c in node.children) and node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
        node = node.head
    return any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in node.children)


def each_other(verb: Token) -> bool:
    """"fought each other", "talk to one another"."""
    for token in verb.subtree:
        if token.lower_ in _RECIPROCAL_SECONDS and token.i > 0 and token.nbor(-1).lower_ in _RECIPROCAL_FIRSTS:
            return True
    return False
