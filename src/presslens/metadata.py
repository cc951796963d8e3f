"""Metadata of an article: title, dateline, outlet, language (placeholder until the ingest work)."""

from __future__ import annotations

from presslens.model import Meta


def extract_metadata(text: str, hints: Meta, *, source: str) -> Meta:
    return hints.model_copy()
