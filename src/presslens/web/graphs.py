"""Read-only network and timeline views of a corpus store for the web API: the network as
node-link JSON, the relations behind one of its edges, and the relations between two actors over
time, each between actors or (``level="state"``) between the states they act for."""

from __future__ import annotations

from typing import Any

import networkx as nx

from presslens.corpus.network import ArticleFilter, build_network, relation_ends
from presslens.corpus.store import Store
from presslens.corpus.timeline import Bucket, UnknownActor, resolve_actor, timeline
from presslens.web import forms
from presslens.web.queries import NotFound, actor_id, iso, names_of


def network(
    store: Store, flt: ArticleFilter, min_weight: float = 1, level: str = "actor"
) -> dict[str, Any]:
    """The network as node-link JSON (``networkx.node_link_data``); each node also carries its
    names in the other script (``also``) and its forms in the corpus, folded (``forms``: what the
    page's search looks in)."""
    graph = build_network(store, flt, min_weight=min_weight, level=level)
    data: dict[str, Any] = nx.node_link_data(graph, edges="edges")
    found = forms.forms_of(store, [n["id"] for n in data["nodes"]])
    for node in data["nodes"]:
        mine = found.get(node["id"], [])
        node["also"] = forms.also_names(
            node.get("name") or node["id"],
            ((t, n) for t, role, n in mine if role in forms.NAME_ROLES),
        )
        node["forms"] = sorted({forms.fold(t) for t, _, _ in mine})
    return data


def edge_evidence(
    store: Store,
    flt: ArticleFilter,
    source: str,
    target: str,
    limit: int = 200,
    level: str = "actor",
) -> dict[str, Any]:
    """The relations from ``source`` to ``target`` in the selected articles: the evidence of one
    network edge at ``level``. Each item names the actors at its ends, their states and its cue.
    Raises ``NotFound`` (404) for an end that names no actor or state of the corpus, as the other
    endpoints do, rather than answering an empty edge."""
    source, target = _edge_end(store, source), _edge_end(store, target)
    ends = relation_ends(level)
    where, params = flt.selection_sql()
    _, rows = store.query(
        f"""
        SELECT r.article_id, a.title, a.outlet, a.published, r.relation_no, upper(r.type),
               r.polarity, r.modality, r.asserted_by, r.confidence, r.char_start, r.char_end,
               r.text, r.source, r.target, r.source_state, r.target_state,
               r.cue_start, r.cue_end, r.cue_text
        FROM relations r JOIN articles a ON a.id = r.article_id
        WHERE {ends.source} = ? AND {ends.target} = ? AND {ends.keep} AND {where}
        ORDER BY a.published NULLS LAST, r.article_id, r.relation_no LIMIT ?
        """,
        [source, target, *params, limit],
    )
    names = names_of(
        store, [source, target, *(i for row in rows for i in (row[8], row[13], row[14]) if i)]
    )
    items = []
    for (art, title, outlet, pub, no, rtype, pol, mod, by, conf, start, end, text,
         src, dst, src_state, dst_state, cue_start, cue_end, cue_text) in rows:
        items.append(
            {
                "article_id": art, "title": title, "outlet": outlet, "published": iso(pub),
                "relation_no": int(no), "type": rtype, "polarity": int(pol), "modality": mod,
                "asserted_by": by, "asserted_by_name": names.get(by, by) if by else None,
                "confidence": float(conf), "start": start, "end": end, "text": text,
                "source": src, "source_name": names.get(src, src), "source_state": src_state,
                "target": dst, "target_name": names.get(dst, dst), "target_state": dst_state,
                "cue": None if cue_start is None else
                {"start": int(cue_start), "end": int(cue_end), "text": cue_text},
            }
        )
    return {
        "source": source,
        "target": target,
        "level": level,
        "source_name": names.get(source, source),
        "target_name": names.get(target, target),
        "items": items,
    }


def _edge_end(store: Store, value: str) -> str:
    """The id of an actor (id, QID or name) or of a state some relation acts for."""
    try:
        return actor_id(store, value)
    except UnknownActor as err:
        _, rows = store.query(
            "SELECT 1 WHERE EXISTS (SELECT 1 FROM relations WHERE source_state = ? "
            "OR target_state = ?)",
            [value, value],
        )
        if rows:
            return value
        raise NotFound(str(err)) from None


def timeline_json(
    store: Store, a: str, b: str, by: Bucket, flt: ArticleFilter, level: str = "actor"
) -> dict[str, Any]:
    """Relations between two actors (or the states they act for) per week or month; raises
    ``NotFound`` for an unknown one."""
    try:
        ref_a = resolve_actor(store, actor_id(store, a))
        ref_b = resolve_actor(store, actor_id(store, b))
    except UnknownActor as err:
        raise NotFound(str(err)) from None
    result = timeline(store, ref_a, ref_b, by, flt, level=level)
    return {
        "a": {"id": ref_a.id, "name": ref_a.name},
        "b": {"id": ref_b.id, "name": ref_b.name},
        "by": result.by,
        "level": result.level,
        "undated": result.undated,
        "rows": [row.as_dict() for row in result.rows],
    }
