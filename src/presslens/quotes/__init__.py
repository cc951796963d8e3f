"""Quotes: direct and indirect speech with the speaker resolved to an actor.

``extract_quotes`` is pure: the same document and parse always give the same quotes, numbered
``q1``, ``q2``, ... in text order. Direct quotations are found from the quotation marks
(``marks``), their cue and speaker phrase from the parse (``attribution``), and the speaker phrase
is turned into an actor id only on evidence (``speakers``).
"""

from __future__ import annotations

from spacy.tokens import Doc

from presslens.lexicon.speech import QUESTION_LINE, TURN_LINE
from presslens.model import Document, Quote, Span
from presslens.quotes.attribution import (
    Candidate,
    Range,
    direct_candidates,
    headline_candidate,
    is_speech_verb,
    keep_as_quote,
    subject_of,
)
from presslens.quotes.dateline import without_dateline
from presslens.quotes.detached import colon_candidates
from presslens.quotes.indirect import indirect_candidates
from presslens.quotes.marks import find_marked_quotes
from presslens.quotes.reported import (
    as_candidates,
    headline_speech_candidate,
    parenthetical_candidates,
    speaker_label_candidates,
)
from presslens.quotes.speakers import Resolved, SpeakerResolver, reach
from presslens.syntax.vocatives import addressed_mentions

__all__ = ["extract_quotes"]

# Unattributed quotations inherit the previous speaker over at most this many narrative
# paragraphs (interviewer questions not counted).
_MAX_NARRATIVE_PARAGRAPHS = 1
# A first line of at most this many words, alone before a blank line, is a headline.
_HEADLINE_MAX_WORDS = 16


def extract_quotes(doc: Document, sdoc: Doc) -> list[Quote]:
    """Direct and indirect quotes of ``doc``, in text order, with speakers as actor ids."""
    text = doc.text
    headline = _headline_range(doc)
    marked = find_marked_quotes(text)
    direct = [c for c in direct_candidates(sdoc, text, marked, headline) if keep_as_quote(c)]
    head = headline_candidate(sdoc, text, headline, marked)
    if head is not None:
        direct.insert(0, head)
    # (words after "X said:" are verbatim: read before the reported clauses that would claim them)
    colon = colon_candidates(sdoc, text, [*((c.start, c.end) for c in direct),
                                          *((m.open_at, m.close_at + 1) for m in marked),
                                          *([headline] if headline is not None else [])])
    direct += colon
    indirect = indirect_candidates(sdoc, text, [*((m.open_at, m.close_at + 1) for m in marked),
                                                *((c.start, c.end) for c in colon)])
    direct_ranges = [(c.start, c.end) for c in direct]
    direct += speaker_label_candidates(
        sdoc, text, [*direct_ranges, *((c.start, c.end) for c in indirect),
                     *([headline] if headline is not None else [])])
    direct_ranges = [(c.start, c.end) for c in direct]
    headline_speech = None if head is not None else headline_speech_candidate(sdoc, text, headline)
    if headline_speech is not None and not any(
            c.start < headline_speech.end and headline_speech.start < c.end for c in indirect):
        indirect.append(headline_speech)
    framed = parenthetical_candidates(
        sdoc, [*direct_ranges, *((m.open_at, m.close_at + 1) for m in marked)])
    # the framed sentence is the quote; a report nested inside it ("Instead, she said, her boss
    # told her ...") is part of its content
    indirect = [c for c in indirect if not _inside_any(c, framed)]
    indirect += [f for f in framed
                 if not any(c.start < f.end and f.start < c.end for c in indirect)]
    indirect += as_candidates(sdoc, [*direct_ranges, *((m.open_at, m.close_at + 1) for m in marked),
                                     *((c.start, c.end) for c in indirect)])
    candidates = sorted([*direct, *indirect], key=lambda c: (c.start, c.end, c.kind))
    candidates = _drop_duplicates(candidates)

    quoted = [*direct_ranges, *((c.start, c.end) for c in indirect)]
    resolver = SpeakerResolver(doc, sdoc, quoted)
    interviewee = _interviewee(doc)
    history: list[Resolved] = []
    for candidate in candidates:
        if candidate.source == "headline":
            continue
        if candidate.source:
            speaker = resolver.resolve(candidate, history)
        else:
            speaker = _continued_speaker(candidate, history, resolver, sdoc, text)
            split_from = _split_from(candidate, history, text)
            if split_from is not None:
                # the second piece of a split quotation ("“...,” an aide said. “...”") has the
                # first piece's speaker, whether or not an actor was resolved for it
                candidate.speaker_phrase = split_from.candidate.speaker_phrase
                candidate.cue = split_from.candidate.cue
                speaker = speaker or split_from.speaker
            if speaker is None and _answers_a_turn(candidate, text):
                speaker = interviewee or _addressed_before(doc, sdoc, candidate.start)
        if speaker is None and candidate.kind == "indirect" and resolver.in_question(
                Resolved(candidate, None)):
            # "– Ministers say India backs them?": an interviewer's framing of a question
            continue
        history.append(Resolved(candidate, speaker))
    if head is not None:
        history.insert(0, Resolved(head, _headline_speaker(head, history, resolver)))

    quotes: list[Quote] = []
    for number, item in enumerate(sorted(history, key=lambda r: (r.candidate.start, r.candidate.end)),
                                  start=1):
        c = item.candidate
        quotes.append(
            Quote(
                id=f"q{number}",
                kind=c.kind,
                start=c.start,
                end=c.end,
                text=text[c.start : c.end],
                speaker=item.speaker,
                cue=_span(text, c.cue),
                speaker_span=_span(text, c.speaker_phrase),
                actors=resolver.actors_in((c.start, c.end)),
            )
        )
    return without_dateline(quotes, doc)


