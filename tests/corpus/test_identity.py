"""A corpus-level identity for people and organisations without a QID (issue 15, item 1): the
same person under many forms across articles is one actor; two people sharing a surname stay
two; a bare surname is never merged across articles; what was merged, and why, is queryable;
old stores gain identities; the per-article output does not change. Texts written for these
tests (``identity_texts.py``)."""

from __future__ import annotations

import io
import json
import shutil
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest
from identity_texts import PEOPLE, TEXTS
from rich.console import Console
from typer.testing import CliRunner

from presslens.cli.app import app
from presslens.corpus.engine import IngestOptions, ingest
from presslens.corpus.identity import ActorInfo, identities, parse_person
from presslens.corpus.network import build_network
from presslens.corpus.store import Store
from presslens.corpus.timeline import resolve_actor, timeline
from presslens.ingest import RawArticle
from presslens.pipeline import Analyzer

runner = CliRunner()

# the bare 'Johnson' of a11 is the ambassador; everywhere else a form names whom PEOPLE says
GOLD_BY_ARTICLE = {("a11.txt", "Johnson"): "Woody Johnson"}


@pytest.mark.parametrize(
    ("name", "key", "full"),
    [
        ("Robert Mueller", "person:robert_mueller", True),
        ("Robert S. Mueller III", "person:robert_mueller", True),
        ("Bob Mueller", "person:robert_mueller", True),
        ("Special Counsel Robert Mueller's", "person:robert_mueller", True),
        ("Attorney General William P. Barr", "person:william_barr", True),
        ("Bill Barr", "person:william_barr", True),
        ("Ursula von der Leyen", "person:ursula_von_der_leyen", True),
        ("Boris Johnson said", "person:boris_johnson", True),
        ("A.G. Barr", "person:_barr", False),
        ("Mr. Johnson", "person:_johnson", False),
        ("W. Barr", "person:w_barr", False),
    ],
)
def test_person_names_reduce_to_given_and_surname(name: str, key: str, full: bool) -> None:
    person = parse_person(name)
    assert person is not None
    assert (person.key, person.full) == (key, full)


def test_identities_within_one_article() -> None:
    keys = identities("0123456789abcdef", [
        ActorInfo("person:barr", "Barr", "person"),
        ActorInfo("person:william_barr", "William Barr", "person"),
        ActorInfo("person:johnson", "Johnson", "person"),
        ActorInfo("person:w_smith", "W. Smith", "person"),
        ActorInfo("person:will_smith", "Will Smith", "person"),
        ActorInfo("person:walter_smith", "Walter Smith", "person"),
        ActorInfo("org:the_house", "the House's", "organization"),
        ActorInfo("Q30", "United States", "country", "Q30"),
    ])
    assert keys["person:barr"].key == "person:william_barr"
    assert "same article" in keys["person:barr"].reason
    assert keys["person:johnson"].key == "person:johnson@0123456789ab"
    assert "never merged across articles" in keys["person:johnson"].reason
    # two full names fit the initial: the initial form keeps to its article
    assert keys["person:w_smith"].key.endswith("@0123456789ab")
    assert keys["org:the_house"].key == "org:house"
    assert keys["Q30"].key == "Q30"


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("identity")
    folder = root / "texts"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = root / "corpus.duckdb"
    stats = ingest([folder], db, IngestOptions(profile="fast"), Console(file=io.StringIO()))
    assert stats.stored == len(TEXTS) and not stats.failed
    return db


def _real_person(article: str, name: str) -> str | None:
    if (article, name) in GOLD_BY_ARTICLE:
        return GOLD_BY_ARTICLE[article, name]
    return next((p for p, forms in PEOPLE.items() if name in forms), None)


