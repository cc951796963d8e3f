"""Dates in datelines and hints: "November 29, 2025", "3 March 2025", "14 марта 2025 года",
"29.11.2025", "2025-03-14", with a time when one follows, as ISO 8601.

The month names, weekdays, words after a year and dateline labels of every language presslens
reads are data (``data/<language>/dates.yaml``). Everything here is a pure function of its
arguments.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from presslens.lexicon.words import word_data, word_set, word_table

# Dates, datelines and bylines of every language presslens reads: month names, the words after a
# year and the labels before a date or an author are data (data/<language>/dates.yaml).
DATE_LANGUAGES = ("en", "ru")


def alternatives(words: Iterable[str], *, any_space: bool = False) -> str:
    """A regex alternation of ``words``, longest first (so "Sept" is tried before "Sep");
    ``any_space``: a space in a phrase matches any run of whitespace."""
    escaped = (re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return "|".join(e.replace(r"\ ", r"\s+") if any_space else e for e in escaped)


_MONTHS: dict[str, int] = {
    word: int(number)
    for language in DATE_LANGUAGES
    for word, number in word_table("dates", "months", language).items()
}
_MONTH = rf"(?P<month>(?:{alternatives(_MONTHS)})\.?)"
# words after a year that still belong to the date ("14 марта 2025 года"), where a language has them
_YEAR_WORDS = [
    w for language in DATE_LANGUAGES if "year_words" in word_data("dates", language)
    for w in word_set("dates", "year_words", language)
]
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)" + (rf"(?:\s+(?:{alternatives(_YEAR_WORDS)})(?!\w))?" if _YEAR_WORDS else "")
_WEEKDAY = (
    r"(?:(?:"
    + alternatives(w for lang in DATE_LANGUAGES for w in word_set("dates", "weekdays", lang))
    + r"),?\s+)?"
)
_TIME = (
    r"(?:(?:\s*,\s*|\s+at\s+|\s*\|\s*|\s+-\s+|\s+|T)"
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?))?"
    r"(?:Z|[+-]\d{2}:?\d{2}|\s*\(?(?:UTC|GMT|MSK|CET|CEST|EET|EEST)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?\)?)?)?"
)
_DATE_PATTERNS = [
    re.compile(_WEEKDAY + body + _TIME, re.IGNORECASE)
    for body in (
        _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,  # November 29, 2025 / Nov. 3 2024
        _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR,  # 3 March 2025
        _DAY + r"\.(?P<month>\d{1,2})\." + _YEAR,  # 29.11.2025
        _YEAR + r"-(?P<month>\d{2})-(?P<day>\d{2})",  # 2025-03-14
    )
]
DATELINE_LABEL = re.compile(
    rf"(?:(?:{alternatives(w for lang in DATE_LANGUAGES for w in word_set('dates', 'dateline_labels', lang))})"
    r"\s*:?\s*(?:on\s+)?)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    iso: str  # YYYY-MM-DD or YYYY-MM-DDTHH:MM
    start: int
    end: int


def match_date(text: str, pos: int = 0) -> DateMatch | None:
    """A date (with its time, when one follows) starting exactly at ``pos``.

    The time is kept as written: datelines give the outlet's local time, and a zone suffix, when
    present, is dropped rather than converted, so every form yields the same wall-clock time.
    """
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text, pos)
        if m is None:
            continue
        iso = _iso_from_match(m)
        if iso is not None:
            return DateMatch(iso, m.start(), m.end())
    return None


def normalise_date(value: str) -> str | None:
    """``value`` (any supported form, e.g. a hint from HTML or JSON) as ISO 8601, else None."""
    value = value.strip()
    found = match_date(value)
    if found is None or value[found.end :].strip():
        return None
    return found.iso


def _iso_from_match(m: re.Match[str]) -> str | None:
    month_text = m.group("month").rstrip(".").lower()
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
    try:
        day = date(int(m.group("year")), month, int(m.group("day")))
    except ValueError:  # 31.02.2025 and the like are not dates
        return None
    if m.group("hour") is None:
        return day.isoformat()
    hour, minute = int(m.group("hour")), int(m.group("minute"))
    ampm = (m.group("ampm") or "").replace(".", "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return datetime(day.year, day.month, day.day, hour, minute).strftime("%Y-%m-%dT%H:%M")
