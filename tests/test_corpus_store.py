"""The corpus store and its views, on hand-made documents (no analysis run here)."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from corpus_docs import corpus, make_doc
from presslens.cli.app import app
from presslens.corpus.network import ArticleFilter, build_network, write_network
from presslens.corpus.store import TABLES, ErrorRecord, Store, document_rows, write_shard
from presslens.corpus.timeline import (
    UnknownActor,
    plot_timeline,
    rank_actors,
    resolve_actor,
    timeline,
)

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.duckdb"
    with Store(path) as store:
        assert store.add(corpus()) == 5
    return path


def test_store_rows_and_idempotence(db: Path) -> None:
    docs = corpus()
    with Store(db) as store:
        assert store.add(docs) == 0  # the same documents again: nothing new
        assert store.add([docs[0], docs[0]]) == 0
        assert store.count("articles") == 5
        assert store.count("relations") == 8
        assert store.count("stances") == 5
        _, rows = store.query(
            "SELECT published, outlet, n_relations, n_actors FROM articles WHERE id = ?",
            [docs[1].id],
        )
        assert rows == [(datetime(2025, 1, 24, 9, 30), "Eurasia Courier", 2, 2)]
        _, mentions = store.query(
            "SELECT m.char_start, m.char_end, m.text, a.text FROM mentions m "
            "JOIN articles a ON a.id = m.article_id"
        )
        assert mentions and all(text[s:e] == t for s, e, t, text in mentions)
        assert sorted(store.documents([docs[2].id]).__next__().model_dump_json()) == sorted(
            docs[2].model_dump_json()
        )


def test_errors_replace_per_source_and_clear_on_success(tmp_path: Path) -> None:
    doc = make_doc("NATO condemned Russia.", published=None, outlet=None)
    with Store(tmp_path / "c.duckdb") as store:
        store.add([], [ErrorRecord("a.txt", "empty", "file is empty")])
        store.add([], [ErrorRecord("a.txt", "binary", "binary data")])
        store.add([], [ErrorRecord(doc.source_path or "", "internal", "boom")])
        _, rows = store.query("SELECT source, code FROM errors ORDER BY source")
        assert rows == [("a.txt", "binary"), (doc.source_path, "internal")]
        store.add([doc])
        _, rows = store.query("SELECT source FROM errors")
        assert rows == [("a.txt",)]


def test_shard_load_skips_stored_and_matches_direct_rows(tmp_path: Path) -> None:
    docs = corpus()
    write_shard(document_rows(docs), tmp_path / "shard")
    with Store(tmp_path / "a.duckdb") as direct, Store(tmp_path / "b.duckdb") as sharded:
        direct.add(docs)
        sharded.add(docs[:2])
        assert sharded.add_shard(tmp_path / "shard") == 3
        for table in TABLES:
            if table == "errors":
                continue
            query = f"SELECT * FROM {table} ORDER BY ALL"
            assert direct.query(query) == sharded.query(query), table


def test_sql_is_read_only_and_formats(db: Path) -> None:
    result = runner.invoke(
        app, ["sql", "SELECT outlet, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1",
              "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [
        {"outlet": "Baltic Wire", "n": 3}, {"outlet": "Eurasia Courier", "n": 2}]
    result = runner.invoke(app, ["sql", "SELECT id FROM articles ORDER BY id", "--db", str(db),
                                 "-f", "csv"])
    assert result.stdout.splitlines()[0] == "id" and len(result.stdout.splitlines()) == 6
    result = runner.invoke(app, ["sql", "DELETE FROM articles", "--db", str(db)])
    assert result.exit_code == 1
    with Store(db, read_only=True) as store:
        assert store.count("articles") == 5


def test_export_parquet(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet",
                                 str(tmp_path / "pq")])
    assert result.exit_code == 0, result.output
    assert {p.stem for p in (tmp_path / "pq").glob("*.parquet")} == set(TABLES)
    assert pq.read_table(tmp_path / "pq" / "relations.parquet").num_rows == 8


def test_network_edges_nodes_and_filters(db: Path) -> None:
    with Store(db, read_only=True) as store:
        graph = build_network(store)
        edge = graph.edges["Q159", "Q212"]
        # two THREATEN, one ASSAULT, two COOPERATE (one undated article counts: no date filter)
        assert edge["weight"] == 5
        assert (edge["n_THREATEN"], edge["n_ASSAULT"], edge["n_COOPERATE"]) == (2, 1, 2)
        assert edge["polarity"] == pytest.approx(-0.2)
        assert edge["sign"] == -1
        assert len(edge["articles"]) == 4
        assert graph.edges["Q7184", "Q217"]["sign"] == 1
        russia = graph.nodes["Q159"]
        assert (russia["name"], russia["kind"], russia["wikidata"]) == ("Russia", "country", "Q159")
        assert russia["mentions"] == 7
        assert russia["stance_received"] == pytest.approx((0.4 + 0.5 - 0.7) / 3, abs=1e-6)
        assert graph.nodes["Q7184"]["stance_held"] == 0.0

        january = build_network(store, ArticleFilter(since=date(2025, 1, 1),
                                                     until=date(2025, 1, 24)))
        assert january.edges["Q159", "Q212"]["weight"] == 3  # until is inclusive of the day
        baltic = build_network(store, ArticleFilter(outlets=["baltic wire"]))
        assert set(baltic.edges) == {("Q159", "Q212"), ("Q212", "Q159"), ("Q7184", "Q217")}
        said = build_network(store, ArticleFilter(speakers=["person:telmanov"]))
        assert list(said.edges) == [("Q159", "Q212")]
        assert said.edges["Q159", "Q212"]["polarity"] == 1.0
        typed = build_network(store, ArticleFilter(types=["threaten"]))
        assert list(typed.edges) == [("Q159", "Q212")]
        assert set(build_network(store, min_weight=2).edges) == {("Q159", "Q212")}


def test_network_files_open_again(db: Path, tmp_path: Path) -> None:
    for fmt in ("gexf", "graphml", "json", "csv"):
        out = tmp_path / f"net.{fmt}"
        result = runner.invoke(app, ["network", "--db", str(db), "--format", fmt, "-o", str(out),
                                     "--speaker", "Telmanov"])
        assert result.exit_code == 0, result.output
        if fmt == "gexf":
            graph = nx.read_gexf(out)
            assert graph.edges["Q159", "Q212"]["weight"] == 1
        elif fmt == "graphml":
            graph = nx.read_graphml(out)
            assert graph.nodes["Q212"]["name"] == "Ukraine"
        elif fmt == "json":
            data = json.loads(out.read_text())
            graph = nx.node_link_graph(data, edges="edges")
            assert graph.edges["Q159", "Q212"]["articles"] == [corpus()[2].id]
        else:
            rows = list(csv.DictReader(out.open()))
            assert rows[0]["source_name"] == "Russia" and rows[0]["n_COOPERATE"] == "1"
            nodes = list(csv.DictReader((tmp_path / "net.nodes.csv").open()))
            assert {n["id"] for n in nodes} == {"Q159", "Q212"}
    with Store(db, read_only=True) as store:
        full = build_network(store)
    write_network(full, tmp_path / "full.gexf", "gexf")
    assert nx.read_gexf(tmp_path / "full.gexf").number_of_edges() == full.number_of_edges()


def test_resolve_actor(db: Path) -> None:
    with Store(db, read_only=True) as store:
        assert resolve_actor(store, "Q159").name == "Russia"
        assert resolve_actor(store, "ukraine").id == "Q212"
        assert resolve_actor(store, "Telmanov").id == "person:telmanov"
        with pytest.raises(UnknownActor):
            resolve_actor(store, "Atlantis")


def test_timeline_by_month_and_week(db: Path, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store:
        a, b = resolve_actor(store, "Russia"), resolve_actor(store, "Ukraine")
        months = timeline(store, a, b, "month")
        weeks = timeline(store, a, b, "week")
    assert months.undated == 1
    assert [(r.bucket.date(), r.source, r.relations, r.polarity) for r in months.rows] == [
        (date(2025, 1, 1), "Q159", 3, -1.0),
        (date(2025, 3, 1), "Q159", 1, 1.0),
        (date(2025, 3, 1), "Q212", 1, -1.0),
    ]
    assert months.rows[0].types == {"ASSAULT": 1, "THREATEN": 2}
    assert [r.bucket.date() for r in weeks.rows][:2] == [date(2025, 1, 6), date(2025, 1, 20)]
    plot_timeline(months, tmp_path / "t.png")
    assert (tmp_path / "t.png").read_bytes()[:4] == b"\x89PNG"

    result = runner.invoke(app, ["timeline", "Russia", "Q212", "--db", str(db), "--by", "month",
                                 "-f", "json", "--plot", str(tmp_path / "cli.png")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["rows"][0] == {"bucket": "2025-01-01", "source": "Q159", "target": "Q212",
                               "relations": 3, "mean_polarity": -1.0,
                               "types": {"ASSAULT": 1, "THREATEN": 2}}
    assert (tmp_path / "cli.png").exists()


def test_actor_ranking_per_outlet(db: Path) -> None:
    with Store(db, read_only=True) as store:
        ranks = rank_actors(store)
    eurasia = [r for r in ranks if r.outlet == "Eurasia Courier"]
    assert [(r.actor_id, r.mentions) for r in eurasia][:2] == [("Q159", 4), ("Q212", 3)]
    assert [r.mention_rank for r in eurasia] == list(range(1, len(eurasia) + 1))
    by_stance = {r.actor_id: (r.mean_stance, r.stance_rank) for r in eurasia}
    assert by_stance["Q212"] == (-0.8, 1)
    assert by_stance["Q7184"] == (-0.6, 2)
    assert by_stance["Q159"] == (0.4, 3)
    result = runner.invoke(app, ["actors", "--db", str(db), "--outlet", "Baltic Wire",
                                 "--by", "stance", "-f", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["outlet"] for r in rows} == {"Baltic Wire"}
    assert rows[0]["actor_id"] == "Q159" and rows[0]["mean_stance"] == pytest.approx(-0.1)
