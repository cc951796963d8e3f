"""Quotation marks: find the stretches of text that stand between an opening and a closing mark.

This works on characters only (no parse), so that a quotation is found the same way whatever
spaCy makes of it. Conventions handled: curly “…”, straight "…", guillemets «…», low-high „…“
single ‘…’ and the typewriter pair ``…''; nested marks of another family inside a quotation are left in its text.

A quotation may run over several paragraphs in two ways: every continuation paragraph opens with
a mark and only the last one closes, or (common in translated interviews) the paragraphs between
the first opening mark and the final closing mark carry no marks at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening character -> characters that can close it.
_CLOSERS: dict[str, frozenset[str]] = {
    "“": frozenset("”"),
    '"': frozenset('"'),
    "«": frozenset("»"),
    "„": frozenset("“”"),
    "‘": frozenset("’"),
}
_ALL_MARKS = frozenset("“”\"«»„‘’")
# For the parse-based readers: the tokens that open a quotation (the tokenizer keeps the
# typewriter pair ``...'' as one token) and every quotation-mark character.
OPENING_MARKS = frozenset({*"“\"«„‘`", "``"})
QUOTE_MARK_CHARS = frozenset("“”\"«»„‘’")
# The double mark of the other family that sloppy copy closes a quotation with.
_MIXED_CLOSER = {"“": '"', '"': "”"}
# A paragraph break: a blank line, or a single line break (headline and dateline lines).
_PARAGRAPH_BREAK = re.compile(r"\n\s*")
# Characters after which an opening mark may stand, and before which a closing mark may stand.
_BEFORE_OPEN = frozenset(" \t\n([{—–-/:,;")
_AFTER_CLOSE = frozenset(" \t\n)]}.,;:!?—–-…/")
# A convention-2 quotation is not carried over more paragraphs than this.
MAX_UNMARKED_PARAGRAPHS = 8


@dataclass(frozen=True)
class MarkedQuote:
    """A stretch between quotation marks: ``open_at``/``close_at`` index the marks themselves."""

    open_at: int
    close_at: int  # index of the closing mark, or of the paragraph end for an unclosed one
    start: int  # first non-space character of the content
    end: int  # after the last non-space character of the content
    closed: bool  # False when no closing mark was found and the paragraph end was used


def _can_open(text: str, i: int) -> bool:
    before_ok = i == 0 or text[i - 1] in _BEFORE_OPEN or text[i - 1] in _ALL_MARKS
    after_ok = i + 1 < len(text) and not text[i + 1].isspace()
    return before_ok and after_ok


def _can_close(text: str, i: int) -> bool:
    before_ok = i > 0 and not text[i - 1].isspace()
    after_ok = i + 1 >= len(text) or text[i + 1] in _AFTER_CLOSE or text[i + 1] in _ALL_MARKS
    return before_ok and after_ok


def _is_opener(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "“«„":
        return True
    if ch == '"':
        return _can_open(text, i) and not _can_close(text, i)
    if ch == "‘":
        return _can_open(text, i)
    return False


def _is_closer_for(text: str, i: int, opener: str) -> bool:
    ch = text[i]
    if ch not in _CLOSERS[opener]:
        return False
    if ch in '"’':
        # Straight quotes and the apostrophe-shaped ’ are closers only where the context says so.
        return _can_close(text, i)
    return True


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            bounds.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        bounds.append((pos, len(text)))
    return bounds


def _first_family_mark(text: str, start: int, end: int, opener: str) -> tuple[int, bool] | None:
    """The first mark of ``opener``'s family in text[start:end], and whether it closes."""
    family = {opener, *_CLOSERS[opener]}
    for i in range(start, end):
        if text[i] in family:
            if _is_closer_for(text, i, opener) and not (
                text[i] == opener and _can_open(text, i) and not _can_close(text, i)
            ):
                return i, True
            if text[i] == opener:
                return i, False
    return None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_TYPEWRITER_PAIR = re.compile(r"``|''")


