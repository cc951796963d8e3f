"""Who reports when a speech verb has no subject of its own in the parse.

- a gerund after a preposition ("After saying he was tired, the senator left", "by pointing out
  that ...") reports for the subject of the clause the preposition belongs to;
- a participle on a noun ("calls saying shots had been fired", "an item suggesting that ...")
  reports for that noun, and one set off by a comma after a clause (", writing on Twitter that
  ...") for the clause's subject;
- a count or share the parser did not make the subject ("About 4 in 10 say ...", "Less than a
  third agreed that ...") is the subject, and so is a name it hung as an apposition on an
  earlier noun ("At the club, where ..., Jay Diaz, its president, suggested that ..."), and so
  is the subject of an earlier act the parser made the verb's complement ("X offered ..., then
  says ...");
- "I told her that ...", "we argued that ..." (``first_person``): the author, or whoever the
  text lets speak in the first person, reports; the quote stands with its speaker unresolved;
- a speech verb in the infinitive after an adjective of the act ("was quick to point out that",
  "are more likely to say that": ``act_adjectives`` in ``data/en/quotes.yaml``), after a verb of
  the act ("seemed to suggest", "tried to tell": ``act_verbs``) or in a clause of
  purpose ("went to the rally to say that ...") reports an act of speech of the governing
  clause's subject.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from presslens.lexicon import word_set
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
        return _apposed_subject(verb) or _coordinated_subject(verb)
    return None


def _coordinated_subject(verb: Token) -> Token | None:
    """`Kasich offered the man a job, then says he would welcome advice`: the parser made the
    speaker's first act a complement of the speech verb, so the verb has a clause on each side
    and no subject; the first clause's subject (ending before its verb, on the line) reports."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if len(clauses) < 2 or not (clauses[0].i < verb.i < clauses[-1].i):
        return None
    first = clauses[0]
    subject = next((c for c in first.children if c.dep_ == "nsubj" and c.i < first.i), None)
    if subject is None or not same_line(subject, verb) or not is_potential_speaker(subject):
        return None
    return subject


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


def first_person(subject: Token) -> bool:
    """"I told her that ...", "we argued that ...": the author (or a speaker the text lets
    speak in the first person) reports; the quote stands, its speaker unresolved."""
    if subject.lower_ not in _FIRST_PERSON_SUBJECTS or subject.pos_ != "PRON":
        return False
    verb = subject.head
    if verb.lemma_.lower() in _THINKING_VERBS:
        return False  # ("I think ...", "we believe ...": an opinion held, not a report)
    # (a transcript or panel line, "SMITH: I said ...", is the labelled speaker's own words)
    text = subject.doc.text
    line_start = text.rfind("\n", 0, subject.idx) + 1
    return _LINE_LABEL.match(text, line_start, subject.idx) is None


_THINKING_VERBS = word_set("quotes", "thinking_verbs")
_FIRST_PERSON_SUBJECTS = word_set("quotes", "first_person_subjects")
_LINE_LABEL = re.compile(r"[^:\n“\"]{1,60}:\s")
