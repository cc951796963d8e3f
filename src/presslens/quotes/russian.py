"""Quotes in Russian articles: direct and indirect speech with the speaker resolved to an actor.

``extract_russian_quotes`` is pure: the same document and parse always give the same quotes,
numbered ``q1``, ``q2``, ... in text order, in the English stage's contract (content spans without
the marks, ``cue`` the attribution verb or phrase, ``speaker_span`` the words naming the speaker,
``actors`` the actors mentioned inside). Direct speech is read from the marks and dialogue dashes
(``russian_direct``), indirect speech from the parse (``russian_indirect``), speakers from the
actor stage's mentions (``russian_speakers``).

Headlines: "Политолог Семёнов: Ереван превращают в форпост ..." (a speaker, a colon, words) is an
indirect quote of that speaker (a headline paraphrases; only marks make it direct:
"«Прибалтика ...»: эксперт о ..." is direct), content after the colon. A title alone
("Политолог: ...") is the person the body introduces with that title, else the body's most
quoted speaker. A dash headline ("Ереван — форпост Парижа") is never read as attributed: the
dash is the Russian copula as often as an attribution.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc

from presslens.model import Document, Quote, QuoteKind, Span
from presslens.quotes.dateline import without_dateline
from presslens.quotes.russian_attribution import Candidate, Range, TokenIndex, clause_end, lemma
from presslens.quotes.russian_direct import dash_quotes, marked_quotes, paragraphs
from presslens.quotes.russian_indirect import indirect_candidates
from presslens.quotes.russian_speakers import RussianSpeakers

__all__ = ["extract_russian_quotes"]

# A first line of at most this many words, not ending like a sentence, is the headline.
_HEADLINE_MAX_WORDS = 20
_HEADLINE_COLON = re.compile(r"(?P<who>[^:«»\"„“”]{2,60}?):\s+(?P<body>\S.*)")
_HEADLINE_MARKED = re.compile(r"[«\"„“](?P<body>[^«»\"„“”]+?)[»\"“”]\s*(?:[:,]\s*[—–]?|[—–])\s*(?P<who>\S.*)")
_HEADLINE_SPEAKER_WORDS = 6
# An unattributed quotation keeps the previous speaker over at most this many paragraphs.
_CONTINUATION_PARAGRAPHS = 2
# A person named this many words after the title in the body is the one the title introduces.
_TITLE_TO_NAME_WORDS = 4


def extract_russian_quotes(doc: Document, sdoc: Doc) -> list[Quote]:
    """Direct and indirect quotes of a Russian ``doc``, in text order, speakers as actor ids."""
    text = doc.text
    index = TokenIndex(sdoc)
    lines = paragraphs(text)
    headline = _headline_range(doc, lines)
    body = [line for line in lines if headline is None or line[0] >= headline[1]]
    dash, questions = dash_quotes(index, text, body)
    taken = [*((c.start, c.end) for c in dash), *questions, *([headline] if headline else [])]
    direct = sorted([*dash, *marked_quotes(index, text, body, taken)],
                    key=lambda c: (c.start, c.end))
    direct_ranges = [(c.start, c.end) for c in direct]
    cue_ranges = [c.cue for c in direct if c.cue is not None]
    excluded = [*direct_ranges, *questions, *([headline] if headline else [])]
    indirect = [_clipped(c, direct_ranges, text)
                for c in indirect_candidates(index, text, excluded, cue_ranges)]
    candidates = _drop_overlaps([*direct, *indirect])

    speakers = RussianSpeakers(doc, index)
    resolved: list[tuple[Candidate, str | None]] = []
    for candidate in candidates:
        if candidate.source:
            last = next((s for _, s in reversed(resolved) if s is not None), None)
            speaker = speakers.resolve(candidate, last)
        else:
            speaker = _continued(candidate, resolved, speakers, text)
        resolved.append((candidate, speaker))
    if headline is not None:
        head = _headline_candidate(index, text, headline)
        if head is not None:
            resolved.append((head, _headline_speaker(head, resolved, speakers, index)))

    quotes: list[Quote] = []
    ordered = sorted(resolved, key=lambda r: (r[0].start, r[0].end))
    for number, (c, speaker) in enumerate(ordered, start=1):
        quotes.append(Quote(
            id=f"q{number}", kind=c.kind, start=c.start, end=c.end, text=text[c.start : c.end],
            speaker=speaker, cue=_span(text, c.cue), speaker_span=_span(text, c.speaker_phrase),
            actors=speakers.actors_in((c.start, c.end))))
    return without_dateline(quotes, doc)


def _span(text: str, r: Range | None) -> Span | None:
    if r is None or r[1] <= r[0]:
        return None
    return Span(start=r[0], end=r[1], text=text[r[0] : r[1]])


def _clipped(candidate: Candidate, direct: list[Range], text: str) -> Candidate:
    """An indirect content stops before a direct quotation that opens inside it."""
    for start, _ in direct:
        if candidate.start < start < candidate.end:
            candidate.end = clause_end(text, candidate.start, start - 1)
    return candidate


def _drop_overlaps(candidates: list[Candidate]) -> list[Candidate]:
    """One quote per stretch of text: direct speech first, then the earlier indirect reading."""
    kept: list[Candidate] = []
    ordered = sorted(candidates, key=lambda c: (c.kind != "direct", c.start, -c.end))
    for c in ordered:
        if c.end <= c.start:
            continue
        if any(k.start < c.end and c.start < k.end for k in kept):
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))


def _continued(candidate: Candidate, resolved: list[tuple[Candidate, str | None]],
               speakers: RussianSpeakers, text: str) -> str | None:
    """An unattributed quotation continues the previous speaker when it stands within two
    paragraphs of that speaker's last quote and no other person is named in between."""
    if not resolved:
        return None
    previous, speaker = resolved[-1]
    if speaker is None:
        return None
    gap = (previous.end, candidate.start)
    if text.count("\n", *gap) > _CONTINUATION_PARAGRAPHS * 2:
        return None
    others = {m.actor_id for m in speakers.mentions
              if gap[0] <= m.start < gap[1] and m.kind == "person"}
    if others - {speaker}:
        return None
    return speaker


