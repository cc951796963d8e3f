"""Dates (and other metadata) for plain-text articles: a dateline that opens the lede, a side file
beside the text, ``--published``; and one-line warnings where a timeline or a network has nothing
to show (issue 15, item 6). Texts written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus_docs import make_doc
from presslens.cli.app import app
from presslens.corpus.store import Store
from presslens.errors import InputError
from presslens.ingest import RawArticle, iter_articles
from presslens.metadata import extract_metadata
from presslens.model import Meta

runner = CliRunner()

LEDE = (
    "The ministry said on Sunday that the report was false and that the talks would go on as "
    "planned next week."
)


@pytest.mark.parametrize(
    ("text", "published", "evidence"),
    [
        (f"Ministry rejects report\n\nMOSCOW, March 3, 2019 (Reuters) — {LEDE}\n",
         "2019-03-03", "March 3, 2019"),
        (f"3 March 2019 — {LEDE}\n", "2019-03-03", "3 March 2019"),
        (f"Ministry rejects report\n\nNEW YORK (AP) Nov. 4, 2019 - {LEDE}\n",
         "2019-11-04", "Nov. 4, 2019"),
        (f"Ministry rejects report\n\nKYIV, Ukraine, Monday, 9 December 2019 -- {LEDE}\n",
         "2019-12-09", "Monday, 9 December 2019"),
        # a date inside the lede's sentence is no dateline
        (f"Ministry rejects report\n\nOn March 3, 2019 the ministry said — falsely — {LEDE}\n",
         None, None),
        (f"Ministry rejects report\n\nTalks resumed in Geneva, March 3, 2019 — {LEDE}\n",
         None, None),
    ],
)
def test_dateline_opening_the_lede(text: str, published: str | None, evidence: str | None) -> None:
    meta = extract_metadata(text, Meta(), source="t")
    assert meta.published == published
    if evidence is None:
        assert meta.published_span is None
    else:
        assert meta.published_span is not None
        assert text[meta.published_span.start : meta.published_span.end] == evidence


def _articles(*paths: Path, published: str | None = None) -> list[RawArticle | InputError]:
    return list(iter_articles(paths, published=published))


def test_side_file_yaml_and_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"Ministry rejects report\n\n{LEDE}\n")
    (tmp_path / "a.meta.yaml").write_text(
        "# the article's metadata\npublished: 2019-03-03\ntitle: The ministry's answer\n"
        "outlet: Eurasia Courier\nauthor: Anna Petrova\n"
    )
    (tmp_path / "b.txt").write_text(f"{LEDE}\n")
    (tmp_path / "b.meta.json").write_text(
        '{"published": "4 March 2019", "authors": ["John Smith", "Ann Lee"], "extra": 1}'
    )
    items = _articles(tmp_path)
    # side files are no articles of their own
    assert [Path(i.source).name for i in items] == ["a.txt", "b.txt"]
    a, b = items
    assert isinstance(a, RawArticle) and isinstance(b, RawArticle)
    assert (a.meta.published, a.meta.title, a.meta.outlet, a.meta.authors) == (
        "2019-03-03", "The ministry's answer", "Eurasia Courier", ["Anna Petrova"])
    assert (b.meta.published, b.meta.authors) == ("4 March 2019", ["John Smith", "Ann Lee"])
    assert extract_metadata(b.text, b.meta, source="b").published == "2019-03-04"
    # the side file's date wins over the dateline; --published wins over both
    (tmp_path / "c.txt").write_text(f"5 March 2019 — {LEDE}\n")
    (tmp_path / "c.meta.yml").write_text("published: 2019-03-06\n")
    (c,) = _articles(tmp_path / "c.txt")
    assert isinstance(c, RawArticle)
    assert extract_metadata(c.text, c.meta, source="c").published == "2019-03-06"
    (c,) = _articles(tmp_path / "c.txt", published="2019-03-07")
    assert isinstance(c, RawArticle)
    assert extract_metadata(c.text, c.meta, source="c").published == "2019-03-07"


def test_bad_side_file_fails_its_article_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{LEDE}\n")
    (tmp_path / "a.meta.yaml").write_text("published: [unclosed\n")
    (tmp_path / "b.txt").write_text(f"{LEDE} Again.\n")
    (tmp_path / "b.meta.yaml").write_text("- a list\n- not a mapping\n")
    (tmp_path / "c.txt").write_text(f"{LEDE} Once more.\n")
    (tmp_path / "c.meta.yaml").write_text("published: last spring\n")
    a, b, c = _articles(tmp_path)
    assert isinstance(a, InputError) and a.code == "bad_meta" and "a.meta.yaml" in a.reason
    assert "\n" not in str(a)
    assert isinstance(b, InputError) and "mapping" in b.reason
    assert isinstance(c, RawArticle)  # a date that is not one: left out, with a warning
    assert c.warnings and "not a date" in c.warnings[0]


def test_published_option_checks(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{LEDE}\n")
    (tmp_path / "b.txt").write_text(f"{LEDE} Again.\n")
    db = ["--db", str(tmp_path / "c.duckdb")]
    out = ["-o", str(tmp_path / "o")]
    for command, extra in (("analyze", out), ("ingest", db)):
        bad = runner.invoke(app, [command, str(tmp_path / "a.txt"), *extra, "--published",
                                  "last spring"])
        assert bad.exit_code == 2 and "not a date" in bad.output
        many = runner.invoke(app, [command, str(tmp_path), *extra, "--published", "2019-03-03"])
        assert many.exit_code == 2 and "single file" in many.output
    assert not (tmp_path / "c.duckdb").exists() and not (tmp_path / "o").exists()


def _store(path: Path, *, dated: bool) -> Path:
    docs = [
        make_doc("Russia threatened Ukraine with new strikes.", published="2025-01-10" if dated
                 else None, outlet="Eurasia Courier",
                 relations=[("Q159", "Q212", "THREATEN", -1, "threatened")]),
        make_doc("Russia attacked Ukraine again.", published=None, outlet="Baltic Wire",
                 relations=[("Q159", "Q212", "ASSAULT", -1, "attacked")]),
    ]
    with Store(path) as store:
        store.add(docs)
    return path


def test_timeline_without_dated_articles_warns_and_draws_nothing(tmp_path: Path) -> None:
    db = _store(tmp_path / "c.duckdb", dated=False)
    png = tmp_path / "t.png"
    result = runner.invoke(app, ["timeline", "Russia", "Ukraine", "--db", str(db), "--plot",
                                 str(png)])
    assert result.exit_code == 0, result.output
    assert "no article of the corpus has a publication date" in result.stderr
    assert "--published" in result.stderr and "no plot drawn" in result.stderr
    assert not png.exists()


def test_filters_that_match_nothing_warn(tmp_path: Path) -> None:
    db = _store(tmp_path / "c.duckdb", dated=True)
    png = tmp_path / "t.png"
    result = runner.invoke(app, ["timeline", "Russia", "Ukraine", "--db", str(db), "--outlet",
                                 "Nowhere Daily", "--plot", str(png)])
    assert result.exit_code == 0, result.output
    assert "no article matches --outlet Nowhere Daily; no plot drawn" in result.stderr
    assert not png.exists()
    result = runner.invoke(app, ["timeline", "Russia", "Ukraine", "--db", str(db), "--outlet",
                                 "Baltic Wire"])
    assert "no article matching --outlet Baltic Wire has a publication date" in result.stderr

    out = tmp_path / "n.json"
    result = runner.invoke(app, ["network", "--db", str(db), "-o", str(out), "-f", "json",
                                 "--since", "2030-01-01", "--outlet", "Eurasia Courier"])
    assert result.exit_code == 0, result.output
    assert "warning no article matches --since 2030-01-01 --outlet Eurasia Courier" in (
        " ".join(result.stderr.split()))
    result = runner.invoke(app, ["network", "--db", str(db), "-o", str(out), "-f", "json",
                                 "--type", "COOPERATE"])
    assert "no relation in the 2 articles selected matches --type COOPERATE" in result.stderr
    result = runner.invoke(app, ["network", "--db", str(db), "-o", str(out), "-f", "json"])
    assert "warning" not in result.stderr
