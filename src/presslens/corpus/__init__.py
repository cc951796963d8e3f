"""A corpus of analysed articles: an embedded DuckDB store (``store``, its tables in ``schema``),
the ingest that fills it with one process, a process pool or a Dask cluster (``engine``,
``dask_engine``), readers for WARC files and feeds (``readers``), and the views built on the
store (``network``: the actor or state network; ``timeline``: timelines and actor rankings).

Modules are imported on their own (nothing here imports duckdb or dask), so reading a WARC file
does not pay for the database.
"""
