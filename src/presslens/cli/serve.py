"""``presslens serve``: the web page and REST API over a corpus database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from presslens.cli.app import app


@app.command()
def serve(
    db: Annotated[
        Path, typer.Option("--db", help="The corpus database (DuckDB file).", show_default=False)
    ],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    allow_ingest: Annotated[
        bool,
        typer.Option(
            "--allow-ingest",
            help="Open the database for writing and store what POST /api/analyze analyses.",
        ),
    ] = False,
    max_body_bytes: Annotated[
        int, typer.Option("--max-body-bytes", min=1, help="Largest request body accepted.")
    ] = 2_000_000,
    gazetteer: Annotated[
        Path | None,
        typer.Option(help="Extra gazetteer YAML.", exists=True, dir_okay=False, readable=True),
    ] = None,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the corpus: the page at http://HOST:PORT/, the API under /api, its docs at /docs.

    The database is opened read-only (other processes may read it too, none may write it while
    the server runs) unless --allow-ingest is given.
    """
    import uvicorn

    from presslens.corpus.store import StoreError
    from presslens.web.app import create_app

    if not allow_ingest and not db.exists():
        raise typer.BadParameter(f"no corpus database at {db}", param_hint="--db")
    try:
        web = create_app(
            db, allow_ingest=allow_ingest, max_body_bytes=max_body_bytes, gazetteer=gazetteer
        )
    except StoreError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from None
    typer.echo(f"presslens: serving {db} on http://{host}:{port}/ (API docs at /docs)", err=True)
    uvicorn.run(web, host=host, port=port, log_level=log_level)
