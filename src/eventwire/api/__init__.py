"""The HTTP API and the web map/timeline, served from one FastAPI app.

Every error, whatever raised it (a bad parameter, an unknown path or method,
an over-long URL, a body on a read-only API, a crash, a request the server
cannot even parse), has one JSON body::

    {"error": {"status": 404, "code": "not_found", "message": "...", "hint": "..."}}

The API only reads: it has no write endpoints. It filters events only through
the store's query API (``eventwire.store.queries``), reading the DuckDB store
through a cursor of its own per request (``Store.cursor()``; DuckDB cursors
are safe to use from the server's worker threads). Every response carries a
Content-Security-Policy, ``X-Content-Type-Options: nosniff``,
``X-Frame-Options: DENY`` and ``Referrer-Policy: no-referrer``; CORS is off
unless ``[serve] cors_origins`` lists origins; /docs and /redoc load only
local files (see ``_http`` and ``_docs``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from eventwire import __version__
from eventwire.api._docs import install_docs
from eventwire.api._http import Guard, error_body, server_config
from eventwire.config import Settings, defaults
from eventwire.errors import EventwireError, StoreError, UsageError
from eventwire.store import Store
from eventwire.store import queries
from eventwire.store.queries import MAX_ROWS

_MAX_LIMIT = 5000
_TEXT = 200  # longest filter value read (country, admin1, type, actor)
_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
          414: "uri_too_long", 422: "invalid_parameter", 431: "headers_too_large"}


class ApiError(HTTPException):
    """An HTTP error with a machine code and a hint for the user."""

    def __init__(self, status: int, code: str, message: str, hint: str = "") -> None:
        super().__init__(status_code=status, detail=message)
        self.code, self.hint = code, hint


def _json_error(status: int, code: str, message: str, hint: str = "",
                headers: dict[str, str] | None = None) -> Response:
    return Response(error_body(status, code, message, hint), status_code=status, headers=headers,
                    media_type="application/json")


def _filters(
    start: date | None = None, end: date | None = None,
    country: Annotated[str | None, Query(max_length=_TEXT, description="ISO 3166 alpha-2 code, any case")] = None,
    admin1: Annotated[str | None, Query(max_length=_TEXT, description="first-level division, whole name")] = None,
    type: Annotated[str | None, Query(max_length=_TEXT, description="ACLED event type or sub-event type")] = None,
    actor: Annotated[str | None, Query(max_length=_TEXT, description="actor name substring, literal")] = None,
    bbox: Annotated[str | None, Query(max_length=100, description="W,S,E,N in degrees; W > E crosses 180°")] = None,
    since: Annotated[str | None, Query(max_length=40, description="only events created or changed at/after "
                                                                  "this date or timestamp (UTC unless given)")] = None,
    include_background: bool = False,
) -> dict[str, Any]:
    """The event filters of the query string, checked, as arguments of ``store.queries``."""
    try:
        box = queries.parse_bbox(bbox)
    except UsageError as exc:
        raise ApiError(400, "bad_bbox", exc.message, exc.hint) from None
    try:
        when: datetime | None = queries.parse_when(since, name="since")
    except UsageError as exc:
        raise ApiError(422, "invalid_parameter", f"query.since: {since!r} is not an ISO date or timestamp",
                       exc.hint) from None
    return {"start": start, "end": end, "country": country, "admin1": admin1, "event_type": type, "actor": actor,
            "bbox": box, "since": when, "include_background": include_background}


def _reader(request: Request) -> Iterator[Store]:
    """The app's store over a cursor of its own, for this request."""
    view = request.app.state.store.cursor()
    try:
        yield view
    finally:
        view.close()


Filters = Annotated[dict[str, Any], Depends(_filters)]
Reader = Annotated[Store, Depends(_reader)]


def create_app(db_path: str, settings: Settings | None = None) -> FastAPI:
    """The API + web app over the store at ``db_path`` (``[serve]`` of ``settings``, or the defaults)."""
    settings = settings or defaults()
    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  description="Conflict events extracted from news, with their sources and evidence. "
                              "Read-only. Errors: {\"error\": {status, code, message, hint}}.")
    app.state.store = Store(db_path)
    app.state.settings = settings
    _install_error_handlers(app)
    _install_routes(app)
    install_docs(app)
    static = resources.files("eventwire.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(Guard, settings=settings.serve)
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> Response:
        return _json_error(exc.status_code, exc.code, str(exc.detail), exc.hint, None)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        code = _CODES.get(exc.status_code, "http_error")
        hint = {404: "the API is under /api (see /docs)", 405: "the API only reads: use GET"}.get(exc.status_code, "")
        message = f"{request.method} {request.url.path}: {exc.detail}"
        return _json_error(exc.status_code, code, message, hint, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _json_error(422, "invalid_parameter", f"{where}: {first.get('msg', 'invalid')}",
                           "see /docs for the parameters", None)

    @app.exception_handler(EventwireError)
    async def eventwire_error(_: Request, exc: EventwireError) -> Response:
        if isinstance(exc, UsageError):
            return _json_error(422, "invalid_parameter", exc.message, exc.hint, None)
        if isinstance(exc, StoreError):
            return _json_error(503, "store_unavailable", exc.message, exc.hint, None)
        return _json_error(500, "internal_error", exc.message, exc.hint, None)


def _install_routes(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(resources.files("eventwire.web").joinpath("static", "index.html")))

    @app.get("/api/health")
    def health(db: Reader) -> dict[str, Any]:
        counts = {t: db.count(t) for t in ("documents", "events", "rejections")}
        return {"status": "ok", "version": __version__, **counts}

    @app.get("/api/events")
    def events(db: Reader, filters: Filters, limit: int = Query(500, ge=1, le=_MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_ROWS)) -> dict[str, Any]:
        """Events, newest first, one page at a time; ``total`` counts all that pass the filters."""
        total = queries.count_events(db.con, **filters)
        page = queries.event_records(db.con, newest_first=True, limit=limit, offset=offset, **filters)
        return {"total": total, "limit": limit, "offset": offset, "events": page}

    @app.get("/api/events/{event_id}")
    def event(db: Reader, event_id: str) -> dict[str, Any]:
        record = queries.event_record(db.con, event_id)
        if record is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}", "list events at /api/events")
        return record

    @app.get("/api/timeline")
    def timeline(db: Reader, filters: Filters) -> dict[str, Any]:
        """Dated events per day and type, with the same filters as /api/events."""
        return {"days": queries.timeline(db.con, **filters)}

    @app.get("/api/documents/{document_id}")
    def document(db: Reader, document_id: str) -> dict[str, Any]:
        doc = db.get_document(document_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {document_id!r}", "see /api/events for sources")
        return {"document_id": doc.id, "title": doc.title, "url": doc.url, "outlet": doc.outlet,
                "published": doc.published, "language": doc.language, "text": doc.raw_text}


__all__ = ["create_app", "server_config"]
