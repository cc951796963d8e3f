"""The FastAPI application behind ``presslens serve``: the API under ``/api`` and the page at ``/``.

The store is opened once, read-only unless ingest is allowed, and used under a lock (a DuckDB
connection is not for concurrent use). The analyzer is loaded on the first ``POST /api/analyze``
and kept. Request bodies are read in full by ``BodyLimit`` before any route sees them, so an
oversized body is refused with 413 whatever the route; every refusal is JSON with a ``detail``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from presslens import __version__
from presslens.corpus.store import Store
from presslens.corpus.timeline import UnknownActor
from presslens.errors import InputError
from presslens.ingest import DEFAULT_MAX_BYTES, RawArticle
from presslens.model import Document
from presslens.pipeline import Analyzer
from presslens.web import actor_views, graphs, queries
from presslens.web.bodies import SOURCE, AnalyzeRequest, BadBody, read_body
from presslens.web.limits import BodyLimit
from presslens.web.params import (
    Languages,
    LevelParam,
    Limit,
    Modalities,
    Offset,
    Outlets,
    Since,
    Until,
    article_filter,
    speaker_ids,
    validation_message,
)

log = logging.getLogger("presslens.web")

STATIC = Path(str(resources.files("presslens.web") / "static"))
DEFAULT_MAX_BODY = 2_000_000

# Only this server's own files, and no inline script: article text can never run as code.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)


class Corpus:
    """The served store and the lock that guards its one connection."""

    def __init__(self, db: Path, *, writable: bool) -> None:
        self.path = db
        self.writable = writable
        self.store = Store(db, read_only=not writable)
        self.lock = threading.Lock()

    @contextmanager
    def use(self) -> Iterator[Store]:
        with self.lock:
            yield self.store

    def close(self) -> None:
        with self.lock:
            self.store.close()


class LazyAnalyzer:
    """One ``Analyzer``, made on first use; analyses one article at a time."""

    def __init__(self, factory: Callable[[], Analyzer]) -> None:
        self.factory = factory
        self._analyzer: Analyzer | None = None
        self.lock = threading.Lock()

    def get(self) -> Analyzer:
        if self._analyzer is None:
            log.info("loading the analysis pipeline")
            self._analyzer = self.factory()
        return self._analyzer


def create_app(
    db: Path,
    *,
    allow_ingest: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    analyzer_factory: Callable[[], Analyzer] | None = None,
    gazetteer: Path | None = None,
) -> FastAPI:
    """The application serving ``db`` (read-only unless ``allow_ingest``)."""
    corpus = Corpus(db, writable=allow_ingest)
    analyzer = LazyAnalyzer(analyzer_factory or (lambda: Analyzer(gazetteer_path=gazetteer)))
    text_limit = min(max_body_bytes, DEFAULT_MAX_BYTES)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        corpus.close()

    app = FastAPI(
        lifespan=lifespan,
        # The API docs are served from vendored Swagger UI files (``docs`` below): FastAPI's own
        # pages load theirs from a CDN and stay blank offline. ReDoc, CDN-only, is left out.
        docs_url=None,
        redoc_url=None,
        title="presslens",
        version=__version__,
        description="Browse a presslens corpus: articles, actors, the actor network, timelines; "
        "analyse new articles with POST /api/analyze.",
    )
    app.state.corpus = corpus
    app.state.analyzer = analyzer

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        return JSONResponse(
            {"detail": validation_message(errors), "errors": jsonable_encoder(errors)},
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(queries.NotFound)
    async def _missing(request: Request, exc: queries.NotFound) -> JSONResponse:
        return JSONResponse({"detail": str(exc.args[0] if exc.args else exc)}, status_code=404)

    @app.exception_handler(BadBody)
    async def _bad_body(request: Request, exc: BadBody) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(InputError)
    async def _bad_input(request: Request, exc: InputError) -> JSONResponse:
        status = 413 if exc.code == "too_large" else 422
        return JSONResponse({"detail": exc.reason, "code": exc.code}, status_code=status)

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return JSONResponse(
            {"detail": f"internal error ({type(exc).__name__}); see the server log"},
            status_code=500,
        )

    @app.middleware("http")
    async def _headers(request: Request, call_next: Callable[[Request], Awaitable[Any]]) -> Any:
        response = await call_next(request)
        if not request.url.path.startswith("/docs"):  # Swagger UI starts from an inline script
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    # --- API -----------------------------------------------------------------------------

    @app.get("/api/facets", tags=["corpus"])
    def facets() -> dict[str, Any]:
        """What the filters can choose from: outlets, languages, techniques, relation types,
        speakers and the range of publication dates."""
        with corpus.use() as store:
            return queries.facets(store)

    @app.get("/api/articles", tags=["articles"])
    def articles(
        since: Since = None,
        until: Until = None,
        outlet: Outlets = None,
        actor: Annotated[str | None, Query(description="Actor id, QID or name.")] = None,
        technique: Annotated[str | None, Query(description="Persuasion technique label.")] = None,
        language: Languages = None,
        q: Annotated[
            str | None,
            Query(description="Words the title or text holds (any case; Cyrillic words match "
                  "in any grammatical case: 'Россия' finds 'России')."),
        ] = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Articles, newest first, with per-article counts of each kind of item. ``actor`` also
        takes any form an article writes the actor with, in either script ("Азербайджан")."""
        flt = article_filter(since, until, outlet, languages=language)
        with corpus.use() as store:
            actor_key = None
            if actor:
                try:
                    actor_key = queries.actor_id(store, actor)
                except UnknownActor as err:
                    raise RequestValidationError(
                        [{"loc": ("query", "actor"), "msg": str(err), "type": "value_error"}]
                    ) from None
            return queries.list_articles(store, flt, actor_key, technique, limit, offset, q)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(article_id: str) -> dict[str, Any]:
        """One article: summary, the whole document, and names for every actor id it uses."""
        with corpus.use() as store:
            return queries.article_detail(store, article_id)

    @app.get("/api/actors", tags=["actors"])
    def actors(
        q: Annotated[
            str | None,
            Query(description="Part of a name, an id, or of any form the articles write the "
                  "actor with, in either script ('Азербайджан' finds Azerbaijan)."),
        ] = None,
        kind: Annotated[str | None, Query(description="country, person, ...")] = None,
        since: Since = None,
        until: Until = None,
        outlet: Outlets = None,
        language: Languages = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        """Actors, most mentioned first, with quote and stance counts; each labelled with its
        English canonical name and its names in the other script (``also``)."""
        flt = article_filter(since, until, outlet, languages=language)
        with corpus.use() as store:
            return actor_views.list_actors(store, flt, q, kind, limit, offset)

    @app.get("/api/actors/{actor_id}", tags=["actors"])
    def actor(actor_id: str) -> dict[str, Any]:
        """One actor (id, QID or name): mentions by outlet, quotes by and about it, stances
        toward it by speaker, by outlet and by month."""
        with corpus.use() as store:
            return actor_views.actor_detail(store, actor_id)

    @app.get("/api/network", tags=["network"])
    def network(
        since: Since = None,
        until: Until = None,
        outlet: Outlets = None,
        speaker: Annotated[
            list[str] | None, Query(description="Only relations asserted by this actor.")
        ] = None,
        rtype: Annotated[
            list[str] | None, Query(alias="type", description="Only this relation type.")
        ] = None,
        min_weight: Annotated[float, Query(ge=0, description="Drop lighter edges.")] = 1,
        level: LevelParam = "actor",
        language: Languages = None,
        modality: Modalities = None,
    ) -> dict[str, Any]:
        """The signed, weighted, directed actor (or state) network (node-link JSON), with the
        filters and levels of ``presslens network``."""
        with corpus.use() as store:
            flt = article_filter(since, until, outlet, speaker_ids(store, speaker), rtype, language,
                                 modality)
            return graphs.network(store, flt, min_weight, level)

    @app.get("/api/network/evidence", tags=["network"])
    def evidence(
        source: str,
        target: str,
        since: Since = None,
        until: Until = None,
        outlet: Outlets = None,
        speaker: Annotated[list[str] | None, Query()] = None,
        rtype: Annotated[list[str] | None, Query(alias="type")] = None,
        limit: Limit = 200,
        level: LevelParam = "actor",
        language: Languages = None,
        modality: Modalities = None,
    ) -> dict[str, Any]:
        """The relations behind one edge of the network (at its level): evidence sentences, cues
        and their articles."""
        with corpus.use() as store:
            flt = article_filter(since, until, outlet, speaker_ids(store, speaker), rtype, language,
                                 modality)
            return graphs.edge_evidence(store, flt, source, target, limit, level)

    @app.get("/api/timeline", tags=["network"])
    def timeline(
        a: Annotated[str, Query(description="Actor id, QID or name.")],
        b: Annotated[str, Query(description="Actor id, QID or name.")],
        by: Literal["week", "month"] = "month",
        since: Since = None,
        until: Until = None,
        outlet: Outlets = None,
        level: LevelParam = "actor",
    ) -> dict[str, Any]:
        """Relations between two actors (both directions), or between the states they act for,
        per week or month."""
        flt = article_filter(since, until, outlet)
        with corpus.use() as store:
            return graphs.timeline_json(store, a, b, by, flt, level)

    @app.post(
        "/api/analyze",
        tags=["analyze"],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "text/plain": {"schema": {"type": "string"}},
                    "text/html": {"schema": {"type": "string"}},
                    "application/json": {"schema": AnalyzeRequest.model_json_schema()},
                },
            }
        },
    )
    async def analyze(
        request: Request,
        store: Annotated[
            bool | None,
            Query(description="Store the document (needs --allow-ingest; its default then)."),
        ] = None,
    ) -> JSONResponse:
        """Analyse one article and return its document JSON (the output of ``presslens analyze``).

        The header ``X-Presslens-Stored`` says whether it was added to the corpus (``new``),
        was there already (``known``) or was not stored (``no``); ``X-Presslens-Warning``, when
        present, what the body held but the document leaves out (a ``published`` that is not a
        date)."""
        keep = allow_ingest if store is None else store
        if keep and not allow_ingest:
            return JSONResponse(
                {"detail": "storing needs a server started with --allow-ingest"}, status_code=403
            )
        raw = read_body(await request.body(), request.headers.get("content-type"), text_limit)
        doc, stored = await run_in_threadpool(_analyze, raw, keep)
        headers = {"X-Presslens-Stored": stored}
        if raw.warnings:  # what the body held but the document leaves out
            headers["X-Presslens-Warning"] = "; ".join(raw.warnings).encode(
                "ascii", "backslashreplace"
            ).decode("ascii")
        return JSONResponse(doc.model_dump(mode="json"), headers=headers)

    def _analyze(raw: RawArticle, keep: bool) -> tuple[Document, str]:
        with analyzer.lock:
            loaded = analyzer.get()  # a pipeline that cannot load is the server's fault: 500
            try:
                doc = loaded.analyze(raw)
            except InputError:
                raise
            except Exception as err:
                # A failure on one article is that article's error (as in a batch), never a
                # 500: the server stays up and says which input it could not analyse.
                log.exception("analysis failed on a request body")
                raise InputError(
                    SOURCE, f"the article could not be analysed ({type(err).__name__}: {err})",
                    code="internal",
                ) from None
        if not keep:
            return doc, "no"
        with corpus.use() as db_store:
            return doc, "new" if db_store.add([doc]) else "known"

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> JSONResponse:
        return JSONResponse({"detail": f"no API endpoint /api/{rest}"}, status_code=404)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        # Relative URLs, like the page's: they hold behind a proxy that mounts the app on a path.
        return get_swagger_ui_html(
            openapi_url="openapi.json",
            title="presslens API",
            swagger_js_url="static/vendor/swagger-ui-bundle.js",
            swagger_css_url="static/vendor/swagger-ui.css",
            swagger_favicon_url="static/favicon.svg",
            swagger_ui_parameters={"validatorUrl": None},  # no call to validator.swagger.io
        )

    # --- page ----------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    return app
