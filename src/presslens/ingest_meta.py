"""Metadata given beside an article: a side file, or a date from the command line.

A plain-text article carries no metadata but what its header says. A side file beside it, named
after it with ``.meta.yaml``, ``.meta.yml`` or ``.meta.json`` in place of its suffix
(``report.txt`` -> ``report.meta.yaml``), gives what the text does not::

    published: 2019-03-03          # YYYY-MM-DD, YYYY-MM-DDTHH:MM or '3 March 2019'
    title: Kremlin rejects the report
    outlet: Eurasia Courier
    author: Anna Petrova           # or authors: [Anna Petrova, John Smith]
    url: https://example.org/report

Every key is optional; other keys are ignored. What a side file gives wins over what the text's
header says; a date given with ``--published`` wins over both. A side file that cannot be read
makes its article's input fail, with one line that says why.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from presslens.errors import InputError
from presslens.metadata import normalise_date
from presslens.model import Meta

SIDE_SUFFIXES = (".meta.yaml", ".meta.yml", ".meta.json")
_FIELDS = ("title", "published", "outlet", "url")


def is_side_file(path: Path) -> bool:
    return path.name.lower().endswith(SIDE_SUFFIXES)


def side_file(path: Path) -> Path | None:
    """The side file of the article at ``path``, if there is one."""
    for suffix in SIDE_SUFFIXES:
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def read_side_file(path: Path) -> Meta:
    """The metadata of a side file; an ``InputError`` (for the article) when it is not one."""
    source = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(source, f"cannot read the side file: {err}", code="bad_meta") from None
    import yaml

    try:
        data = json.loads(raw) if path.name.lower().endswith(".json") else yaml.safe_load(raw)
    except (ValueError, yaml.YAMLError) as err:
        message = f"invalid side file: {_first_line(err)}"
        raise InputError(source, message, code="bad_meta") from None
    if data is None:
        return Meta()
    if not isinstance(data, dict):
        raise InputError(source, "side file must hold a mapping (published: ..., title: ...)",
                         code="bad_meta")
    values: dict[str, Any] = {}
    for key in _FIELDS:
        value = data.get(key)
        if isinstance(value, datetime):  # YAML reads an unquoted date as a date
            value = value.strftime("%Y-%m-%dT%H:%M")
        elif isinstance(value, date):
            value = value.isoformat()
        if value is not None and not isinstance(value, str):
            raise InputError(source, f"side file field {key!r} must be a string", code="bad_meta")
        values[key] = value.strip() or None if isinstance(value, str) else None
    authors = data.get("authors", data.get("author"))
    if isinstance(authors, str):
        authors = [authors]
    if authors is None:
        authors = []
    if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
        raise InputError(source, "side file field 'authors' must be a list of strings",
                         code="bad_meta")
    return Meta(**values, authors=[a.strip() for a in authors if a.strip()])


def merged(hints: Meta, given: Meta) -> Meta:
    """``hints`` (from the container) with every field ``given`` sets in its place."""
    meta = hints.model_copy(deep=True)
    for key in _FIELDS:
        value = getattr(given, key)
        if value is not None:
            setattr(meta, key, value)
    if given.authors:
        meta.authors = list(given.authors)
    return meta


def check_published(value: str) -> str:
    """``value`` as ISO 8601, or a ValueError that says which forms are dates."""
    iso = normalise_date(value)
    if iso is None:
        raise ValueError(
            f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM-DDTHH:MM or '3 March 2019')"
        )
    return iso


def _first_line(err: Exception) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