def identity_figures(store: Store) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per real person the canonical ids it got, and per canonical id the real people it holds."""
    _, rows = store.query(
        "SELECT a.source_path, al.name, al.canonical_id FROM actor_aliases al "
        "JOIN articles a ON a.id = al.article_id WHERE al.kind = 'person'"
    )
    ids: dict[str, set[str]] = defaultdict(set)
    people: dict[str, set[str]] = defaultdict(set)
    for path, name, canonical in rows:
        person = _real_person(Path(path).name, name)
        assert person is not None, (path, name)
        ids[person].add(canonical)
        people[canonical].add(person)
    return ids, people


def test_one_actor_per_person_across_the_corpus(corpus_db: Path) -> None:
    with Store(corpus_db, read_only=True) as store:
        ids, people = identity_figures(store)
        # no wrong merge: every canonical id holds one real person
        assert {c: p for c, p in people.items() if len(p) > 1} == {}
        # one id per person; the ambassador's bare 'Johnson' of a11 keeps to its article
        assert {p: len(c) for p, c in ids.items()} == {
            "Robert Mueller": 1, "William Barr": 1, "Nancy Pelosi": 1, "Theresa May": 1,
            "Jeremy Corbyn": 1, "Boris Johnson": 1, "Woody Johnson": 2,
        }
        assert ids["William Barr"] == {"person:william_barr"}
        assert ids["Robert Mueller"] == {"person:robert_mueller"}
        # what was merged and why
        _, why = store.query(
            "SELECT canonical_id, reason FROM actor_aliases WHERE actor_id = 'person:bill_barr' "
            "ORDER BY reason"
        )
        assert {c for c, _ in why} == {"person:william_barr"}
        assert all("hypocorism 'Bill' -> 'william'" in r for _, r in why)
        # the bare 'Johnson' of two articles (Boris Johnson; the ambassador) is two actors: the
        # gazetteer knows Boris Johnson, so his article's 'Johnson' is him already in the article,
        # and the ambassador's bare 'Johnson' is the corpus's only one
        _, johnsons = store.query(
            "SELECT DISTINCT canonical_id FROM actor_aliases "
            "WHERE actor_id IN ('person:johnson', 'person:boris_johnson') ORDER BY 1"
        )
        assert [c for (c,) in johnsons] == ["person:boris_johnson", "person:johnson"]

        # queries use the canonical id
        barr = resolve_actor(store, "Barr")
        assert barr.id == "person:william_barr"
        assert resolve_actor(store, "person:william_p_barr").id == "person:william_barr"
        graph = build_network(store)
        assert not {"person:barr", "person:william_p_barr"} & set(graph.nodes)
        assert graph.has_edge("Q170581", "person:william_barr")
        assert graph.edges["Q170581", "person:william_barr"]["weight"] == 2
        congress = resolve_actor(store, "Congress")
        assert [r.relations for r in timeline(store, barr, congress).rows] == [1]

        # the same title in two years: two articles
        _, titled = store.query(
            "SELECT published::DATE::VARCHAR FROM articles WHERE title = 'Brexit talks resume' "
            "ORDER BY 1"
        )
        assert titled == [("2019-04-03",), ("2020-02-03",)]

    result = runner.invoke(app, ["timeline", "Barr", "Congress", "--db", str(corpus_db),
                                 "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["a"]["id"] == "person:william_barr"


def test_per_article_output_is_the_same_alone_and_in_the_corpus(corpus_db: Path) -> None:
    analyzer = Analyzer(profile="fast")
    with Store(corpus_db, read_only=True) as store:
        stored = {Path(d.source_path or "").name: d for d in store.documents()}
    for name in ("a02.txt", "a11.txt"):
        alone = analyzer.analyze(RawArticle(TEXTS[name], name, stored[name].source_path))
        assert alone.model_dump_json() == stored[name].model_dump_json()


def test_old_stores_gain_identities(corpus_db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"
    shutil.copy(corpus_db, old)
    con = duckdb.connect(str(old))
    con.execute("ALTER TABLE actors DROP COLUMN identity_reason")
    con.execute("ALTER TABLE actors DROP COLUMN identity_key")
    con.close()
    query = "SELECT article_id, actor_id, canonical_id, reason FROM actor_aliases ORDER BY ALL"
    with Store(corpus_db, read_only=True) as store:
        _, expected = store.query(query)
    with Store(old, read_only=True) as store:  # read through views: the file is left as it is
        assert store.query(query)[1] == expected
    with Store(old) as store:  # opened for writing: the columns are added and filled
        assert store.query(query)[1] == expected
    con = duckdb.connect(str(old), read_only=True)
    assert con.execute("SELECT count(*) FROM actors WHERE identity_key IS NULL").fetchone() == (0,)
    con.close()
