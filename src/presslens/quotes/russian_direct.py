"""Direct speech in Russian typography: quotations in marks («ёлочки», „лапки“, "...", ''...'')
and dialogue-dash lines ("— Мешает то, что ..., — сказал Кольцов. — Зеленский ...").

The attribution stands after the quotation behind a dash ("«...», — отметил он."), before it
behind a colon ("Эксперт заявил: «...»"), or between two pieces of one speaker's words ("«...», —
сказал он, — «...»"; the second piece takes the first one's cue and speaker). Content spans
exclude the marks and the comma before an attribution dash, and keep a final "?", "!" or "."
that stands inside the marks (or ends a dialogue line), as the English stage does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from presslens.quotes.marks import MarkedQuote, find_marked_quotes
from presslens.quotes.russian_attribution import (
    Candidate,
    Range,
    TokenIndex,
    gender_of,
    is_speech_cue,
    lemma,
    phrase_range,
    subject_of,
)
from presslens.quotes.russian_lexicon import russian_quote_lexicon

# A dash after a quotation or a piece of a dialogue line that opens an attribution.
_ATTRIBUTION_DASH = re.compile(r"\s*([,!?…]?)\s*[—–]\s+")
# Where a piece of dialogue ends before its attribution: ", — сказал", "?! — спросил".
_PIECE_END = re.compile(r"([,!?…])\s*[—–]\s+(?=\w)")
# After an attribution: the next piece of the same speaker's words (", — «..." or ". — ...").
_NEXT_PIECE = re.compile(r"[,.]\s*[—–]\s+")
# Where an attribution clause ends.
_CLAUSE_BOUNDARY = re.compile(r"[.!?:;\n]|,\s*[—–]")
_LINE_DASH = re.compile(r"[—–]\s+")
# An unattributed quotation is a statement of its own only with at least this many words.
_STATEMENT_WORDS = 4
# A dialogue line without attribution is carried over at most this many unmarked paragraphs to
# the one that ends with its attribution.
_MAX_CONTINUATION_PARAGRAPHS = 4


@dataclass(frozen=True)
class Attribution:
    verb: Token
    end: int  # end of the attribution clause
    next_piece: int | None  # where the same speaker's next piece starts, if one follows


def paragraphs(text: str) -> list[Range]:
    """Non-empty lines (a sentence and a paragraph start at every line start)."""
    found = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            found.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return found


def _candidate(kind_source: str, start: int, end: int, attribution: Attribution) -> Candidate:
    verb = attribution.verb
    head = subject_of(verb)
    return Candidate(
        kind="direct", start=start, end=end, cue=(verb.idx, verb.idx + len(verb.text)),
        speaker_head=head, speaker_phrase=phrase_range(head) if head is not None else None,
        source=kind_source, gender=gender_of(verb), cue_lemma=lemma(verb))


def attribution_after(index: TokenIndex, text: str, pos: int, limit: int) -> Attribution | None:
    """The attribution "— сказал он" that starts at ``pos`` (after a quotation), read up to the
    end of its clause; its verb is its first word when that is a verb, else a speech verb."""
    match = _ATTRIBUTION_DASH.match(text, pos, limit)
    if match is None:
        return None
    start = match.end()
    if start >= limit or not text[start].islower():
        return None
    boundary = _CLAUSE_BOUNDARY.search(text, start, limit)
    end = boundary.start() if boundary is not None else limit
    tokens = index.tokens(start, end)
    if not tokens:
        return None
    verb = tokens[0] if tokens[0].pos_ == "VERB" else next(
        (t for t in tokens if is_speech_cue(t)), None)
    if verb is None:
        return None
    following = _NEXT_PIECE.match(text, end, limit)
    next_piece = following.end() if following is not None and following.end() < limit else None
    return Attribution(verb, end, next_piece)


def attribution_before(index: TokenIndex, text: str, open_at: int, line_start: int) -> Token | None:
    """The cue of "Эксперт заявил: «...»": the clause before a colon right before the mark."""
    j = open_at - (2 if text[open_at] == "'" else 1)
    while j >= line_start and text[j] in " \t":
        j -= 1
    if j < line_start or text[j] != ":":
        return None
    clause_start = max(text.rfind(ch, line_start, j) for ch in ".!?»") + 1
    tokens = index.tokens(max(clause_start, line_start), j)
    verb = next((t for t in reversed(tokens) if is_speech_cue(t)), None)
    if verb is None:
        verb = next((t for t in tokens if t.pos_ == "VERB" and subject_of(t) is not None), None)
    return verb


def nominative_before(index: TokenIndex, verb: Token, line_start: int) -> Token | None:
    """A subject the parser missed: the first nominative noun of the clause before the verb."""
    for token in index.tokens(line_start, verb.idx):
        if token.pos_ in ("NOUN", "PROPN") and "Nom" in token.morph.get("Case", []):
            return token
    return None


def dash_quotes(index: TokenIndex, text: str, lines: list[Range]) -> tuple[list[Candidate], list[Range]]:
    """Dialogue-dash lines: their attributed pieces, unattributed statements (speaker continued
    later), and the questions (interviewer lines, returned apart: they are nobody's quote)."""
    found: list[Candidate] = []
    questions: list[Range] = []
    n = 0
    while n < len(lines):
        line_start, line_end = lines[n]
        dash = _LINE_DASH.match(text, line_start, line_end)
        if dash is None:
            n += 1
            continue
        pieces = _attributed_pieces(index, text, dash.end(), line_end)
        if pieces:
            found.extend(pieces)
            n += 1
            continue
        last = _continued_to(index, text, lines, n)
        if last is not None:
            # one answer over several paragraphs, attributed at the end of the last one
            found.extend(_attributed_pieces(index, text, dash.end(), lines[last][1]))
            n = last + 1
            continue
        if text[line_end - 1] == "?":
            questions.append((line_start, line_end))
        else:
            found.append(Candidate(kind="direct", start=dash.end(), end=line_end))
        n += 1
    return _drop_answered(found, questions, text), questions


def _drop_answered(found: list[Candidate], questions: list[Range], text: str) -> list[Candidate]:
    """An unattributed dialogue line that the next line answers ("— ..., — ответил он") is the
    interviewer's: it joins the questions."""
    answers = russian_quote_lexicon().answer_verbs
    kept: list[Candidate] = []
    for n, c in enumerate(found):
        following = found[n + 1] if n + 1 < len(found) else None
        if (not c.source and following is not None and following.source == "dash"
                and text.count("\n", c.end, following.start) <= 2
                and following.cue_lemma in answers):
            questions.append((c.start, c.end))
            continue
        kept.append(c)
    return kept


def _attributed_pieces(index: TokenIndex, text: str, start: int, limit: int) -> list[Candidate]:
    pieces: list[Candidate] = []
    first: Candidate | None = None
    pos = start
    while pos < limit:
        hit = None
        for match in _PIECE_END.finditer(text, pos, limit):
            attribution = attribution_after(index, text, match.start(), limit)
            if attribution is not None:
                hit = (match, attribution)
                break
        if hit is None:
            if first is not None and pos < limit:
                # the piece after the attribution runs to the end of the line
                pieces.append(_inherit(first, pos, limit))
            break
        match, attribution = hit
        end = match.start() + (0 if match.group(1) == "," else 1)
        if first is None:
            first = _candidate("dash", pos, end, attribution)
            pieces.append(first)
        else:
            pieces.append(_candidate("dash", pos, end, attribution))
        if attribution.next_piece is None:
            break
        pos = attribution.next_piece
    return pieces


def _inherit(first: Candidate, start: int, end: int) -> Candidate:
    return Candidate(kind="direct", start=start, end=end, cue=first.cue,
                     speaker_head=first.speaker_head, speaker_phrase=first.speaker_phrase,
                     source="split", gender=first.gender)


def _continued_to(index: TokenIndex, text: str, lines: list[Range], n: int) -> int | None:
    """The paragraph that ends a dialogue answer begun at line ``n`` without attribution: the
    following paragraphs carry no dash or mark at their start and the last holds "..., — сказал"."""
    for m in range(n + 1, min(len(lines), n + 1 + _MAX_CONTINUATION_PARAGRAPHS)):
        start, end = lines[m]
        if text[start] in "—–«„\"“":
            return None
        for match in _PIECE_END.finditer(text, start, end):
            if attribution_after(index, text, match.start(), end) is not None:
                return m
    return None


def marked_quotes(index: TokenIndex, text: str, lines: list[Range],
                  taken: list[Range]) -> list[Candidate]:
    """Quotations in marks outside the dialogue lines already read, with their attributions; an
    unattributed one is kept when it is a statement of its own (a sentence start, four words)."""
    found: list[Candidate] = []
    previous: Attribution | None = None
    previous_candidate: Candidate | None = None
    for marked in find_marked_quotes(text):
        if any(a <= marked.open_at < b for a, b in taken):
            continue
        line_start, line_end = next(((a, b) for a, b in lines if a <= marked.open_at < b),
                                    (marked.open_at, marked.end))
        para_end = next((b for a, b in lines if a <= marked.close_at <= b), line_end)
        # a typewriter pair ('' ... '') is two characters wide on either side
        after_mark = marked.close_at + (2 if text[marked.close_at] == "'" else 1)
        after = (attribution_after(index, text, after_mark, para_end)
                 if marked.closed else None)
        if after is not None:
            candidate = _candidate("after", marked.start, marked.end, after)
        elif previous is not None and previous_candidate is not None and \
                previous.next_piece == marked.open_at:
            candidate = _inherit(previous_candidate, marked.start, marked.end)
        else:
            verb = attribution_before(index, text, marked.open_at, line_start)
            if verb is not None:
                head = subject_of(verb) or nominative_before(index, verb, line_start)
                candidate = Candidate(
                    kind="direct", start=marked.start, end=marked.end,
                    cue=(verb.idx, verb.idx + len(verb.text)), speaker_head=head,
                    speaker_phrase=phrase_range(head) if head is not None else None,
                    source="before", gender=gender_of(verb))
            elif _is_statement(text, marked, line_start):
                candidate = Candidate(kind="direct", start=marked.start, end=marked.end)
            else:
                continue
        found.append(candidate)
        previous, previous_candidate = after, candidate
    return found


def _is_statement(text: str, marked: MarkedQuote, line_start: int) -> bool:
    if not marked.closed or len(text[marked.start : marked.end].split()) < _STATEMENT_WORDS:
        return False
    before = text[line_start : marked.open_at].rstrip()
    return not before or before[-1] in ".!?…:"
