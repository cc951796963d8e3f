"""Which tokens of a parsed document carry a word of a word list, read off spaCy's arrays.

Asking token by token (``token.lemma_.lower() in words``) builds a ``Token`` and a string for
every token of the document; a document has a few hundred distinct lemmas and lower forms, so
each is looked up once and the answer spread back over the tokens. Stages use this to find the
few tokens a rule can start from before reading any of them as a ``Token``.
"""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.tokens import Doc


def _carrying(sdoc: Doc, attr: int, words: Collection[str], fold: bool) -> np.ndarray:
    values = sdoc.to_array(attr)
    strings = sdoc.vocab.strings
    wanted = [
        value
        for value in np.unique(values).tolist()
        if (strings[value].lower() if fold else strings[value]) in words
    ]
    return np.isin(values, np.array(wanted, dtype=np.uint64))


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
