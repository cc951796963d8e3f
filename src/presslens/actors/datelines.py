"""The place of a dateline is where the article was filed, not an actor.

Wire copy opens with the filing place in capitals before the date or the agency ("MINSK, 12
December 2025", "VIENNA (Reuters) -"). NER reads the capitalised word as an organisation, and
the gazetteer, which matches names as written, does not know "MINSK": the word became an
organisation actor of its own ("org:minsk"). The named entities among the capitalised words
before the dateline's date (``meta.published_span``) or before a bracketed agency
(``meta.outlet_span``) on the same line are set aside, so that no pass makes an actor of them.
"""

from __future__ import annotations

from spacy.tokens import Span

from presslens.model import Meta

_PLACE_PUNCTUATION = ",(/-–—."  # "MINSK, ...", "VIENNA (Reuters) -", "ST. PETERSBURG"
_MAX_PLACE_CHARS = 40  # a place, not a line of text that happens to precede a date


def dateline_places(text: str, meta: Meta) -> list[tuple[int, int]]:
    """Character ranges of the capitalised filing places before a dateline's date or agency."""
    found: list[tuple[int, int]] = []
    for span in (meta.published_span, meta.outlet_span):
        if span is None:
            continue
        line_start = text.rfind("\n", 0, span.start) + 1
        before = text[line_start:span.start]
        words = [w.strip(_PLACE_PUNCTUATION) for w in before.replace("(", " ").split()]
        words = [w for w in words if w]
        if words and len(before) <= _MAX_PLACE_CHARS and all(w.isupper() for w in words):
            found.append((line_start, span.start))
    return found


def outside_dateline_places(ents: tuple[Span, ...], text: str, meta: Meta) -> tuple[Span, ...]:
    places = dateline_places(text, meta)
    if not places:
        return ents
    return tuple(e for e in ents if not any(s <= e.start_char and e.end_char <= end for s, end in places))
