"""Reported speech that is not built as "X said (that) ...": a cue set in the middle of the
reported sentence ("That culture, they said, emphasizes loyalty").

A parenthetical cue is a speech verb the parser hangs off the main verb of the sentence
(``parataxis``), set off by commas on both sides. Its quote is the main clause with the cue
inside it: the one stretch of text that holds all the reported words.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.quotes.attribution import (
    Candidate,
    Range,
    cue_range,
    is_potential_speaker,
    is_speech_verb,
    phrase_range,
    same_line,
    set_content_stats,
    subject_of,
)


def _between_commas(verb: Token, subject: Token) -> bool:
    doc = verb.doc
    words = [t.i for t in (*subject.subtree, *verb.subtree) if not t.is_punct]
    first, last = min(words), max(words)
    return (first > 0 and doc[first - 1].text == ","
            and last + 1 < len(doc) and doc[last + 1].text == ",")


def parenthetical_candidate(doc: Doc, verb: Token) -> Candidate | None:
    """`The plan, an aide said, is to vote in spring.`: the sentence around a framed cue."""
    main = verb.head
    if verb.dep_ != "parataxis" or main.i <= verb.i or not is_speech_verb(verb):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    subject = subject_of(verb)
    if subject is None or subject.i > verb.i or not is_potential_speaker(subject):
        return None
    if not _between_commas(verb, subject) or not same_line(main.left_edge, main.right_edge):
        return None
    first, last = main.left_edge, main.right_edge
    while first.i < last.i and (first.is_punct or first.is_space):
        first = doc[first.i + 1]
    while last.i > first.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    if first.i >= subject.left_edge.i:
        return None  # nothing reported before the cue: not a parenthetical
    candidate = Candidate("indirect", first.idx, last.idx + len(last.text), cue_range(verb),
                          subject, phrase_range(subject), "verb")
    return set_content_stats(candidate, doc)


def parenthetical_candidates(doc: Doc, taken: list[Range]) -> list[Candidate]:
    """Every parenthetical cue's quote that no other reading of the text has claimed."""
    found = []
    for token in doc:
        if token.dep_ != "parataxis":
            continue
        candidate = parenthetical_candidate(doc, token)
        if candidate is None:
            continue
        if any(a < candidate.end and candidate.start < b for a, b in taken):
            continue
        found.append(candidate)
        taken.append((candidate.start, candidate.end))
    return found
