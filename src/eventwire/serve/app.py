"""The explorer's web app: a JSON API under /api/ and the pages in static/, served by FastAPI.

`create_app(store)` serves an open, read-only `Store`. Every request gets its own DuckDB cursor,
because one connection must not be used by two threads at once.

Example:
    >>> app = create_app(Store("news.duckdb", read_only=True))
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

from pathlib import Path as FilePath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from ..model import PLOVER_TYPES
from ..store.db import Store, StoreError
from . import documents, queries, schemas
from .queries import EventFilter

STATIC = FilePath(__file__).parent / "static"
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
# The pages load nothing from anywhere else: no CDN, no fonts, no trackers.
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
       "object-src 'none'; frame-ancestors 'none'")


def cursor(request: Request):
    """A cursor of its own for this request, closed when the request is done."""
    cur = request.app.state.store.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


def event_filter(
    actor: Annotated[str | None, Query(description="A source or target name or code contains this "
                                       "(any case), e.g. `eln` or `SDNMIL`.")] = None,
    type: Annotated[str | None, Query(description="PLOVER event type (any case): "
                                      + ", ".join(PLOVER_TYPES) + ".")] = None,
    since: Annotated[str | None, Query(pattern=DATE, description="On or after this date: YYYY, "
                                       "YYYY-MM or YYYY-MM-DD. An event without a date of its own "
                                       "is dated by its article.")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="On or before this date.")] = None,
    place: Annotated[str | None, Query(description="The place name or its country code contains "
                                       "this (any case), e.g. `lima` or `PE`.")] = None,
    q: Annotated[str | None, Query(description="The evidence sentence contains this text "
                                   "(any case).")] = None,
    include_negated: Annotated[bool, Query(description="Also negated, hypothetical, intended and "
                                           "future events.")] = False,
) -> EventFilter:
    return EventFilter(actor, type and queries.check_type(type), since, until, place, q,
                       include_negated)


Cursor = Annotated[Any, Depends(cursor)]
Filters = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=500, description="Page size (at most 500).")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip, for the next pages.")]
DocId = Annotated[str, Path(description="The article's id, e.g. the input file's name without "
                            "extension.")]
EventId = Annotated[str, Path(description="The event's id within its article, e.g. V3.")]
ClusterId = Annotated[str, Path(description="The cluster's id (`cluster_id` of /api/clusters and "
                                "/api/events), e.g. C01bd453a5af2.")]
api = APIRouter(prefix="/api")


@api.get("/summary", response_model=schemas.Summary, summary="What the database holds")
def summary(cur: Cursor):
    """Counts of articles, events, quotes and clusters, the span of event dates, events by type."""
    return queries.summary(cur)


@api.get("/events", response_model=schemas.EventPage, summary="Events, newest first")
def events(cur: Cursor, filters: Filters, limit: Limit = 50, offset: Offset = 0):
    """Events matching the filters, one page at a time, with `total` for all pages."""
    return queries.events(cur, filters, limit=limit, offset=offset)


@api.get("/events/{doc_id:path}/{event_id}", response_model=schemas.EventView,
         summary="One event in its article", responses={404: {"description": "No such event."}})
def event(cur: Cursor, doc_id: DocId, event_id: EventId):
    """The event, its article and what to highlight: the evidence sentence, the mentions of its
    actors, and the quote it was read from."""
    return _found(documents.event(cur, doc_id, event_id), f"no event {event_id!r} in {doc_id!r}")


@api.get("/documents/{doc_id:path}", response_model=schemas.Document, summary="One article",
         responses={404: {"description": "No such article."}})
def document(cur: Cursor, doc_id: DocId):
    """The article's metadata and text, with the spans of its events, entity mentions and quotes."""
    return _found(documents.document(cur, doc_id), f"no article {doc_id!r}")


