"""The Dask engine of ``presslens ingest --engine dask``.

The client reads the inputs and sends batches of raw articles to the workers; each worker holds
one ``Analyzer``, loaded once when the worker starts (``AnalyzerPlugin``), and sends back the
batch's rows as Parquet shards (one file per table, the rows ``document_rows`` makes for the
single-process engine too). The client writes each shard under the shard directory and loads it
into the store in one transaction. Nothing needs a filesystem shared between the machines.

Without a scheduler address a ``LocalCluster`` of worker processes is started on 127.0.0.1.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from distributed import Client, LocalCluster, as_completed, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from presslens.batch import Analysed, Failed, analyse_article, exit_with_parent
from presslens.corpus.engine import IngestOptions, outcome_document
from presslens.corpus.schema import document_rows
from presslens.ingest import RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer, AnalyzerSettings

PLUGIN_NAME = "presslens-analyzer"
TASKS_PER_WORKER = 2  # batches in flight per worker: one running, one queued


class AnalyzerPlugin(WorkerPlugin):
    """Loads the analysis pipeline once per worker."""

    name = PLUGIN_NAME

    def __init__(
        self, settings: AnalyzerSettings | None = None, *, local: bool = False
    ) -> None:
        self.settings = settings or AnalyzerSettings()
        self.local = local  # workers of a LocalCluster: children of the ingest process
        self.analyzer: Analyzer | None = None

    def setup(self, worker: Any) -> None:
        if self.local:
            # A local cluster's workers outlive an ingest killed with SIGKILL unless told to.
            exit_with_parent()
        self.analyzer = self.settings.build()

    def __getstate__(self) -> dict[str, Any]:
        # Only the settings travel to the workers, never a loaded pipeline.
        return {"settings": self.settings, "local": self.local, "analyzer": None}


def _worker_analyzer() -> Analyzer:
    plugin = get_worker().plugins.get(PLUGIN_NAME)
    if not isinstance(plugin, AnalyzerPlugin):  # a worker that joined without the plugin
        raise RuntimeError("the presslens analyzer plugin is not registered on this worker")
    if plugin.analyzer is None:
        plugin.setup(None)
    assert plugin.analyzer is not None
    return plugin.analyzer


@dataclass(frozen=True)
class ShardPayload:
    """What a worker sends back for one batch."""

    key: str
    count: int
    ids: list[str]
    tables: dict[str, bytes]  # table name -> Parquet file contents
    failures: list[Failed]


def analyse_batch(key: str, batch: list[tuple[int, RawArticle]]) -> ShardPayload:
    """Runs on a worker: analyse a batch and return its rows as Parquet."""
    analyzer = _worker_analyzer()
    docs = []
    failures = []
    for index, article in batch:
        outcome = analyse_article(analyzer, index, article)
        if isinstance(outcome, Analysed):
            docs.append(outcome_document(outcome))
        else:
            failures.append(outcome)
    return ShardPayload(key, len(batch), [d.id for d in docs], _parquet(docs), failures)


def _parquet(docs: list[Document]) -> dict[str, bytes]:
    tables = {}
    for name, table in document_rows(docs).items():
        sink = io.BytesIO()
        pq.write_table(table, sink)
        tables[name] = sink.getvalue()
    return tables


def _lost(key: str, batch: list[tuple[int, RawArticle]], err: BaseException) -> ShardPayload:
    """A batch whose task failed as a whole (a worker died on it): each article an error."""
    message = f"the Dask task failed: {type(err).__name__}: {err}"
    failures = [Failed(index, article.source, "internal", message) for index, article in batch]
    return ShardPayload(key, len(batch), [], _parquet([]), failures)


@dataclass(frozen=True)
class Shard:
    """A shard written on this machine, ready to load."""

    shard: Path
    count: int
    ids: list[str]
    failures: list[Failed]

    def remove(self) -> None:
        shutil.rmtree(self.shard, ignore_errors=True)


def _write(payload: ShardPayload, shard_dir: Path) -> Shard:
    partial = shard_dir / f"{payload.key}.partial"
    partial.mkdir(parents=True, exist_ok=True)
    for name, data in payload.tables.items():
        (partial / f"{name}.parquet").write_bytes(data)
    final = shard_dir / payload.key
    shutil.rmtree(final, ignore_errors=True)
    os.replace(partial, final)
    return Shard(final, payload.count, payload.ids, payload.failures)


def _batches(
    stream: Iterator[tuple[int, RawArticle]], size: int
) -> Iterator[list[tuple[int, RawArticle]]]:
    batch: list[tuple[int, RawArticle]] = []
    for item in stream:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def local_cluster(workers: int) -> LocalCluster:
    """Worker processes on this machine, listening on the loopback interface only."""
    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )


def run_dask(
    stream: Iterator[tuple[int, RawArticle]], options: IngestOptions, shard_dir: Path
) -> Iterator[Shard]:
    """Shards of analysed batches, as the workers finish them."""
    cluster = None if options.scheduler else local_cluster(options.workers)
    client = Client(options.scheduler or cluster, set_as_default=False)
    try:
        plugin = AnalyzerPlugin(options.analyzer_settings, local=cluster is not None)
        client.register_plugin(plugin, name=PLUGIN_NAME)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        shard_dir.mkdir(parents=True, exist_ok=True)
        run = f"{os.getpid()}"
        batches = enumerate(_batches(stream, options.batch_size))
        pending = as_completed(loop=client.loop, raise_errors=False)
        submitted: dict[object, tuple[str, list[tuple[int, RawArticle]]]] = {}
        in_flight = 0

        def submit() -> bool:
            item = next(batches, None)
            if item is None:
                return False
            number, batch = item
            key = f"{run}-{number:07d}"
            future = client.submit(analyse_batch, key, batch, key=f"presslens-{key}")
            submitted[future.key] = (key, batch)
            pending.add(future)
            return True

        while in_flight < workers * TASKS_PER_WORKER and submit():
            in_flight += 1
        for future in pending:
            key, batch = submitted.pop(future.key)
            try:
                payload: ShardPayload = future.result()
            except Exception as err:  # the batch is lost, not the run
                payload = _lost(key, batch, err)
            future.release()
            in_flight -= 1
            if submit():
                in_flight += 1
            yield _write(payload, shard_dir)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        with contextlib.suppress(OSError):
            shard_dir.rmdir()  # only when empty: shards not loaded stay for inspection
