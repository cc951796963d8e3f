"""Read-only views of a corpus store for the web API.

Every function takes an open ``Store`` and returns plain JSON-ready dicts and lists. Filters are
the corpus ``ArticleFilter`` (the same as the ``network`` command) plus, for article lists, an
actor and a technique. Orders are total (ties broken by id), so every answer is deterministic.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from presslens.corpus.network import ArticleFilter
from presslens.corpus.store import Store
from presslens.corpus.timeline import UnknownActor, resolve_actor

COUNT_KEYS = ("actors", "mentions", "quotes", "relations", "stances", "techniques", "claims")

_SUMMARY_COLUMNS = (
    "a.id, a.title, a.published, a.outlet, a.authors, a.url, a.language, a.source_path, "
    "a.n_chars, " + ", ".join(f"a.n_{key}" for key in COUNT_KEYS)
)


class NotFound(LookupError):
    """An id that names nothing in the corpus."""


def iso(value: Any) -> str | None:
    """A stored timestamp as ISO 8601: the day alone when the time is midnight."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == 0:
            return value.date().isoformat()
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _summary(row: tuple[Any, ...]) -> dict[str, Any]:
    aid, title, published, outlet, authors, url, language, source_path, n_chars, *counts = row
    return {
        "id": aid,
        "title": title,
        "published": iso(published),
        "outlet": outlet,
        "authors": list(authors or []),
        "url": url,
        "language": language,
        "source_path": source_path,
        "n_chars": int(n_chars or 0),
        "counts": {key: int(n or 0) for key, n in zip(COUNT_KEYS, counts, strict=True)},
    }


# --- actors ---------------------------------------------------------------------------------


