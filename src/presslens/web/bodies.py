"""The body of ``POST /api/analyze`` as a raw article, with the same checks as file input.

``text/plain`` is decoded like a file (BOM, UTF-8, then a legacy code page), ``text/html`` goes
through trafilatura, and ``application/json`` is one record: ``text`` plus optional ``title``,
``published``, ``outlet``, ``url`` and ``authors``. Every refusal is an ``InputError`` (or a
``BadBody`` for a malformed request), never an unexpected exception.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from presslens.errors import InputError
from presslens.ingest import (
    RawArticle,
    check_text,
    decode_text,
    extract_html,
    published_warnings,
)
from presslens.model import Meta

SOURCE = "<request>"
TEXT_TYPES = frozenset({"text/plain", ""})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
JSON_TYPES = frozenset({"application/json"})


class BadBody(ValueError):
    """A request body that is not what its content type says; ``status`` is the HTTP status."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


class AnalyzeRequest(BaseModel):
    """A JSON body for ``POST /api/analyze``."""

    model_config = ConfigDict(extra="ignore")

    text: str = Field(description="The article text (plain text).")
    title: str | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD or YYYY-MM-DDTHH:MM.")
    outlet: str | None = None
    url: str | None = None
    authors: list[str] = Field(default_factory=list)

    @field_validator("authors", mode="before")
    @classmethod
    def _one_author(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def read_body(body: bytes, content_type: str | None, max_bytes: int) -> RawArticle:
    """The article a request body carries; raises ``BadBody`` or ``InputError``."""
    kind = media_type(content_type)
    if not body.strip():
        raise BadBody("empty body: send the article as text/plain, text/html or JSON")
    if kind in TEXT_TYPES:
        text = decode_text(body, SOURCE)
        check_text(text, SOURCE, max_bytes=max_bytes)
        return RawArticle(text=text, source=SOURCE)
    if kind in HTML_TYPES:
        article = extract_html(decode_text(body, SOURCE), SOURCE)
        check_text(article.text, SOURCE, max_bytes=max_bytes)
        return article
    if kind in JSON_TYPES:
        return _json_article(body, max_bytes)
    raise BadBody(
        f"unsupported content type {kind!r}: use text/plain, text/html or application/json",
        status=415,
    )


def _json_article(body: bytes, max_bytes: int) -> RawArticle:
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise BadBody(f"JSON body is not UTF-8 (invalid byte at {err.start})") from None
    except ValueError as err:
        raise BadBody(f"invalid JSON: {err}") from None
    if not isinstance(data, dict):
        raise BadBody("JSON body must be an object with a string field 'text'", status=422)
    try:
        request = AnalyzeRequest.model_validate(data)
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'body'}: {e['msg']}" for e in err.errors()
        )
        raise BadBody(f"invalid request: {problems}", status=422) from None
    check_text(request.text, SOURCE, max_bytes=max_bytes)
    meta = Meta(
        title=(request.title or "").strip() or None,
        published=(request.published or "").strip() or None,
        outlet=(request.outlet or "").strip() or None,
        url=(request.url or "").strip() or None,
        authors=[a.strip() for a in request.authors if a.strip()],
    )
    return RawArticle(
        text=request.text, source=SOURCE, meta=meta, warnings=published_warnings(meta.published)
    )


__all__ = ["AnalyzeRequest", "BadBody", "InputError", "media_type", "read_body"]
