"""Metadata of an article: title, dateline, outlet, authors, language.

Plain-text articles of this genre open with a headline line, a dateline and a lede that names the
outlet ("Speaking with Eurasia Courier, the political scientist ..."). ``extract_metadata`` reads
those conventions; hints from the container (HTML head, JSON fields) win for the fields they set.
Everything here is a pure function of its arguments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from presslens.errors import UnsupportedLanguage
from presslens.lexicon.words import word_set
from presslens.metadata_dates import (
    DATE_LANGUAGES,
    DATELINE_LABEL,
    DateMatch,
    alternatives,
    match_date,
    normalise_date,
)
from presslens.metadata_outlets import (
    UPPER,
    find_interviewee,
    find_outlet,
    find_self_named_outlet,
    is_person_name,
    sentence_at,
)
from presslens.model import Meta, Offsets

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

# How far into the text the header (headline, dateline, byline) may reach, in non-empty lines.
HEADER_LINES = 5
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30


# --- lines of the header -------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    text: str  # stripped
    start: int  # offset of the stripped text in the document

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def header_lines(text: str, limit: int = HEADER_LINES) -> list[Line]:
    """The first ``limit`` non-empty lines, stripped, with their offsets."""
    lines: list[Line] = []
    offset = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lines.append(Line(stripped, offset + raw.index(stripped[0])))
            if len(lines) == limit:
                break
        offset += len(raw) + 1
    return lines


def find_dateline(line: Line) -> DateMatch | None:
    """The date of a line that holds nothing else (bar a 'Published:' label, a place before it
    as in "WARSAW, 22 September 2025" or "ВАРШАВА, 22 сентября 2025", or a time zone)."""
    label = DATELINE_LABEL.match(line.text)
    starts = [label.end() if label else 0]
    starts += [w.start() for w in _WORD_START.finditer(line.text, 1, MAX_LEDE_PLACE_CHARS)]
    for pos in starts:
        found = match_date(line.text, pos)
        if found is None or line.text[found.end :].strip(" .|–—-"):
            continue
        if pos == starts[0] or _LEDE_PLACE.fullmatch(line.text, 0, pos):
            return DateMatch(found.iso, line.start + found.start, line.start + found.end)
    return None


# "MOSCOW, March 3, 2019 (Reuters) — ...", "LONDON (AP) Nov. 3, 2019 - ...", "3 March 2019 — ...":
# a place in capitals or title case (with a region after a comma), then the date, an optional
# agency in brackets, and a dash that opens the lede's first sentence.
_LEDE_PLACE = re.compile(
    rf"(?:{UPPER}[\w.'’-]*(?:[ \t]+{UPPER}[\w.'’-]*){{0,3}}(?:,[ \t]*{UPPER}[\w.'’-]*)?"
    r"(?:[ \t]*\([^()\n]{1,40}\))?,?[ \t]+)?"
)
_WORD_START = re.compile(r"(?<![^ \t,(])\S")
MAX_LEDE_PLACE_CHARS = 60
_LEDE_DATE_END = re.compile(r"(?:[ \t]*\([^()\n]{1,40}\))?[ \t]*(?:[—–]|--?)[ \t]+\S")


def find_lede_dateline(line: Line) -> DateMatch | None:
    """The date of a dateline that opens the lede's first line ("MOSCOW, March 3, 2019 (Reuters)
    — The Kremlin said ..."): only before a dash, so a date in a sentence is not taken for one."""
    for word in _WORD_START.finditer(line.text, 0, MAX_LEDE_PLACE_CHARS):
        pos = word.start()
        found = match_date(line.text, pos)
        if (
            found is not None
            and _LEDE_PLACE.fullmatch(line.text, 0, pos)
            and _LEDE_DATE_END.match(line.text, found.end)
        ):
            return DateMatch(found.iso, line.start + found.start, line.start + found.end)
    return None


# a label with a capital ("By", "Автор"), an optional colon or dash, then the names
_BYLINE_LABELS = [w for lang in DATE_LANGUAGES for w in word_set("dates", "byline_labels", lang)]
_BYLINE = re.compile(
    rf"(?:{alternatives(w[:1].upper() + w[1:] for w in _BYLINE_LABELS)})"
    r"(?:\s*[:—–-])?\s+(?P<names>.+)"
)
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")
_SENTENCE_LINE_END = re.compile(r"(?<=[.!?\"”»’])[ \t]*\n(?=[ \t]*\S)")
_NAME_LIST_SPLIT = re.compile(
    r"\s*(?:,|&|\b(?:"
    + alternatives(w for lang in DATE_LANGUAGES for w in word_set("dates", "name_separators", lang))
    + r")\b)\s*"
)


