"""The corpus store's tables: their columns (with SQL and Arrow types and a description each) and
the rows of an analysed document, as pyarrow tables in that schema (``document_rows``).

The single-process store and the Dask workers' Parquet shards both build their rows here, so both
engines store exactly the same rows. Columns added after a store was first written come last in
their table (``ALTER TABLE ... ADD COLUMN`` appends), so a migrated store and a new one have the
same column order; ``ADDED`` lists them for the migration in ``store``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pyarrow as pa

from presslens.corpus.identity import ActorInfo, identities
from presslens.model import Actor, Document


@dataclass(frozen=True)
class Column:
    name: str
    sql: str
    arrow: pa.DataType
    doc: str


_STR = pa.string()
_INT = pa.int32()
_FLOAT = pa.float64()
_STRS = pa.list_(pa.string())
_SPAN_LIST = pa.list_(pa.struct([("char_start", _INT), ("char_end", _INT)]))


def _span_columns(what: str) -> tuple[Column, ...]:
    return (
        Column("char_start", "INTEGER", _INT, f"offset of the {what}'s first character"),
        Column("char_end", "INTEGER", _INT, f"offset after the {what}'s last character"),
        Column("text", "VARCHAR", _STR, f"the {what}'s evidence: text[char_start:char_end]"),
    )


_ARTICLE_ID = Column("article_id", "VARCHAR", _STR, "the article (articles.id)")

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": (
        Column("id", "VARCHAR PRIMARY KEY", _STR, "hash of the analysed text (Document.id)"),
        Column("source_path", "VARCHAR", _STR, "file it was read from (path:line for records)"),
        Column("title", "VARCHAR", _STR, "headline"),
        Column("published", "TIMESTAMP", pa.timestamp("us"), "publication date (and time)"),
        Column("outlet", "VARCHAR", _STR, "publishing outlet"),
        Column("authors", "VARCHAR[]", _STRS, "authors or interviewees named"),
        Column("url", "VARCHAR", _STR, "address of the article"),
        Column("language", "VARCHAR", _STR, "ISO 639-1 code"),
        Column("text", "VARCHAR", _STR, "the analysed text; every offset indexes into it"),
        Column("n_chars", "INTEGER", _INT, "length of text"),
        Column("n_actors", "INTEGER", _INT, "actors found"),
        Column("n_mentions", "INTEGER", _INT, "actor mentions found"),
        Column("n_quotes", "INTEGER", _INT, "quotes found"),
        Column("n_relations", "INTEGER", _INT, "relations found"),
        Column("n_stances", "INTEGER", _INT, "stances found"),
        Column("n_techniques", "INTEGER", _INT, "persuasion techniques found"),
        Column("n_claims", "INTEGER", _INT, "check-worthy claims found"),
        Column("document", "JSON", _STR, "the whole Document, as `presslens analyze` writes it"),
    ),
    "actors": (
        _ARTICLE_ID,
        Column("actor_id", "VARCHAR", _STR, "actor id (a QID, or e.g. person:petrosyan)"),
        Column("name", "VARCHAR", _STR, "canonical name"),
        Column("wikidata", "VARCHAR", _STR, "Wikidata QID, if linked"),
        Column("kind", "VARCHAR", _STR, "country, person, organization, ..."),
        Column("n_mentions", "INTEGER", _INT, "mentions in this article"),
        Column("identity_key", "VARCHAR", _STR,
               "the real entity across the corpus (corpus/identity.py): a QID, person:<given>_"
               "<surname> of the full name, or an id kept to its article (a bare surname)"),
        Column("identity_reason", "VARCHAR", _STR, "why the actor has this identity key"),
    ),
    "mentions": (
        _ARTICLE_ID,
        Column("actor_id", "VARCHAR", _STR, "the actor referred to"),
        *_span_columns("mention"),
        Column("role", "VARCHAR", _STR, "name, metonym, place, demonym, title, pronoun, acronym"),
    ),
    "quotes": (
        _ARTICLE_ID,
        Column("quote_id", "VARCHAR", _STR, "quote id within the article"),
        Column("kind", "VARCHAR", _STR, "direct or indirect"),
        Column("speaker", "VARCHAR", _STR, "actor id of the speaker"),
        *_span_columns("quote"),
        Column("cue", "VARCHAR", _STR, "the attribution verb or phrase"),
        Column("speaker_text", "VARCHAR", _STR, "the words naming the speaker at this quote"),
        Column("actors", "VARCHAR[]", _STRS, "actor ids mentioned inside the quote"),
    ),
    "relations": (
        _ARTICLE_ID,
        Column("relation_no", "INTEGER", _INT, "position in the article's relation list"),
        Column("source", "VARCHAR", _STR, "actor id of the one who acts"),
        Column("target", "VARCHAR", _STR, "actor id of the one acted upon"),
        Column("type", "VARCHAR", _STR, "PLOVER type, or ALLY / ADVERSARY / CONTROL"),
        Column("polarity", "INTEGER", _INT, "-1, 0 or 1"),
        Column("modality", "VARCHAR", _STR, "asserted, negated, hypothetical, future"),
        Column("asserted_by", "VARCHAR", _STR, "actor id of a quote's speaker, or the outlet"),
        Column("confidence", "DOUBLE", _FLOAT, "0 to 1"),
        *_span_columns("relation"),
        Column("cue_start", "INTEGER", _INT, "offset of the cue (the words stating the relation)"),
        Column("cue_end", "INTEGER", _INT, "offset after the cue"),
        Column("cue_text", "VARCHAR", _STR, "the cue: text[cue_start:cue_end]"),
        Column("source_state", "VARCHAR", _STR, "country id of the state the source acts for"),
        Column("target_state", "VARCHAR", _STR, "country id of the state the target acts for"),
    ),
    "stances": (
        _ARTICLE_ID,
        Column("stance_no", "INTEGER", _INT, "position in the article's stance list"),
        Column("holder", "VARCHAR", _STR, "actor id of the speaker, or 'outlet'"),
        Column("target", "VARCHAR", _STR, "actor id the stance is about"),
        Column("sign", "INTEGER", _INT, "-1 or 1"),
        Column("score", "DOUBLE", _FLOAT, "-1 to 1"),
        Column(
            "evidence",
            "STRUCT(char_start INTEGER, char_end INTEGER)[]",
            _SPAN_LIST,
            "offsets of the evidence",
        ),
    ),
    "techniques": (
        _ARTICLE_ID,
        Column("technique_no", "INTEGER", _INT, "position in the article's technique list"),
        Column("label", "VARCHAR", _STR, "persuasion technique"),
        Column("confidence", "DOUBLE", _FLOAT, "0 to 1"),
        *_span_columns("technique"),
    ),
    "claims": (
        _ARTICLE_ID,
        Column("claim_no", "INTEGER", _INT, "position in the article's claim list"),
        Column("score", "DOUBLE", _FLOAT, "check-worthiness, 0 to 1"),
        Column("claimant", "VARCHAR", _STR, "actor id of the claimant"),
        Column("actors", "VARCHAR[]", _STRS, "actor ids the claim is about"),
        *_span_columns("claim"),
    ),
    "errors": (
        Column("source", "VARCHAR", _STR, "the input that failed (path, path:line, path@offset)"),
        Column("code", "VARCHAR", _STR, "empty, binary, encoding, no_article, internal, ..."),
        Column("message", "VARCHAR", _STR, "why, for a person to read"),
        Column("time", "TIMESTAMP", pa.timestamp("us"), "when it was recorded (UTC)"),
    ),
}

DOCUMENT_TABLES = tuple(name for name in TABLES if name != "errors")

# Columns added to a table after stores were first written: a store without them gains them
# when opened for writing (old rows hold NULL), and is read through views that add them as NULL
# when opened read-only.
ADDED: dict[str, tuple[str, ...]] = {
    "actors": ("identity_key", "identity_reason"),
    "relations": ("cue_start", "cue_end", "cue_text", "source_state", "target_state"),
}


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c.name, c.arrow) for c in TABLES[table]])


def parse_published(value: str | None) -> datetime | None:
    """``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM`` as a naive datetime; anything else as None."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed.replace(tzinfo=None)


