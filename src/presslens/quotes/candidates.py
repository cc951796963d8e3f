"""Candidates: a quote before its speaker is resolved to an actor.

A ``Candidate`` holds its content span, the cue span and the token that heads the speaker phrase
(the subject of the cue verb, the name after an inverted verb, the object of "according to").
Every finder of the package (direct, indirect, reported, headline) returns candidates, so the
record and the content statistics that decide whether one is kept live apart from any finder.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presslens.lexicon import word_set
from presslens.model import QuoteKind

Range = tuple[int, int]


@dataclass
class Candidate:
    kind: QuoteKind
    start: int
    end: int
    cue: Range | None = None
    speaker_head: Token | None = None
    speaker_phrase: Range | None = None
    # How the attribution was found: "after", "before", "fragment", "verb", "according",
    # "opinion", "headline", or "" when the quotation carries none of its own.
    source: str = ""
    words: int = 0
    has_verb: bool = False
    title_case: bool = False  # every content word capitalised, as in a book or film title


_TITLE_FUNCTION_WORDS = word_set("quotes", "title_function_words")


def set_content_stats(candidate: Candidate, doc: Doc) -> Candidate:
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    if span is None:
        return candidate
    words = [t for t in span if not (t.is_punct or t.is_space)]
    candidate.words = len(words)
    candidate.has_verb = any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod" for t in span)
    candidate.title_case = bool(words) and all(
        t.text[:1].isupper() or t.lower_ in _TITLE_FUNCTION_WORDS for t in words if t.is_alpha
    )
    return candidate


def keep_as_quote(candidate: Candidate) -> bool:
    """Scare quotes and titles are not quotes: short, verbless, with no speaker of their own."""
    if candidate.source in ("before", "after", "according"):
        return candidate.words >= 1
    if candidate.source == "fragment":
        return candidate.words >= 3 and not candidate.title_case
    return candidate.words >= 4 and candidate.has_verb
