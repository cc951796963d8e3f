"""The actor network of a corpus: who does what to whom, across articles, with networkx.

One directed edge per (source, target) pair of actor ids, with the number of relations of each
type, their mean polarity (the sign of the edge), the weight (how many relations) and the ids of
the articles that are its evidence. Nodes carry the actor's name, kind and QID, its mentions, and
the mean stance it holds (as a holder) and receives (as a target) in the selected articles.

At ``level="state"`` each relation's ends are the states they act for (``source_state`` and
``target_state``; an end without one stays the actor itself), and a relation between a state's
own bodies, or between one and its state, is left out (no self-loops). A state node is named
after the state actor, carries the state actor's own mentions and stances, and lists in
``members`` the relation ends drawn as it.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from presslens.corpus.store import Store

NetworkFormat = Literal["gexf", "graphml", "csv", "json"]
Level = Literal["actor", "state"]
LEVELS: tuple[Level, ...] = ("actor", "state")


def check_level(level: str) -> Level:
    """``level`` if it is a level, else a ValueError that names the levels."""
    for known in LEVELS:
        if level == known:
            return known
    raise ValueError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")


@dataclass(frozen=True)
class Ends:
    """SQL for a relation's two ends at a level, and the condition that drops self-loops."""

    source: str
    target: str
    keep: str


def relation_ends(level: str, alias: str = "r") -> Ends:
    """The ends of relation ``alias`` at ``level``: the actors as named, or the states they act
    for (the actor itself where the state is unknown), without self-loops at state level. A
    relation the text denies ("the non-existent hack of X", modality ``negated``) joins no edge
    and no timeline: it is kept in the store and its tables, not counted as done."""
    stated = f"{alias}.modality IS DISTINCT FROM 'negated'"
    if check_level(level) == "actor":
        return Ends(f"{alias}.source", f"{alias}.target", stated)
    source = f"coalesce({alias}.source_state, {alias}.source)"
    target = f"coalesce({alias}.target_state, {alias}.target)"
    return Ends(source, target, f"{source} <> {target} AND {stated}")


@dataclass(frozen=True)
class ArticleFilter:
    """Which articles (and which of their relations) a view covers."""

    since: date | None = None
    until: date | None = None  # inclusive: the whole day
    outlets: Sequence[str] = ()  # case-insensitive
    speakers: Sequence[str] = ()  # actor ids asserting the relation ('outlet' for the narrator)
    types: Sequence[str] = field(default_factory=tuple)  # relation types, case-insensitive
    # relation modalities (asserted, future, hypothetical): "asserted" alone keeps what the text
    # says was done, leaving out what was threatened, planned or possible; negated never counts
    modalities: Sequence[str] = field(default_factory=tuple)

    def article_sql(self, alias: str = "a") -> tuple[str, list[Any]]:
        """A WHERE condition on the articles table and its parameters."""
        clauses = ["TRUE"]
        params: list[Any] = []
        if self.since is not None:
            clauses.append(f"{alias}.published >= ?")
            params.append(datetime.combine(self.since, datetime.min.time()))
        if self.until is not None:
            clauses.append(f"{alias}.published < ? + INTERVAL 1 DAY")
            params.append(datetime.combine(self.until, datetime.min.time()))
        if self.outlets:
            clauses.append(f"lower({alias}.outlet) IN (SELECT lower(unnest(?)))")
            params.append(list(self.outlets))
        return " AND ".join(clauses), params

    def selection_sql(self, article: str = "a", relation: str = "r") -> tuple[str, list[Any]]:
        """The conditions on both the article and its relations, joined, and their parameters
        (for a query over relations joined to their articles)."""
        a_where, a_params = self.article_sql(article)
        r_where, r_params = self.relation_sql(relation)
        return f"{a_where} AND {r_where}", [*a_params, *r_params]

    def relation_sql(self, alias: str = "r") -> tuple[str, list[Any]]:
        clauses = ["TRUE"]
        params: list[Any] = []
        if self.speakers:
            clauses.append(f"{alias}.asserted_by IN (SELECT unnest(?))")
            params.append(list(self.speakers))
        if self.types:
            clauses.append(f"upper({alias}.type) IN (SELECT upper(unnest(?)))")
            params.append(list(self.types))
        if self.modalities:
            clauses.append(f"lower({alias}.modality) IN (SELECT lower(unnest(?)))")
            params.append(list(self.modalities))
        return " AND ".join(clauses), params


