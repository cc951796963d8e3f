"""Who reports when a speech verb has no subject of its own in the parse.

- a gerund after a preposition ("After saying he was tired, the senator left", "by pointing out
  that ...") reports for the subject of the clause the preposition belongs to;
- a participle on a noun ("calls saying shots had been fired", "an item suggesting that ...")
  reports for that noun, and one set off by a comma after a clause (", writing on Twitter that
  ...") for the clause's subject;
- a count or share the parser did not make the subject ("About 4 in 10 say ...", "Less than a
  third agreed that ...") is the subject, and so is a name it hung as an apposition on an
  earlier noun ("At the club, where ..., Jay Diaz, its president, suggested that ...");
- a speech verb in the infinitive after an adjective of the act ("was quick to point out that",
  "are more likely to say that": ``act_adjectives`` in ``data/en/quotes.yaml``), after a verb of
  the act ("seemed to suggest", "tried to tell": ``act_verbs``) or in a clause of
  purpose ("went to the rally to say that ...") reports an act of speech of the governing
  clause's subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.quotes.attribution import SUBJECT_DEPS, is_potential_speaker, same_line, subject_of
from presslens.quotes.lexicon import ACT_ADJECTIVES, ACT_VERBS

_COUNT_DEPS = frozenset({"nummod", "npadvmod", "quantmod"})


def _clause_subject(verb: Token) -> Token | None:
    subject = subject_of(verb)
    return subject if subject is not None and is_potential_speaker(subject) else None


def fallback_subject(verb: Token) -> Token | None:
    """The reporter of a speech verb that ``subject_of`` found none for, or None."""
    head = verb.head
    if head.i != verb.i and not same_line(head, verb):
        return None
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep":
        governor = head.head
        if governor.pos_ in ("VERB", "AUX") and governor.i != head.i:
            return _clause_subject(governor)
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if before is not None and before.text == ",":
            clause = head
            while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
                clause = clause.head
            return _clause_subject(clause) if clause.pos_ in ("VERB", "AUX") else None
        return head if head.pos_ in ("NOUN", "PROPN") and head.i == verb.i - 1 else None
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        counts = [c for c in verb.lefts if c.dep_ in _COUNT_DEPS and c.pos_ in ("NUM", "NOUN")]
        if counts and not any(t.pos_ in ("VERB", "AUX") for t in verb.doc[counts[-1].i + 1 : verb.i]):
            return counts[-1]
        return _apposed_subject(verb)
    return None


def _apposed_subject(verb: Token) -> Token | None:
    """`At the club, where ..., Jay Diaz, its president, suggested that ...`: the name the parser
    hung as an apposition on an earlier noun, set off by a comma and ending right before the
    verb, is the subject."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0 or not same_line(doc[i], verb):
        return None
    token = doc[i]
    while token.dep_ in ("conj", "appos", "compound", "amod", "det", "poss", "case", "nummod",
                         "punct", "flat") and token.head.i < verb.i and token.head.i != token.i:
        if token.dep_ == "appos" and token.left_edge.i > 0 and doc[token.left_edge.i - 1].text == ",":
            head = token.head
            if head.pos_ in ("PROPN", "NOUN") and head.dep_ not in ("pobj", "dobj"):
                token = head  # ("Jay Diaz, its president," : the name, not the title)
                continue
            break
        token = token.head
    if token.pos_ != "PROPN" or token.dep_ not in ("appos", "npadvmod", "dep"):
        return None
    return token if token.right_edge.i < verb.i else None


def infinitive_of_act(verb: Token) -> bool:
    """ "was quick to point out", "are more likely to say", "came to the rally to say": the
    infinitive reports an act of speech."""
    head = verb.head
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lower_ in ACT_ADJECTIVES:
        return not any(c.dep_ == "neg" for c in head.head.children)
    if verb.dep_ in ("xcomp", "advcl") and head.pos_ == "VERB" and head.lemma_.lower() in ACT_VERBS:
        return not any(c.dep_ == "neg" for c in head.children)
    if verb.dep_ != "advcl" or head.pos_ != "VERB" or head.i >= verb.i:
        return False
    # a clause of purpose closes a complete phrase ("stood at the rally here to say"); a word
    # that wants the infinitive right before it ("like to say", "want to say") is no purpose
    to = next((c for c in verb.children if c.dep_ == "aux" and c.tag_ == "TO"), None)
    before = verb.doc[to.i - 1] if to is not None and to.i > 0 else None
    return before is not None and before.i != head.i and before.pos_ in ("NOUN", "PROPN", "PRON",
                                                                          "ADV", "NUM")
