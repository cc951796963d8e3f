"""Which tokens of a parsed document carry a word of a word list, read off spaCy's arrays.

Asking token by token (``token.lemma_.lower() in words``) builds a ``Token`` and a string for
every token of the document; a document has a few hundred distinct lemmas and lower forms, so
each is looked up once and the answer spread back over the tokens. Stages use this to find the
few tokens a rule can start from before reading any of them as a ``Token``.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
from spacy.attrs import IS_SPACE, LEMMA, LOWER, ORTH, SENT_START
from spacy.tokens import Doc

# The distinct values of one attribute column of the latest document, decoded, and each token's
# place among them. Stages ask about the same document many times (a few hundred distinct
# strings each time); lemmas, lower forms and spellings do not change once it is parsed.
_latest: tuple[Doc, int, dict[tuple[int, bool], tuple[list[str], np.ndarray]]] | None = None


def _column(sdoc: Doc, attr: int, fold: bool) -> tuple[list[str], np.ndarray]:
    global _latest
    latest = _latest
    if latest is None or latest[0] is not sdoc or latest[1] != len(sdoc):
        latest = (sdoc, len(sdoc), {})
        _latest = latest
    column = latest[2].get((attr, fold))
    if column is None:
        distinct, inverse = np.unique(sdoc.to_array(attr), return_inverse=True)
        strings = sdoc.vocab.strings
        decoded = [strings[v].lower() if fold else strings[v] for v in distinct.tolist()]
        column = (decoded, inverse.reshape(-1))
        latest[2][(attr, fold)] = column
    return column


def _carrying(sdoc: Doc, attr: int, words: Collection[str], fold: bool) -> np.ndarray:
    decoded, inverse = _column(sdoc, attr, fold)
    wanted = np.fromiter((value in words for value in decoded), dtype=bool, count=len(decoded))
    return wanted[inverse]


def lemma_in(sdoc: Doc, words: Collection[str]) -> np.ndarray:
    """Per token: ``token.lemma_.lower() in words``."""
    return _carrying(sdoc, LEMMA, words, fold=True)


def exact_lemma_in(sdoc: Doc, words: Collection[str]) -> np.ndarray:
    """Per token: ``token.lemma_ in words``."""
    return _carrying(sdoc, LEMMA, words, fold=False)


def lower_in(sdoc: Doc, words: Collection[str]) -> np.ndarray:
    """Per token: ``token.lower_ in words``."""
    return _carrying(sdoc, LOWER, words, fold=False)


def orth_in(sdoc: Doc, words: Collection[str]) -> np.ndarray:
    """Per token: ``token.text in words``."""
    return _carrying(sdoc, ORTH, words, fold=False)



def lower_forms(sdoc: Doc) -> list[str]:
    """Per token: ``token.lower_`` (each distinct form decoded once)."""
    decoded, inverse = _column(sdoc, LOWER, False)
    return [decoded[k] for k in inverse.tolist()]


def folded_lemmas(sdoc: Doc) -> list[str]:
    """Per token: ``token.lemma_.lower()`` (each distinct lemma decoded once)."""
    decoded, inverse = _column(sdoc, LEMMA, True)
    return [decoded[k] for k in inverse.tolist()]


def sentence_firsts(sdoc: Doc) -> np.ndarray:
    """Per token: whether it starts a sentence of the parse (the first token always does)."""
    firsts = sdoc.to_array(SENT_START) == 1
    if len(firsts):
        firsts[0] = True
    return firsts


def line_break_tokens(sdoc: Doc) -> np.ndarray:
    """Per token: whether it holds a line break. spaCy keeps every line break in a whitespace
    token of its own (a token's trailing whitespace is one space at most), so only the
    whitespace tokens are read."""
    holds = np.zeros(len(sdoc), dtype=bool)
    for i in np.flatnonzero(sdoc.to_array(IS_SPACE)).tolist():
        holds[i] = "\n" in sdoc[i].text
    return holds


# how many line-break tokens come before each token of the latest document
_latest_breaks: tuple[Doc, int, np.ndarray] | None = None


def line_breaks_before(sdoc: Doc) -> np.ndarray:
    """``out[i]``: how many tokens before token ``i`` hold a line break (``len(sdoc) + 1``
    values)."""
    global _latest_breaks
    latest = _latest_breaks
    if latest is not None and latest[0] is sdoc and latest[1] == len(sdoc):
        return latest[2]
    out = np.concatenate([[0], np.cumsum(line_break_tokens(sdoc))])
    _latest_breaks = (sdoc, len(sdoc), out)
    return out