def selected_articles(store: Store, flt: ArticleFilter | None = None) -> tuple[int, int]:
    """How many articles ``flt`` selects, and how many of them have a publication date."""
    where, params = (flt or ArticleFilter()).article_sql()
    _, rows = store.query(
        f"SELECT count(*), count(a.published) FROM articles a WHERE {where}", params
    )
    return int(rows[0][0]), int(rows[0][1])


def actor_names(store: Store, flt: ArticleFilter | None = None) -> dict[str, dict[str, Any]]:
    """Per canonical actor id (``store``'s ``actor_aliases``): its most frequent name, kind and
    QID, mentions and articles."""
    where, params = (flt or ArticleFilter()).article_sql()
    _, rows = store.query(
        f"""
        WITH named AS (
            SELECT ac.canonical_id AS actor_id, ac.name, ac.kind, ac.wikidata, ac.n_mentions,
                   ac.article_id
            FROM actor_aliases ac JOIN articles a ON a.id = ac.article_id WHERE {where}
        ), counted AS (
            SELECT actor_id, name, count(*) AS n FROM named GROUP BY actor_id, name
        ), best AS (
            SELECT actor_id, first(name ORDER BY n DESC, name) AS name
            FROM counted GROUP BY actor_id
        )
        SELECT n.actor_id, b.name, first(n.kind ORDER BY n.kind),
               first(n.wikidata ORDER BY n.wikidata), sum(n.n_mentions),
               count(DISTINCT n.article_id)
        FROM named n JOIN best b USING (actor_id)
        GROUP BY n.actor_id, b.name ORDER BY n.actor_id
        """,
        params,
    )
    return {
        actor_id: {
            "name": name,
            "kind": kind,
            "wikidata": qid or "",
            "mentions": int(mentions or 0),
            "articles": int(articles or 0),
        }
        for actor_id, name, kind, qid, mentions, articles in rows
    }


def build_network(
    store: Store, flt: ArticleFilter | None = None, min_weight: float = 1, level: str = "actor"
) -> nx.DiGraph:
    """The signed, weighted, directed network of the selected articles, between actors or (at
    ``level="state"``) between the states they act for."""
    flt = flt or ArticleFilter()
    ends = relation_ends(level)
    where, params = flt.selection_sql()
    selected = (
        f"SELECT {ends.source} AS source, {ends.target} AS target, r.source AS source_actor, "
        f"r.target AS target_actor, r.type, r.polarity, r.article_id "
        f"FROM canonical_relations r JOIN articles a ON a.id = r.article_id "
        f"WHERE {where} AND {ends.keep}"
    )
    _, edges = store.query(
        f"""
        SELECT source, target, count(*) AS weight, avg(polarity) AS polarity,
               list_sort(list_distinct(list(article_id))) AS articles
        FROM ({selected}) GROUP BY source, target HAVING count(*) >= ?
        ORDER BY source, target
        """,
        [*params, min_weight],
    )
    _, typed = store.query(
        f"SELECT source, target, upper(type), count(*) FROM ({selected}) "
        "GROUP BY ALL ORDER BY ALL",
        params,
    )
    per_type: dict[tuple[str, str], dict[str, int]] = {}
    for source, target, rtype, n in typed:
        per_type.setdefault((source, target), {})[rtype] = int(n)
    all_types = sorted({t for counts in per_type.values() for t in counts})

    graph = nx.DiGraph(level=check_level(level))
    for source, target, weight, polarity, articles in edges:
        counts = per_type.get((source, target), {})
        mean = round(float(polarity), 6)
        graph.add_edge(
            source,
            target,
            weight=int(weight),
            polarity=mean,
            sign=(mean > 0) - (mean < 0),
            types=";".join(f"{t}:{counts[t]}" for t in sorted(counts)),
            articles=list(articles),
            **{f"n_{t}": counts.get(t, 0) for t in all_types},
        )

    names = actor_names(store, flt)
    unnamed = [node for node in graph.nodes if node not in names]
    if unnamed:  # a state (or a relation end) no selected article names: its name from any
        everywhere = actor_names(store)
        for node in unnamed:
            if node in everywhere:
                names[node] = {**everywhere[node], "mentions": 0, "articles": 0}
    held = _mean_stances(store, flt, "holder")
    received = _mean_stances(store, flt, "target")
    for node in graph.nodes:
        info = names.get(node, {})
        graph.nodes[node].update(
            label=info.get("name") or node,
            name=info.get("name") or node,
            kind=info.get("kind") or "",
            wikidata=info.get("wikidata") or "",
            mentions=info.get("mentions", 0),
            articles=info.get("articles", 0),
            stance_held=held.get(node, (0.0, 0))[0],
            stances_held=held.get(node, (0.0, 0))[1],
            stance_received=received.get(node, (0.0, 0))[0],
            stances_received=received.get(node, (0.0, 0))[1],
        )
    if level == "state":
        _, drawn = store.query(
            f"SELECT DISTINCT source, source_actor FROM ({selected}) UNION "
            f"SELECT DISTINCT target, target_actor FROM ({selected}) ORDER BY ALL",
            [*params, *params],
        )
        members: dict[str, list[str]] = {}
        for node, actor in drawn:
            members.setdefault(node, []).append(actor)
        for node in graph.nodes:
            graph.nodes[node]["members"] = members.get(node, [node])
    return graph