def typewriter_as_curly(text: str) -> str:
    """``text`` with the typewriter pairs of newspaper archives read as curly marks, length
    kept so that every offset still points into ``text``. Two backticks open; two apostrophes
    open where a mark may open (after a space, before a word: archives use them both ways) and
    close elsewhere. An opening pair becomes a space and “, a closing pair ” and a space."""
    if "``" not in text and "''" not in text:
        return text

    def curly(match: re.Match[str]) -> str:
        i = match.start()
        opens = match.group() == "``" or (
            (i == 0 or text[i - 1] in _BEFORE_OPEN) and i + 2 < len(text) and not text[i + 2].isspace()
        )
        return " “" if opens else "” "

    return _TYPEWRITER_PAIR.sub(curly, text)


_OPENING_MARK = re.compile("[" + re.escape("".join(_CLOSERS)) + "]")


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """All quotations between marks, in text order (nested ones stay inside their parent)."""
    text = typewriter_as_curly(text)
    paragraphs = _paragraph_bounds(text)
    found: list[MarkedQuote] = []
    p_index = 0
    i = 0
    n = len(text)
    while i < n:
        while p_index < len(paragraphs) and paragraphs[p_index][1] <= i:
            p_index += 1
        if p_index >= len(paragraphs):
            break
        if text[i] not in _CLOSERS:
            # jump to the next mark that may open a quote: visiting every character cost more
            # than the work on the marks
            found_mark = _OPENING_MARK.search(text, i + 1)
            i = found_mark.start() if found_mark else n
            continue
        if not _is_opener(text, i):
            i += 1
            continue
        opener = text[i]
        close = _find_close(text, i, opener, paragraphs, p_index)
        if close is None:
            i += 1
            continue
        close_at, closed = close
        start, end = _trimmed(text, i + 1, close_at)
        if end > start:
            found.append(MarkedQuote(i, close_at, start, end, closed))
        i = close_at + 1
    return found


def _find_close(
    text: str, open_at: int, opener: str, paragraphs: list[tuple[int, int]], p_index: int
) -> tuple[int, bool] | None:
    """Where the quotation opened at ``open_at`` closes, following it over paragraph breaks."""
    p_end = paragraphs[p_index][1]
    hit = _first_family_mark(text, open_at + 1, p_end, opener)
    if hit is None and opener in _MIXED_CLOSER:
        # Copy that mixes families (“... " or "... ”) closes a quotation with the other
        # family's mark; only taken where the paragraph holds no closer of the opener's own.
        other = _MIXED_CLOSER[opener]
        mixed = next((i for i in range(open_at + 1, p_end)
                      if text[i] == other and _can_close(text, i)), None)
        if mixed is not None:
            return mixed, True
    if hit is not None:
        pos, closes = hit
        if closes:
            return pos, True
        # Another opener of the same family before any closer: the first mark was stray.
        return None
    if opener == "‘":
        # Single quotes never run over paragraphs: too easily confused with apostrophes.
        return None
    first_end = p_end
    unmarked = 0
    for q in range(p_index + 1, len(paragraphs)):
        q_start, q_end = paragraphs[q]
        starts_with_opener = text[q_start] == opener and _is_opener(text, q_start)
        hit = _first_family_mark(text, q_start + 1 if starts_with_opener else q_start, q_end, opener)
        if starts_with_opener:
            # Convention 1: the continuation paragraph reopens the quotation.
            if hit is not None and hit[1]:
                return hit[0], True
            if hit is not None:
                break
            continue
        if hit is None:
            unmarked += 1
            if unmarked > MAX_UNMARKED_PARAGRAPHS:
                break
            continue
        if hit[1]:
            # Convention 2: unmarked paragraphs, then a paragraph whose first mark closes.
            return hit[0], True
        break
    # Never closed: keep the opening paragraph only, marked as unclosed.
    return first_end, False
