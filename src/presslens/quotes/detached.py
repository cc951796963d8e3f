"""Reported words the parser detached from their cue.

- A "that"-clause after a phrase on the cue ("said in a statement that the race is over", "said
  in one of a series of messages that ..."): the parser hangs the clause on the phrase's noun as
  if it were a relative clause; it is the cue's reported clause.
- Text after a colon that follows the cue ("Hewitt writes: The film never names ...", "he said:"
  and the words on the next line): the speaker's words, verbatim though unmarked, to the end of
  their line, as for a panel or transcript line (a direct quote).
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from presslens.quotes.attribution import (
    OPENING_MARKS,
    Candidate,
    Range,
    is_potential_speaker,
    is_speech_verb,
    phrase_range,
    same_line,
    set_content_stats,
    subject_of,
)
from presslens.quotes.lexicon import COMPLEMENTIZERS

_PHRASE_DEPS = frozenset({"prep", "npadvmod", "advmod"})
_MIN_WORDS = 4


def detached_that_clause(verb: Token) -> list[Token]:
    """The clause opened by "that" inside a phrase the cue governs, read as the cue's clause
    when the phrase has nothing else between the cue and it."""
    for child in verb.rights:
        if child.dep_ not in _PHRASE_DEPS or not same_line(child, verb):
            continue
        phrase = verb.doc[child.left_edge.i : child.right_edge.i + 1]
        lowered = phrase.text.lower()
        if not any(f" {word} " in lowered for word in COMPLEMENTIZERS):
            continue
        for token in phrase:
            if token.lower_ not in COMPLEMENTIZERS or token.dep_ != "mark":
                continue
            clause = token.head
            if (clause.dep_ in ("relcl", "acl", "advcl", "ccomp") and clause.i > token.i
                    and clause.pos_ in ("VERB", "AUX") and same_line(clause, verb)):
                return [clause]
    return []


def _line_after(text: str, start: int) -> Range | None:
    """The words after a colon: the rest of its line, or the next line when the colon ends it."""
    end = text.find("\n", start)
    end = len(text) if end == -1 else end
    if not text[start:end].strip():
        start = end
        while start < len(text) and text[start] in " \t\n":
            start += 1
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return (start, end) if end > start else None


def colon_candidates(doc: Doc, text: str, taken: list[Range]) -> list[Candidate]:
    """`X writes: words` with the words unmarked: a speech verb, its subject before it, a colon
    right after it (or after its particle), and at least four words with a verb after the colon
    that no other quote has claimed."""
    found = []
    # (the colons found in one array: a Python loop over every token costs more than the rest
    # of the quote stage)
    for i in np.flatnonzero(doc.to_array(ORTH) == doc.vocab.strings[":"]).tolist():
        if i == 0:
            continue
        colon = doc[i]
        verb = doc[colon.i - 1]
        if verb.dep_ == "prt" and colon.i > 1:
            verb = verb.head
        if not is_speech_verb(verb) or any(c.dep_ == "neg" for c in verb.children):
            continue
        subject = subject_of(verb)
        if subject is None or subject.i > verb.i or not is_potential_speaker(subject):
            continue
        span = _line_after(text, colon.idx + 1)
        if span is None or text[span[0]] in OPENING_MARKS or text[span[0]] in "<“\"":
            continue
        if any(a < span[1] and span[0] < b for a, b in taken):
            continue
        candidate = set_content_stats(
            Candidate("direct", span[0], span[1], (verb.idx, verb.idx + len(verb.text)), subject,
                      phrase_range(subject), "before"), doc)
        if candidate.words < _MIN_WORDS or not candidate.has_verb:
            continue
        found.append(candidate)
        taken.append(span)
    return found
