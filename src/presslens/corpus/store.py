"""The corpus store: analysed articles in an embedded DuckDB database.

An article is keyed by its ``Document.id`` (a hash of its text), so storing the same article
twice is a no-op. Each call to ``Store.add`` is one transaction: after a crash (Ctrl-C, kill -9,
power loss) the database holds every batch committed before it and nothing of the batch that was
being written. Every table is built from pyarrow tables made by ``document_rows`` (``schema``),
which the Dask workers also use for their Parquet shards: both engines store exactly the same rows.

A store written before a column was added (``schema.ADDED``) gains the column when opened for
writing, with NULL in the rows already there; opened read-only, it is read through temporary
views that add the missing columns as NULL, so every query sees the current schema.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from presslens.corpus.identity import ActorInfo, identities
from presslens.corpus.schema import (
    ADDED,
    DOCUMENT_TABLES,
    TABLES,
    Column,
    arrow_schema,
    document_rows,
    parse_published,
)
from presslens.model import Document

__all__ = [
    "DOCUMENT_TABLES",
    "TABLES",
    "Column",
    "ErrorRecord",
    "Store",
    "StoreError",
    "arrow_schema",
    "document_rows",
    "parse_published",
    "write_shard",
]

_STR = pa.string()


@dataclass(frozen=True)
class ErrorRecord:
    source: str
    code: str
    message: str


class StoreError(Exception):
    """A corpus database that cannot be opened; the message is one line that says what to do."""

    @classmethod
    def opening(cls, path: Path, err: duckdb.Error) -> StoreError:
        message = str(err)
        if "Could not set lock" in message or "Conflicting lock" in message:
            pid = re.search(r"\(PID (\d+)\)", message)
            holder = f" (process {pid.group(1)})" if pid else ""
            return cls(
                f"the corpus database {path} is in use by another process{holder}: wait for it "
                "to finish or stop it (a running ingest, or serve, holds the database; only "
                "read-only commands may share it with a read-only serve)"
            )
        if "not a valid DuckDB database" in message:
            return cls(
                f"{path} is not a corpus database (not a DuckDB file): give --db the path of a "
                "corpus, or a new file for ingest to create"
            )
        if not os.path.isdir(path.parent):  # (False, not an error, where it may not look)
            return cls(
                f"cannot create {path}: the directory {path.parent} does not exist; create it "
                "or give --db a path in an existing directory"
            )
        first_line = message.splitlines()[0] if message else type(err).__name__
        return cls(f"cannot open the corpus database {path}: {first_line}")


class Store:
    """An open corpus database. Use as a context manager, or call ``close``. Raises
    ``StoreError`` when the file cannot be opened (in use, not DuckDB, no such directory)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no corpus database at {self.path}")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as err:
            raise StoreError.opening(self.path, err) from None
        if read_only:
            self._view_missing_columns()
        else:
            self._create()
        self._create_identity_views()

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
        for name, column in self._missing_columns():
            self.con.execute(f'ALTER TABLE {name} ADD COLUMN "{column.name}" {column.sql}')
        # actors stored before identities were: their keys, from their names (as new rows get)
        keys = self._identity_rows("actors", "WHERE ac.identity_key IS NULL")
        if keys.num_rows:
            self.con.register("_identity_keys", keys)
            self.con.execute(
                "UPDATE actors SET identity_key = k.identity_key, "
                "identity_reason = k.identity_reason FROM _identity_keys k "
                "WHERE actors.article_id = k.article_id AND actors.actor_id = k.actor_id"
            )
            self.con.unregister("_identity_keys")

    def _identity_rows(self, actors: str, where: str = "") -> pa.Table:
        """The identity key and reason of the actors of ``actors`` (a table name) that
        ``where`` selects, computed from their names and their mentions' names."""
        _, rows = self.query(
            f"""
            SELECT ac.article_id, ac.actor_id, ac.name, ac.kind, ac.wikidata,
                   list(m.text ORDER BY m.char_start) FILTER (WHERE m.role = 'name')
            FROM {actors} ac LEFT JOIN mentions m
                 ON m.article_id = ac.article_id AND m.actor_id = ac.actor_id
            {where} GROUP BY ALL ORDER BY ALL
            """
        )
        per_article: dict[str, list[ActorInfo]] = {}
        for article_id, actor_id, name, kind, wikidata, forms in rows:
            per_article.setdefault(article_id, []).append(
                ActorInfo(actor_id, name or actor_id, kind or "", wikidata, tuple(forms or ()))
            )
        out: dict[str, list[str]] = {k: [] for k in
                                     ("article_id", "actor_id", "identity_key", "identity_reason")}
        for article_id, infos in per_article.items():
            for actor_id, identity in identities(article_id, infos).items():
                out["article_id"].append(article_id)
                out["actor_id"].append(actor_id)
                out["identity_key"].append(identity.key)
                out["identity_reason"].append(identity.reason)
        return pa.table({k: pa.array(v, type=_STR) for k, v in out.items()})

    def _create_identity_views(self) -> None:
        """``actor_aliases``: every actor row with its canonical id and the reason; and the
        relations and stances with their actor ids replaced by the canonical ones (what the
        network, timeline and actor views read). Temporary: made anew at each opening."""
        self.con.execute(f"CREATE OR REPLACE TEMP VIEW actor_aliases AS {ALIASES_SQL}")
        self.con.execute(
            "CREATE OR REPLACE TEMP VIEW canonical_relations AS SELECT r.* REPLACE ("
            f"{_canonical('r.source', 's')} AS source, {_canonical('r.target', 't')} AS target, "
            f"{_canonical('r.asserted_by', 'w')} AS asserted_by) FROM relations r "
            f"{_alias_join('s', 'r', 'source')} {_alias_join('t', 'r', 'target')} "
            f"{_alias_join('w', 'r', 'asserted_by')}"
        )
        self.con.execute(
            "CREATE OR REPLACE TEMP VIEW canonical_stances AS SELECT st.* REPLACE ("
            f"{_canonical('st.holder', 'h')} AS holder, {_canonical('st.target', 't')} AS target)"
            f" FROM stances st {_alias_join('h', 'st', 'holder')} "
            f"{_alias_join('t', 'st', 'target')}"
        )

    def _missing_columns(self) -> list[tuple[str, Column]]:
        """The columns of ``schema.ADDED`` that the stored tables lack (a store written before
        they were added)."""
        _, rows = self.query(
            "SELECT table_name, column_name FROM duckdb_columns() "
            "WHERE database_name = current_database() AND schema_name = 'main'"
        )
        present = set(rows)
        missing = []
        for name, added in ADDED.items():
            if not any(table == name for table, _ in present):
                continue  # no such table at all: nothing to migrate
            for column in TABLES[name]:
                if column.name in added and (name, column.name) not in present:
                    missing.append((name, column))
        return missing

    def _view_missing_columns(self) -> None:
        """Read-only: a temporary view per table that lacks added columns, in the current column
        order, with NULL for what is missing (the file itself is left as it is)."""
        missing: dict[str, set[str]] = {}
        for name, column in self._missing_columns():
            missing.setdefault(name, set()).add(column.name)
        if not missing:
            return
        row = self.con.execute("SELECT current_database()").fetchone()
        catalog = str(row[0]).replace('"', '""') if row else ""
        for name, absent in missing.items():
            source = f'"{catalog}".main.{name}'
            join = ""
            computed: set[str] = set()
            if name == "actors" and "identity_key" in absent:
                # identities are computed, not NULL: every view of the store reads them
                self.con.register("_identity_keys", self._identity_rows(source))
                join = " LEFT JOIN _identity_keys k USING (article_id, actor_id)"
                computed = {"identity_key", "identity_reason"}
            select = ", ".join(
                f'k."{c.name}"' if c.name in computed
                else f'NULL::{c.sql} AS "{c.name}"' if c.name in absent
                else f'{name}."{c.name}"'
                for c in TABLES[name]
            )
            self.con.execute(
                f"CREATE TEMP VIEW {name} AS SELECT {select} FROM {source} AS {name}{join}"
            )

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
                    cols = ", ".join(f'"{c.name}"' for c in TABLES[name])
                    con.register("_incoming", table)
                    con.execute(f"INSERT INTO {name} ({cols}) SELECT {cols} FROM _incoming")
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