def find_byline(line: Line) -> list[str]:
    """Authors of a 'By Firstname Lastname' line ('and', '&' and commas separate several)."""
    m = _BYLINE.fullmatch(line.text)
    if m is None:
        return []
    names = [n for n in _NAME_LIST_SPLIT.split(m.group("names").rstrip(".")) if n]
    if not names or not all(is_person_name(n) for n in names):
        return []
    return names


def looks_like_title(line: Line, rest: list[Line]) -> bool:
    """A headline: short, no final period, not a dateline, byline or interview question."""
    text = line.text
    if not rest or len(text) > MAX_TITLE_CHARS or len(text.split()) > MAX_TITLE_WORDS:
        return False
    if text.endswith((".", ",", ";", ":")) and not text.endswith("..."):
        return False
    if text[0] in "–—-•*#" or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“«„‘'"):
        return False
    return find_dateline(line) is None and not find_byline(line)


# --- language ------------------------------------------------------------------------------

# Frequent English function words: text whose words are this often among them is English, even
# when a language identifier is misled by a density of Armenian, Turkic or Slavic names.
_ENGLISH_FUNCTION_WORDS = word_set("metadata", "function_words", "en")
MIN_ENGLISH_FUNCTION_SHARE = 0.12  # English, unless the identifier clearly says otherwise
SURE_ENGLISH_FUNCTION_SHARE = 0.2  # English, whatever the identifier says
MIN_LANGUAGE_EVIDENCE = 20  # letters of lowercase words below which the identifier is not asked
CLEAR_MARGIN = 0.5  # probability lead of another language over English that counts as clear
LANGUAGE_SAMPLE_CHARS = 5000
# Languages with a pipeline besides English (pipeline/languages.py), identified when the
# identifier ranks them first and the lowercase words are mostly in their script; other languages
# are refused. Ukrainian, Belarusian or Bulgarian text is not Russian and stays refused.
ANALYSED_LANGUAGES = frozenset({"ru"})
MIN_CYRILLIC_SHARE = 0.6


_CAPITALISED_WORD = re.compile(rf"{UPPER}[\w'’-]*")


@lru_cache(maxsize=1)
def _language_identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def cyrillic_share(text: str) -> float:
    """The share of the letters of ``text`` that are Cyrillic."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters)


def english_function_share(text: str) -> float:
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return 0.0
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / len(words)


def identify_language(text: str, *, source: str) -> str | None:
    """'en', 'ru', or None when undecided; raises ``UnsupportedLanguage`` for clearly other
    text.

    The identifier sees the text without its capitalised words: in this genre those are mostly
    names (Karaağaç, Hayastani Zhamanak, Mirziyoyev), which pull short English texts towards
    Turkic or Armenian, while the lowercase words carry the language's grammar.
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    share = english_function_share(sample)
    if share >= SURE_ENGLISH_FUNCTION_SHARE:
        return "en"  # the answer below whatever the identifier says; skip its cost
    lowercase = _CAPITALISED_WORD.sub(" ", sample)
    if sum(ch.isalpha() for ch in lowercase) < MIN_LANGUAGE_EVIDENCE:
        return "en" if share >= MIN_ENGLISH_FUNCTION_SHARE else None
    ranking = dict(_language_identifier().rank(lowercase))
    best, best_p = max(ranking.items(), key=lambda item: (item[1], item[0]))
    if best == "en" or share >= SURE_ENGLISH_FUNCTION_SHARE:
        return "en"
    if best in ANALYSED_LANGUAGES and cyrillic_share(lowercase) >= MIN_CYRILLIC_SHARE:
        return best
    if best_p - ranking.get("en", 0.0) >= CLEAR_MARGIN:
        raise UnsupportedLanguage(source, best)
    return "en" if share >= MIN_ENGLISH_FUNCTION_SHARE else None


# --- putting it together -------------------------------------------------------------------


