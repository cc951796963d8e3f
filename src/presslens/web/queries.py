"""Read-only views of a corpus store for the web API.

Every function takes an open ``Store`` and returns plain JSON-ready dicts and lists. Filters are
the corpus ``ArticleFilter`` (the same as the ``network`` command) with the articles' language
(``PageFilter``) plus, for article lists, an actor, a technique and words of the text. Orders are total (ties broken by id), so every answer is deterministic.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from presslens.corpus.network import ArticleFilter
from presslens.corpus.store import Store
from presslens.corpus.timeline import UnknownActor, resolve_actor
from presslens.web import forms

COUNT_KEYS = ("actors", "mentions", "quotes", "relations", "stances", "techniques", "claims")

_SUMMARY_COLUMNS = (
    "a.id, a.title, a.published, a.outlet, a.authors, a.url, a.language, a.source_path, "
    "a.n_chars, " + ", ".join(f"a.n_{key}" for key in COUNT_KEYS)
)


class NotFound(LookupError):
    """An id that names nothing in the corpus."""


@dataclass(frozen=True)
class PageFilter(ArticleFilter):
    """The corpus filter, plus the articles' language (ISO 639-1 codes, case-insensitive)."""

    languages: Sequence[str] = ()

    def article_sql(self, alias: str = "a") -> tuple[str, list[Any]]:
        where, params = super().article_sql(alias)
        if self.languages:
            where += f" AND lower({alias}.language) IN (SELECT lower(unnest(?)))"
            params.append(list(self.languages))
        return where, params


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
    (a QID or a name), else the one actor with this form in any script ("Азербайджан",
    "Азербайджана"); raises ``UnknownActor``."""
    _, rows = store.query(
        "SELECT 1 WHERE EXISTS (SELECT 1 FROM actors WHERE actor_id = ?) "
        "OR EXISTS (SELECT 1 FROM relations WHERE source = ? OR target = ? OR asserted_by = ?) "
        "OR EXISTS (SELECT 1 FROM stances WHERE holder = ? OR target = ?)",
        [query] * 6,
    )
    if rows:
        return query
    try:
        return resolve_actor(store, query).id
    except UnknownActor:
        found = forms.actor_by_form(store, query)
        if found is None:
            raise
        return found


# --- articles -------------------------------------------------------------------------------


def list_articles(
    store: Store,
    flt: ArticleFilter,
    actor: str | None = None,
    technique: str | None = None,
    limit: int = 50,
    offset: int = 0,
    q: str | None = None,
) -> dict[str, Any]:
    """Articles matching the filters, newest first, with their per-stage counts; ``q``: words
    that the title or the text holds, in any case and script (``forms.terms``)."""
    where, params = flt.article_sql("a")
    if q:
        cond, extra = forms.sql_match(["a.title", "a.text"], forms.terms(q))
        where += f" AND {cond}"
        params.extend(extra)
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
    return {
        "article": _summary(tuple(summary)),
        "document": doc,
        "names": names,
        "also": forms.also_of(store, names),
    }


def facets(store: Store) -> dict[str, Any]:
    """What the filters can choose from: outlets, languages, techniques, relation types,
    speakers, dates."""
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
    _, languages = store.query(
        "SELECT language, count(*) FROM articles WHERE language IS NOT NULL "
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
        "languages": [{"value": v, "count": int(c)} for v, c in languages],
        "techniques": [{"value": t, "count": int(c)} for t, c in techniques],
        "types": [{"value": t, "count": int(c)} for t, c in types],
        "speakers": [
            {"value": s, "name": names.get(s, s), "count": int(c)} for s, c in speakers
        ],
    }
