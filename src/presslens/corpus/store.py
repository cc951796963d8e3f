"""The corpus store: analysed articles in an embedded DuckDB database.

An article is keyed by its ``Document.id`` (a hash of its text), so storing the same article
twice is a no-op. Each call to ``Store.add`` is one transaction: after a crash (Ctrl-C, kill -9,
power loss) the database holds every batch committed before it and nothing of the batch that was
being written. Every table is built from pyarrow tables made by ``document_rows``, which the Dask
workers also use for their Parquet shards: both engines store exactly the same rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from presslens.model import Document


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
    for actor in doc.actors:
        rows["actors"].append(
            {
                "article_id": aid,
                "actor_id": actor.id,
                "name": actor.name,
                "wikidata": actor.wikidata,
                "kind": actor.kind,
                "n_mentions": len(actor.mentions),
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


@dataclass(frozen=True)
class ErrorRecord:
    source: str
    code: str
    message: str


class Store:
    """An open corpus database. Use as a context manager, or call ``close``."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no corpus database at {self.path}")
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        if not read_only:
            self._create()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _create(self) -> None:
        for name, columns in TABLES.items():
            cols = ", ".join(f'"{c.name}" {c.sql}' for c in columns)
            self.con.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols})")

    # --- writing ---------------------------------------------------------------------------

    def stored_ids(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT id FROM articles").fetchall()}

    def add(
        self, docs: Sequence[Document] = (), errors: Sequence[ErrorRecord] = ()
    ) -> int:
        """Store documents not stored yet and record errors, in one transaction.

        Returns how many documents were new. An error replaces any earlier error of the same
        source; a stored document clears the errors of its source.
        """
        known = self._known([d.id for d in docs])
        fresh: dict[str, Document] = {}
        for doc in docs:
            if doc.id not in known and doc.id not in fresh:
                fresh[doc.id] = doc
        tables = document_rows(fresh.values())
        sources = [d.source_path for d in fresh.values() if d.source_path]
        self._write(tables, errors, sources)
        return len(fresh)

    def add_shard(
        self, shard: Path, errors: Sequence[ErrorRecord] = ()
    ) -> int:
        """Store the articles of a Parquet shard (``shard/<table>.parquet``) in one transaction,
        leaving out those already stored."""
        tables = {name: pq.read_table(shard / f"{name}.parquet") for name in DOCUMENT_TABLES}
        ids = tables["articles"].column("id").to_pylist()
        known = self._known(ids)
        keep: list[str] = []
        for doc_id in ids:
            if doc_id not in known and doc_id not in keep:
                keep.append(doc_id)
        if len(keep) != len(ids):
            wanted = pa.array(keep, type=_STR)
            for name, table in tables.items():
                key = "id" if name == "articles" else "article_id"
                mask = pc.is_in(table.column(key), value_set=wanted)
                table = table.filter(mask)
                if name == "articles":  # the same text twice in one shard: keep the first
                    first = {doc_id: i for i, doc_id in reversed(list(enumerate(
                        table.column("id").to_pylist())))}
                    table = table.take(sorted(first.values()))
                tables[name] = table
        sources = [s for s in tables["articles"].column("source_path").to_pylist() if s]
        self._write(tables, errors, sources)
        return len(keep)

    def _known(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]
        ).fetchall()
        return {row[0] for row in rows}

    def _write(
        self, tables: dict[str, pa.Table], errors: Sequence[ErrorRecord], sources: Sequence[str]
    ) -> None:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for name in DOCUMENT_TABLES:
                table = tables[name]
                if table.num_rows:
                    con.register("_incoming", table)
                    con.execute(f"INSERT INTO {name} SELECT * FROM _incoming")
                    con.unregister("_incoming")
            gone = [*sources, *(e.source for e in errors)]
            if gone:
                con.execute("DELETE FROM errors WHERE source IN (SELECT unnest(?))", [gone])
            if errors:
                now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
                con.executemany(
                    "INSERT INTO errors VALUES (?, ?, ?, ?)",
                    [(e.source, e.code, e.message, now) for e in _last_per_source(errors)],
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    # --- reading ---------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
        """Column names and rows of a query."""
        cursor = self.con.execute(sql, params or [])
        columns = [d[0] for d in cursor.description or []]
        return columns, cursor.fetchall()

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"no table {table!r}")
        row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Stored documents (all, or those with the given ids), in id order."""
        if ids is None:
            cursor = self.con.execute("SELECT document FROM articles ORDER BY id")
        else:
            cursor = self.con.execute(
                "SELECT document FROM articles WHERE id IN (SELECT unnest(?)) ORDER BY id",
                [list(ids)],
            )
        while batch := cursor.fetchmany(256):
            for (text,) in batch:
                yield Document.model_validate(json.loads(text))

    def export_parquet(self, directory: Path) -> list[Path]:
        """Every table as ``directory/<table>.parquet``."""
        directory.mkdir(parents=True, exist_ok=True)
        written = []
        for name in TABLES:
            target = directory / f"{name}.parquet"
            # ORDER BY all columns that sort: the files do not depend on insertion order.
            self.con.execute(
                f"COPY (SELECT * FROM {name} ORDER BY ALL) TO ? (FORMAT parquet)", [str(target)]
            )
            written.append(target)
        return written


def _last_per_source(errors: Sequence[ErrorRecord]) -> list[ErrorRecord]:
    last: dict[str, ErrorRecord] = {}
    for error in errors:
        last[error.source] = error
    return list(last.values())


def write_shard(tables: dict[str, pa.Table], shard: Path) -> None:
    """Write the tables of a batch as ``shard/<table>.parquet`` (``shard`` is created)."""
    shard.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        pq.write_table(table, shard / f"{name}.parquet")