@api.get("/timeline", response_model=schemas.Timeline, summary="Event counts over time")
def timeline(cur: Cursor, filters: Filters,
             by: Annotated[Literal["day", "month"], Query(description="Bucket size.")] = "day"):
    """Matching events counted by day or month and type."""
    return {"by": by, **queries.timeline(cur, filters, width=10 if by == "day" else 7)}


@api.get("/map", response_model=schemas.MapPoints, summary="Events by place")
def map_points(cur: Cursor, filters: Filters):
    """Matching events grouped by place, with coordinates and counts by type."""
    return queries.map_points(cur, filters)


@api.get("/network", response_model=schemas.Network, summary="Who acts on whom")
def network(cur: Cursor, filters: Filters,
            min_weight: Annotated[int, Query(ge=1, description="Leave out edges with fewer "
                                             "events.")] = 1,
            limit: Annotated[int, Query(ge=1, le=2000, description="Keep the heaviest edges "
                                        "only.")] = 300):
    """Actors (by code, else by name) as nodes; directed edges source → target weighted by
    the number of matching events."""
    return queries.network(cur, filters, min_weight=min_weight, limit=limit)


@api.get("/speakers", response_model=list[schemas.Speaker], summary="Who is quoted")
def speakers(cur: Cursor,
             name: Annotated[str | None, Query(description="The name contains this.")] = None,
             limit: Limit = 200):
    """Speakers with their numbers of quotes and articles, most quoted first."""
    return documents.speakers(cur, name=name, limit=limit)


@api.get("/quotes", response_model=schemas.QuotePage, summary="Quotes, newest first")
def quotes(cur: Cursor,
           speaker: Annotated[str | None, Query(description="The speaker's name contains this "
                                                "(any case).")] = None,
           exact: Annotated[bool, Query(description="`speaker` is the whole name.")] = False,
           since: Annotated[str | None, Query(pattern=DATE, description="On or after this date.")] = None,
           until: Annotated[str | None, Query(pattern=DATE, description="On or before this date.")] = None,
           limit: Limit = 50, offset: Offset = 0):
    """Quotes with their speaker, cue, kind, date, the outlets they came through, and article."""
    return documents.quotes(cur, speaker=speaker, exact=exact, since=since, until=until,
                            limit=limit, offset=offset)


@api.get("/clusters", response_model=schemas.ClusterPage, summary="Events across articles")
def clusters(cur: Cursor, filters: Filters, limit: Limit = 50, offset: Offset = 0):
    """Real-world events reported by one or more articles, most reported first."""
    return queries.clusters(cur, filters, limit=limit, offset=offset)


@api.get("/clusters/{cluster_id}", response_model=schemas.ClusterView,
         summary="One event across articles", responses={404: {"description": "No such cluster."}})
def cluster(cur: Cursor, cluster_id: ClusterId):
    """The cluster and its member events: each article's event, with the article's title,
    publisher and date and the evidence sentence, in the order the articles were published."""
    return _found(queries.cluster(cur, cluster_id), f"no cluster {cluster_id!r}")


def _found(value, message: str):
    if value is None:
        raise HTTPException(404, message)
    return value


def create_app(store: Store) -> FastAPI:
    """The explorer over `store` (opened read-only by the caller, who also closes it)."""
    app = FastAPI(title="eventwire explorer", version="1", openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None,
                  description="Events, articles, quotes and actors of an eventwire database.")
    app.state.store = store
    app.include_router(api)
    app.add_exception_handler(StoreError, _bad_value)
    app.middleware("http")(_security_headers)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.get("/", include_in_schema=False)(lambda: FileResponse(STATIC / "index.html"))
    app.get("/api/docs", include_in_schema=False)(lambda: FileResponse(STATIC / "docs.html"))
    return app


async def _bad_value(request: Request, exc: StoreError) -> JSONResponse:
    return JSONResponse({"detail": str(exc)}, status_code=422)


async def _security_headers(request: Request, call_next):
    response = await call_next(request)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
