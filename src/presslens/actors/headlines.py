"""Title-case and all-caps headline lines, read as what they are.

A headline capitalises every word ("Adam Schiff Threatens to Subpoena Mueller After Russia Probe
Wraps", "ROBERT MUELLER NOT RECOMMENDING NEW CHARGES"), so the tagger takes its verbs and nouns
for parts of names ("Adam Schiff Threatens", "Subpoena Mueller"). Such a line is re-tagged on a
case-normalised copy: a word keeps its capital only where the article shows it is a name (the
body writes it capitalised away from a sentence start, or it is a word of a gazetteer name), and
the copy's entities and part-of-speech tags replace the line's. The copy has the same characters
but for case, so its offsets are the line's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from presslens.actors.gazetteer import Gazetteer
from presslens.metadata import Line, find_byline
from presslens.nlp import load_nlp

MIN_HEADLINE_WORDS = 3
# share of a line's longer words written with a capital for the line to be a title-case headline:
# all of them (words of four letters or fewer are left out: styles differ on "to", "with", "from")
TITLE_CASE_SHARE = 1.0
_SHORT_WORD = 4
_SENTENCE_END = (".", "!", ";", ":", ",", "\"", "”", "»")


def normalise_headlines(sdoc: Doc, gazetteer: Gazetteer, text: str | None = None) -> None:
    """Re-tag the title-case and all-caps headline lines of ``sdoc`` in place (entities, POS).
    ``text`` is ``sdoc.text`` when the caller has it (``Doc.text`` joins every token anew)."""
    text = sdoc.text if text is None else text
    lines = headline_lines(text)
    if not lines:
        return
    names = _capitalised_in_body(sdoc, lines) | gazetteer_words(gazetteer)
    acronyms = _acronyms_in_body(sdoc, lines) | gazetteer_acronyms(gazetteer)
    normalised = {(start, end): _case_normalised(text[start:end], names, acronyms) for start, end in lines}
    # a line whose capitals are all names reads the same: its tagging stands
    lines = [(start, end) for (start, end), line in normalised.items() if line != text[start:end]]
    kept = [e for e in sdoc.ents if not any(e.start_char < end and start < e.end_char for start, end in lines)]
    nlp = load_nlp()
    for start, end in lines:
        copy = nlp(normalised[(start, end)])
        for ent in copy.ents:
            span = sdoc.char_span(start + ent.start_char, start + ent.end_char, label=ent.label_,
                                  alignment_mode="contract")
            if span is not None and len(span):
                kept.append(span)
        line = sdoc.char_span(start, end, alignment_mode="expand")
        if line is not None and [t.idx - start for t in line] == [t.idx for t in copy]:
            for token, retagged in zip(line, copy, strict=True):
                token.pos_, token.tag_ = retagged.pos_, retagged.tag_
    sdoc.ents = sorted(kept, key=lambda e: e.start)


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Character ranges of the lines written in title case or all capitals: at least three words,
    no sentence ending, and (nearly) every longer word capitalised."""
    found: list[tuple[int, int]] = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped and _is_headline(stripped) and not find_byline(Line(stripped, 0)):
            start = offset + raw.index(stripped[0])
            found.append((start, start + len(stripped)))
        offset += len(raw) + 1
    return found


def _is_headline(line: str) -> bool:
    if line.endswith(_SENTENCE_END) or line[0] in "–—-•*#":
        return False  # (most lines of a body: decided before the words are counted)
    words = [w for w in line.split() if any(ch.isalpha() for ch in w)]
    if len(words) < MIN_HEADLINE_WORDS:
        return False
    longer = [w for w in words if sum(ch.isalpha() for ch in w) > _SHORT_WORD]
    if not longer:
        return False
    capitalised = sum(_first_letter(w).isupper() for w in longer)
    return capitalised / len(longer) >= TITLE_CASE_SHARE


def _first_letter(word: str) -> str:
    return next((ch for ch in word if ch.isalpha()), "")


def _case_normalised(line: str, names: frozenset[str], acronyms: frozenset[str]) -> str:
    """The line in sentence case: its first word and the words known as names capitalised,
    known acronyms in capitals, every other word in lower case (same length, same offsets)."""
    out: list[str] = []
    first = True
    # in a title-case line a word in capitals is an acronym; in an all-caps line, one the article
    # or the gazetteer knows as such
    all_caps = not any(ch.islower() for ch in line)
    for piece in re.split(r"(\s+)", line):
        if not piece.strip() or not any(ch.isalpha() for ch in piece):
            out.append(piece)
            continue
        lower = piece.lower()
        # a word whose case change alters its length is left as written, and so is an acronym
        if len(lower) != len(piece) or (piece.isupper() and (not all_caps or _core(lower) in acronyms)):
            out.append(piece)
        elif first or _core(lower) in names:
            out.append(_capitalise(lower))
        else:
            out.append(lower)
        first = False
    return "".join(out)


def _core(word: str) -> str:
    """A word without the punctuation around it and without a possessive ending."""
    core = word.strip("\"'“”‘’«»()[]:;,.!?")
    for ending in ("'s", "’s"):
        if core.endswith(ending):
            core = core[: -len(ending)]
    return core


def _capitalise(word: str) -> str:
    for i, ch in enumerate(word):
        if ch.isalpha():
            return word[:i] + ch.upper() + word[i + 1 :]
    return word


def _in_lines(char: int, lines: list[tuple[int, int]]) -> bool:
    return any(start <= char < end for start, end in lines)


def _capitalised_in_body(sdoc: Doc, lines: list[tuple[int, int]]) -> frozenset[str]:
    """Words (in lower case) the rest of the article writes with a capital away from a sentence
    start: the article's own evidence that a headline word is a name."""
    return frozenset(
        t.lower_ for t in sdoc
        if t.is_alpha and t.text[0].isupper() and not t.is_upper and not t.is_sent_start
        and not _in_lines(t.idx, lines)
    )


def _acronyms_in_body(sdoc: Doc, lines: list[tuple[int, int]]) -> frozenset[str]:
    return frozenset(
        t.lower_.strip(".") for t in sdoc
        if len(t.text) > 1 and t.text.replace(".", "").isalpha() and t.is_upper and not _in_lines(t.idx, lines)
    )


@lru_cache(maxsize=4)
def gazetteer_words(gazetteer: Gazetteer) -> frozenset[str]:
    """Every capitalised word (in lower case) of a gazetteer entry's names."""
    return frozenset(
        _core(word.lower())
        for entry in gazetteer
        for name in (entry.name, *entry.names, *entry.capitals, *entry.cities, *entry.seats, *entry.demonyms)
        for word in name.split()
        if word[:1].isupper()
    )


@lru_cache(maxsize=4)
def gazetteer_acronyms(gazetteer: Gazetteer) -> frozenset[str]:
    return frozenset(_core(a.lower()) for entry in gazetteer for a in entry.acronyms)
