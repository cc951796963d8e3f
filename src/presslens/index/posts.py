"""Who wrote a quoted post: first person inside a quoted tweet, post or statement is its author
(the one the text says wrote or posted it), not the article's latest speaker.

A post noun introduces the quote ("citing a tweet by Trump: “I ...”", "Trump's tweet read:
“I ...”", "A statement released by X said: “I ...”") or attributes it after it ("“I ...,” the
post read", "“I ...,” it said"). Its author is the actor after "by"/"from", the possessor or
modifier before it ("Trump's tweet", "a Trump tweet"), or — for "the post", "the tweet", "it" —
whoever posted last in this or the two sentences before ("Trump later weighed in on Twitter",
"Trump posted a message"). Without a post noun beside the quote the quote stage's speaker stands.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from presslens.lexicon import word_set

if TYPE_CHECKING:
    from presslens.index.document import DocumentIndex
    from presslens.model import Quote

_POST_NOUNS = word_set("references", "post_nouns")
_READING_VERBS = word_set("references", "post_reading_verbs")
_POSTING_VERBS = word_set("references", "posting_verbs")
_PLATFORMS = word_set("references", "platforms")
_PLATFORM_PREPS = word_set("references", "platform_preps")
_AUTHOR_PREPS = word_set("references", "post_author_preps")
_LINKING_WORDS = word_set("references", "post_linking_words")
_DEFINITE = word_set("references", "post_determiners")
_POST_PRONOUNS = word_set("references", "post_pronouns")
_POSSESSIVE_MARKERS = word_set("references", "possessive_markers")  # "Trump's tweet"
_POSSESSIVE_STOPS = word_set("references", "possessive_stops")
_WINDOW = 12  # tokens before a quote in which a post noun may introduce it
_AFTER = 5  # tokens after a quote in which "the post read" may attribute it
_SENTENCES_BACK = 2


def _mark(token: Token) -> bool:
    return token.is_punct or token.is_space or token.is_quote


def _post(token: Token) -> bool:
    return token.lemma_.lower() in _POST_NOUNS and token.pos_ in ("NOUN", "PROPN")


def _reading(token: Token) -> bool:
    return token.lemma_.lower() in _READING_VERBS or token.lower_ in _READING_VERBS


def quote_authors(index: DocumentIndex) -> dict[str, str]:
    """Quote id -> the author of the post it quotes, where the text names one other than the
    quote stage's speaker."""
    out: dict[str, str] = {}
    for quote in index.quote_spans:
        author = _author(index, quote)
        if author is not None and author != quote.speaker:
            out[quote.id] = author
    return out


def _author(index: DocumentIndex, quote: Quote) -> str | None:
    sdoc = index.sdoc
    span = sdoc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    first, last = span.start, span.end - 1
    while first > 0 and sdoc[first - 1].is_quote:
        first -= 1  # the opening marks
    while last + 1 < len(sdoc) and (sdoc[last + 1].is_quote or sdoc[last + 1].is_punct):
        last += 1  # the closing marks and punctuation
    return _introduced(index, quote, first) or _attributed_after(index, last)


def _introduced(index: DocumentIndex, quote: Quote, first: int) -> str | None:
    """"citing a tweet by Trump: “...”", "Trump's tweet read: “...”": the last post noun before
    the quote, with only its author, a reading verb and marks between it and the quote."""
    sdoc = index.sdoc
    start = max(sdoc[first].sent.start, first - _WINDOW) if first < len(sdoc) else first
    # the speaker's own attribution before the quote ("Pompeo said, citing a tweet by X: ...");
    # unless the quote stage took the post for the speaker ("A statement by X said: ...")
    speaker = quote.speaker_span
    cue_end = None if speaker is not None and _names_post(index, speaker.start, speaker.end) else max(
        (s.end for s in (quote.cue, speaker) if s is not None and s.end <= quote.start), default=None,
    )
    for i in range(first - 1, start - 1, -1):
        token = sdoc[i]
        if "\n" in token.text or (cue_end is not None and token.idx < cue_end):
            return None  # not past a paragraph, nor past the speaker's own attribution
        if _post(token):
            between = sdoc[i + 1 : first]
            if all(_mark(t) or _reading(t) or _authoring(index, t) for t in between):
                return _post_author(index, token, list(sdoc[i + 1 : first]))
            return None
    return None


