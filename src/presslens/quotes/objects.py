"""Reports carried by a noun phrase, not a clause.

- the object of a verb whose object is what was said ("repeated a false claim that ...",
  "announced a $5 million fund for ...": ``object_report_verbs``), with an object predicate or
  a clause that belongs to it;
- the object of a verb with its preposition ("called for an inquiry into ...", "pointed to the
  record of ...": ``prepositional_reports``);
- the infinitive of a verb of commitment ("vowed to cut the fares", "pledged not to raise
  taxes": ``commissive_verbs``), "to" included;
- a person's noun of saying with its that-clause ("his claim that the vote was rigged", "the
  senator's warning that ...": ``report_nouns``).

The content runs from the object to the end of its phrase, five words at least (a short object,
"repeated it", "confirmed the report", is no report); the speaker is the verb's subject or the
noun's owner. A person and a charge or a request ("accused X of ...", "urged X to ...") are
relations, not quotes, and are not read here.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.lexicon import word_set
from presslens.quotes.attribution import Candidate, phrase_range, same_line
from presslens.quotes.lexicon import (
    COMMISSIVE_VERBS,
    INSTITUTION_NOUNS,
    OBJECT_REPORT_VERBS,
    PREPOSITIONAL_REPORTS,
    REPORT_NOUNS,
)

_MIN_WORDS = 5
# the prepositions of ``prepositional_reports``, and their verbs
_REPORT_PREPOSITIONS = frozenset(p.split()[1] for p in PREPOSITIONAL_REPORTS)
OBJECT_CUE_LEMMAS = frozenset({*OBJECT_REPORT_VERBS, *COMMISSIVE_VERBS,
                               *(p.split()[0] for p in PREPOSITIONAL_REPORTS)})
_PERSON_OWNERS = word_set("quotes", "person_owners")
_OWNER_PREPS = word_set("quotes", "owner_preps")
_COMPLEMENTIZERS = word_set("quotes", "complementizers")
_CONTENT_PRONOUNS = word_set("quotes", "content_pronouns")
_REQUEST_VERBS = word_set("quotes", "request_verbs")
_BODY_PRONOUNS = word_set("quotes", "body_pronouns")


def _candidate(cue: Token, cue_end: Token, first: Token, last: Token,
               speaker: Token) -> Candidate | None:
    doc = cue.doc
    while last.i > first.i and (last.is_punct or last.is_space or last.dep_ == "cc"):
        last = doc[last.i - 1]
    words = sum(1 for t in doc[first.i : last.i + 1] if not (t.is_punct or t.is_space))
    if words < _MIN_WORDS or not same_line(first, last):
        return None
    return Candidate("indirect", first.idx, last.idx + len(last.text),
                     (cue.idx, cue_end.idx + len(cue_end.text)), speaker, phrase_range(speaker),
                     "verb")


def object_candidate(verb: Token, subject: Token) -> Candidate | None:
    """The noun-phrase report of ``verb``, whose subject is ``subject``, or None."""
    lemma = verb.lemma_.lower()
    rights = [c for c in verb.rights if same_line(c, verb)]
    objects = [c for c in rights if c.dep_ == "dobj"]
    if lemma in COMMISSIVE_VERBS:
        infinitive = next((c for c in rights if c.dep_ == "xcomp" and any(
            a.dep_ == "aux" and a.tag_ == "TO" for a in c.children)), None)
        if infinitive is not None and not objects and verb.tag_ != "VBG":
            # (from "to", or "not" before it: "which Brussels promised to fund" is a relative
            # clause, and a participle "..., promising to ..." a gloss on the act)
            first = min((c for c in infinitive.children if c.i > verb.i and (
                c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "TO"))), key=lambda c: c.i,
                default=None)
            if first is not None and infinitive.left_edge.i > verb.i:
                return _candidate(verb, verb, first, infinitive.right_edge, subject)
    if not objects:
        for prep in rights:
            if (prep.dep_ == "prep" and prep.i <= verb.i + 2 and prep.lower_ in _REPORT_PREPOSITIONS
                    and f"{lemma} {prep.lower_}" in PREPOSITIONAL_REPORTS):
                pobj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
                if pobj is not None and not (lemma in _REQUEST_VERBS and _body(subject)):
                    return _candidate(verb, prep, pobj.left_edge, prep.right_edge, subject)
        return None
    if lemma not in OBJECT_REPORT_VERBS:
        return None
    obj = objects[0]
    if obj.pos_ == "PRON" and obj.lower_ not in _CONTENT_PRONOUNS:
        return None  # ("repeated it", "confirmed this"): what was said is elsewhere
    last = obj.right_edge
    for c in rights:
        if c.i > obj.i and c.dep_ in ("oprd", "ccomp") and c.left_edge.i == last.i + 1:
            last = c.right_edge
    cue_end = next((c for c in rights if c.dep_ == "prt" and c.i == verb.i + 1), verb)
    return _candidate(verb, cue_end, obj.left_edge, last, subject)


def _body(subject: Token) -> bool:
    """A state, party or body: its call for an act is a request (a relation), not a quote."""
    if subject.pos_ == "PRON":
        return subject.lower_ in _BODY_PRONOUNS
    return any(t.ent_type_ in ("ORG", "GPE", "NORP") or t.lemma_.lower() in INSTITUTION_NOUNS
               for t in subject.subtree if t.i <= subject.i)


def noun_candidate(noun: Token) -> Candidate | None:
    """`his claim that the vote was rigged`: a noun of saying with its that-clause, said by the
    person who owns the noun (a possessive, or "by X"); the content is the clause."""
    if noun.lemma_.lower() not in REPORT_NOUNS:
        return None
    clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp") and same_line(c, noun)
                   and any(m.dep_ == "mark" and m.lower_ in _COMPLEMENTIZERS for m in c.children)), None)
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((g for c in noun.children if c.dep_ in ("prep", "agent")
                      and c.lower_ in _OWNER_PREPS and c.i < clause.i
                      for g in c.children if g.dep_ == "pobj"), None)
    if owner is None or not (owner.lower_ in _PERSON_OWNERS or owner.ent_type_ == "PERSON"):
        return None
    first = next(t for t in clause.subtree if not (t.dep_ == "mark" and t.lower_ in _COMPLEMENTIZERS))
    return _candidate(noun, noun, first, clause.right_edge, owner)