def names_of(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """The most frequent name of each actor id (ids without a stored actor map to themselves)."""
    wanted = sorted({i for i in ids if i})
    if not wanted:
        return {}
    _, rows = store.query(
        """
        SELECT actor_id, name FROM (
            SELECT actor_id, name, count(*) AS n FROM actors
            WHERE actor_id IN (SELECT unnest(?)) GROUP BY ALL
        ) QUALIFY row_number() OVER (PARTITION BY actor_id ORDER BY n DESC, name) = 1
        """,
        [wanted],
    )
    found = {actor_id: name for actor_id, name in rows}
    return {i: found.get(i, i) for i in wanted}


def actor_id(store: Store, query: str) -> str:
    """An actor id as given when some article names it, else what ``resolve_actor`` makes of it
    (a QID or a name); raises ``UnknownActor``."""
    _, rows = store.query(
        "SELECT 1 WHERE EXISTS (SELECT 1 FROM actors WHERE actor_id = ?) "
        "OR EXISTS (SELECT 1 FROM relations WHERE source = ? OR target = ? OR asserted_by = ?) "
        "OR EXISTS (SELECT 1 FROM stances WHERE holder = ? OR target = ?)",
        [query] * 6,
    )
    if rows:
        return query
    return resolve_actor(store, query).id


def list_actors(
    store: Store,
    flt: ArticleFilter,
    q: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Actors of the selected articles, most mentioned first, with quote and stance counts."""
    where, params = flt.article_sql()
    _, rows = store.query(
        f"""
        WITH sel AS (SELECT a.id FROM articles a WHERE {where}),
        named AS (
            SELECT actor_id, name, count(*) AS n FROM actors
            WHERE article_id IN (SELECT id FROM sel) GROUP BY ALL
        ), best AS (
            SELECT actor_id, first(name ORDER BY n DESC, name) AS name FROM named GROUP BY 1
        ), agg AS (
            SELECT actor_id, first(kind ORDER BY kind) AS kind,
                   first(wikidata ORDER BY wikidata) AS wikidata,
                   sum(n_mentions) AS mentions, count(DISTINCT article_id) AS articles
            FROM actors WHERE article_id IN (SELECT id FROM sel) GROUP BY 1
        ), quoted AS (
            SELECT speaker AS actor_id, count(*) AS quotes FROM quotes
            WHERE article_id IN (SELECT id FROM sel) GROUP BY 1
        ), stood AS (
            SELECT target AS actor_id, count(*) AS stances, avg(score) AS mean_stance
            FROM stances WHERE article_id IN (SELECT id FROM sel) GROUP BY 1
        )
        SELECT agg.actor_id, best.name, agg.kind, agg.wikidata, agg.mentions, agg.articles,
               coalesce(quoted.quotes, 0), coalesce(stood.stances, 0), stood.mean_stance
        FROM agg JOIN best USING (actor_id)
        LEFT JOIN quoted USING (actor_id) LEFT JOIN stood USING (actor_id)
        ORDER BY agg.mentions DESC, agg.actor_id
        """,
        params,
    )
    items = []
    needle = (q or "").strip().casefold()
    for aid, name, akind, qid, mentions, articles, quotes, stances, mean in rows:
        if kind and akind != kind:
            continue
        if needle and needle not in (name or "").casefold() and needle not in aid.casefold():
            continue
        items.append(
            {
                "id": aid,
                "name": name,
                "kind": akind,
                "wikidata": qid,
                "mentions": int(mentions or 0),
                "articles": int(articles or 0),
                "quotes": int(quotes),
                "stances": int(stances),
                "mean_stance": None if mean is None else round(float(mean), 4),
            }
        )
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "items": items[offset : offset + limit],
    }


def _texts(store: Store, article_ids: Iterable[str]) -> dict[str, str]:
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    _, rows = store.query("SELECT id, text FROM articles WHERE id IN (SELECT unnest(?))", [ids])
    return dict(rows)


def actor_detail(store: Store, query: str) -> dict[str, Any]:
    """One actor: who mentions it, its quotes and the quotes about it, and the stances toward it
    by speaker, by outlet and by month."""
    try:
        aid = actor_id(store, query)
    except UnknownActor as err:
        raise NotFound(str(err)) from None
    _, info = store.query(
        """
        SELECT name, kind, wikidata, count(*) AS n FROM actors WHERE actor_id = ?
        GROUP BY ALL ORDER BY n DESC, name, kind, wikidata LIMIT 1
        """,
        [aid],
    )
    name, kind, qid = (info[0][:3] if info else (aid, None, None))
    _, totals = store.query(
        "SELECT coalesce(sum(n_mentions), 0), count(DISTINCT article_id) FROM actors "
        "WHERE actor_id = ?",
        [aid],
    )
    mentions_total, articles_total = totals[0]

    _, by_outlet = store.query(
        """
        SELECT coalesce(a.outlet, '(unknown)') AS outlet, count(DISTINCT a.id), sum(ac.n_mentions)
        FROM actors ac JOIN articles a ON a.id = ac.article_id WHERE ac.actor_id = ?
        GROUP BY 1 ORDER BY 3 DESC, 1
        """,
        [aid],
    )
    _, articles = store.query(
        """
        SELECT a.id, a.title, a.outlet, a.published, ac.n_mentions
        FROM actors ac JOIN articles a ON a.id = ac.article_id WHERE ac.actor_id = ?
        ORDER BY a.published DESC NULLS LAST, a.id LIMIT 200
        """,
        [aid],
    )
    quote_sql = """
        SELECT q.article_id, a.title, a.outlet, a.published, q.quote_id, q.kind, q.speaker,
               q.char_start, q.char_end, q.text
        FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {cond}
        ORDER BY a.published NULLS LAST, q.article_id, q.char_start LIMIT 200
    """
    _, quotes_by = store.query(quote_sql.format(cond="q.speaker = ?"), [aid])
    _, quotes_about = store.query(quote_sql.format(cond="list_contains(q.actors, ?)"), [aid])
    _, stances = store.query(
        """
        SELECT s.holder, s.sign, s.score, s.article_id, a.title, a.outlet, a.published,
               s.evidence, s.stance_no
        FROM stances s JOIN articles a ON a.id = s.article_id WHERE s.target = ?
        ORDER BY a.published NULLS LAST, s.article_id, s.stance_no
        """,
        [aid],
    )
    _, monthly_mentions = store.query(
        """
        SELECT date_trunc('month', a.published) AS month, sum(ac.n_mentions),
               count(DISTINCT a.id)
        FROM actors ac JOIN articles a ON a.id = ac.article_id
        WHERE ac.actor_id = ? AND a.published IS NOT NULL GROUP BY 1 ORDER BY 1
        """,
        [aid],
    )

    speakers = names_of(
        store,
        [*(row[0] for row in stances), *(row[6] for row in quotes_about if row[6])],
    )
    texts = _texts(store, (row[3] for row in stances))

    def quote_rows(rows: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
        return [
            {
                "article_id": art, "title": title, "outlet": outlet, "published": iso(pub),
                "quote_id": qid_, "kind": qkind, "speaker": speaker,
                "speaker_name": speakers.get(speaker, speaker) if speaker else None,
                "start": start, "end": end, "text": text,
            }
            for art, title, outlet, pub, qid_, qkind, speaker, start, end, text in rows
        ]

    stance_items = []
    per_speaker: dict[str, list[float]] = defaultdict(list)
    per_outlet: dict[str, list[float]] = defaultdict(list)
    per_month: dict[str, list[float]] = defaultdict(list)
    for holder, sign, score, art, title, outlet, pub, evidence, number in stances:
        text = texts.get(art, "")
        stance_items.append(
            {
                "holder": holder,
                "holder_name": speakers.get(holder, holder),
                "sign": int(sign),
                "score": float(score),
                "article_id": art,
                "title": title,
                "outlet": outlet,
                "published": iso(pub),
                "stance_no": int(number),
                "evidence": [
                    {"start": e["char_start"], "end": e["char_end"],
                     "text": text[e["char_start"] : e["char_end"]]}
                    for e in evidence or []
                ],
            }
        )
        per_speaker[holder].append(float(score))
        per_outlet[outlet or "(unknown)"].append(float(score))
        if pub is not None:
            per_month[pub.strftime("%Y-%m")].append(float(score))

    def summary(groups: dict[str, list[float]], key: str) -> list[dict[str, Any]]:
        out = []
        for group, scores in groups.items():
            out.append(
                {
                    key: group,
                    "stances": len(scores),
                    "mean": round(sum(scores) / len(scores), 4),
                    "positive": sum(1 for s in scores if s > 0),
                    "negative": sum(1 for s in scores if s < 0),
                }
            )
        return sorted(out, key=lambda r: (-r["stances"], r[key]))

    by_speaker = summary(per_speaker, "holder")
    for row in by_speaker:
        row["holder_name"] = speakers.get(row["holder"], row["holder"])
    months = {m.strftime("%Y-%m"): (int(n), int(arts)) for m, n, arts in monthly_mentions}
    over_time = []
    for month in sorted(set(months) | set(per_month)):
        n, arts = months.get(month, (0, 0))
        scores = per_month.get(month, [])
        over_time.append(
            {
                "month": month,
                "mentions": n,
                "articles": arts,
                "stances": len(scores),
                "mean_stance": round(sum(scores) / len(scores), 4) if scores else None,
            }
        )
    return {
        "actor": {
            "id": aid, "name": name, "kind": kind, "wikidata": qid,
            "mentions": int(mentions_total), "articles": int(articles_total),
        },
        "mentioned_by_outlet": [
            {"outlet": o, "articles": int(n), "mentions": int(m)} for o, n, m in by_outlet
        ],
        "articles": [
            {"id": i, "title": t, "outlet": o, "published": iso(p), "mentions": int(m)}
            for i, t, o, p, m in articles
        ],
        "quotes_by": quote_rows(quotes_by),
        "quotes_about": quote_rows(quotes_about),
        "stances": stance_items,
        "stances_by_speaker": by_speaker,
        "stances_by_outlet": summary(per_outlet, "outlet"),
        "over_time": over_time,
    }


# --- articles -------------------------------------------------------------------------------


def list_articles(
    store: Store,
    flt: ArticleFilter,
    actor: str | None = None,
    technique: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Articles matching the filters, newest first, with their per-stage counts."""
    where, params = flt.article_sql("a")
    if actor:
        where += " AND EXISTS (SELECT 1 FROM actors x WHERE x.article_id = a.id AND x.actor_id = ?)"
        params.append(actor)
    if technique:
        where += (
            " AND EXISTS (SELECT 1 FROM techniques t WHERE t.article_id = a.id"
            " AND lower(t.label) = lower(?))"
        )
        params.append(technique)
    _, total = store.query(f"SELECT count(*) FROM articles a WHERE {where}", params)
    _, rows = store.query(
        f"SELECT {_SUMMARY_COLUMNS} FROM articles a WHERE {where} "
        "ORDER BY a.published DESC NULLS LAST, a.id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {
        "total": int(total[0][0]),
        "limit": limit,
        "offset": offset,
        "items": [_summary(row) for row in rows],
    }


def article_detail(store: Store, article_id: str) -> dict[str, Any]:
    """One article: its summary, the whole stored document, and the names of every actor id the
    document refers to (speakers and relation ends need not be among its actors)."""
    _, rows = store.query(
        f"SELECT {_SUMMARY_COLUMNS}, a.document FROM articles a WHERE a.id = ?", [article_id]
    )
    if not rows:
        raise NotFound(f"no article {article_id!r}")
    *summary, document = rows[0]
    doc = json.loads(document)
    referred: set[str] = set()
    for quote in doc.get("quotes", []):
        referred.update([quote.get("speaker") or "", *quote.get("actors", [])])
    for rel in doc.get("relations", []):
        referred.update([rel["source"], rel["target"], rel.get("asserted_by") or "",
                         rel.get("source_state") or "", rel.get("target_state") or ""])
    for stance in doc.get("stances", []):
        referred.update([stance["holder"], stance["target"]])
    for claim in doc.get("claims", []):
        referred.update([claim.get("claimant") or "", *claim.get("actors", [])])
    names = names_of(store, referred)
    names.update({a["id"]: a["name"] for a in doc.get("actors", [])})
    return {"article": _summary(tuple(summary)), "document": doc, "names": names}


def facets(store: Store) -> dict[str, Any]:
    """What the filters can choose from: outlets, techniques, relation types, speakers, dates."""
    _, outlets = store.query(
        "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    _, techniques = store.query(
        "SELECT label, count(*) FROM techniques GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    _, types = store.query(
        "SELECT upper(type), count(*) FROM relations GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    _, speakers = store.query(
        "SELECT asserted_by, count(*) FROM relations WHERE asserted_by IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    _, span = store.query("SELECT min(published), max(published), count(*) FROM articles")
    names = names_of(store, (s for s, _ in speakers))
    first, last, n = span[0]
    return {
        "articles": int(n),
        "first": iso(first),
        "last": iso(last),
        "outlets": [{"value": o, "count": int(c)} for o, c in outlets],
        "techniques": [{"value": t, "count": int(c)} for t, c in techniques],
        "types": [{"value": t, "count": int(c)} for t, c in types],
        "speakers": [
            {"value": s, "name": names.get(s, s), "count": int(c)} for s, c in speakers
        ],
    }
