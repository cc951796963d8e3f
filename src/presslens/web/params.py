"""The query parameters shared by the web API's routes, and the corpus filter they make."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import Query
from fastapi.exceptions import RequestValidationError

from presslens.corpus.network import ArticleFilter
from presslens.corpus.store import Store
from presslens.corpus.timeline import UnknownActor
from presslens.web import queries


def article_filter(
    since: date | None,
    until: date | None,
    outlet: list[str] | None,
    speakers: list[str] | None = None,
    types: list[str] | None = None,
    languages: list[str] | None = None,
    modalities: Sequence[str] | None = None,
) -> ArticleFilter:
    if since and until and since > until:
        raise RequestValidationError(
            [{"loc": ("query", "until"), "msg": f"until ({until}) is before since ({since})",
              "type": "value_error"}]
        )
    return queries.PageFilter(
        since=since,
        until=until,
        outlets=[o for o in outlet or [] if o],
        speakers=speakers or [],
        types=[t for t in types or [] if t],
        languages=[v.strip() for v in languages or [] if v.strip()],
        modalities=list(modalities or []),
    )


def speaker_ids(store: Store, values: list[str] | None) -> list[str]:
    try:
        return [queries.actor_id(store, v) for v in values or [] if v]
    except UnknownActor as err:
        raise RequestValidationError(
            [{"loc": ("query", "speaker"), "msg": str(err), "type": "value_error"}]
        ) from None


def validation_message(errors: list[Any]) -> str:
    parts = []
    for error in errors:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
        parts.append(f"{'.'.join(loc) or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


Since = Annotated[date | None, Query(description="First publication day, YYYY-MM-DD.")]
Until = Annotated[date | None, Query(description="Last publication day (inclusive), YYYY-MM-DD.")]
Outlets = Annotated[list[str] | None, Query(description="Only articles of this outlet (repeat).")]
Languages = Annotated[
    list[str] | None,
    Query(description="Only articles in this language, an ISO 639-1 code: en, ru (repeat)."),
]
Limit = Annotated[int, Query(ge=1, le=500)]
LevelParam = Annotated[
    Literal["actor", "state"],
    Query(description="actor: edges between the actors as named; state: between the states they "
          "act for (the actor itself when unknown), without self-loops."),
]
Modalities = Annotated[
    list[Literal["asserted", "future", "hypothetical"]] | None,
    Query(description="Only relations of this modality (repeat): asserted keeps what the text "
          "says was done. Denied (negated) relations never count."),
]
Offset = Annotated[int, Query(ge=0)]