def actor_info(actor: Actor) -> ActorInfo:
    forms = tuple(m.text for m in actor.mentions if m.role == "name")
    return ActorInfo(actor.id, actor.name, actor.kind, actor.wikidata, forms)


def _spans(item: Any) -> dict[str, Any]:
    return {"char_start": item.start, "char_end": item.end, "text": item.text}


def _rows(doc: Document) -> dict[str, list[dict[str, Any]]]:
    meta = doc.meta
    aid = doc.id
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in DOCUMENT_TABLES}
    rows["articles"].append(
        {
            "id": aid,
            "source_path": doc.source_path,
            "title": meta.title,
            "published": parse_published(meta.published),
            "outlet": meta.outlet,
            "authors": list(meta.authors),
            "url": meta.url,
            "language": meta.language,
            "text": doc.text,
            "n_chars": len(doc.text),
            "n_actors": len(doc.actors),
            "n_mentions": sum(len(a.mentions) for a in doc.actors),
            "n_quotes": len(doc.quotes),
            "n_relations": len(doc.relations),
            "n_stances": len(doc.stances),
            "n_techniques": len(doc.techniques),
            "n_claims": len(doc.claims),
            "document": doc.model_dump_json(),
        }
    )
    keys = identities(aid, (actor_info(actor) for actor in doc.actors))
    for actor in doc.actors:
        rows["actors"].append(
            {
                "article_id": aid,
                "actor_id": actor.id,
                "name": actor.name,
                "wikidata": actor.wikidata,
                "kind": actor.kind,
                "n_mentions": len(actor.mentions),
                "identity_key": keys[actor.id].key,
                "identity_reason": keys[actor.id].reason,
            }
        )
        for mention in actor.mentions:
            rows["mentions"].append(
                {"article_id": aid, "actor_id": actor.id, **_spans(mention), "role": mention.role}
            )
    for quote in doc.quotes:
        rows["quotes"].append(
            {
                "article_id": aid,
                "quote_id": quote.id,
                "kind": quote.kind,
                "speaker": quote.speaker,
                **_spans(quote),
                "cue": quote.cue.text if quote.cue else None,
                "speaker_text": quote.speaker_span.text if quote.speaker_span else None,
                "actors": list(quote.actors),
            }
        )
    for number, rel in enumerate(doc.relations):
        rows["relations"].append(
            {
                "article_id": aid,
                "relation_no": number,
                "source": rel.source,
                "target": rel.target,
                "type": rel.type,
                "polarity": rel.polarity,
                "modality": rel.modality,
                "asserted_by": rel.asserted_by,
                "confidence": rel.confidence,
                **_spans(rel),
                "cue_start": rel.cue.start if rel.cue else None,
                "cue_end": rel.cue.end if rel.cue else None,
                "cue_text": rel.cue.text if rel.cue else None,
                "source_state": rel.source_state,
                "target_state": rel.target_state,
            }
        )
    for number, stance in enumerate(doc.stances):
        rows["stances"].append(
            {
                "article_id": aid,
                "stance_no": number,
                "holder": stance.holder,
                "target": stance.target,
                "sign": stance.sign,
                "score": stance.score,
                "evidence": [{"char_start": e.start, "char_end": e.end} for e in stance.evidence],
            }
        )
    for number, tech in enumerate(doc.techniques):
        rows["techniques"].append(
            {
                "article_id": aid,
                "technique_no": number,
                "label": tech.label,
                "confidence": tech.confidence,
                **_spans(tech),
            }
        )
    for number, claim in enumerate(doc.claims):
        rows["claims"].append(
            {
                "article_id": aid,
                "claim_no": number,
                "score": claim.score,
                "claimant": claim.claimant,
                "actors": list(claim.actors),
                **_spans(claim),
            }
        )
    return rows


def document_rows(docs: Iterable[Document]) -> dict[str, pa.Table]:
    """The rows of every document table for ``docs``, as pyarrow tables in the store's schema."""
    merged: dict[str, list[dict[str, Any]]] = {name: [] for name in DOCUMENT_TABLES}
    for doc in docs:
        for name, rows in _rows(doc).items():
            merged[name].extend(rows)
    return {
        name: pa.Table.from_pylist(rows, schema=arrow_schema(name))
        for name, rows in merged.items()
    }