def extract_metadata(text: str, hints: Meta, *, source: str) -> Meta:
    """Metadata from the header and lede of ``text``; ``hints`` win for the fields they set."""
    language = identify_language(text, source=source)
    lines = header_lines(text)
    meta = hints.model_copy(deep=True)
    meta.language = language

    header_end = 0
    title_line: Line | None = None
    if lines and looks_like_title(lines[0], lines[1:]):
        title_line = lines[0]
        header_end = title_line.end
    if meta.title is None and title_line is not None:
        meta.title = title_line.text
    if meta.title is not None:
        meta.title_span = _span_of(meta.title, lines[:1])

    dateline: DateMatch | None = None
    bylined: list[str] = []
    for line in lines:
        if line is title_line:
            continue
        found = find_dateline(line)
        if found is not None and dateline is None:
            dateline = found
            header_end = max(header_end, line.end)
            continue
        names = find_byline(line)
        if names and not bylined:
            bylined = names
            header_end = max(header_end, line.end)
            continue
        if dateline is None:
            dateline = find_lede_dateline(line)
        break  # the lede begins

    _set_published(meta, dateline)

    # the outlet: only the lede's own framing (its first paragraph), or the text naming itself
    lede_end = _lede_end(text, header_end)
    outlet = find_outlet(text, header_end, _lede_end(text, header_end, 1)) or find_self_named_outlet(
        text, header_end
    )
    if meta.outlet is None and outlet is not None:
        meta.outlet = outlet.name
    if outlet is not None and meta.outlet == outlet.name:
        meta.outlet_span = Offsets(start=outlet.start, end=outlet.end)

    authors = [*meta.authors, *bylined]
    interviewee: str | None = None
    # an interview framed for another outlet than the article's ("X told CNN" in a wire story) is
    # a quote, and its speaker no author
    if outlet is not None and outlet.interview and _same_outlet(outlet.name, meta.outlet):
        interviewee = find_interviewee(outlet.sentence, outlet.name)
    elif _is_interview(text, header_end, lede_end):
        first = _PARAGRAPH.search(text, header_end, lede_end)
        if first is not None:
            interviewee = find_interviewee(
                sentence_at(text, first.start(), first.start(), first.end()), ""
            )
    if interviewee is not None:
        authors.append(interviewee)
    meta.authors = list(dict.fromkeys(authors))
    return meta


def _same_outlet(named: str, outlet: str | None) -> bool:
    """The lede's outlet is the article's: the same name, or a short form of it ("Eurasia
    Courier" for "Eurasia Courier Online")."""
    return outlet is not None and named.lower() in outlet.lower()


def _span_of(title: str, first_line: list[Line]) -> Offsets | None:
    """Where a title stands in the text: only as the first line, as headlines do."""
    if first_line and " ".join(first_line[0].text.split()) == " ".join(title.split()):
        return Offsets(start=first_line[0].start, end=first_line[0].end)
    return None


def _set_published(meta: Meta, dateline: DateMatch | None) -> None:
    """A hinted date wins, normalised; the dateline still lends its span, and its time when the
    hint gives the same day without one."""
    hinted = normalise_date(meta.published) if meta.published else None
    if hinted is None:
        chosen = dateline
        meta.published = dateline.iso if dateline else None
    elif dateline is not None and (
        dateline.iso == hinted or (len(hinted) == 10 and dateline.iso.startswith(hinted + "T"))
    ):
        chosen = dateline
        meta.published = dateline.iso
    else:
        chosen = None
        meta.published = hinted
    if chosen is not None:
        meta.published_span = Offsets(start=chosen.start, end=chosen.end)


_INTERVIEW_QUESTION = re.compile(r"^[–—-][ \t]+[^\n]+\?[ \t]*$", re.MULTILINE)
# "We asked ...", "we spoke with ..." (data/en/metadata.yaml), the first letter in either case,
# longest first
_WE_ASKED = re.compile(r"\b(?:" + "|".join(
    f"[{phrase[0].upper()}{phrase[0].lower()}]{re.escape(phrase[1:])}"
    for phrase in sorted(word_set("metadata", "interview_ledes", "en"), key=lambda p: (-len(p), p))
) + r")\b")


def _is_interview(text: str, header_end: int, lede_end: int) -> bool:
    """An interview: the lede says 'we asked', or a dash-led question follows it."""
    if _WE_ASKED.search(text, header_end, lede_end):
        return True
    question = _INTERVIEW_QUESTION.search(text, header_end)
    return question is not None and question.start() <= lede_end + 2


def _lede_end(text: str, header_end: int, paragraphs: int = 2) -> int:
    """Where the first ``paragraphs`` paragraphs after the header end. A paragraph ends at a blank
    line, or at a line break after the end of a sentence: texts that put one paragraph on each
    line must not make the whole article one lede (hard-wrapped lines end mid-sentence)."""
    found, end = 0, header_end
    for block in _PARAGRAPH.finditer(text, header_end):
        for line_end in _SENTENCE_LINE_END.finditer(text, block.start(), block.end()):
            found, end = found + 1, line_end.start()
            if found == paragraphs:
                return end
        found, end = found + 1, block.end()
        if found == paragraphs:
            return end
    return end
