"""A lede's dateline is the outlet's, never a speaker's words.

"MOSCOW, April 12, 2025 — Armenia is drifting from its allies, believes political scientist
Viktor Larionov": the sentence is the quote, but the place and date before the dash are the
dateline (``meta.published_span`` marks the date). Quotes of either language that start before
the dateline's dash start after it.
"""

from __future__ import annotations

import re

from presslens.model import Document, Quote

# after the date: an optional agency in brackets, then a dash and the space after it
_AFTER_DATE = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:[—–]|--?)[ \t]+(?=\S)")


def lede_start(doc: Document) -> tuple[int, int] | None:
    """(start of the dateline's line, start of the lede's words after its dash), or None when the
    article has no dateline run into its lede."""
    span = doc.meta.published_span
    if span is None:
        return None
    found = _AFTER_DATE.match(doc.text, span.end)
    if found is None:
        return None
    line_start = doc.text.rfind("\n", 0, span.start) + 1
    return line_start, found.end()


def without_dateline(quotes: list[Quote], doc: Document) -> list[Quote]:
    """``quotes``, each starting after the lede's dateline where it started before its end."""
    lede = lede_start(doc)
    if lede is None:
        return quotes
    line_start, words_start = lede
    out = []
    for quote in quotes:
        if line_start <= quote.start < words_start < quote.end:
            quote = quote.model_copy(
                update={"start": words_start, "text": doc.text[words_start:quote.end]}
            )
        out.append(quote)
    return out
