"""Attributions: the cue and the speaker phrase of each quotation, read from the spaCy parse.

A ``Candidate`` is a quote before its speaker is resolved to an actor: its content span, the cue
span and the token that heads the speaker phrase (the subject of the cue verb, the name after an
inverted verb, the object of "according to").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from presslens.lexicon.speech import speech_verbs
from presslens.model import QuoteKind
from presslens.quotes.lexicon import GROUP_SPEAKERS, QUESTION_VERBS, SPEAKER_PRONOUNS
from presslens.quotes.marks import MarkedQuote

Range = tuple[int, int]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_NAME_DEPS = frozenset({"compound", "flat", "flat:name"})
OPENING_MARKS = frozenset({*"“\"«„‘`", "``"})
QUOTE_MARK_CHARS = frozenset("“”\"«»„‘’")
_DASHES = frozenset({"–", "—", "-"})
# Attribution after a closing mark is read over at most this many tokens.
_AFTER_WINDOW = 30
# "Headline – Speaker" and "Speaker: headline".
_HEADLINE_DASH = re.compile(r"^(?P<body>.*\S)\s+[–—-]\s+(?P<who>[^–—\-:]{2,60}?)\s*$")
_HEADLINE_COLON = re.compile(r"^(?P<who>[^:“\"«„]{2,40}):\s+(?P<body>\S.*)$")
_HEADLINE_SPEAKER_WORDS = 6
_HEADLINE_DESCRIPTOR = re.compile(r"\s*(?P<sep>[:–—-])\s+(?P<who>\S.{0,80}?)\s*$")


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


def is_speech_verb(token: Token, *, next_to_quote: bool = False) -> bool:
    """A verb of the lexicon; next to quotation marks also "asked" ("“Who benefits?” he asked"),
    which never introduces reported statements."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return lemma in speech_verbs() or (next_to_quote and lemma in QUESTION_VERBS)


def same_line(a: Token, b: Token) -> bool:
    """Whether two tokens stand in one paragraph line (no line break between them)."""
    lo, hi = (a, b) if a.i <= b.i else (b, a)
    # Line breaks are whitespace tokens of their own (Doc.text would rebuild the whole text).
    return not any("\n" in t.text for t in a.doc[lo.i : hi.i])


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of ``verb``, inherited through coordination and control.

    The small English parser often runs a headline and dateline into the first paragraph and
    attaches words across the line break; a subject found across a line break is not trusted, and
    the phrase that the parser detached from the verb's own line is used instead."""
    current: Token | None = verb
    for _ in range(4):
        if current is None or not same_line(current, verb):
            break
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS and same_line(c, verb)]
        if subjects:
            child = min(subjects, key=lambda c: abs(c.i - verb.i))
            if child.lower_ in ("who", "that", "which") and current.dep_ == "relcl":
                return current.head
            if child.dep_ == "nsubjpass":
                # "This was stated by X": the speaker is the agent.
                agents = [g for c in current.children if c.dep_ == "agent"
                          for g in c.children if g.dep_ == "pobj"]
                if agents:
                    return agents[0]
            return child
        if (current.dep_ in ("conj", "xcomp", "advcl") and current.head is not current) or current.dep_ == "acomp" or (current.pos_ == "ADJ" and current.head is not current):
            current = current.head
        else:
            break
    return _detached_subject(verb)


def _line_start(token: Token) -> int:
    """Offset where the line holding ``token`` begins."""
    for i in range(token.i - 1, -1, -1):
        before = token.doc[i]
        if "\n" in before.text:
            return before.idx + before.text.rfind("\n") + 1
    return 0


def _detached_subject(verb: Token) -> Token | None:
    """The first noun phrase of the verb's line that the parser attached outside the line."""
    line_start = _line_start(verb)
    for token in verb.doc[verb.sent.start : verb.i]:
        if token.idx < line_start or token.is_space or token.is_punct:
            continue
        if token.head.idx < line_start and token.pos_ in ("PROPN", "NOUN", "PRON"):
            return token
        if token.pos_ in ("VERB", "AUX") and token.head.idx >= line_start:
            return None
    return None


def name_head(token: Token) -> Token:
    """Climb from a word inside a name or noun phrase to the phrase's head noun."""
    current = token
    while (
        current.dep_ in _NAME_DEPS | {"amod", "det", "poss", "case"}
        and current.head is not current
        and same_line(current, current.head)
    ):
        current = current.head
    return current


def phrase_range(head: Token) -> Range:
    """The words that name a speaker: the head noun with what stands before it in its phrase."""
    left = head
    for child in head.lefts:
        if child.dep_ in ("punct", "prep", "cc"):
            continue
        if child.left_edge.i < left.i:
            left = child.left_edge
    right = head
    for child in head.rights:
        if child.dep_ in _NAME_DEPS and child.i == right.i + 1:
            right = child
    while left.i < head.i and (left.is_punct or left.is_space or not same_line(left, head)):
        left = left.doc[left.i + 1]
    return left.idx, right.idx + len(right.text)


