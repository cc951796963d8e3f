"""Views over time and per outlet: the relation between two actors by week or month, and actors
ranked by mentions and by the stance taken towards them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from presslens.corpus.identity import SCOPE
from presslens.corpus.network import ArticleFilter, actor_names, check_level, relation_ends
from presslens.corpus.store import Store

Bucket = Literal["week", "month"]


class UnknownActor(ValueError):
    """An actor query that names no stored actor, or several."""


@dataclass(frozen=True)
class ActorRef:
    id: str
    name: str


def resolve_actor(store: Store, query: str) -> ActorRef:
    """An actor id (canonical, or any article's id for it), a Wikidata QID or a name
    (case-insensitive; a unique part of a name will do). Where a name fits one corpus-wide
    identity and some bare surnames kept to their articles, the identity is meant."""
    names = actor_names(store)
    if query in names:
        return ActorRef(query, names[query]["name"])
    _, aliased = store.query(
        "SELECT DISTINCT canonical_id FROM actor_aliases WHERE actor_id = ? ORDER BY 1", [query]
    )
    if len(aliased) == 1 and aliased[0][0] in names:
        return ActorRef(aliased[0][0], names[aliased[0][0]]["name"])
    wanted = query.strip().casefold()
    for key in ("wikidata", "name"):
        hits = sorted(i for i, info in names.items() if (info[key] or "").casefold() == wanted)
        wide = _corpus_wide(hits)
        if len(wide) == 1:
            return ActorRef(wide[0], names[wide[0]]["name"])
        if len(wide) > 1:
            raise UnknownActor(f"{query!r} names several actors: {', '.join(hits)}")
        # only bare surnames kept to their articles: a full name holding it is meant rather
    hits = sorted(i for i, info in names.items() if wanted in (info["name"] or "").casefold())
    wide = _corpus_wide(hits)
    if len(wide) == 1 or len(hits) == 1:
        best = wide[0] if len(wide) == 1 else hits[0]
        return ActorRef(best, names[best]["name"])
    if hits:
        shown = ", ".join(f"{h} ({names[h]['name']})" for h in hits[:8])
        raise UnknownActor(f"{query!r} matches several actors: {shown}")
    # Relation endpoints need not be among the extracted actors (e.g. 'outlet').
    _, rows = store.query(
        "SELECT 1 FROM canonical_relations "
        "WHERE ? IN (source, target, source_state, target_state) LIMIT 1",
        [query],
    )
    if rows:
        return ActorRef(query, query)
    raise UnknownActor(f"no actor {query!r} in the corpus")


def _corpus_wide(ids: list[str]) -> list[str]:
    """The ids that are no bare surname kept to its article."""
    return [i for i in ids if SCOPE not in i]


@dataclass
class TimelineRow:
    bucket: datetime
    source: str
    target: str
    relations: int = 0
    polarity_sum: int = 0
    types: dict[str, int] = field(default_factory=dict)

    @property
    def polarity(self) -> float:
        return self.polarity_sum / self.relations if self.relations else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "bucket": self.bucket.date().isoformat(),
            "source": self.source,
            "target": self.target,
            "relations": self.relations,
            "mean_polarity": round(self.polarity, 4),
            "types": dict(sorted(self.types.items())),
        }


@dataclass
class Timeline:
    a: ActorRef
    b: ActorRef
    by: Bucket
    rows: list[TimelineRow]
    undated: int  # relations between the two in articles without a date
    level: str = "actor"


def timeline(
    store: Store,
    a: ActorRef,
    b: ActorRef,
    by: Bucket = "month",
    flt: ArticleFilter | None = None,
    level: str = "actor",
) -> Timeline:
    """Relations between ``a`` and ``b`` (both directions) per week or month of publication; at
    ``level="state"`` the relations between the states their ends act for (see ``network``)."""
    if by not in ("week", "month"):
        raise ValueError(f"bucket must be week or month, not {by!r}")
    ends = relation_ends(level)
    where, params = (flt or ArticleFilter()).selection_sql()
    pair = (
        f"(({ends.source} = ? AND {ends.target} = ?) OR ({ends.source} = ? AND {ends.target} = ?))"
        f" AND {ends.keep}"
    )
    pair_params = [a.id, b.id, b.id, a.id]
    _, rows = store.query(
        f"""
        SELECT date_trunc('{by}', a.published) AS bucket, {ends.source}, {ends.target},
               upper(r.type), count(*), sum(r.polarity)
        FROM canonical_relations r JOIN articles a ON a.id = r.article_id
        WHERE a.published IS NOT NULL AND {pair} AND {where}
        GROUP BY ALL ORDER BY ALL
        """,
        [*pair_params, *params],
    )
    table: dict[tuple[datetime, str], TimelineRow] = {}
    for bucket, source, target, rtype, n, polarity in rows:
        row = table.setdefault((bucket, source), TimelineRow(bucket, source, target))
        row.relations += int(n)
        row.polarity_sum += int(polarity)
        row.types[rtype] = row.types.get(rtype, 0) + int(n)
    _, undated = store.query(
        f"SELECT count(*) FROM canonical_relations r JOIN articles a ON a.id = r.article_id "
        f"WHERE a.published IS NULL AND {pair} AND {where}",
        [*pair_params, *params],
    )
    ordered = [table[key] for key in sorted(table, key=lambda k: (k[0], k[1] != a.id))]
    return Timeline(a, b, by, ordered, int(undated[0][0]), check_level(level))


def plot_timeline(result: Timeline, path: Path) -> None:
    """Relations per bucket (bars, one colour per direction) and mean polarity (lines); a
    ValueError when there is nothing to draw (no chart with empty axes)."""
    if not result.rows:
        raise ValueError("no dated relations to plot")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    buckets = sorted({row.bucket for row in result.rows})
    directions = [(result.a, result.b), (result.b, result.a)]
    fig, (counts_ax, polarity_ax) = plt.subplots(
        2, 1, sharex=True, figsize=(9, 5.5), gridspec_kw={"height_ratios": [3, 2]}
    )
    width = 10 if result.by == "month" else 2.5
    for offset, (src, dst) in zip((-0.5, 0.5), directions, strict=True):
        by_bucket = {r.bucket: r for r in result.rows if r.source == src.id}
        label = f"{src.name} → {dst.name}"
        xs = [mdates.date2num(b) + offset * width for b in buckets]
        counts_ax.bar(xs, [by_bucket[b].relations if b in by_bucket else 0 for b in buckets],
                      width=width, label=label)
        dated = [b for b in buckets if b in by_bucket]
        polarity_ax.plot(dated, [by_bucket[b].polarity for b in dated], marker="o", label=label)
    counts_ax.set_ylabel("relations")
    states = " (the states they act for)" if result.level == "state" else ""
    counts_ax.set_title(f"{result.a.name} and {result.b.name}{states}, by {result.by}")
    counts_ax.legend(loc="upper left")
    polarity_ax.axhline(0, color="grey", linewidth=0.8)
    polarity_ax.set_ylim(-1.1, 1.1)
    polarity_ax.set_ylabel("mean polarity")
    polarity_ax.xaxis_date()
    fig.autofmt_xdate()
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)


@dataclass(frozen=True)
class ActorRank:
    outlet: str
    actor_id: str
    name: str
    kind: str
    articles: int
    mentions: int
    mention_rank: int
    mean_stance: float | None
    stances: int
    stance_rank: int | None  # 1 = portrayed most negatively in this outlet


UNKNOWN_OUTLET = "(unknown)"


def rank_actors(store: Store, flt: ArticleFilter | None = None) -> list[ActorRank]:
    """Actors per outlet, ranked by mentions and by the mean stance towards them."""
    where, params = (flt or ArticleFilter()).article_sql()
    outlet = f"coalesce(a.outlet, '{UNKNOWN_OUTLET}')"
    _, rows = store.query(
        f"""
        WITH m AS (
            SELECT {outlet} AS outlet, ac.canonical_id AS actor_id,
                   sum(ac.n_mentions) AS mentions, count(DISTINCT ac.article_id) AS articles
            FROM actor_aliases ac JOIN articles a ON a.id = ac.article_id WHERE {where}
            GROUP BY ALL
        ), s AS (
            SELECT {outlet} AS outlet, st.target AS actor_id, avg(st.score) AS mean_stance,
                   count(*) AS stances
            FROM canonical_stances st JOIN articles a ON a.id = st.article_id WHERE {where}
            GROUP BY ALL
        ), j AS (
            SELECT coalesce(m.outlet, s.outlet) AS outlet,
                   coalesce(m.actor_id, s.actor_id) AS actor_id,
                   coalesce(m.articles, 0) AS articles, coalesce(m.mentions, 0) AS mentions,
                   s.mean_stance, coalesce(s.stances, 0) AS stances
            FROM m FULL OUTER JOIN s ON m.outlet = s.outlet AND m.actor_id = s.actor_id
        )
        SELECT outlet, actor_id, articles, mentions,
               row_number() OVER (PARTITION BY outlet ORDER BY mentions DESC, actor_id),
               mean_stance, stances,
               CASE WHEN mean_stance IS NULL THEN NULL ELSE row_number() OVER (
                   PARTITION BY outlet, mean_stance IS NULL ORDER BY mean_stance, actor_id) END
        FROM j ORDER BY outlet, 5
        """,
        [*params, *params],
    )
    names = actor_names(store, flt)
    ranks = []
    for outlet_name, actor_id, articles, mentions, m_rank, stance, n_stances, s_rank in rows:
        info = names.get(actor_id, {})
        ranks.append(
            ActorRank(
                outlet=outlet_name,
                actor_id=actor_id,
                name=info.get("name") or actor_id,
                kind=info.get("kind") or "",
                articles=int(articles),
                mentions=int(mentions),
                mention_rank=int(m_rank),
                mean_stance=None if stance is None else round(float(stance), 4),
                stances=int(n_stances),
                stance_rank=None if s_rank is None else int(s_rank),
            )
        )
    return ranks
