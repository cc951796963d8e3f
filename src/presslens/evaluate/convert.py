"""Turn a gold article into a ``Document``: the prediction a perfect analyser would make.

Used to check gold files and the evaluator (gold scored against itself must give 1.0 everywhere)
and to show gold annotations wherever documents are shown.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

from presslens.evaluate.gold import GoldActor, GoldArticle, GoldError, gold_path_for, load_gold
from presslens.evaluate.metrics import gold_forms, normalise_name
from presslens.ingest import RawArticle
from presslens.model import (
    Actor,
    ActorKind,
    Claim,
    Document,
    Mention,
    Meta,
    Quote,
    Relation,
    Stance,
    Technique,
)
from presslens.textutil import document_id

_ACTOR_KINDS: frozenset[str] = frozenset(get_args(ActorKind))


def _mentions(text: str, forms: list[str]) -> list[Mention]:
    """Every whole-word occurrence of the forms, longest form first, without overlaps."""
    taken: list[tuple[int, int]] = []
    for form in sorted({f for f in forms if f.strip()}, key=lambda f: (-len(f), f)):
        for match in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            start, end = match.span()
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
    return [Mention(start=s, end=e, text=text[s:e]) for s, e in sorted(taken)]


def _actor_id(actor: GoldActor, used: set[str]) -> str:
    base = actor.wikidata or "gold:" + normalise_name(actor.name).replace(" ", "_")
    actor_id, n = base, 1
    while actor_id in used:
        n += 1
        actor_id = f"{base}#{n}"
    used.add(actor_id)
    return actor_id


def gold_to_document(gold: GoldArticle) -> Document:
    """A ``Document`` holding exactly the gold annotation of ``gold`` (offsets into its text)."""
    text = gold.text
    used: set[str] = set()
    ids_by_name: dict[str, str] = {}
    actors: list[Actor] = []
    for gactor in gold.actors:
        actor_id = _actor_id(gactor, used)
        ids_by_name[gactor.name] = actor_id
        kind = gactor.kind if gactor.kind in _ACTOR_KINDS else "group"
        actors.append(
            Actor(
                id=actor_id,
                name=gactor.name,
                wikidata=gactor.wikidata,
                kind=kind,  # type: ignore[arg-type]
                mentions=_mentions(text, [gactor.name, *gactor.aliases]),
            )
        )

    speaker_ids: dict[str, str] = {}

    def speaker_id(key: str) -> str:
        """The actor that a speaker key stands for; a speaker missing from the actors list is
        added, which the actor score then shows as a gap in the gold."""
        if key in speaker_ids:
            return speaker_ids[key]
        forms = {normalise_name(f) for f in gold.speakers.get(key, [])} or {normalise_name(key)}
        for gactor in gold.actors:
            if gactor.name == key or gold_forms(gactor) & forms:
                speaker_ids[key] = ids_by_name[gactor.name]
                return speaker_ids[key]
        extra = GoldActor(name=key, aliases=gold.speakers.get(key, []), kind="person")
        actor_id = _actor_id(extra, used)
        speaker_ids[key] = actor_id
        actors.append(
            Actor(id=actor_id, name=key, kind="person", mentions=_mentions(text, extra.aliases))
        )
        return actor_id

    def asserted_by(key: str | None) -> str | None:
        if key == "outlet":
            return "outlet"
        # Only a declared speaker gets an actor id: a stray key must not add an actor.
        if key is None or key not in gold.speakers:
            return None
        return speaker_id(key)

    quotes = [
        Quote(
            id=f"q{n}",
            start=q.span.start,
            end=q.span.end,
            text=text[q.span.start : q.span.end],
            kind=q.kind,
            speaker=speaker_id(q.speaker) if q.speaker else None,
        )
        for n, q in enumerate(gold.quotes, 1)
    ]
    relations = [
        Relation(
            start=r.anchor.start,
            end=r.anchor.end,
            text=text[r.anchor.start : r.anchor.end],
            source=ids_by_name[r.relation.source],
            target=ids_by_name[r.relation.target],
            type=r.relation.types[0],
            polarity=r.relation.polarity,
            asserted_by=asserted_by(r.relation.asserted_by),
            confidence=1.0,
        )
        for r in gold.relations
    ]
    stances = [
        Stance(
            holder="outlet" if s.holder == "outlet" else speaker_id(s.holder),
            target=ids_by_name[s.target],
            sign=s.sign,
            score=float(s.sign),
        )
        for s in gold.annotation.stances or []
    ]
    techniques = [
        Technique(
            start=t.span.start,
            end=t.span.end,
            text=text[t.span.start : t.span.end],
            label=sorted(t.labels)[0],
            confidence=1.0,
        )
        for t in gold.techniques
    ]
    claims = [
        Claim(start=c.start, end=c.end, text=text[c.start : c.end], score=1.0) for c in gold.claims
    ]
    gmeta = gold.annotation.meta
    meta = (
        Meta(title=gmeta.title, published=gmeta.published, outlet=gmeta.outlet, authors=gmeta.authors)
        if gmeta is not None
        else Meta()
    )
    return Document(
        id=document_id(text),
        source_path=str(gold.path.with_name(gold.name + ".txt")),
        text=text,
        meta=meta,
        actors=actors,
        quotes=quotes,
        relations=relations,
        stances=stances,
        techniques=techniques,
        claims=claims,
    )


class GoldOracle:
    """An "analyser" that answers with the gold of the article's file: a perfect prediction.

    Scoring gold against itself checks the gold files and the evaluator at once.
    """

    def analyze(self, article: RawArticle) -> Document:
        if article.source_path is None:
            raise GoldError(article.source, "the gold oracle needs the article's file path")
        return gold_to_document(load_gold(gold_path_for(Path(article.source_path))))
