"""The ``level`` parameter of the web API's network, edge evidence and timeline: edges between the
actors as named or between the states they act for; a bad level is a 422 that says why. The
documents are made by hand (no analysis runs), so the store's relations carry cues and states."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from fastapi.testclient import TestClient

from presslens.corpus.schema import ADDED, TABLES
from presslens.corpus.store import Store
from presslens.model import Actor, Document, Mention, Meta, Relation, Span
from presslens.textutil import document_id
from presslens.web.app import create_app

NAMES = {
    "Q159": ("Russia", "country"),
    "Q212": ("Ukraine", "country"),
    "person:lavrov": ("Sergei Lavrov", "person"),
    "org:russian_mfa": ("Russian Foreign Ministry", "organization"),
}

# text, published, [(source, target, type, polarity, evidence, cue, source_state, target_state)]
ARTICLES: list[tuple[str, str, list[tuple[str, str, str, int, str, str, str, str]]]] = [
    ("Sergei Lavrov threatened Ukraine. The Russian Foreign Ministry condemned Ukraine.",
     "2025-01-10",
     [("person:lavrov", "Q212", "THREATEN", -1, "Lavrov threatened Ukraine", "threatened",
       "Q159", "Q212"),
      ("org:russian_mfa", "Q212", "DISAPPROVE", -1, "Ministry condemned Ukraine", "condemned",
       "Q159", "Q212")]),
    ("Sergei Lavrov praised the Russian Foreign Ministry. Russia attacked Ukraine.",
     "2025-02-03",
     [("person:lavrov", "org:russian_mfa", "PRAISE", 1, "Lavrov praised the Russian", "praised",
       "Q159", "Q159"),
      ("Q159", "Q212", "ASSAULT", -1, "Russia attacked Ukraine", "attacked", "Q159", "Q212")]),
]


def _doc(text: str, published: str, relations: list[tuple[Any, ...]]) -> Document:
    actors = []
    for actor_id, (name, kind) in NAMES.items():
        found = [m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text)]
        if found:
            actors.append(Actor(id=actor_id, name=name, kind=kind, mentions=[  # type: ignore[arg-type]
                Mention(start=s, end=s + len(name), text=name) for s in found]))
    rels = []
    for source, target, rtype, polarity, evidence, cue, source_state, target_state in relations:
        start = text.index(evidence)
        at = text.index(cue, start)
        rels.append(Relation(
            start=start, end=start + len(evidence), text=evidence, source=source, target=target,
            type=rtype, polarity=polarity, confidence=0.8,
            cue=Span(start=at, end=at + len(cue), text=cue),
            source_state=source_state, target_state=target_state,
        ))
    return Document(id=document_id(text), text=text, actors=actors, relations=rels,
                    meta=Meta(title=text.split(".")[0], published=published, outlet="Wire"))


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("web-levels") / "corpus.duckdb"
    with Store(db) as store:
        store.add([_doc(*article) for article in ARTICLES])
    with TestClient(create_app(db)) as test_client:
        yield test_client


def _edges(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(e["source"], e["target"]): e for e in data["edges"]}


def test_network_level(client: TestClient) -> None:
    actors = client.get("/api/network").json()
    assert set(_edges(actors)) == {("person:lavrov", "Q212"), ("org:russian_mfa", "Q212"),
                                   ("person:lavrov", "org:russian_mfa"), ("Q159", "Q212")}
    assert client.get("/api/network", params={"level": "actor"}).json() == actors
    states = client.get("/api/network", params={"level": "state"}).json()
    assert states["graph"] == {"level": "state"}
    assert set(_edges(states)) == {("Q159", "Q212")}  # the self-loop is left out
    assert _edges(states)[("Q159", "Q212")]["weight"] == 3
    nodes = {n["id"]: n for n in states["nodes"]}
    assert nodes["Q159"]["name"] == "Russia"
    assert nodes["Q159"]["members"] == ["Q159", "org:russian_mfa", "person:lavrov"]
    january = client.get("/api/network", params={"level": "state", "until": "2025-01-31"}).json()
    assert _edges(january)[("Q159", "Q212")]["weight"] == 2


@pytest.mark.parametrize("level", ["actor", "state"])
def test_one_node_per_id(client: TestClient, level: str) -> None:
    """The page draws one node per id: the API lists each once, and every edge end is a node
    (at the state level, Russia the state and Russia the actor are one node)."""
    data = client.get("/api/network", params={"level": level}).json()
    ids = [n["id"] for n in data["nodes"]]
    assert len(ids) == len(set(ids))
    assert {end for e in data["edges"] for end in (e["source"], e["target"])} <= set(ids)


def test_edge_evidence_level(client: TestClient) -> None:
    data = client.get("/api/network/evidence",
                      params={"source": "Q159", "target": "Q212", "level": "state"}).json()
    assert (data["level"], data["source_name"], data["target_name"]) == (
        "state", "Russia", "Ukraine")
    items = data["items"]
    assert [(i["source_name"], i["cue"]["text"]) for i in items] == [
        ("Sergei Lavrov", "threatened"), ("Russian Foreign Ministry", "condemned"),
        ("Russia", "attacked")]
    assert all(i["source_state"] == "Q159" and i["target_state"] == "Q212" for i in items)
    assert all(i["text"][i["cue"]["start"] - i["start"]:][:len(i["cue"]["text"])]
               == i["cue"]["text"] for i in items)
    actor = client.get("/api/network/evidence", params={"source": "Q159", "target": "Q212"})
    assert [i["type"] for i in actor.json()["items"]] == ["ASSAULT"]
    loop = client.get("/api/network/evidence",
                      params={"source": "Q159", "target": "Q159", "level": "state"}).json()
    assert loop["items"] == []


def test_timeline_level(client: TestClient) -> None:
    params = {"a": "Russia", "b": "Ukraine"}
    actor = client.get("/api/timeline", params=params).json()
    assert actor["level"] == "actor"
    assert [(r["bucket"], r["relations"]) for r in actor["rows"]] == [("2025-02-01", 1)]
    state = client.get("/api/timeline", params={**params, "level": "state"}).json()
    assert [(r["bucket"], r["relations"]) for r in state["rows"]] == [
        ("2025-01-01", 2), ("2025-02-01", 1)]


@pytest.mark.parametrize("path", ["/api/network", "/api/network/evidence", "/api/timeline"])
@pytest.mark.parametrize("level", ["country", "", "STATE"])
def test_a_bad_level_is_422(client: TestClient, path: str, level: str) -> None:
    params = {"source": "Q159", "target": "Q212", "a": "Q159", "b": "Q212", "level": level}
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["detail"] == "level: Input should be 'actor' or 'state'"


def test_a_store_without_the_new_columns_is_served(tmp_path: Path) -> None:
    """A store written before relations kept cues and states is read through views."""
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    for name, columns in TABLES.items():
        cols = ", ".join(f'"{c.name}" {c.sql}' for c in columns if c.name not in ADDED.get(name, ()))
        con.execute(f"CREATE TABLE {name} ({cols})")
    con.execute("INSERT INTO articles (id, text, published) VALUES ('a1', 'x', '2025-01-01')")
    con.execute("INSERT INTO relations VALUES ('a1', 0, 'Q159', 'Q212', 'ASSAULT', -1, "
                "'asserted', NULL, 0.8, 0, 1, 'x')")
    con.close()
    with TestClient(create_app(db)) as old:
        for level in ("actor", "state"):
            data = old.get("/api/network", params={"level": level}).json()
            assert set(_edges(data)) == {("Q159", "Q212")}
            evidence = old.get("/api/network/evidence", params={
                "source": "Q159", "target": "Q212", "level": level}).json()
            assert [i["cue"] for i in evidence["items"]] == [None]
