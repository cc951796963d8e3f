"""A synthetic network as ``/api/network`` answers it (node-link JSON), for the browser tests of
the network view at scale: 1,000 actors and about 2,000 edges on a seeded power-law graph with
clusters, one node listed twice (the page draws one node per id), and the same corpus between 60
states. Made in milliseconds, with no analysis and no store."""

from __future__ import annotations

import random
from typing import Any

import networkx as nx

FIRST = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas",
         "Katya", "Lukas", "Maria", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tamara", "Viktor"]
LAST = ["Albescu", "Brandt", "Costa", "Dragan", "Eriksen", "Fischer", "Horvat", "Ivanova",
        "Jansen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Orlov", "Petrov", "Rossi",
        "Schulz", "Tanaka", "Urban", "Varga", "Weber", "Yilmaz", "Zielinski", "Okafor", "Silva"]
KINDS = ["person", "person", "person", "organization", "country", "party", "media",
         "institution", "group", "alliance"]
TYPES = ["ACCUSE", "AGREE", "ALLY", "ASSAULT", "COOPERATE", "CRITICIZE", "PRAISE", "THREATEN"]
SIGN_OF = {"ACCUSE": -1, "AGREE": 1, "ALLY": 1, "ASSAULT": -1, "COOPERATE": 1,
           "CRITICIZE": -1, "PRAISE": 1, "THREATEN": -1}
STATES = 60


def _name(n: int) -> str:
    return f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]}" + (
        "" if n < len(FIRST) * len(LAST) else f" {n}")


def _edges(graph: nx.Graph, rng: random.Random, ids: list[str]) -> list[dict[str, Any]]:
    edges = []
    for a, b in sorted(graph.edges):
        source, target = (ids[a], ids[b]) if rng.random() < 0.5 else (ids[b], ids[a])
        weight = 1 + int(rng.expovariate(0.6))
        counts: dict[str, int] = {}
        for _ in range(weight):
            rtype = rng.choice(TYPES)
            counts[rtype] = counts.get(rtype, 0) + 1
        polarity = round(sum(SIGN_OF[t] * c for t, c in counts.items()) / weight, 6)
        edges.append({
            "source": source, "target": target, "weight": weight, "polarity": polarity,
            "sign": (polarity > 0) - (polarity < 0),
            "types": ";".join(f"{t}:{counts[t]}" for t in sorted(counts)),
            "articles": [f"{rng.getrandbits(64):016x}"],
        })
    return edges


def network_json(level: str = "actor", n: int = 1000) -> dict[str, Any]:
    """The node-link JSON of a seeded graph of ``n`` actors, or of ``STATES`` states."""
    rng = random.Random(16)
    if level == "state":
        graph = nx.powerlaw_cluster_graph(STATES, 2, 0.3, seed=16)
        ids = [f"Q{1000 + i}" for i in range(STATES)]
        nodes = [{"id": ids[i], "name": f"State {i}", "label": f"State {i}", "kind": "country",
                  "mentions": 10 + i, "articles": 5} for i in range(STATES)]
    else:
        graph = nx.powerlaw_cluster_graph(n, 2, 0.3, seed=16)
        ids = [f"person:actor_{i:04d}" for i in range(n)]
        nodes = [{"id": ids[i], "name": _name(i), "label": _name(i), "kind": KINDS[i % len(KINDS)],
                  "mentions": 1 + graph.degree(i), "articles": 1} for i in range(n)]
        nodes.append(dict(nodes[0]))  # the same actor twice: drawn once
    return {"directed": True, "multigraph": False, "graph": {"level": level}, "nodes": nodes,
            "edges": _edges(graph, rng, ids)}