def _interviewee(doc: Document) -> str | None:
    """The one person among the article's authors and interviewees (``meta.authors``, which the
    metadata stage fills from "in an interview with X, political scientist Y ...") whom the
    text names as an actor (a byline's author is seldom one); without one, an answer goes to the
    person the interviewer last addressed by name (``_addressed_before``)."""
    named = set(doc.meta.authors)
    people = {a.id for a in doc.actors if a.kind == "person"
              and (a.name in named or any(m.text in named for m in a.mentions if m.role == "name"))}
    return people.pop() if len(people) == 1 else None


def _addressed_before(doc: Document, sdoc: Doc, pos: int) -> str | None:
    """The person an earlier interviewer's turn addresses by name ("– Oleg Ivanovich, ...",
    ``syntax.vocatives.addressed``): the latest such name mention before ``pos``."""
    addressed_at: tuple[int, str] | None = None
    for actor, mention, _ in addressed_mentions(doc, sdoc, lambda a: a.kind == "person"):
        if mention.role == "name" and mention.start < pos and (
                addressed_at is None or mention.start > addressed_at[0]):
            addressed_at = (mention.start, actor.id)
    return addressed_at[1] if addressed_at else None


def _answers_a_turn(candidate: Candidate, text: str) -> bool:
    """A quotation that opens its paragraph right after an interviewer's turn ("– Is that the
    whole story?" then "“Of course not. ...") is the interviewee's answer."""
    if candidate.kind != "direct":
        return False
    line_start = text.rfind("\n", 0, candidate.start) + 1
    if text[line_start:candidate.start].strip(" \t\"“”„«»'‘’"):
        return False
    before = text[:line_start].rstrip().rsplit("\n", 1)[-1]
    return bool(TURN_LINE.search(before))


def _inside_any(candidate: Candidate, others: list[Candidate]) -> bool:
    return any(o.start <= candidate.start and candidate.end <= o.end and o is not candidate
               for o in others)


def _split_from(candidate: Candidate, history: list[Resolved], text: str) -> Resolved | None:
    """The quotation this one continues right after its attribution: nothing but marks and
    punctuation between that attribution and this quotation."""
    if not history or candidate.kind != "direct":
        return None
    previous = history[-1]
    p = previous.candidate
    if p.kind != "direct" or p.speaker_phrase is None or p.cue is None:
        return None
    gap = text[reach(p) : candidate.start]
    if reach(p) > candidate.start or "\n" in gap or any(ch.isalnum() for ch in gap):
        return None
    return previous