def _headline_range(doc: Document, lines: list[Range]) -> Range | None:
    if doc.meta.title_span is not None:
        return doc.meta.title_span.start, doc.meta.title_span.end
    if len(lines) < 2:
        return None
    start, end = lines[0]
    first = doc.text[start:end]
    if first[-1] in ".;" or len(first.split()) > _HEADLINE_MAX_WORDS:
        return None
    return start, end


def _headline_candidate(index: TokenIndex, text: str, headline: Range) -> Candidate | None:
    """"Кто: слова" (indirect) or "«Слова»: кто ..." (direct)."""
    line = text[headline[0] : headline[1]]
    marked = _HEADLINE_MARKED.fullmatch(line)
    kind: QuoteKind
    if marked is not None:
        kind, body, who = "direct", marked.span("body"), marked.span("who")
    else:
        colon = _HEADLINE_COLON.fullmatch(line)
        if colon is None or len(colon.group("who").split()) > _HEADLINE_SPEAKER_WORDS:
            return None
        kind, body, who = "indirect", colon.span("body"), colon.span("who")
        inner = colon.group("body")
        if inner[0] in "«\"„“" and inner[-1] in "»\"“”":
            kind, body = "direct", (body[0] + 1, body[1] - 1)
    base = headline[0]
    words = index.tokens(base + who[0], base + who[1])
    phrase = []
    for token in words:
        if token.pos_ == "ADP" or token.is_punct:
            break
        phrase.append(token)
    nouns = [t for t in phrase if t.pos_ in ("NOUN", "PROPN")]
    if not nouns:
        return None
    start = base + body[0]
    end = clause_end(text, start, base + body[1]) if kind == "indirect" else base + body[1]
    return Candidate(kind=kind, start=start, end=end, speaker_head=nouns[-1],
                     speaker_phrase=(phrase[0].idx, phrase[-1].idx + len(phrase[-1].text)),
                     source="headline")


def _headline_speaker(head: Candidate, body: list[tuple[Candidate, str | None]],
                      speakers: RussianSpeakers, index: TokenIndex) -> str | None:
    """The headline's own words, else the person the body introduces with its title noun, else
    the body's most quoted speaker."""
    assert head.speaker_phrase is not None
    found = speakers.at(head.speaker_phrase)
    if found is not None:
        return found
    titles = {lemma(t) for t in index.tokens(*head.speaker_phrase) if t.pos_ == "NOUN"}
    if titles:
        introduced = _introduced_as(titles, head.speaker_phrase[1], speakers, index)
        if introduced is not None:
            return introduced
    counts = Counter(s for _, s in body if s is not None)
    if not counts:
        return None
    best = max(counts.values())
    return next(s for _, s in body if s is not None and counts[s] == best)


def _introduced_as(titles: set[str], after: int, speakers: RussianSpeakers,
                   index: TokenIndex) -> str | None:
    """The person named right after the first body use of one of ``titles``."""
    doc = index.sdoc
    for token in doc[index.from_char(after):]:
        if not any(title in lemma(token).split("-") for title in titles):
            continue
        window = [t for t in doc[token.i : token.i + _TITLE_TO_NAME_WORDS + 1] if not t.is_space]
        if not window:
            continue
        end = window[-1].idx + len(window[-1].text)
        for m in speakers.mentions:
            if m.kind == "person" and token.idx <= m.start < end:
                return m.actor_id
    return None