def _mean_stances(store: Store, flt: ArticleFilter, by: str) -> dict[str, tuple[float, int]]:
    where, params = flt.article_sql()
    _, rows = store.query(
        f"SELECT s.{by}, avg(s.score), count(*) FROM canonical_stances s "
        f"JOIN articles a ON a.id = s.article_id WHERE {where} GROUP BY 1 ORDER BY 1",
        params,
    )
    return {key: (round(float(mean), 6), int(n)) for key, mean, n in rows}


def _flat(graph: nx.DiGraph) -> nx.DiGraph:
    """A copy whose attributes are all scalars, as GEXF and GraphML require."""
    flat = graph.copy()
    for _, _, data in flat.edges(data=True):
        data["articles"] = " ".join(data["articles"])
    for _, data in flat.nodes(data=True):
        if "members" in data:
            data["members"] = " ".join(data["members"])
    return flat


def write_network(graph: nx.DiGraph, path: Path, fmt: NetworkFormat) -> list[Path]:
    """Write the network; returns the files written (CSV writes edges and ``*.nodes.csv``)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "gexf":
        nx.write_gexf(_flat(graph), path)
        return [path]
    if fmt == "graphml":
        nx.write_graphml(_flat(graph), path)
        return [path]
    if fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        return [path]
    nodes_path = path.with_name(path.stem + ".nodes.csv")
    edge_keys = sorted({k for _, _, d in graph.edges(data=True) for k in d if k.startswith("n_")})
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "target", "source_name", "target_name", "weight", "polarity",
                         "sign", "types", *edge_keys, "articles"])
        for source, target, d in graph.edges(data=True):
            writer.writerow([source, target, graph.nodes[source]["name"],
                             graph.nodes[target]["name"], d["weight"], d["polarity"], d["sign"],
                             d["types"], *(d.get(k, 0) for k in edge_keys),
                             " ".join(d["articles"])])
    node_keys = ["name", "kind", "wikidata", "mentions", "articles", "stance_held",
                 "stances_held", "stance_received", "stances_received"]
    if graph.graph.get("level") == "state":
        node_keys.append("members")
    with nodes_path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", *node_keys])
        for node, d in _flat(graph).nodes(data=True):
            writer.writerow([node, *(d[k] for k in node_keys)])
    return [path, nodes_path]
