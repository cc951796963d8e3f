"""Direct-quote attribution: the cue and the speaker phrase of each quotation, read from the
spaCy parse around its quotation marks.

The attribution is looked for before the opening mark ("X said: “...”"), after the closing mark
("“...”, X said"), and, for a quoted phrase inside a sentence, on the speech verb the phrase
depends on. The candidate record lives in ``candidates``, the shared readings of the parse
(speech verbs, subjects, speaker phrases) in ``speaker_syntax``, and the headline line in
``headline_labels``; their names are imported here too, as the package's other finders
import them from this module.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from presslens.quotes.candidates import Candidate, Range, keep_as_quote, set_content_stats
from presslens.quotes.headline_labels import headline_candidate
from presslens.quotes.lexicon import SOURCE_PHRASES, SOURCE_WORDS
from presslens.quotes.marks import OPENING_MARKS, QUOTE_MARK_CHARS, MarkedQuote
from presslens.quotes.speaker_syntax import (
    SUBJECT_DEPS,
    is_potential_speaker,
    is_speech_verb,
    name_head,
    phrase_range,
    same_line,
    subject_of,
)
from presslens.textutil import DASHES

__all__ = [
    "OPENING_MARKS",
    "QUOTE_MARK_CHARS",
    "SUBJECT_DEPS",
    "Candidate",
    "Range",
    "direct_candidates",
    "headline_candidate",
    "is_potential_speaker",
    "is_speech_verb",
    "keep_as_quote",
    "phrase_range",
    "same_line",
    "set_content_stats",
    "subject_of",
]

# Attribution after a closing mark is read over at most this many tokens.
_AFTER_WINDOW = 30


def _token_covering(doc: Doc, char: int) -> int | None:
    """Index of the token that holds character ``char`` (a quotation mark's position)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None and len(span) else None


def _speaker_after_verb(window: list[Token], verb: Token) -> Token | None:
    for token in window:
        if token.i > verb.i and token.pos_ in ("PROPN", "NOUN", "PRON"):
            return name_head(token)
    return None


def _after_attribution(doc: Doc, text: str, mq: MarkedQuote) -> Candidate | None:
    mark = _token_covering(doc, mq.close_at)
    if mark is None or not mq.closed or mark + 1 >= len(doc):
        return None
    first = mark + 1
    window: list[Token] = []
    for token in doc[first:]:
        if token.idx <= mq.close_at:
            continue
        if "\n" in token.text or token.text in OPENING_MARKS or len(window) >= _AFTER_WINDOW:
            break
        if token.text in (".", "!", "?", ";"):
            break
        window.append(token)
    gap = text[mq.close_at + 1 : window[0].idx] if window else ""
    while window and (window[0].is_punct and window[0].text in {",", *DASHES}):
        gap += window[0].text
        window = window[1:]
    if not window:
        return None
    content = text[mq.start : mq.end]
    separated = bool(set(gap) & {",", *DASHES}) or content[-1:] in ",.!?…:–—-"
    if not separated:
        return None
    window_ids = {t.i for t in window}
    for verb in window:
        if not is_speech_verb(verb, next_to_quote=True):
            continue
        subject = subject_of(verb)
        before = [t for t in window if t.i < verb.i and not t.is_punct]
        if any(not _in_clause_of(t, verb) for t in before):
            # Another predicate stands between the quotation and this verb.
            return None
        if subject is not None and subject.i in window_ids:
            return Candidate("direct", mq.start, mq.end, _tok_range(verb), subject,
                             phrase_range(subject), "after")
        if before:
            return None
        speaker = _speaker_after_verb(window, verb)
        return Candidate("direct", mq.start, mq.end, _tok_range(verb), speaker,
                         phrase_range(speaker) if speaker is not None else None, "after")
    according = _according_to(window)
    if according is not None:
        cue, speaker = according
        return Candidate("direct", mq.start, mq.end, cue, speaker, phrase_range(speaker), "according")
    if any(ch in DASHES for ch in gap) and len(window) <= 6:
        nouns = [t for t in window if t.pos_ in ("PROPN", "NOUN")]
        if nouns:
            speaker = name_head(nouns[-1])
            return Candidate("direct", mq.start, mq.end, None, speaker, phrase_range(speaker), "after")
    return None


def _in_clause_of(token: Token, verb: Token) -> bool:
    """Whether ``token`` depends on ``verb`` without another predicate in between."""
    current = token
    for _ in range(12):
        if current.i == verb.i:
            return True
        if current is not token and current.pos_ in ("VERB", "AUX") and current.dep_ not in (
            "aux", "auxpass"
        ):
            return False
        if current.head is current:
            return False
        current = current.head
    return False


def _tok_range(token: Token) -> Range:
    return token.idx, token.idx + len(token.text)


def _according_to(tokens: list[Token]) -> tuple[Range, Token] | None:
    for token in tokens:
        if token.lower_ in SOURCE_WORDS and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            if (token.lower_, to.lower_) not in SOURCE_PHRASES:
                continue
            objects = [c for c in to.children if c.dep_ == "pobj"]
            if not objects:
                following = [t for t in tokens if t.i > to.i and t.pos_ in ("PROPN", "NOUN", "PRON")]
                if not following:
                    continue
                objects = [name_head(following[0])]
            return (token.idx, to.idx + len(to.text)), objects[0]
    return None


def _before_attribution(doc: Doc, text: str, mq: MarkedQuote, floor: int) -> Candidate | None:
    j = mq.open_at - 1
    while j >= floor and text[j] in " \t":
        j -= 1
    if j < floor or text[j] == "\n":
        return None
    mark = _token_covering(doc, mq.open_at)
    if mark is None or mark == 0:
        return None
    last = mark - 1
    sent_start = doc[last].sent.start_char
    line_start = text.rfind("\n", 0, mq.open_at) + 1
    lo = max(sent_start, line_start, floor)
    window = [t for t in doc[doc[last].sent.start : last + 1] if t.idx >= lo]
    if not window:
        return None
    if text[j] in ":,":
        for verb in reversed(window):
            if not is_speech_verb(verb):
                continue
            subject = subject_of(verb)
            if subject is not None:
                return Candidate("direct", mq.start, mq.end, _tok_range(verb), subject,
                                 phrase_range(subject), "before")
            speaker = _speaker_after_verb(window, verb)
            if speaker is not None:
                return Candidate("direct", mq.start, mq.end, _tok_range(verb), speaker,
                                 phrase_range(speaker), "before")
        according = _according_to(window)
        if according is not None:
            cue, speaker = according
            return Candidate("direct", mq.start, mq.end, cue, speaker, phrase_range(speaker),
                             "according")
        if text[j] == ":":
            return _colon_attribution(window, mq)
        return None
    if is_speech_verb(doc[last]):
        # `... said “...”`: the quotation is the verb's object.
        verb = doc[last]
        subject = subject_of(verb)
        if subject is not None:
            return Candidate("direct", mq.start, mq.end, _tok_range(verb), subject,
                             phrase_range(subject), "before")
    return None


def _colon_attribution(window: list[Token], mq: MarkedQuote) -> Candidate | None:
    """`The expert is convinced: “...”` or `Telmanov: “...”`: the clause before the colon."""
    words = [t for t in window if not t.is_punct]
    roots = [t for t in words if t.dep_ == "ROOT"]
    if roots and roots[0].pos_ in ("VERB", "AUX", "ADJ"):
        subject = subject_of(roots[0])
        if subject is not None and is_potential_speaker(subject):
            return Candidate("direct", mq.start, mq.end, _tok_range(roots[0]), subject,
                             phrase_range(subject), "before")
        return None
    if 0 < len(words) <= 4 and all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") for t in words):
        speaker = name_head(words[-1])
        return Candidate("direct", mq.start, mq.end, None, speaker, phrase_range(speaker), "before")
    return None


def _fragment_attribution(doc: Doc, mq: MarkedQuote) -> Candidate | None:
    """A quoted phrase inside a sentence ("called the closures “an act of …”"): the speech verb
    it depends on, found by climbing the parse from the quotation to its governing verb."""
    span = doc.char_span(mq.start, mq.end, alignment_mode="expand")
    if span is None:
        return None
    inside = {t.i for t in span}
    roots = [t for t in span if t.head.i not in inside and not t.is_punct]
    if not roots:
        return None
    current = roots[0].head
    for _ in range(5):
        if is_speech_verb(current):
            subject = subject_of(current)
            if subject is None or subject.i in inside or not is_potential_speaker(subject):
                return None
            return Candidate("direct", mq.start, mq.end, _tok_range(current), subject,
                             phrase_range(subject), "fragment")
        if current.dep_ == "ROOT" or current.head is current:
            return None
        if current.dep_ == "conj" and current.pos_ in ("VERB", "AUX"):
            # A coordinated clause has its own predicate: the verb of the first conjunct does
            # not govern a quotation inside the second.
            return None
        current = current.head
    return None


def direct_candidates(doc: Doc, text: str, marked: list[MarkedQuote], headline: Range | None) -> list[Candidate]:
    """One candidate per quotation, with its attribution when the text gives one."""
    found: list[Candidate] = []
    floor = 0
    for mq in marked:
        if headline is not None and headline[0] <= mq.open_at < headline[1]:
            floor = mq.close_at + 1
            continue
        candidate = (
            _before_attribution(doc, text, mq, floor)
            or _after_attribution(doc, text, mq)
            or _fragment_attribution(doc, mq)
            or Candidate("direct", mq.start, mq.end)
        )
        found.append(set_content_stats(candidate, doc))
        floor = mq.close_at + 1
    return found