_TITLE_FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "for", "to", "at"})


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
    while window and (window[0].is_punct and window[0].text in {",", *_DASHES}):
        gap += window[0].text
        window = window[1:]
    if not window:
        return None
    content = text[mq.start : mq.end]
    separated = bool(set(gap) & {",", *_DASHES}) or content[-1:] in ",.!?…:–—-"
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
    if any(ch in _DASHES for ch in gap) and len(window) <= 6:
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
        if token.lower_ == "according" and token.i + 1 < len(token.doc):
            to = token.doc[token.i + 1]
            if to.lower_ != "to":
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


def is_potential_speaker(token: Token) -> bool:
    if token.lower_ in GROUP_SPEAKERS and token.pos_ in ("PRON", "DET", "ADJ", "NUM", "NOUN"):
        # ("some argue ...", "most of them said ...", "those surveyed say ...": a group or a
        # share of people)
        return True
    if token.pos_ == "PRON":
        return token.lower_ in SPEAKER_PRONOUNS
    # ("two in three said ...": a number stands for the people counted)
    return token.pos_ in ("PROPN", "NOUN", "NUM")


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


def keep_as_quote(candidate: Candidate) -> bool:
    """Scare quotes and titles are not quotes: short, verbless, with no speaker of their own."""
    if candidate.source in ("before", "after", "according"):
        return candidate.words >= 1
    if candidate.source == "fragment":
        return candidate.words >= 3 and not candidate.title_case
    return candidate.words >= 4 and candidate.has_verb


def headline_candidate(
    doc: Doc, text: str, headline: Range | None, marked: list[MarkedQuote]
) -> Candidate | None:
    """`Statement – Speaker` or `Speaker: statement` on the headline line."""
    if headline is None:
        return None
    h_start, h_end = headline
    line = text[h_start:h_end]
    body: Range
    who: Range
    cue: Range
    leading = next((mq for mq in marked if mq.open_at == h_start + len(line) - len(line.lstrip())),
                   None)
    after_quote = _HEADLINE_DESCRIPTOR.match(text, leading.close_at + 1, h_end) if leading else None
    dash = _HEADLINE_DASH.match(line)
    colon = _HEADLINE_COLON.match(line)
    if after_quote is not None:
        # `“Statement”: a military analyst on the summer campaign`
        body = (h_start, leading.close_at + 1) if leading else (h_start, h_start)
        who = (after_quote.start("who"), after_quote.end("who"))
        cue = (after_quote.start("sep"), after_quote.end("sep"))
    elif dash is not None and len(dash.group("who").split()) <= _HEADLINE_SPEAKER_WORDS:
        body = (h_start + dash.start("body"), h_start + dash.end("body"))
        who = (h_start + dash.start("who"), h_start + dash.end("who"))
        cue = (h_start + dash.end("body"), h_start + dash.start("who"))
    elif colon is not None and len(colon.group("who").split()) <= 4:
        body = (h_start + colon.start("body"), h_start + colon.end("body"))
        who = (h_start + colon.start("who"), h_start + colon.end("who"))
        cue = (who[1], who[1] + 1)
    else:
        return None
    who_span = doc.char_span(who[0], who[1], alignment_mode="expand")
    # The tagger often misreads a lone surname after a dash ("– Petrosyan") as an adjective, so
    # a capitalised word counts as a name here.
    nouns = [t for t in who_span or [] if t.pos_ in ("PROPN", "NOUN") or t.is_title]
    if who_span is None or not nouns:
        return None
    kind: QuoteKind = "indirect"
    start, end = body
    for mq in marked:
        if body[0] <= mq.open_at and mq.close_at < body[1]:
            kind, start, end = "direct", mq.start, mq.end
            break
    else:
        while end > start and text[end - 1] in QUOTE_MARK_CHARS | {" "}:
            end -= 1
    cue_start, cue_end = cue
    while cue_start < cue_end and text[cue_start] == " ":
        cue_start += 1
    while cue_end > cue_start and text[cue_end - 1] == " ":
        cue_end -= 1
    # The speaker is the descriptor's first noun phrase ("a military analyst" in "a military
    # analyst on the summer campaign"), or the name itself.
    speaker = name_head(nouns[0])
    if not (who[0] <= speaker.idx < who[1]):
        speaker = nouns[0]
    end_of_phrase = phrase_range(speaker)[1]
    candidate = Candidate(kind, start, end, (cue_start, cue_end), speaker,
                          (who[0], min(end_of_phrase, who[1])), "headline")
    return set_content_stats(candidate, doc)
