"""Reading inputs into raw articles, and refusing bad ones with a code, one input at a time."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from presslens.errors import InputError
from presslens.ingest import RawArticle, iter_articles

ARTICLE = (
    "Yerevan trades old alliances for new patrons\n"
    "3 March 2025\n\n"
    "Armenia is exchanging its alliance with Russia for promises from Paris, the political "
    "scientist Ruben Avagyan told Caspian Herald.\n"
)

PAGE = """<!DOCTYPE html>
<html><head>
<title>Yerevan trades old alliances | Caspian Herald</title>
<meta property="og:site_name" content="Caspian Herald">
<meta property="article:published_time" content="2025-02-11T08:40:00+04:00">
<meta name="author" content="Leyla Mammadova">
<link rel="canonical" href="https://caspian-herald.example/yerevan">
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/opinion">Opinion</a></nav>
<article><h1>Yerevan trades old alliances</h1>
<p>Armenia is exchanging its old alliance with Russia for promises from Paris and Brussels, the political scientist Ruben Avagyan told Caspian Herald on Tuesday.</p>
<p>“Armenia has frozen its participation in the CSTO. This is not diversification, it is a change of patron,” Avagyan said.</p>
</article>
<footer><p>© 2025 Caspian Herald. All rights reserved.</p><a href="/about">About us</a></footer>
</body></html>
"""


def read(*paths: Path | str, **kwargs: int) -> list[RawArticle | InputError]:
    return list(iter_articles(paths, **kwargs))


def only_article(items: list[RawArticle | InputError]) -> RawArticle:
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, RawArticle), item
    return item


def only_error(items: list[RawArticle | InputError]) -> InputError:
    assert len(items) == 1
    item = items[0]
    assert isinstance(item, InputError), item
    return item


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    raw = only_article(read(path))
    assert raw.text == ARTICLE
    assert raw.source == raw.source_path == str(path)


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    assert only_article(read(path)).text == ARTICLE


def test_latin1_file_is_decoded(tmp_path: Path) -> None:
    # Decision: legacy single-byte text is decoded (charset-normalizer), not refused.
    text = (
        "The talks in Genève were «productive», the envoy said, and Zürich will host the next "
        "round with Ankara, Baku and Yerevan.\n"
    )
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode("latin-1"))
    assert only_article(read(path)).text == text


def test_utf16_without_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(ARTICLE.encode("utf-16-le"))
    assert only_article(read(path)).text == ARTICLE


def test_undecodable_bytes_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 4)
    error = only_error(read(path))
    assert error.code == "encoding"
    assert "cannot decode" in str(error)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    assert only_error(read(path)).code == "binary"


def test_control_characters_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "ctl.txt"
    path.write_text("\x01\x02\x03\x04 Moscow said \x05\x06\x07\x08" * 20, encoding="utf-8")
    assert only_error(read(path)).code == "binary"


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  "])
def test_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert only_error(read(path)).code == "empty"


def test_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(ARTICLE * 100, encoding="utf-8")
    error = only_error(read(path, max_bytes=1000))
    assert error.code == "too_large"
    assert "1,000 bytes" in error.reason
    assert only_article(read(path, max_bytes=len(ARTICLE) * 100))


def test_missing_path(tmp_path: Path) -> None:
    error = only_error(read(tmp_path / "nowhere.txt"))
    assert error.code == "not_found"


def test_html_page(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    raw = only_article(read(path))
    assert "told Caspian Herald on Tuesday" in raw.text
    assert "All rights reserved" not in raw.text
    assert "Politics" not in raw.text
    # Paragraphs are separated by blank lines, as in plain-text articles.
    assert "\n\n“Armenia has frozen" in raw.text
    assert raw.meta.title == "Yerevan trades old alliances"
    assert raw.meta.outlet == "Caspian Herald"
    assert raw.meta.authors == ["Leyla Mammadova"]
    assert raw.meta.url == "https://caspian-herald.example/yerevan"
    assert raw.meta.published == "2025-02-11T08:40"


def test_html_without_article(tmp_path: Path) -> None:
    path = tmp_path / "index.htm"
    path.write_text(
        "<html><head><title>Caspian Herald</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<footer>© 2025 Caspian Herald</footer></body></html>",
        encoding="utf-8",
    )
    assert only_error(read(path)).code == "no_article"


def test_json_record_and_list(tmp_path: Path) -> None:
    record = {
        "text": ARTICLE,
        "title": "Yerevan trades old alliances",
        "published": "2025-03-03",
        "outlet": "Caspian Herald",
        "url": "https://caspian-herald.example/y",
        "authors": "Leyla Mammadova",
        "section": "ignored",
    }
    one = tmp_path / "one.json"
    one.write_text(json.dumps(record), encoding="utf-8")
    raw = only_article(read(one))
    assert raw.text == ARTICLE
    assert raw.meta.title == "Yerevan trades old alliances"
    assert raw.meta.published == "2025-03-03"
    assert raw.meta.outlet == "Caspian Herald"
    assert raw.meta.url == "https://caspian-herald.example/y"
    assert raw.meta.authors == ["Leyla Mammadova"]

    many = tmp_path / "many.json"
    many.write_text(json.dumps([record, {"text": ARTICLE.upper()}]), encoding="utf-8")
    items = read(many)
    assert [i.source for i in items] == [f"{many}[1]", f"{many}[2]"]
    assert all(isinstance(i, RawArticle) for i in items)


def test_jsonl_bad_line_fails_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        json.dumps({"text": ARTICLE, "outlet": "Caspian Herald"})
        + "\n{not json\n\n"
        + json.dumps({"title": "no text field"})
        + "\n"
        + json.dumps({"text": "   "})
        + "\n"
        + json.dumps({"text": ARTICLE, "authors": ["A. B.", 3]})
        + "\n"
        + json.dumps({"text": ARTICLE.replace("Paris", "Brussels")})
        + "\n",
        encoding="utf-8",
    )
    items = read(path)
    assert [i.source for i in items] == [f"{path}:{n}" for n in (1, 2, 4, 5, 6, 7)]
    codes = [i.code if isinstance(i, InputError) else "ok" for i in items]
    assert codes == ["ok", "bad_record", "bad_record", "empty", "bad_record", "ok"]
    first = items[0]
    assert isinstance(first, RawArticle)
    assert first.source_path == f"{path}:1"
    assert first.meta.outlet == "Caspian Herald"


def test_directory_is_walked_sorted_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.md").write_text(ARTICLE, encoding="utf-8")
    items = read(tmp_path)
    assert [Path(i.source).relative_to(tmp_path).as_posix() for i in items] == [
        "a.txt",
        "b/z.txt",
        "c.html",
    ]


def test_empty_directory(tmp_path: Path) -> None:
    assert only_error(read(tmp_path)).code == "not_found"


@pytest.mark.parametrize(
    ("payload", "expect_title"),
    [(ARTICLE, None), (PAGE, "Yerevan trades old alliances")],
)
def test_stdin_text_or_html(
    monkeypatch: pytest.MonkeyPatch, payload: str, expect_title: str | None
) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(payload.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    raw = only_article(read("-"))
    assert raw.source == "<stdin>"
    assert raw.source_path is None
    assert "Ruben Avagyan" in raw.text
    assert raw.meta.title == expect_title


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "2.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "3.txt").write_text(ARTICLE, encoding="utf-8")
    kinds = [type(i).__name__ for i in read(tmp_path)]
    assert kinds == ["RawArticle", "InputError", "RawArticle"]
