"""Read inputs (txt, HTML, JSON/JSONL, directories, stdin) into raw articles.

``iter_articles`` never raises for a bad input: it yields an ``InputError`` in that input's place
and goes on, so that one unreadable file in a batch of thousands costs only itself. Everything
here is offline and deterministic (directories are walked in sorted order).
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from presslens.errors import InputError
from presslens.ingest_meta import is_side_file, merged, read_side_file, side_file
from presslens.metadata import normalise_date
from presslens.model import Meta

DEFAULT_MAX_BYTES = 2_000_000
"""Largest article text accepted, in bytes of UTF-8: long enough for any article, short enough
that a mistaken input (a book, a log file) does not stall a batch."""

HTML_OVERHEAD = 10
"""An HTML file may be this many times larger than the text limit: markup, scripts and styles
usually outweigh the article they carry."""

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

STDIN = "-"
STDIN_SOURCE = "<stdin>"

# Fewer words than this (or no paragraph of MIN_PARAGRAPH_WORDS) after HTML extraction means the
# page held navigation or a teaser, not an article.
MIN_ARTICLE_WORDS = 15
MIN_PARAGRAPH_WORDS = 8

# Share of control or replacement characters above which decoded text is taken for binary data.
MAX_NON_PRINTABLE = 0.05


@dataclass(frozen=True)
class RawArticle:
    """An article as read from its container, before analysis."""

    text: str
    source: str  # for messages: a path, "path:line" for JSONL records, or "<stdin>"
    source_path: str | None = None  # the path, or "path:line" for records of a JSON/JSONL file
    meta: Meta = field(default_factory=Meta)  # hints from the container (HTML head, JSON fields)
    # What was read but left out (a 'published' that is not a date): said to the user, not fatal.
    warnings: tuple[str, ...] = ()


def iter_articles(
    paths: Iterable[str | Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    published: str | None = None,
) -> Iterator[RawArticle | InputError]:
    """Every article in ``paths`` (files, directories, ``-`` for stdin), or an error in its place.

    A text or HTML file's side file (``ingest_meta``) gives its metadata; ``published`` (ISO
    8601, e.g. from ``--published``) dates every article read, over any other date."""
    for path in expand_paths(paths):
        if isinstance(path, InputError):
            items: Iterable[RawArticle | InputError] = [path]
        elif str(path) == STDIN:
            items = _read_stdin(max_bytes)
        else:
            items = _with_side_file(path, read_file(path, max_bytes=max_bytes))
        for item in items:
            if published is not None and isinstance(item, RawArticle):
                item = replace(item, meta=merged(item.meta, Meta(published=published)))
            yield item


def _with_side_file(
    path: Path, items: Iterable[RawArticle | InputError]
) -> Iterator[RawArticle | InputError]:
    """The articles of a text or HTML file with its side file's metadata, if it has one."""
    side = side_file(path) if path.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES else None
    if side is None:
        yield from items
        return
    try:
        given = read_side_file(side)
    except InputError as err:
        yield InputError(str(path), f"{err.reason} ({side.name})", code=err.code)
        return
    for item in items:
        if isinstance(item, RawArticle):
            item = replace(
                item,
                meta=merged(item.meta, given),
                warnings=(*item.warnings, *published_warnings(given.published)),
            )
        yield item


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files named and article files under directories named, in a stable order; a path that
    cannot be read (a directory without read permission, say) is an error in its place."""
    for raw in paths:
        path = Path(raw)
        if str(raw) == STDIN:
            yield Path(STDIN)
            continue
        try:
            is_dir = path.is_dir()
            is_file = not is_dir and path.is_file()
        except OSError as err:  # is_dir() raises for a path under a directory we may not enter
            yield read_error(str(path), err)
            continue
        if is_dir:
            found = sorted(_walk(path), key=_walk_order)
            if not found:
                yield InputError(
                    str(path),
                    "directory holds no articles (.txt, .html, .htm, .json, .jsonl)",
                    code="not_found",
                )
            yield from found
        elif is_file:
            yield path
        else:
            yield InputError(str(path), "no such file or directory", code="not_found")


def read_error(source: str, err: OSError) -> InputError:
    """An ``OSError`` met while reading ``source``, as that input's error: ``not_found`` when
    it is gone, ``unreadable`` when it is there but cannot be read (permissions, I/O)."""
    if isinstance(err, FileNotFoundError):
        return InputError(source, "no such file or directory", code="not_found")
    if isinstance(err, PermissionError):
        return InputError(source, "cannot read: permission denied", code="unreadable")
    return InputError(source, f"cannot read: {err.strerror or err}", code="unreadable")


def _walk_order(item: Path | InputError) -> tuple[str, ...]:
    # The order of sorted(paths), with the unreadable directories in their places among them.
    return Path(item.source).parts if isinstance(item, InputError) else item.parts


def _walk(directory: Path) -> Iterator[Path | InputError]:
    try:
        with os.scandir(directory) as listing:
            entries = list(listing)
    except OSError as err:
        yield read_error(str(directory), err)
        return
    for dir_entry in entries:
        if dir_entry.name.startswith("."):
            continue
        entry = Path(dir_entry.path)
        try:
            is_dir = dir_entry.is_dir()
            is_file = not is_dir and dir_entry.is_file()
        except OSError as err:
            yield read_error(str(entry), err)
            continue
        if is_dir:
            yield from _walk(entry)
        elif (
            is_file
            and (entry.suffix.lower() in ARTICLE_SUFFIXES or _container_kind(entry))
            # Annotation files of the devset and side files sit beside their articles and are
            # not articles.
            and not entry.name.endswith(".gold.json")
            and not is_side_file(entry)
        ):
            yield entry


def read_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawArticle | InputError]:
    """The articles of one file, by its suffix; unknown suffixes are sniffed like stdin."""
    source = str(path)
    suffix = path.suffix.lower()
    if _container_kind(path):
        from presslens.corpus.readers import read_container

        yield from read_container(path, max_bytes=max_bytes)
        return
    try:
        size = path.stat().st_size
        limit = _file_limit(suffix, max_bytes)
        if size > limit:
            yield _too_large(source, size, limit)
            return
        data = path.read_bytes()
    except OSError as err:
        yield read_error(source, err)
        return
    yield from _read_bytes(data, source, suffix, max_bytes=max_bytes, source_path=source)


def _container_kind(path: Path) -> str | None:
    """'warc' or 'feed' for WARC files and RSS/Atom feeds, read by ``presslens.corpus.readers``."""
    from presslens.corpus.readers import container_kind  # imported late: it imports this module

    return container_kind(path)


def _file_limit(suffix: str, max_bytes: int) -> int:
    if suffix in HTML_SUFFIXES:
        return max_bytes * HTML_OVERHEAD
    if suffix in JSON_SUFFIXES | JSONL_SUFFIXES:
        # Containers of many records: the limit holds per record, checked after parsing.
        return sys.maxsize
    return max_bytes


def _read_stdin(max_bytes: int) -> Iterator[RawArticle | InputError]:
    stream: BinaryIO = sys.stdin.buffer
    # Read one byte over the HTML allowance so an oversized stream is recognised without
    # holding all of it.
    data = stream.read(max_bytes * HTML_OVERHEAD + 1)
    if len(data) > max_bytes * HTML_OVERHEAD:
        yield _too_large(STDIN_SOURCE, len(data), max_bytes * HTML_OVERHEAD, at_least=True)
        return
    yield from _read_bytes(data, STDIN_SOURCE, "", max_bytes=max_bytes, source_path=None)


def _read_bytes(
    data: bytes,
    source: str,
    suffix: str,
    *,
    max_bytes: int,
    source_path: str | None,
) -> Iterator[RawArticle | InputError]:
    try:
        text = decode_text(data, source)
        kind = suffix if suffix in ARTICLE_SUFFIXES else _sniff(text)
        if kind in HTML_SUFFIXES:
            yield _article(extract_html(text, source), source, source_path, max_bytes)
        elif kind in JSON_SUFFIXES | JSONL_SUFFIXES:
            yield from _read_records(text, source, source_path, kind in JSONL_SUFFIXES, max_bytes)
        else:
            yield _article(RawArticle(text, source, source_path), source, source_path, max_bytes)
    except InputError as err:
        yield err


def _sniff(text: str) -> str:
    """The container format of text that came without a telling suffix."""
    head = text.lstrip()[:512].lower()
    if head.startswith("<") and any(
        tag in head for tag in ("<html", "<!doctype", "<body", "<article", "<p")
    ):
        return ".html"
    if head.startswith("{"):
        # One object over several lines is JSON; one object per line is JSONL.
        first_line = text.lstrip().split("\n", 1)[0]
        return ".jsonl" if _parses(first_line) else ".json"
    if head.startswith("["):
        return ".json"
    return ".txt"


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _article(
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


# --- decoding and checks -------------------------------------------------------------------


def decode_text(data: bytes, source: str) -> str:
    """Bytes to text: a BOM's encoding, then UTF-8, then charset-normalizer's best guess.

    UTF-16 without a BOM is recognised by its pattern of NUL bytes; any other NUL byte means
    binary data. Legacy single-byte encodings (latin-1, cp1251, ...) are decoded when
    charset-normalizer finds a plausible one, since old archives are full of them.
    """
    if not data.strip():
        raise InputError(source, "file is empty", code="empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_strict(data[3:], "utf-8", source)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_strict(data, "utf-16", source)
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise InputError(source, "looks like binary data (NUL bytes), not text", code="binary")
        return _decode_strict(data, utf16, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported late: slow to import, rarely needed

    matches = from_bytes(data)
    best = matches.best()
    if best is not None:
        # On short text several Latin code pages fit equally well; the Western one is by far the
        # likeliest for English news (cp1250 would turn "Genève" into "Genčve").
        western = next((m for m in matches if m.encoding == "cp1252"), None)
        if western is not None and western.chaos <= best.chaos:
            best = western
    if best is None:
        raise InputError(
            source,
            "cannot decode file as text (not UTF-8 and no other encoding fits)",
            code="encoding",
        )
    return str(best)


def _decode_strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            source,
            f"cannot decode file as text: invalid {encoding} at byte {err.start}",
            code="encoding",
        ) from err


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NULs sit on one side of mostly-ASCII code units."""
    if len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    units = len(data) // 2
    if odd_nuls > 0.6 * units and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.6 * units and odd_nuls == 0:
        return "utf-16-be"
    return None


def check_text(text: str, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
    """Refuse empty, oversized and binary-looking text with an ``InputError``."""
    if not text.strip():
        raise InputError(source, "no text (empty or whitespace only)", code="empty")
    size = len(text.encode("utf-8", errors="replace"))
    if size > max_bytes:
        raise _too_large(source, size, max_bytes)
    sample = text[:100_000]
    bad = sum(1 for ch in sample if _non_printable(ch))
    if bad > MAX_NON_PRINTABLE * len(sample):
        raise InputError(
            source, f"looks like binary data ({bad} control characters), not text", code="binary"
        )


def _non_printable(ch: str) -> bool:
    if ch in "\n\r\t\f\v":
        return False
    return ch == "\ufffd" or unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn")


def _too_large(source: str, size: int, limit: int, *, at_least: bool = False) -> InputError:
    over = "over" if at_least else ""
    return InputError(
        source,
        f"input is {over}{_human_size(size)}, larger than the limit of {_human_size(limit)} "
        f"({limit:,} bytes)",
        code="too_large",
    )


def _human_size(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size >= 1_000:
        return f"{size / 1_000:.1f} kB"
    return f"{size} bytes"


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


def _read_records(
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
    return _article(article, source, source_path, max_bytes)


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
