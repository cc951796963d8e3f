"""presslens ingest with the real analyser: skipping stored articles, the Dask engine against the
single process, WARC and feed inputs, and an ingest killed mid-way and resumed."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rich.console import Console

from presslens.corpus import engine as engine_module
from presslens.corpus.engine import IngestOptions, ingest
from presslens.corpus.store import TABLES, Store
from presslens.errors import InputError
from presslens.ingest import RawArticle, iter_articles

ARTICLES = {
    "tass_style.txt": (
        "Moscow warns Chisinau over drills\n\n"
        "Russia warned Moldova on Tuesday that joint drills with NATO near Transnistria would "
        "be seen as a provocation, the Russian foreign ministry said.\n"
    ),
    "wire.txt": (
        "Kyiv accuses Minsk of hosting missiles\n\n"
        "Ukraine accused Belarus of hosting Russian missiles near the border, the Ukrainian "
        "defence ministry told reporters in Kyiv on Monday.\n"
    ),
    "oped.txt": (
        "Europe is paying for Washington's war\n\n"
        "The European Union keeps sending money to Ukraine while the United States decides "
        "the terms of the war, the analyst Pavel Orlov told our newspaper.\n"
    ),
    "interview.txt": (
        "Belgrade will not bow to Brussels\n\n"
        "Serbia will not impose sanctions on Russia whatever the European Commission demands, "
        "the political scientist Dragan Jovic said in an interview.\n"
    ),
}


def _quiet() -> Console:
    return Console(file=io.StringIO(), width=120)


def _write(folder: Path, articles: dict[str, str | bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in articles.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store(db, read_only=True) as store:
        return {
            name: store.query(f"SELECT * FROM {name} ORDER BY ALL")[1]
            for name in TABLES
            if name != "errors"
        } | {"errors": store.query("SELECT source, code FROM errors ORDER BY ALL")[1]}


def test_local_then_dask_store_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = _write(tmp_path / "in", {**ARTICLES, "broken.txt": b"\x00\x01\x02binary\x00" * 20})
    local_db = tmp_path / "local.duckdb"
    stats = ingest([inputs], local_db, IngestOptions(batch_size=2), _quiet())
    assert (stats.stored, stats.failed, stats.skipped) == (4, 1, 0)

    # Stored articles are recognised before analysis: a second run loads no analyser at all.
    class NoAnalyzer:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise AssertionError("an already stored article was analysed again")

    with monkeypatch.context() as patch:
        patch.setattr(engine_module, "Analyzer", NoAnalyzer)
        again = ingest([inputs], local_db, IngestOptions(), _quiet())
    assert (again.stored, again.skipped, again.failed) == (0, 4, 1)

    dask_db = tmp_path / "dask.duckdb"
    started = time.monotonic()
    stats = ingest(
        [inputs], dask_db, IngestOptions(engine="dask", workers=2, batch_size=1), _quiet()
    )
    assert time.monotonic() - started < 90
    assert (stats.stored, stats.failed) == (4, 1)
    assert not (tmp_path / "dask.duckdb.shards").exists()  # shards are removed once loaded

    local, distributed = _tables(local_db), _tables(dask_db)
    assert len(local["articles"]) == 4 and local["mentions"]
    assert local == distributed
    assert local["errors"] == [(str(inputs / "broken.txt"), "binary")]


WARC_PAGE = """<!DOCTYPE html><html><head><title>Minsk hosts drills | Steppe Monitor</title>
<meta property="og:site_name" content="Steppe Monitor">
<meta property="article:published_time" content="2025-04-02T10:00:00+03:00"></head>
<body><article><h1>Minsk hosts drills</h1>
<p>Belarus and Russia began joint military drills near the Polish border on Wednesday, the Belarusian defence ministry said in a statement.</p>
<p>Poland called the exercises a provocation and said it would reinforce its eastern border with additional troops.</p>
</article></body></html>"""


def _write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in (
            ("https://steppe.example/robots.txt", "text/plain", b"User-agent: *\n"),
            ("https://steppe.example/minsk-drills", "text/html; charset=utf-8",
             WARC_PAGE.encode()),
            ("https://steppe.example/", "text/html", b"<html><body><a href='/'>Home</a></body></html>"),
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Danube Daily</title><link>https://danube.example/</link>
<item><title>Belgrade rejects EU ultimatum</title><link>https://danube.example/a1</link>
<pubDate>Mon, 03 Mar 2025 09:15:00 +0000</pubDate>
<description><![CDATA[<p>Serbia will not impose sanctions on Russia, President Vucic told reporters in Belgrade on Monday.</p><p>Brussels has demanded alignment with its foreign policy.</p>]]></description>
</item>
<item><title>Empty teaser</title><link>https://danube.example/a2</link><description></description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Caspian Herald</title>
<entry><title>Baku and Yerevan agree text</title><link href="https://caspian.example/b1"/>
<updated>2025-05-20T00:00:00Z</updated><author><name>Leyla Mammadova</name></author>
<content type="html">&lt;p&gt;Azerbaijan and Armenia agreed the text of a peace treaty, the foreign ministry in Baku said on Tuesday.&lt;/p&gt;</content>
</entry></feed>"""