def _names_post(index: DocumentIndex, start: int, end: int) -> bool:
    span = index.sdoc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(_post(t) for t in span)


def _authoring(index: DocumentIndex, token: Token) -> bool:
    """A word that may stand between a post noun and its quote: who wrote it and how ("by
    Trump", "released by X", "on Twitter", "on Tuesday")."""
    return (
        token.lower_ in _AUTHOR_PREPS
        or token.lower_ in _LINKING_WORDS
        or token.lemma_.lower() in _POSTING_VERBS
        or token.lower_ in _PLATFORMS
        or token.ent_type_ in ("DATE", "TIME", "PERSON", "ORG", "GPE", "NORP")
        or bool(index.by_token.get(token.i))
        or token.pos_ in ("PROPN", "DET")
    )


def _attributed_after(index: DocumentIndex, last: int) -> str | None:
    """"“...,” the post read", "“...,” Trump's tweet said", "“...,” it said"."""
    sdoc = index.sdoc
    window = sdoc[last + 1 : min(len(sdoc), last + 1 + _AFTER)]
    if not any(_reading(t) for t in window):
        return None
    for token in window:
        if "\n" in token.text:
            return None
        if _post(token):
            return _post_author(index, token, list(window))
        if token.lower_ in _POST_PRONOUNS and token.i + 1 < len(sdoc) and _reading(sdoc[token.i + 1]):
            return _latest_poster(index, token)
        if not (token.pos_ in ("DET", "PROPN", "PART", "ADJ") or _mark(token) or index.by_token.get(token.i)):
            return None  # "“...,” Pompeo said, citing a tweet": the speaker's own attribution
    return None


def _post_author(index: DocumentIndex, post: Token, tokens: list[Token]) -> str | None:
    """The author of a post noun: the actor after "by"/"from" up to the quote, the possessor or
    modifier just before it, else (a definite post) whoever posted last."""
    sdoc = index.sdoc
    for k, token in enumerate(tokens):
        if token.i > post.i and token.lower_ in _AUTHOR_PREPS:
            for other in tokens[k + 1 :]:
                named = _named(index, other)
                if named is not None:
                    return named
    i = post.i - 1
    while i >= 0 and sdoc[i].pos_ in ("ADJ", "PART", "NOUN") and not _post(sdoc[i]) and sdoc[i].lower_ not in _POSSESSIVE_STOPS:
        i -= 1
    if i >= 0 and sdoc[i].lower_ in _POSSESSIVE_MARKERS:
        i -= 1
    if i >= 0:
        named = _named(index, sdoc[i])
        if named is not None:
            return named
    if i >= 0 and sdoc[i].lower_ in _DEFINITE:
        return _latest_poster(index, post)
    return None


def _named(index: DocumentIndex, token: Token) -> str | None:
    ids, _ = index.at(token)
    persons = [i for i in ids if index.is_person(i)]
    found = persons or ids
    return found[0] if found else None


def _latest_poster(index: DocumentIndex, token: Token) -> str | None:
    """Whoever posted last before ``token`` in its sentence or the two before: the subject of a
    verb of posting or of a verb "on Twitter"."""
    sdoc = index.sdoc
    first = token.sent.start
    for _ in range(_SENTENCES_BACK):
        if first == 0:
            break
        first = sdoc[first - 1].sent.start
    for i in range(token.i - 1, first - 1, -1):
        verb = sdoc[i]
        if verb.pos_ != "VERB":
            continue
        posting = verb.lemma_.lower() in _POSTING_VERBS or any(
            prep.dep_ == "prep" and prep.lower_ in _PLATFORM_PREPS
            and any(p.dep_ == "pobj" and p.lower_ in _PLATFORMS for p in prep.children)
            for prep in verb.children
        )
        if not posting:
            continue
        ids, _ = index.clause_subject(verb)
        persons = [a for a in ids if index.is_person(a)]
        if persons or ids:
            return (persons or ids)[0]
    return None
