"""Read inputs (txt, HTML, JSON/JSONL, directories, stdin) into raw articles.

Placeholder interface; the full reader lands with the ingest work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from presslens.model import Meta


@dataclass(frozen=True)
class RawArticle:
    """An article as read from its container, before analysis."""

    text: str
    source: str  # for messages: a path, "path:line" for JSONL records, or "<stdin>"
    source_path: str | None = None
    meta: Meta = field(default_factory=Meta)  # hints from the container (HTML head, JSON fields)
