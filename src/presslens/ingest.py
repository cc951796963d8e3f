"""Read inputs (txt, HTML, JSON/JSONL, directories, stdin) into raw articles.

``iter_articles`` never raises for a bad input: it yields an ``InputError`` in that input's place
and goes on, so that one unreadable file in a batch of thousands costs only itself. Everything
here is offline and deterministic (directories are walked in sorted order).

This module finds the inputs and reads their bytes; ``ingest_text`` decodes and checks text,
``ingest_records`` makes articles of plain text, HTML pages and JSON/JSONL records, and
``ingest_meta`` reads side files. The names other modules use are importable from here.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from presslens.errors import InputError
from presslens.ingest_meta import is_side_file, merged, read_side_file, side_file
from presslens.ingest_records import (
    RawArticle,
    checked_article,
    extract_html,
    published_warnings,
    read_records,
)
from presslens.ingest_text import (
    DEFAULT_MAX_BYTES,
    HTML_OVERHEAD,
    check_text,
    decode_text,
    too_large,
)
from presslens.model import Meta

# Names other modules import from here, whichever module of the split they now live in.
__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "HTML_OVERHEAD",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "JSON_SUFFIXES",
    "STDIN",
    "STDIN_SOURCE",
    "TEXT_SUFFIXES",
    "RawArticle",
    "check_text",
    "decode_text",
    "expand_paths",
    "extract_html",
    "iter_articles",
    "published_warnings",
    "read_error",
    "read_file",
]

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

STDIN = "-"
STDIN_SOURCE = "<stdin>"


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
            yield too_large(source, size, limit)
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
        yield too_large(STDIN_SOURCE, len(data), max_bytes * HTML_OVERHEAD, at_least=True)
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
            yield checked_article(extract_html(text, source), source, source_path, max_bytes)
        elif kind in JSON_SUFFIXES | JSONL_SUFFIXES:
            yield from read_records(text, source, source_path, kind in JSONL_SUFFIXES, max_bytes)
        else:
            yield checked_article(
                RawArticle(text, source, source_path), source, source_path, max_bytes
            )
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
