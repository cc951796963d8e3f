"""Claim segments: sentences cut at line breaks, semicolons and clause-joining ", and/but".

Pieces are token ranges read off the document's arrays (``DocArrays``); only a candidate
conjunction of a clause cut is looked at as a spaCy ``Token``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from presslens.claims.features import DocArrays, _among, _h, _hs

MIN_WORDS = 3

_LEAD_TRIM = " \t\n“”\"«»„‘’'–—-:,;"
_TAIL_TRIM = ' \t\n“”"«»„‘’,'
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_CLAUSE_JOINERS = _hs("and", "but", "while", "whereas", "yet")
_DEP_CC = np.uint64(_h("cc"))
# the lower form is "," or ";" only for "," and ";"
_COMMA = np.uint64(_h(","))
_SEMICOLON = np.uint64(_h(";"))


@dataclass(frozen=True)
class Segment:
    start_tok: int
    end_tok: int  # exclusive
    start: int  # characters, trimmed
    end: int


class _Pieces:
    """Token attributes the cutting reads, as lists of plain values."""

    def __init__(self, sdoc: Doc, arrays: DocArrays, text: str) -> None:
        self.sdoc = sdoc
        self.idx: list[int] = arrays.idx.tolist()
        self.length: list[int] = arrays.length.tolist()
        self.alpha_before = [0, *np.cumsum(arrays.is_alpha).tolist()]
        self.comma: list[bool] = (arrays.lower == _COMMA).tolist()
        # a coordinating "and", "but", "while", "whereas" or "yet": where a clause cut may be
        joiners = (arrays.dep == _DEP_CC) & _among(arrays.lower, _CLAUSE_JOINERS)
        self.joiners: list[int] = np.flatnonzero(joiners).tolist()
        # tokens whose text holds a line break
        breaks = [i for i, ch in enumerate(text) if ch == "\n"]
        at = np.searchsorted(arrays.idx, breaks, side="right") - 1
        self.line_breaks = {
            int(t)
            for t, c in zip(at.tolist(), breaks, strict=True)
            if t >= 0 and c < self.idx[t] + self.length[t]
        }

    def alpha(self, start: int, end: int) -> int:
        return self.alpha_before[end] - self.alpha_before[start]

    def clause_cut(self, start: int, end: int) -> int | None:
        """The token of ``start:end`` at a ", and/but" that joins two clauses with their own
        subjects (the comma is before it)."""
        first = bisect_left(self.joiners, start + 1)
        for i in self.joiners[first:]:
            if i >= end - 1:
                break
            if not self.comma[i - 1]:
                continue
            tok = self.sdoc[i]
            head = tok.head
            conj = next((c for c in head.children if c.dep_ == "conj" and c.i > tok.i), None)
            if conj is None or conj.pos_ not in ("VERB", "AUX"):
                continue
            if not any(c.dep_ in _SUBJECT_DEPS for c in conj.children):
                continue
            if not any(c.dep_ in _SUBJECT_DEPS for c in head.children):
                continue
            if self.alpha(start, i - 1) >= 4 and self.alpha(i, end) >= 4:
                return i
        return None


def segments(
    sdoc: Doc, cuts: Iterable[int] = (), text: str | None = None, arrays: DocArrays | None = None
) -> list[Segment]:
    """Sentences cut at line breaks, semicolons and clause-joining ", and/but", and before the
    first token at or after each character offset of ``cuts`` (where direct quotes begin and
    end, so that a quoted clause and its attribution are apart)."""
    if text is None:
        text = sdoc.text  # built from the tokens on every access: read it once
    arrays = DocArrays.of(sdoc) if arrays is None else arrays
    pieces = _Pieces(sdoc, arrays, text)
    semicolons: list[bool] = (arrays.lower == _SEMICOLON).tolist()
    cut_at = {bisect_left(pieces.idx, c) for c in cuts}
    ranges: list[tuple[int, int]] = []
    for sent in sdoc.sents:
        current = sent.start  # the piece being read is current:i
        for i in range(sent.start, sent.end):
            if i in pieces.line_breaks:
                ranges.append((current, i))
                current = i + 1
                continue
            if i in cut_at and i > current:
                ranges.append((current, i))
                current = i
            if semicolons[i]:
                ranges.append((current, i + 1))
                current = i + 1
        ranges.append((current, sent.end))
    out: list[Segment] = []
    stack = [(s, e) for s, e in ranges if e > s]
    stack.reverse()
    while stack:
        s, e = stack.pop()
        cut = pieces.clause_cut(s, e)
        if cut is not None:
            stack.append((cut, e))
            stack.append((s, cut - 1))
            continue
        if pieces.alpha(s, e) < MIN_WORDS:
            continue
        start = pieces.idx[s]
        end = pieces.idx[e - 1] + pieces.length[e - 1]
        while start < end and text[start] in _LEAD_TRIM:
            start += 1
        while end > start and text[end - 1] in _TAIL_TRIM:
            end -= 1
        if end > start:
            out.append(Segment(s, e, start, end))
    return out