def _span(text: str, r: Range | None) -> Span | None:
    if r is None or r[1] <= r[0]:
        return None
    return Span(start=r[0], end=r[1], text=text[r[0] : r[1]])


def _headline_range(doc: Document) -> Range | None:
    """The headline line: from the metadata when it was located, else the first line."""
    if doc.meta.title_span is not None:
        return doc.meta.title_span.start, doc.meta.title_span.end
    first_break = doc.text.find("\n")
    if first_break <= 0:
        return None
    # A first line that ends like a sentence is body text, not a headline, unless it stands
    # alone and short before a blank line (archives end their headlines with a full stop).
    first_line = doc.text[:first_break].rstrip()
    stands_alone = (doc.text.startswith("\n", first_break + 1)
                    and len(first_line.split()) <= _HEADLINE_MAX_WORDS
                    and first_line[:1] not in "“\"«„‘")  # a quotation opens the body
    if first_line[-1:] in ".!?”»\"" and not stands_alone:
        return None
    return 0, first_break


def _drop_duplicates(candidates: list[Candidate]) -> list[Candidate]:
    """One quote per stretch of text: an indirect reading inside a direct quote is dropped."""
    kept: list[Candidate] = []
    for c in candidates:
        clash = next((k for k in kept if k.start < c.end and c.start < k.end), None)
        if clash is not None and clash.kind == c.kind:
            continue
        kept.append(c)
    return kept


def _headline_speaker(head: Candidate, body: list[Resolved], resolver: SpeakerResolver) -> str | None:
    """The headline's speaker: the person the body introduces with the headline's title noun
    ("..., says Turkish analyst": "the security analyst Emre Kaya"), else its own words, else the
    body's single quoted speaker."""
    if head.speaker_head is not None and head.speaker_head.pos_ == "NOUN":
        introduced = resolver.introduced_as(head.speaker_head)
        if introduced is not None:
            return introduced
    found = resolver.resolve(head, [])
    if found is not None:
        return found
    speakers = {r.speaker for r in body if r.speaker is not None}
    if head.speaker_head is not None and head.speaker_head.pos_ == "NOUN" and len(speakers) == 1:
        return next(iter(speakers))
    return None


def _continued_speaker(
    candidate: Candidate,
    history: list[Resolved],
    resolver: SpeakerResolver,
    sdoc: Doc,
    text: str,
) -> str | None:
    """An unattributed quotation continues the previous speaker only when nothing in between
    could have handed the word to someone else: no other person named in the narration, no
    other attribution, and at most one narrative paragraph (interviewer questions aside)."""
    # (a quote reported in an interviewer's question does not hand the word to its speaker)
    previous = next((r for r in reversed(history)
                     if (r.candidate.kind == "direct" or r.speaker) and not resolver.in_question(r)),
                    None)
    if previous is None or previous.speaker is None:
        return None
    p = previous.candidate
    gap_start, gap_end = reach(p), candidate.start
    if p.cue is not None and p.cue[0] < len(text):
        # whoever the attribution's own sentence names beside the speaker ("told CNN's host")
        # is the addressee, not a new speaker
        cue_token = sdoc.char_span(p.cue[0], p.cue[1], alignment_mode="expand")
        if cue_token is not None:
            gap_start = max(gap_start, min(cue_token.sent.end_char, gap_end))
    if gap_end <= gap_start:
        return previous.speaker
    if resolver.other_person_between(previous.speaker, gap_start, gap_end):
        return None
    narrative = 0
    for line in text[gap_start:gap_end].split("\n")[1:-1]:
        if line.strip() and not QUESTION_LINE.search(line):
            narrative += 1
    if narrative > _MAX_NARRATIVE_PARAGRAPHS:
        return None
    gap = sdoc.char_span(gap_start, gap_end, alignment_mode="contract")
    if gap is not None:
        for token in gap:
            line_start = text.rfind("\n", 0, token.idx) + 1
            line_end = text.find("\n", token.idx)
            line = text[line_start : line_end if line_end != -1 else len(text)]
            if is_speech_verb(token) and subject_of(token) is not None and not QUESTION_LINE.search(line):
                return None
    return previous.speaker