# The canonical id of an actor row: its actor id when that id stands for one identity only and is
# no other identity's key (a corpus whose actors each come under one id keeps its ids), else the
# identity key (``corpus/identity.py``).
ALIASES_SQL = """
WITH per_key AS (
    SELECT identity_key, count(DISTINCT actor_id) AS ids FROM actors GROUP BY identity_key
), per_id AS (
    SELECT actor_id, count(DISTINCT identity_key) AS keys FROM actors GROUP BY actor_id
), taken AS (SELECT DISTINCT identity_key AS id FROM actors)
SELECT ac.article_id, ac.actor_id, ac.name, ac.kind, ac.wikidata, ac.n_mentions,
       CASE WHEN ac.identity_key IS NULL THEN ac.actor_id
            WHEN k.ids = 1 AND i.keys = 1 AND (ac.actor_id = ac.identity_key OR NOT EXISTS (
                 SELECT 1 FROM taken WHERE taken.id = ac.actor_id)) THEN ac.actor_id
            ELSE ac.identity_key END AS canonical_id,
       ac.identity_key, ac.identity_reason AS reason
FROM actors ac LEFT JOIN per_key k USING (identity_key) LEFT JOIN per_id i USING (actor_id)
"""


def _canonical(column: str, alias: str) -> str:
    return f"coalesce({alias}.canonical_id, {column})"


def _alias_join(alias: str, table: str, column: str) -> str:
    return (
        f"LEFT JOIN actor_aliases {alias} ON {alias}.article_id = {table}.article_id "
        f"AND {alias}.actor_id = {table}.{column}"
    )


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
