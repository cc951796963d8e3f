"""Context-dependent gazetteer names: one surface form, several entries, read by its sentence.

A form listed under ``context_names`` ("Congo" for both Congos, "Macedonia" for the state) is
matched like a name; which entry it stands for is decided by the sentence it sits in: the entry
with a ``cue`` there (the nearest cue when several entries have one) unless a ``not_with`` form
of that entry is there too; with no cue, the entry marked ``default``; with no default, nobody
(bare "Macedonia" in a text about the Greek region is not an actor).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from presslens.actors.gazetteer import ContextName, Entry


@lru_cache(maxsize=4096)
def _pattern(form: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])")


def _sentence(sdoc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character range of the sentence holding tokens ``start:end`` (the whole text if unparsed)."""
    if sdoc.has_annotation("SENT_START") or sdoc.has_annotation("DEP"):
        sent = sdoc[start].sent
        return sent.start_char, sent.end_char
    return 0, len(sdoc.text)


def _nearest(text: str, forms: tuple[str, ...], lo: int, hi: int, at: int,
             skip: tuple[int, int]) -> int | None:
    """Distance in characters from ``at`` to the nearest of ``forms`` in ``text[lo:hi]``, outside
    the ``skip`` range (the ambiguous form itself)."""
    best: int | None = None
    for form in forms:
        for m in _pattern(form).finditer(text, lo, hi):
            if m.start() < skip[1] and m.end() > skip[0]:
                continue
            distance = abs(m.start() - at)
            if best is None or distance < best:
                best = distance
    return best


def choose_entry(sdoc: Doc, start: int, end: int,
                 candidates: list[tuple[Entry, ContextName]]) -> Entry | None:
    """The entry the form at tokens ``start:end`` stands for, or None (see the module doc)."""
    text = sdoc.text
    lo, hi = _sentence(sdoc, start, end)
    at, stop = sdoc[start].idx, sdoc[end - 1].idx + len(sdoc[end - 1])
    scored: list[tuple[int, str, Entry]] = []
    defaults: list[Entry] = []
    for entry, context in candidates:
        if _nearest(text, context.not_with, lo, hi, at, (at, stop)) is not None:
            continue
        distance = _nearest(text, context.cues, lo, hi, at, (at, stop))
        if distance is not None:
            scored.append((distance, entry.key, entry))
        elif context.default:
            defaults.append(entry)
    if scored:
        return min(scored, key=lambda s: (s[0], s[1]))[2]
    return defaults[0] if len(defaults) == 1 else None
