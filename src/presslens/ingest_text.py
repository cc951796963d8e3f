"""Bytes to checked article text: encodings, binary data and size limits.

Split from ``presslens.ingest`` so that the rules for what counts as readable text sit in one
place, shared by every container (files, stdin, records, WARC and feeds, web requests): an input
that cannot be decoded, looks binary, is empty or is too large is refused here with an
``InputError`` that says why.
"""

from __future__ import annotations

import unicodedata

from presslens.errors import InputError

DEFAULT_MAX_BYTES = 2_000_000
"""Largest article text accepted, in bytes of UTF-8: long enough for any article, short enough
that a mistaken input (a book, a log file) does not stall a batch."""

HTML_OVERHEAD = 10
"""An HTML file may be this many times larger than the text limit: markup, scripts and styles
usually outweigh the article they carry."""

# Share of control or replacement characters above which decoded text is taken for binary data.
MAX_NON_PRINTABLE = 0.05


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
        raise too_large(source, size, max_bytes)
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


def too_large(source: str, size: int, limit: int, *, at_least: bool = False) -> InputError:
    """An input of ``size`` bytes refused for passing ``limit`` (``at_least``: it was read only
    up to just past the limit, so its size is a lower bound)."""
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
