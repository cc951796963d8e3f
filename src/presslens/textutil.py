"""Small text helpers shared by the stages."""

from __future__ import annotations

import hashlib


def normalise_newlines(text: str) -> str:
    """Line endings to ``\\n`` and nothing else changed: offsets are taken on this text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def document_id(text: str) -> str:
    """Stable id of an analysed text: the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
