"""Readers for containers of many articles read from disk: WARC files and RSS/Atom feeds.

``presslens.ingest`` dispatches to ``read_container`` by suffix (``.warc``, ``.warc.gz``,
``.rss``, ``.atom``, and ``.xml`` files that hold a feed). Like the other readers, a bad record
yields an ``InputError`` in its place and the reader goes on; nothing here touches the network.

Sources: a WARC record is ``path@offset`` (the byte offset of the record, for random access),
a feed entry ``path:N`` (its position in the feed, from 1).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from presslens.errors import InputError
from presslens.ingest import (
    HTML_OVERHEAD,
    RawArticle,
    check_text,
    decode_text,
    extract_html,
    read_error,
)
from presslens.model import Meta

WARC_SUFFIXES = (".warc", ".warc.gz")
FEED_SUFFIXES = (".rss", ".atom")
HTML_TYPES = ("text/html", "application/xhtml+xml")

# Block elements whose text becomes one paragraph of a feed entry.
_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "blockquote", "pre")


def container_kind(path: Path) -> str | None:
    """'warc' or 'feed' when ``path`` names a container this module reads, else None."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    if name.endswith(".xml") and _looks_like_feed(path):
        return "feed"
    return None


def _looks_like_feed(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(2048).lower()
    except OSError:
        return False
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_container(path: Path, *, max_bytes: int) -> Iterator[RawArticle | InputError]:
    try:  # an unreadable file is reported as such, not as "not a WARC file"
        with path.open("rb"):
            pass
    except OSError as err:
        yield read_error(str(path), err)
        return
    kind = container_kind(path)
    if kind == "warc":
        yield from read_warc(path, max_bytes=max_bytes)
    elif kind == "feed":
        yield from read_feed(path, max_bytes=max_bytes)
    else:
        yield InputError(str(path), "not a WARC file or an RSS/Atom feed", code="bad_record")


# --- WARC ----------------------------------------------------------------------------------


def read_warc(path: Path, *, max_bytes: int) -> Iterator[RawArticle | InputError]:
    """The articles of the HTML responses of a WARC file (other records are passed over)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    source = str(path)
    seen = False
    limit = max_bytes * HTML_OVERHEAD
    if not _is_warc(path):
        yield InputError(source, "not a WARC file (no WARC/1.x header)", code="bad_record")
        return
    try:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if not content_type.startswith(HTML_TYPES):
                    continue
                seen = True
                body = _read_limited(record.content_stream(), limit + 1)
                # Asked only after the body is read: asking first empties the content stream.
                where = f"{source}@{records.get_record_offset()}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                yield _html_article(body, where, url, max_bytes, limit)
    except (ArchiveLoadFailed, OSError, ValueError, EOFError) as err:
        yield InputError(source, f"cannot read WARC file: {err}", code="bad_record")
        return
    if not seen:
        yield InputError(source, "WARC file holds no HTML responses", code="empty")


def _read_limited(stream: Any, limit: int) -> bytes:
    """At most ``limit`` bytes, read in chunks (warcio's decoding readers return nothing for
    one very large read)."""
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = stream.read(min(65536, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _is_warc(path: Path) -> bool:
    """A WARC file (or a gzipped one) starts with its version line, ``WARC/1.x``."""
    import gzip

    try:
        with path.open("rb") as fh:
            head = fh.read(2)
            fh.seek(0)
            if head == b"\x1f\x8b":
                with gzip.open(fh) as unzipped:
                    return unzipped.read(5) == b"WARC/"
            return fh.read(5) == b"WARC/"
    except (OSError, EOFError):
        return False


def _html_article(
    body: bytes, where: str, url: str | None, max_bytes: int, limit: int
) -> RawArticle | InputError:
    try:
        if len(body) > limit:
            raise InputError(where, f"HTML page is over {limit:,} bytes", code="too_large")
        article = extract_html(decode_text(body, where), where)
        check_text(article.text, where, max_bytes=max_bytes)
    except InputError as err:
        return err
    meta = article.meta
    if url and not meta.url:
        meta = meta.model_copy(update={"url": url})
    return RawArticle(article.text, where, where, meta)


# --- RSS and Atom --------------------------------------------------------------------------


def read_feed(path: Path, *, max_bytes: int) -> Iterator[RawArticle | InputError]:
    """One article per feed entry: its content (or summary) as text, with title, date, link,
    authors, and the feed's title as the outlet."""
    import feedparser

    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        yield read_error(source, err)
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = "feed holds no entries"
        if parsed.get("bozo"):
            reason = f"not a readable RSS/Atom feed ({parsed.get('bozo_exception')})"
        yield InputError(source, reason, code="bad_record" if parsed.get("bozo") else "empty")
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"{source}:{number}"
        try:
            yield _entry_article(entry, where, outlet, max_bytes)
        except InputError as err:
            yield err


def _entry_article(entry: Any, where: str, outlet: str | None, max_bytes: int) -> RawArticle:
    html = ""
    for content in entry.get("content") or []:
        if content.get("value"):
            html = content["value"]
            break
    html = html or entry.get("summary") or ""
    text = html_fragment_text(html)
    check_text(text, where, max_bytes=max_bytes)
    authors = [a.get("name") for a in entry.get("authors") or [] if a.get("name")]
    meta = Meta(
        title=entry.get("title") or None,
        published=_feed_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        outlet=outlet,
        authors=authors,
        url=entry.get("link") or None,
    )
    return RawArticle(text, where, where, meta)


def _feed_date(value: time.struct_time | None) -> str | None:
    if value is None:
        return None
    if value.tm_hour == 0 and value.tm_min == 0:
        return time.strftime("%Y-%m-%d", value)
    return time.strftime("%Y-%m-%dT%H:%M", value)


def html_fragment_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry's content): one paragraph per block element,
    separated by blank lines like plain-text articles."""
    if "<" not in html:
        return html.strip() + "\n" if html.strip() else ""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds for broken markup; fall back to the raw text
        return html.strip() + "\n"
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    paragraphs = [
        " ".join(el.text_content().split())
        for el in root.iter(*_BLOCKS)
        if not any(parent.tag in _BLOCKS for parent in el.iterancestors())
    ]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        whole = " ".join(root.text_content().split())
        paragraphs = [whole] if whole else []
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""
