"""The actor views of the web API: the actor list (searched by any form of a name, in either
script) and one actor's page, each actor labelled with its English canonical name and its names
in the other script (``forms``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from presslens.corpus.network import ArticleFilter
from presslens.corpus.store import Store
from presslens.corpus.timeline import UnknownActor
from presslens.web import forms
from presslens.web.queries import NotFound, actor_id, iso, names_of


def list_actors(
    store: Store,
    flt: ArticleFilter,
    q: str | None = None,
    kind: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Actors of the selected articles, most mentioned first, with quote and stance counts and
    their names in the other script (``also``). ``q``: words that the name, the id or one of
    the actor's forms in the corpus holds, in any case and script; ``matched`` is that form when
    the name does not hold them."""
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
    wanted = forms.terms(q)
    by_form = forms.actors_by_form(store, wanted, q or "") if wanted else {}
    items = []
    for aid, name, akind, qid, mentions, articles, quotes, stances, mean in rows:
        if kind and akind != kind:
            continue
        matched = None
        if wanted and not (forms.matches(name, wanted) or forms.matches(aid, wanted)):
            if aid not in by_form:
                continue
            matched = by_form[aid]  # why it is listed: the form that holds the query
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
                "matched": matched,
            }
        )
    page = items[offset : offset + limit]
    also = forms.also_of(store, {i["id"]: i["name"] for i in page})
    for item in page:
        item["also"] = also.get(item["id"], [])
    return {
        "total": len(items),
        "limit": limit,
        "offset": offset,
        "items": page,
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
        SELECT a.id, a.title, a.outlet, a.published, ac.n_mentions, a.language
        FROM actors ac JOIN articles a ON a.id = ac.article_id WHERE ac.actor_id = ?
        ORDER BY a.published DESC NULLS LAST, a.id LIMIT 200
        """,
        [aid],
    )
    quote_sql = """
        SELECT q.article_id, a.title, a.outlet, a.published, q.quote_id, q.kind, q.speaker,
               q.char_start, q.char_end, q.text, a.language
        FROM quotes q JOIN articles a ON a.id = q.article_id WHERE {cond}
        ORDER BY a.published NULLS LAST, q.article_id, q.char_start LIMIT 200
    """
    _, quotes_by = store.query(quote_sql.format(cond="q.speaker = ?"), [aid])
    _, quotes_about = store.query(quote_sql.format(cond="list_contains(q.actors, ?)"), [aid])
    _, stances = store.query(
        """
        SELECT s.holder, s.sign, s.score, s.article_id, a.title, a.outlet, a.published,
               s.evidence, s.stance_no, a.language
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
                "start": start, "end": end, "text": text, "language": language,
            }
            for art, title, outlet, pub, qid_, qkind, speaker, start, end, text, language in rows
        ]

    stance_items = []
    per_speaker: dict[str, list[float]] = defaultdict(list)
    per_outlet: dict[str, list[float]] = defaultdict(list)
    per_month: dict[str, list[float]] = defaultdict(list)
    for holder, sign, score, art, title, outlet, pub, evidence, number, language in stances:
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
                "language": language,
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
    found = forms.forms_of(store, [aid]).get(aid, [])
    return {
        "actor": {
            "id": aid, "name": name, "kind": kind, "wikidata": qid,
            "mentions": int(mentions_total), "articles": int(articles_total),
            "also": forms.also_names(name, ((t, n) for t, r, n in found if r in forms.NAME_ROLES)),
            "forms": [
                {"text": t, "role": r, "count": n, "script": forms.script(t)} for t, r, n in found
            ],
        },
        "mentioned_by_outlet": [
            {"outlet": o, "articles": int(n), "mentions": int(m)} for o, n, m in by_outlet
        ],
        "articles": [
            {"id": i, "title": t, "outlet": o, "published": iso(p), "mentions": int(m),
             "language": lang}
            for i, t, o, p, m, lang in articles
        ],
        "quotes_by": quote_rows(quotes_by),
        "quotes_about": quote_rows(quotes_about),
        "stances": stance_items,
        "stances_by_speaker": by_speaker,
        "stances_by_outlet": summary(per_outlet, "outlet"),
        "over_time": over_time,
    }
