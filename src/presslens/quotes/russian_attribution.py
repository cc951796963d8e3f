"""Shared pieces of the Russian quote stage: the candidate quote, the speech cues, and the
speaker phrase read from natasha's UD parse.

A ``Candidate`` is a quote before its speaker is resolved to an actor: its content span, the cue
span, and the token heading the speaker phrase (the nominative subject of the cue verb, the
genitive after "по словам", the place of an impersonal "в Кремле заявили").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from presslens.model import QuoteKind
from presslens.quotes.russian_lexicon import fold, russian_quote_lexicon

Range = tuple[int, int]

SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass"})
# Punctuation stripped from the end of an unmarked (indirect or dialogue-dash) content.
_TRAILING = " \t\n.,;:"


@dataclass
class Candidate:
    kind: QuoteKind
    start: int
    end: int
    cue: Range | None = None
    speaker_head: Token | None = None
    speaker_phrase: Range | None = None
    # How the attribution was found ("after", "before", "dash", "that", "according", "as",
    # "parenthetical", "anaphoric", "appeal", "headline", "split"), "" when the quote has none.
    source: str = ""
    # the gender the cue verb agrees in ("отметила": Fem), for a pronoun or title speaker
    gender: str | None = None
    cue_lemma: str = ""


class TokenIndex:
    """Token lookup by character offset (natasha tokens are ordered by ``idx``)."""

    def __init__(self, sdoc: Doc) -> None:
        self.sdoc = sdoc
        self.starts = [t.idx for t in sdoc]

    def at(self, char: int) -> Token | None:
        i = bisect_right(self.starts, char) - 1
        if i < 0:
            return None
        token = self.sdoc[i]
        return token if token.idx <= char < token.idx + len(token.text) else None

    def from_char(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect_right(self.starts, char - 1) if char > 0 else 0

    def tokens(self, start: int, end: int) -> list[Token]:
        """The non-space tokens that lie within text[start:end]."""
        out = []
        for i in range(self.from_char(start), len(self.sdoc)):
            token = self.sdoc[i]
            if token.idx >= end:
                break
            if not token.is_space and token.idx + len(token.text) <= end:
                out.append(token)
        return out


def lemma(token: Token) -> str:
    return fold(token.lemma_ or token.text)


def is_speech_cue(token: Token) -> bool:
    """A speech verb of the lexicon, or a short conviction adjective ("убеждён", "уверен")."""
    lex = russian_quote_lexicon()
    if token.pos_ in ("VERB", "AUX"):
        return lemma(token) in lex.speech_verbs
    if token.pos_ == "ADJ":
        return lemma(token) in lex.conviction_adjectives or fold(token.text) in lex.conviction_adjectives
    return False


def gender_of(token: Token) -> str | None:
    values = token.morph.get("Gender", [])
    return values[0] if values else None


def subject_of(verb: Token) -> Token | None:
    """The speaker of a cue verb: its nominative subject; a conjoined verb's shared subject ("X
    напомнил ... и обвинил"); for an impersonal plural ("В Кремле заявили"), the place named
    with "в"."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        found = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
        if found is not None:
            return found
    if "Plur" in verb.morph.get("Number", []):
        for child in verb.children:
            if child.dep_ == "obl" and child.i < verb.i and any(
                    c.dep_ == "case" and lemma(c) in russian_quote_lexicon().place_prepositions
                    for c in child.children):
                return child
    return None


def phrase_range(head: Token) -> Range:
    """The words that name the speaker: the head's subtree on its own side of any comma, without
    a leading preposition ("в Кремле" -> "Кремле") or a trailing apposition after a comma."""
    subtree = sorted(head.subtree, key=lambda t: t.i)
    left = head.i
    for token in reversed([t for t in subtree if t.i < head.i]):
        if token.is_punct or token.is_space or token.i != left - 1:
            break
        left = token.i
    right = head.i
    for token in [t for t in subtree if t.i > head.i]:
        if token.is_punct or token.is_space or token.i != right + 1:
            break
        right = token.i
    doc = head.doc
    while left < head.i and doc[left].pos_ == "ADP":
        left += 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def clause_end(text: str, start: int, limit: int) -> int:
    """``limit`` pulled back over trailing spaces and punctuation (content ends with a word, a
    closing mark whose opener it holds, or a question or exclamation mark)."""
    end = limit
    newline = text.find("\n", start, end)
    if newline != -1:
        end = newline
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def content_start(text: str, start: int, limit: int) -> int:
    while start < limit and text[start] in " \t\n,:—–-":
        start += 1
    return start


def sentence_of(token: Token) -> Span:
    return token.sent
