"""Small text helpers shared by the stages."""

from __future__ import annotations

import hashlib
import re


def normalise_newlines(text: str) -> str:
    """Line endings to ``\\n`` and nothing else changed: offsets are taken on this text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_id(text: str) -> str:
    """Stable id of an analysed text: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# what may follow a question's mark at the end of a sentence ("Will Hungary block it?”")
_AFTER_QUESTION = "\"'”’»“ "
# the dashes that open an interviewer's turn ("– Timur Rashidovich, ...") or set off the words of
# a reply from their attribution (en dash, em dash, and the hyphen typed for either)
DASHES = frozenset({"–", "—", "-"})


def ends_in_question(text: str) -> bool:
    """Whether ``text`` ends in a question mark, closing quotation marks and spaces aside."""
    return text.rstrip(_AFTER_QUESTION).endswith("?")


_OPENERS = {"“": "”", "«": "»", "„": "“", "‘": "’"}
# every character quoted_regions reacts to: its openers and the closers they wait for
_REGION_MARKS = re.compile("[" + re.escape('“«„"' + "".join(_OPENERS.values())) + "]")


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges between matching quotation marks (marks excluded), outermost only.

    A rough, fast scan used by stages that only need to know whether a position is inside
    quoted speech (pronoun resolution, stance holders); the quote stage does the real work.
    Straight double quotes toggle; an unclosed mark at a paragraph end stays open so that
    multi-paragraph quotes count as one region; a region never closed is dropped.
    """
    regions: list[tuple[int, int]] = []
    closer: str | None = None
    start = 0
    # only the marks change the state: visit them alone
    for mark in _REGION_MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if closer is None:
            if ch in ("“", "«", "„") or (ch == '"'):
                closer = '"' if ch == '"' else _OPENERS[ch]
                start = i + 1
        elif ch == closer:
            regions.append((start, i))
            closer = None
        elif ch == "“" and closer == "”" and i > 0 and text[i - 1] == "\n":
            continue  # a continuation paragraph re-opens the same quote
    return regions
