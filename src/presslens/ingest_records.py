"""Raw articles and the containers that hold their metadata: HTML pages and JSON/JSONL records.

Split from ``presslens.ingest``, which finds the inputs and reads their bytes: this module turns
decoded text into ``RawArticle`` objects once the container's format is known, and keeps what each
format says about an article (a page's head, a record's fields) as metadata hints. Every article
passes the same text checks whatever container it came in.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from presslens.errors import InputError
from presslens.ingest_text import check_text
from presslens.metadata import normalise_date
from presslens.model import Meta

# Fewer words than this (or no paragraph of MIN_PARAGRAPH_WORDS) after HTML extraction means the
# page held navigation or a teaser, not an article.
MIN_ARTICLE_WORDS = 15
MIN_PARAGRAPH_WORDS = 8


@dataclass(frozen=True)
class RawArticle:
    """An article as read from its container, before analysis."""

    text: str
    source: str  # for messages: a path, "path:line" for JSONL records, or "<stdin>"
    source_path: str | None = None  # the path, or "path:line" for records of a JSON/JSONL file
    meta: Meta = field(default_factory=Meta)  # hints from the container (HTML head, JSON fields)
    # What was read but left out (a 'published' that is not a date): said to the user, not fatal.
    warnings: tuple[str, ...] = ()


def checked_article(
    article: RawArticle, source: str, source_path: str | None, max_bytes: int
) -> RawArticle | InputError:
    """Check an article's text; the same checks hold whatever container it came in."""
    try:
        check_text(article.text, source, max_bytes=max_bytes)
    except InputError as err:
        return err
    if article.source_path != source_path:
        article = RawArticle(
            article.text, article.source, source_path, article.meta, article.warnings
        )
    return article


# --- HTML ----------------------------------------------------------------------------------


def extract_html(html: str, source: str) -> RawArticle:
    """The main text of a web page and its metadata hints, with trafilatura (no network)."""
    import trafilatura  # imported late: only HTML inputs need it

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        # htmldate reports a day without a time as midnight; metadata reads midnight as "no time".
        date_extraction_params={"outputformat": "%Y-%m-%dT%H:%M", "original_date": True},
    )
    body = (getattr(result, "text", None) or "") if result is not None else ""
    # trafilatura puts one paragraph per line; plain-text articles separate them by blank lines,
    # and the later stages see the same layout whatever the container.
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    words = sum(len(p.split()) for p in paragraphs)
    longest = max((len(p.split()) for p in paragraphs), default=0)
    if words < MIN_ARTICLE_WORDS or longest < MIN_PARAGRAPH_WORDS:
        raise InputError(source, "no article text found in the HTML page", code="no_article")
    authors = [a.strip() for a in (getattr(result, "author", None) or "").split(";") if a.strip()]
    date = getattr(result, "date", None)
    if date and date.endswith("T00:00"):
        date = date[: -len("T00:00")]
    meta = Meta(
        title=getattr(result, "title", None) or None,
        published=date or None,
        outlet=getattr(result, "sitename", None) or None,
        authors=authors,
        url=getattr(result, "url", None) or None,
    )
    return RawArticle(text="\n\n".join(paragraphs) + "\n", source=source, meta=meta)


# --- JSON and JSONL records ----------------------------------------------------------------


def read_records(
    text: str, source: str, source_path: str | None, lines: bool, max_bytes: int
) -> Iterator[RawArticle | InputError]:
    if lines:
        yield from _read_jsonl(text, source, source_path, max_bytes)
        return
    try:
        data = json.loads(text)
    except ValueError as err:
        raise InputError(source, f"invalid JSON: {err}", code="bad_record") from err
    if isinstance(data, list):
        if not data:
            raise InputError(source, "JSON list holds no records", code="empty")
        for number, item in enumerate(data, start=1):
            where = f"{source}[{number}]"
            yield _record_article(item, where, _joined(source_path, f"[{number}]"), max_bytes)
    else:
        yield _record_article(data, source, source_path, max_bytes)


def _read_jsonl(
    text: str, source: str, source_path: str | None, max_bytes: int
) -> Iterator[RawArticle | InputError]:
    seen = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen = True
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except ValueError as err:
            yield InputError(where, f"invalid JSON on this line: {err}", code="bad_record")
            continue
        yield _record_article(record, where, _joined(source_path, f":{number}"), max_bytes)
    if not seen:
        yield InputError(source, "JSONL file holds no records", code="empty")


def _joined(source_path: str | None, suffix: str) -> str | None:
    return None if source_path is None else source_path + suffix


def _record_article(
    record: Any, source: str, source_path: str | None, max_bytes: int
) -> RawArticle | InputError:
    """One JSON record: ``text`` and optional ``title``, ``published``, ``outlet``, ``url``,
    ``authors`` (a list, or one string); other keys are ignored."""
    if not isinstance(record, dict):
        return InputError(source, "record is not a JSON object", code="bad_record")
    text = record.get("text")
    if not isinstance(text, str):
        return InputError(source, "record has no string field 'text'", code="bad_record")
    try:
        meta = Meta(
            title=_optional_str(record, "title", source),
            published=_optional_str(record, "published", source),
            outlet=_optional_str(record, "outlet", source),
            url=_optional_str(record, "url", source),
            authors=_authors(record.get("authors"), source),
        )
    except InputError as err:
        return err
    warnings = published_warnings(meta.published)
    article = RawArticle(text, source, source_path, meta, warnings)
    return checked_article(article, source, source_path, max_bytes)


def published_warnings(published: str | None) -> tuple[str, ...]:
    """A warning when a given ``published`` is not a date the analysis reads: it is left out
    (the dateline in the text, if any, is used instead), and the user should know."""
    if published is None or normalise_date(published) is not None:
        return ()
    return (
        f"field 'published' {published!r} is not a date (YYYY-MM-DD, YYYY-MM-DDTHH:MM or "
        "'3 March 2025'); left out",
    )


def _optional_str(record: dict[str, Any], key: str, source: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(source, f"field {key!r} must be a string", code="bad_record")
    return value.strip() or None


def _authors(value: Any, source: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(a, str) for a in value):
        raise InputError(source, "field 'authors' must be a list of strings", code="bad_record")
    return [a.strip() for a in value if a.strip()]
