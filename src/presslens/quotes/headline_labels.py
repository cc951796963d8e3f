"""Headline labels: a headline line whose speaker is set off by a dash or a colon.

`Statement – Speaker`, `Speaker: statement` and `“Statement”: a military analyst on ...` name
their speaker without a speech verb, so the parse gives no cue; the line's shape does. (A
headline built as "X says ..." is read by ``reported.headline_speech_candidate``.)
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from presslens.model import QuoteKind
from presslens.quotes.candidates import Candidate, Range, set_content_stats
from presslens.quotes.marks import QUOTE_MARK_CHARS, MarkedQuote
from presslens.quotes.speaker_syntax import name_head, phrase_range

# "Headline – Speaker" and "Speaker: headline".
_HEADLINE_DASH = re.compile(r"^(?P<body>.*\S)\s+[–—-]\s+(?P<who>[^–—\-:]{2,60}?)\s*$")
_HEADLINE_COLON = re.compile(r"^(?P<who>[^:“\"«„]{2,40}):\s+(?P<body>\S.*)$")
_HEADLINE_SPEAKER_WORDS = 6
_HEADLINE_DESCRIPTOR = re.compile(r"\s*(?P<sep>[:–—-])\s+(?P<who>\S.{0,80}?)\s*$")


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
