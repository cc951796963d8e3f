"""Relation cues and states in the corpus store, the store migration that adds their columns, and
the network and timeline drawn between the states the actors act for (``--level state``)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import networkx as nx
import pyarrow.parquet as pq
import pytest
from state_corpus import documents
from typer.testing import CliRunner

from presslens.cli.app import app
from presslens.corpus.network import ArticleFilter, build_network
from presslens.corpus.schema import ADDED, TABLES
from presslens.corpus.store import Store, document_rows, write_shard
from presslens.corpus.timeline import resolve_actor, timeline

runner = CliRunner()

NEW_COLUMNS = ("cue_start", "cue_end", "cue_text", "source_state", "target_state")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "states.duckdb"
    with Store(path) as store:
        assert store.add(documents()) == 3
    return path


def _columns(path: Path, table: str) -> list[str]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
    finally:
        con.close()


# --- the store -------------------------------------------------------------------------------


def test_relation_cues_and_states_round_trip(db: Path, tmp_path: Path) -> None:
    docs = documents()
    with Store(db, read_only=True) as store:
        _, rows = store.query(
            "SELECT r.source, r.target, r.cue_start, r.cue_end, r.cue_text, r.source_state, "
            "r.target_state, a.text FROM relations r JOIN articles a ON a.id = r.article_id "
            "ORDER BY a.published, r.relation_no"
        )
        stored = [d.relations for d in store.documents([d.id for d in docs])]
    expected = [r for d in sorted(docs, key=lambda d: d.meta.published or "") for r in d.relations]
    assert len(rows) == len(expected) == 6
    for row, rel in zip(rows, expected, strict=True):
        source, target, cue_start, cue_end, cue_text, source_state, target_state, text = row
        assert (source, target, source_state, target_state) == (
            rel.source, rel.target, rel.source_state, rel.target_state)
        if rel.cue is None:
            assert (cue_start, cue_end, cue_text) == (None, None, None)
        else:
            assert (cue_start, cue_end, cue_text) == (rel.cue.start, rel.cue.end, rel.cue.text)
            assert text[cue_start:cue_end] == cue_text
    assert ("Q7184", "Q212") in {(r[0], r[1]) for r in rows if r[5] is None}
    assert sorted(r.model_dump_json() for rels in stored for r in rels) == sorted(
        r.model_dump_json() for r in expected)
    assert _columns(db, "relations")[-5:] == list(NEW_COLUMNS)

    # The Parquet export and the Dask shards carry the same columns and values.
    result = runner.invoke(app, ["export", "--db", str(db), str(tmp_path / "pq")])
    assert result.exit_code == 0, result.output
    exported = pq.read_table(tmp_path / "pq" / "relations.parquet")
    assert exported.column_names == [c.name for c in TABLES["relations"]]
    assert sorted(exported.column("cue_text").to_pylist(), key=str) == sorted(
        [r.cue.text if r.cue else None for r in expected], key=str)
    write_shard(document_rows(docs), tmp_path / "shard")
    with Store(tmp_path / "sharded.duckdb") as sharded, Store(db, read_only=True) as direct:
        assert sharded.add_shard(tmp_path / "shard") == 3
        query = "SELECT * FROM relations ORDER BY ALL"
        assert sharded.query(query) == direct.query(query)


def _old_store(path: Path) -> None:
    """A store as written before the relation cue and state columns, with one relation."""
    con = duckdb.connect(str(path))
    for name, columns in TABLES.items():
        kept = [c for c in columns if c.name not in ADDED.get(name, ())]
        cols = ", ".join(f'"{c.name}" {c.sql}' for c in kept)
        con.execute(f"CREATE TABLE {name} ({cols})")
    doc = documents()[2]  # Russia attacked Ukraine
    con.execute("INSERT INTO articles (id, text, outlet, published, document) "
                "VALUES (?, ?, 'Old Wire', '2024-12-01', ?)",
                [doc.id, doc.text, doc.model_dump_json()])
    con.execute("INSERT INTO actors VALUES (?, 'Q159', 'Russia', 'Q159', 'country', 1), "
                "(?, 'Q212', 'Ukraine', 'Q212', 'country', 1)", [doc.id, doc.id])
    con.execute("INSERT INTO relations VALUES (?, 0, 'Q159', 'Q212', 'ASSAULT', -1, 'asserted', "
                "NULL, 0.8, 0, 23, 'Russia attacked Ukraine')", [doc.id])
    con.close()


def test_an_old_store_gains_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    _old_store(path)
    assert not set(NEW_COLUMNS) & set(_columns(path, "relations"))

    # Read-only: the file is left as it is, but every query sees the columns (as NULL).
    with Store(path, read_only=True) as store:
        columns, rows = store.query("SELECT * FROM relations")
        assert columns == [c.name for c in TABLES["relations"]]
        assert rows[0][-5:] == (None,) * 5
        graph = build_network(store, level="state")
        assert list(graph.edges) == [("Q159", "Q212")]  # no states: the actors themselves
        store.export_parquet(tmp_path / "pq")
    assert pq.read_table(tmp_path / "pq" / "relations.parquet").column_names[-5:] == list(
        NEW_COLUMNS)
    assert not set(NEW_COLUMNS) & set(_columns(path, "relations"))

    # Opened for writing: the columns are added, old rows hold NULL, new rows their values.
    with Store(path) as store:
        assert store.add(documents()) == 2  # the third is the old article
        _, rows = store.query(
            "SELECT source, target, cue_text, source_state, target_state FROM relations "
            "ORDER BY article_id, relation_no"
        )
        assert ("Q159", "Q212", None, None, None) in rows
        assert ("person:lavrov", "Q212", "threatened", "Q159", "Q212") in rows
        state = build_network(store, level="state")
        assert state.edges["Q159", "Q212"]["weight"] == 3
    assert _columns(path, "relations") == [c.name for c in TABLES["relations"]]
    with Store(path) as store:  # opening again: nothing left to migrate
        assert store.count("relations") == 6


# --- the network and the timeline at state level ----------------------------------------------


def test_state_network_merges_a_minister_and_his_ministry(db: Path) -> None:
    with Store(db, read_only=True) as store:
        actors = build_network(store)
        states = build_network(store, level="state")
        eurasia = build_network(store, ArticleFilter(outlets=["Eurasia Courier"]), level="state")
        with pytest.raises(ValueError, match="level must be one of actor, state"):
            build_network(store, level="country")
    assert actors.graph["level"] == "actor" and states.graph["level"] == "state"
    assert set(actors.edges) == {
        ("person:lavrov", "Q212"), ("org:russian_mfa", "Q212"), ("person:lavrov", "org:russian_mfa"),
        ("person:zelensky", "Q159"), ("Q7184", "Q212"), ("Q159", "Q212"),
    }
    assert "members" not in actors.nodes["Q159"]
    # Lavrov, the ministry and Russia itself are one node; the minister praising his own
    # ministry is a self-loop and is left out; NATO acts for no state and stays itself.
    assert set(states.edges) == {("Q159", "Q212"), ("Q212", "Q159"), ("Q7184", "Q212")}
    assert nx.number_of_selfloops(states) == 0
    edge = states.edges["Q159", "Q212"]
    assert edge["weight"] == 3
    assert (edge["n_THREATEN"], edge["n_DISAPPROVE"], edge["n_ASSAULT"]) == (1, 1, 1)
    assert edge["polarity"] == -1.0 and len(edge["articles"]) == 2
    assert states.edges["Q212", "Q159"]["types"] == "ACCUSE:1"
    russia = states.nodes["Q159"]
    assert (russia["name"], russia["kind"], russia["wikidata"]) == ("Russia", "country", "Q159")
    assert russia["members"] == ["Q159", "org:russian_mfa", "person:lavrov"]
    assert states.nodes["Q212"]["members"] == ["Q212", "person:zelensky"]
    # No Eurasia Courier article names Russia, yet the state node is named after it.
    assert list(eurasia.edges) == [("Q159", "Q212")]
    assert eurasia.nodes["Q159"]["name"] == "Russia" and eurasia.nodes["Q159"]["mentions"] == 0


def test_state_timeline(db: Path) -> None:
    with Store(db, read_only=True) as store:
        russia, ukraine = resolve_actor(store, "Russia"), resolve_actor(store, "Ukraine")
        actors = timeline(store, russia, ukraine, "month")
        states = timeline(store, russia, ukraine, "month", level="state")
        lavrov = resolve_actor(store, "Lavrov")
        ministry = resolve_actor(store, "Foreign Ministry")
        loop = timeline(store, lavrov, ministry, "month", level="state")
        with pytest.raises(ValueError, match="level"):
            timeline(store, russia, ukraine, level="nation")
    assert [(r.bucket.month, r.source, r.relations) for r in actors.rows] == [(2, "Q159", 1)]
    assert states.level == "state"
    assert [(r.bucket.month, r.source, r.target, r.relations, r.types) for r in states.rows] == [
        (1, "Q159", "Q212", 2, {"DISAPPROVE": 1, "THREATEN": 1}),
        (2, "Q159", "Q212", 1, {"ASSAULT": 1}),
        (2, "Q212", "Q159", 1, {"ACCUSE": 1}),
    ]
    assert loop.rows == []  # both ends act for Russia: nothing between them at state level


# --- the commands ----------------------------------------------------------------------------


def test_network_and_timeline_commands_take_a_level(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "states.json"
    result = runner.invoke(app, ["network", "--db", str(db), "--level", "state", "-f", "json",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    graph = nx.node_link_graph(json.loads(out.read_text()), edges="edges")
    assert set(graph.edges) == {("Q159", "Q212"), ("Q212", "Q159"), ("Q7184", "Q212")}
    assert graph.graph["level"] == "state"

    result = runner.invoke(app, ["network", "--db", str(db), "-f", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert ("person:lavrov", "Q212") in nx.node_link_graph(
        json.loads(out.read_text()), edges="edges").edges  # actor is the default

    for fmt in ("gexf", "graphml", "csv"):
        path = tmp_path / f"states.{fmt}"
        result = runner.invoke(app, ["network", "--db", str(db), "--level", "state",
                                     "-f", fmt, "-o", str(path)])
        assert result.exit_code == 0, result.output
        if fmt == "gexf":
            assert nx.read_gexf(path).nodes["Q159"]["members"] == (
                "Q159 org:russian_mfa person:lavrov")
        elif fmt == "graphml":
            assert nx.read_graphml(path).edges["Q159", "Q212"]["weight"] == 3
        else:
            nodes = {n["id"]: n for n in csv.DictReader((tmp_path / "states.nodes.csv").open())}
            assert nodes["Q159"]["name"] == "Russia"
            assert nodes["Q159"]["members"] == "Q159 org:russian_mfa person:lavrov"

    result = runner.invoke(app, ["network", "--db", str(db), "--level", "country",
                                 "-o", str(out)])
    assert result.exit_code == 2
    message = _words(result.output)
    assert "Invalid value for '--level'" in message
    assert "'country' is not one of 'actor', 'state'" in message

    result = runner.invoke(app, ["timeline", "Russia", "Ukraine", "--db", str(db),
                                 "--level", "state", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["level"] == "state"
    assert [(r["bucket"], r["source"], r["relations"]) for r in data["rows"]] == [
        ("2025-01-01", "Q159", 2), ("2025-02-01", "Q159", 1), ("2025-02-01", "Q212", 1)]
    result = runner.invoke(app, ["timeline", "Russia", "Ukraine", "--db", str(db),
                                 "--level", "nation"])
    assert result.exit_code == 2
    assert "'nation' is not one of 'actor', 'state'" in _words(result.output)


def _words(output: str) -> str:
    """A usage error as one line of words, without the box rich draws around it."""
    return " ".join(output.replace("│", " ").split())