def test_warc_and_feed_inputs(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    _write_warc(folder / "crawl.warc.gz")
    (folder / "danube.rss").write_text(RSS, encoding="utf-8")
    (folder / "caspian.xml").write_text(ATOM, encoding="utf-8")
    (folder / "sitemap.xml").write_text("<urlset><url>x</url></urlset>", encoding="utf-8")
    (folder / "broken.warc").write_bytes(b"this is not a WARC file at all\n" * 4)
    items = list(iter_articles([folder]))
    articles = {i.source: i for i in items if isinstance(i, RawArticle)}
    errors = {(e.source, e.code) for e in items if isinstance(e, InputError)}

    atom = articles[f"{folder / 'caspian.xml'}:1"]
    assert atom.meta.outlet == "Caspian Herald" and atom.meta.published == "2025-05-20"
    assert atom.meta.authors == ["Leyla Mammadova"]
    assert atom.text.startswith("Azerbaijan and Armenia agreed")

    rss = articles[f"{folder / 'danube.rss'}:1"]
    assert rss.meta.title == "Belgrade rejects EU ultimatum"
    assert rss.meta.published == "2025-03-03T09:15" and rss.meta.url == "https://danube.example/a1"
    assert rss.text == (
        "Serbia will not impose sanctions on Russia, President Vucic told reporters in Belgrade "
        "on Monday.\n\nBrussels has demanded alignment with its foreign policy.\n"
    )
    assert (f"{folder / 'danube.rss'}:2", "empty") in errors

    warc = [a for s, a in articles.items() if s.startswith(str(folder / "crawl.warc.gz@"))]
    assert len(warc) == 1
    assert warc[0].meta.url == "https://steppe.example/minsk-drills"
    assert "Belarus and Russia began joint military drills" in warc[0].text
    assert warc[0].source_path == warc[0].source
    assert any(s.startswith(str(folder / "crawl.warc.gz@")) and c == "no_article"
               for s, c in errors)
    assert (str(folder / "broken.warc"), "bad_record") in errors
    assert not any("sitemap" in s for s in articles) and not any("sitemap" in s for s, _ in errors)


def _short_text(i: int) -> str:
    countries = ["Russia", "Ukraine", "Moldova", "Georgia", "Armenia", "Serbia", "Belarus"]
    a, b = countries[i % 7], countries[(i // 7) % 7 - 1]
    return f"{a} accused {b} of provocations on day {i}, the foreign ministry said in a statement.\n"


def test_ingest_killed_mid_way_resumes_without_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    files: dict[str, str | bytes] = {f"a{i:03d}.txt": _short_text(i) for i in range(198)}
    files["a050_corrupt.txt"] = bytes(range(256)) * 2
    files["a150_empty.txt"] = b"   \n"
    _write(folder, files)
    db = tmp_path / "c.duckdb"
    command = [sys.executable, "-c", "from presslens.cli import main; main()",
               "ingest", str(folder), "--db", str(db), "--batch-size", "8"]
    env = {**os.environ, "COLUMNS": "120"}
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env=env)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 120
    # The schema alone writes ~3 kB of log; one committed batch of articles takes it past 8 kB.
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 8_000:
            break
        time.sleep(0.02)
    assert process.poll() is None, "the ingest finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()

    with Store(db, read_only=True) as store:
        partial = store.count("articles")
    assert 0 < partial < 198

    finished = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert finished.returncode == 1, finished.stderr  # two inputs failed
    assert f"{198 - partial} stored, {partial} already stored" in finished.stderr
    with Store(db, read_only=True) as store:
        assert store.count("articles") == 198
        _, dupes = store.query("SELECT count(*) - count(DISTINCT id) FROM articles")
        assert dupes == [(0,)]
        _, rows = store.query("SELECT source, code FROM errors ORDER BY source")
        assert rows == [(str(folder / "a050_corrupt.txt"), "binary"),
                        (str(folder / "a150_empty.txt"), "empty")]
        _, orphans = store.query(
            "SELECT count(*) FROM actors WHERE article_id NOT IN (SELECT id FROM articles)")
        assert orphans == [(0,)]


def test_the_profile_travels_in_the_settings_every_engine_builds_from() -> None:
    # (the local pool's workers and the Dask plugin build their analysers from these settings)
    assert IngestOptions(profile="fast").analyzer_settings.profile == "fast"
    assert IngestOptions().analyzer_settings.profile == "default"


def test_duplicate_texts_in_one_run_are_counted_apart_from_stored_ones(tmp_path: Path) -> None:
    folder = _write(tmp_path / "dupes", {
        "a.txt": ARTICLES["wire.txt"], "b_copy.txt": ARTICLES["wire.txt"],
        "c.txt": ARTICLES["oped.txt"],
    })
    db = tmp_path / "c.duckdb"
    stats = ingest([folder], db, IngestOptions(profile="fast"), _quiet())
    assert (stats.stored, stats.duplicates, stats.skipped, stats.failed) == (2, 1, 0, 0)
    again = ingest([folder], db, IngestOptions(profile="fast"), _quiet())
    assert (again.stored, again.duplicates, again.skipped) == (0, 1, 2)
