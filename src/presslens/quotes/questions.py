"""Reported questions: "asked whether the plant would close", "wondered why nobody came".

A question verb (``reported_question_verbs`` in ``data/en/quotes.yaml``) with a clause that opens
with a question word is the asker's indirect quote; its content is the question clause, question
word included. The asker is the verb's subject, or, when the verb is passive ("was asked whether
..."), the agent if the text names one: the subject of a passive question verb is the person
asked, never the asker. A participle that opens the sentence ("Asked whether ..., X said")
frames the answer with the author's own question and is no quote. "Asked about the closure of
the plant" reports the question by its topic (the object of "about", five words at least). A
request ("asked him to leave") and a negated or modal verb ("did not ask", "you might ask") are
no quote.
"""

from __future__ import annotations

from spacy.tokens import Token

from presslens.lexicon import word_set
from presslens.quotes.attribution import (
    Candidate,
    is_potential_speaker,
    phrase_range,
    same_line,
    subject_of,
)
from presslens.quotes.lexicon import REPORTED_QUESTION_VERBS, WH_WORDS

_MODALS = word_set("quotes", "question_modals")
_TOPIC_PREPS = word_set("quotes", "question_topic_preps")


def is_question_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in REPORTED_QUESTION_VERBS


def _question_clause(verb: Token) -> Token | None:
    """The clause the verb asks: a complement (or an "if"-clause the parser hangs on the verb)
    after it, on its line, whose first word is a question word."""
    for child in verb.rights:
        if child.dep_ not in ("ccomp", "advcl", "dobj") or not same_line(child, verb):
            continue
        words = [t for t in child.subtree if not (t.is_punct or t.is_space) and t.i > verb.i]
        if words and words[0].lower_ in WH_WORDS:
            return child
    return None


_TOPIC_MIN_WORDS = 5


def _question_topic(verb: Token) -> Token | None:
    """`asked about the closure of the plant`: the object of "about" right after the verb (or
    after its object), as long as a clause."""
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in _TOPIC_PREPS and same_line(child, verb):
            words = [t for t in child.subtree if not (t.is_punct or t.is_space)]
            if len(words) > _TOPIC_MIN_WORDS and child.i <= verb.i + 3:
                return next((g for g in child.children if g.dep_ in ("pobj", "pcomp")), None)
    return None


def _passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # a participle that opens the sentence ("Asked whether ..., the senator said")
    return verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "aux") for c in verb.children)


def question_candidate(verb: Token) -> Candidate | None:
    """The reported question of ``verb`` (to the clause's last word: the caller clips it to the
    sentence); None when the verb reports no question."""
    if not is_question_verb(verb):
        return None
    if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS) for c in verb.children):
        return None
    clause = _question_clause(verb)
    if clause is None:
        clause = _question_topic(verb)
    if clause is None:
        return None
    words = [t for t in clause.subtree if not (t.is_punct or t.is_space) and t.i > verb.i]
    first, last = words[0], words[-1]
    end = last.idx + len(last.text)
    speaker: Token | None
    if _passive(verb):
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children
                  if g.dep_ == "pobj"]
        speaker = agents[0] if agents else None
        opens = all(t.is_punct or t.is_space or t.dep_ == "cc" for t in verb.doc[verb.sent.start : verb.i])
        if speaker is None and opens and not any(c.dep_ == "nsubjpass" for c in verb.children):
            # "Asked whether ..., the analyst said": the author's own question framing the
            # answer, no one's quote (a named person "was asked", or answered "when asked", a
            # question in public)
            return None
    else:
        speaker = subject_of(verb)
        if speaker is None or not is_potential_speaker(speaker):
            return None
    cue = (verb.idx, verb.idx + len(verb.text))
    return Candidate("indirect", first.idx, end, cue, speaker,
                     phrase_range(speaker) if speaker is not None else None, "verb")
