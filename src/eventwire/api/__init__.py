"""The HTTP API and the web map/timeline, served from one FastAPI app.

Every error, whatever raised it (a bad parameter, an unknown path or method,
an over-long URL, a body on a read-only API, a crash, a request the server
cannot even parse), has one JSON body::

    {"error": {"status": 404, "code": "not_found", "message": "...", "hint": "..."}}

Reading needs nothing: every GET filters events only through the store's query
API (``eventwire.store.queries``), inside a read-only transaction of its own
per request (``Store.reading()``: one snapshot, and DuckDB refuses any write).
Event pages are the stored JSON records, sent without decoding them, with a
keyset cursor (``next``, passed back as ``after``) for the following page.

Writing needs the write token (``Authorization: Bearer <token>``, compared in
constant time): ``POST /api/documents`` stores documents read elsewhere and
``POST /api/process`` processes what is pending, both through the server's one
``Writer`` (``eventwire.api.owner``) - the same pipeline and exactly-once
processing as ``eventwire ingest``. Nothing else can write.

Every response carries a Content-Security-Policy, ``X-Content-Type-Options:
nosniff``, ``X-Frame-Options: DENY`` and ``Referrer-Policy: no-referrer``;
CORS is off unless ``[serve] cors_origins`` lists origins (and never allows a
write); /docs and /redoc load only local files (see ``_http`` and ``_docs``).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import Body, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.security import HTTPBearer
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from eventwire import __version__
from eventwire.api._docs import install_docs
from eventwire.api._http import Guard, error_body, server_config
from eventwire.api._wire import (
    document_from_wire,
    process_to_wire,
    rejection_from_wire,
    report_to_wire,
)
from eventwire.api.owner import Busy, Writer, new_token
from eventwire.config import Settings, defaults
from eventwire.errors import EventwireError, StoreError, UsageError
from eventwire.store import Store, queries
from eventwire.store.queries import MAX_ROWS

_MAX_LIMIT = 5000
_PAGE = 50  # events (or documents) per page unless asked
WRITE_PATHS = frozenset({"/api/documents", "/api/process"})
_TEXT = 200  # longest filter value read (country, admin1, type, actor)
_CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
          414: "uri_too_long", 422: "invalid_parameter", 431: "headers_too_large"}


class ApiError(HTTPException):
    """An HTTP error with a machine code and a hint for the user."""

    def __init__(self, status: int, code: str, message: str, hint: str = "",
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status_code=status, detail=message, headers=headers)
        self.code, self.hint = code, hint


def _json_error(status: int, code: str, message: str, hint: str = "",
                headers: dict[str, str] | None = None) -> Response:
    return Response(error_body(status, code, message, hint), status_code=status, headers=headers,
                    media_type="application/json")


async def _filters(  # async: parsing only, run in the event loop (no hop to a worker thread)
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


async def _reader(request: Request) -> AsyncIterator[Store]:
    """The app's store over a cursor of its own in a read-only transaction, for this request (opening
    and ending it take microseconds: done in the event loop, the queries in the endpoint's thread)."""
    with request.app.state.store.reading() as view:
        yield view


def token_matches(given: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header value carries ``token`` (compared in constant time)."""
    scheme, _, value = (given or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())


_bearer = HTTPBearer(auto_error=False, scheme_name="write token",
                     description="the token of <store>.serve.json (or [serve] token)")


def _authorised(request: Request, _: Annotated[Any, Depends(_bearer)]) -> None:
    """Writes need the token of the server file: refuse a request without it (401) or with another (403)."""
    given = request.headers.get("authorization")
    hint = "send 'Authorization: Bearer <token>' with the token of <store>.serve.json"
    if not given:
        raise ApiError(401, "unauthorized", f"{request.method} {request.url.path} needs the write token", hint,
                       {"WWW-Authenticate": "Bearer"})
    if not token_matches(given, request.app.state.token):
        raise ApiError(403, "forbidden", "the write token is wrong", hint)


def _writer(request: Request) -> Writer:
    return request.app.state.writer


Filters = Annotated[dict[str, Any], Depends(_filters)]
Reader = Annotated[Store, Depends(_reader)]
Authorised = Depends(_authorised)


def create_app(db_path: str, settings: Settings | None = None, *, store: Store | None = None,
               token: str | None = None) -> FastAPI:
    """The API + web app over the store at ``db_path`` (or the open ``store``), with ``[serve]`` of
    ``settings`` (or the defaults); writes need ``token`` (``app.state.token``; a fresh random one
    when not given)."""
    settings = settings or defaults()
    app = FastAPI(title="eventwire", version=__version__, docs_url=None, redoc_url=None,
                  description="Conflict events extracted from news, with their sources and evidence. "
                              "Reading is open; writing (POST /api/documents, /api/process) needs the "
                              "write token. Errors: {\"error\": {status, code, message, hint}}.")
    app.state.store = store if store is not None else Store(db_path)
    app.state.settings = settings
    app.state.token = token or new_token(settings)
    app.state.writer = Writer(app.state.store, settings)
    _install_error_handlers(app)
    _install_routes(app)
    _install_writes(app)
    install_docs(app)
    static = resources.files("eventwire.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.add_middleware(Guard, settings=settings.serve,
                       may_send_more=lambda path, headers: path in WRITE_PATHS
                       and token_matches(headers.get(b"authorization", b"").decode("latin-1"), app.state.token))
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> Response:
        return _json_error(exc.status_code, exc.code, str(exc.detail), exc.hint, dict(exc.headers or {}))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        code = _CODES.get(exc.status_code, "http_error")
        hint = {404: "the API is under /api (see /docs)",
                405: "reading is GET; writing is POST /api/documents with the write token"}.get(exc.status_code, "")
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

    @app.get("/api/events", response_class=Response)
    def events(db: Reader, filters: Filters, limit: int = Query(_PAGE, ge=1, le=_MAX_LIMIT),
               offset: int = Query(0, ge=0, le=MAX_ROWS),
               after: Annotated[str | None, Query(max_length=2000, description="the 'next' of the previous "
                                                                               "page: the page after it")] = None,
               order: Literal["newest", "oldest"] = "newest") -> Response:
        """Events, newest (or oldest) first, one page at a time; ``total`` counts all that pass the filters,
        ``next`` (null on the last page) continues as ``after``. Each event has its ``updated_at`` (UTC)."""
        total, page, cursor = queries.counted_event_page(db.con, newest_first=order == "newest", limit=limit,
                                                         offset=offset, after=after, **filters)
        head = json.dumps({"total": total, "limit": limit, "offset": offset, "next": cursor})
        return _raw_json(f'{head[:-1]}, "events": [{", ".join(page)}]}}')

    @app.get("/api/events/{event_id}", response_class=Response)
    def event(db: Reader, event_id: str) -> Response:
        record = queries.event_json(db.con, event_id)
        if record is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}", "list events at /api/events")
        return _raw_json(record)

    @app.get("/api/changes")
    def changes(db: Reader, since: Annotated[str, Query(max_length=40, description="date or timestamp (UTC)")],
                limit: int = Query(1000, ge=1, le=_MAX_LIMIT), offset: int = Query(0, ge=0, le=MAX_ROWS)
                ) -> dict[str, Any]:
        """History (created / updated / merged / deleted) at or after ``since``, oldest first."""
        rows = queries.changes_since(db.con, since, limit=limit, offset=offset)
        return {"changes": rows, "limit": limit, "offset": offset}

    @app.get("/api/timeline", response_class=Response)
    def timeline(db: Reader, filters: Filters) -> Response:
        """Dated events per day and type, with the same filters as /api/events."""
        return _raw_json(json.dumps({"days": queries.timeline(db.con, **filters)}))

    @app.get("/api/documents")
    def documents(db: Reader, limit: int = Query(_PAGE, ge=1, le=_MAX_LIMIT),
                  offset: int = Query(0, ge=0, le=MAX_ROWS)) -> dict[str, Any]:
        """Stored documents (id, published, language, status, title), in storing order."""
        return {"documents": db.document_summaries(limit=limit, offset=offset), "limit": limit, "offset": offset}

    @app.get("/api/documents/{document_id}")
    def document(request: Request, db: Reader, document_id: str) -> dict[str, Any]:
        """One document with its text as given (``text``: evidence offsets index it) and its clean text;
        where it was read from (``source``: a path or URL) only for requests with the write token."""
        doc = db.get_document(document_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {document_id!r}", "see /api/events for sources")
        body = {"document_id": doc.id, "title": doc.title, "standfirst": doc.standfirst, "url": doc.url,
                "outlet": doc.outlet, "author": doc.author, "published": doc.published, "language": doc.language,
                "format": doc.format, "content_hash": doc.content_hash, "near_duplicate_of": doc.near_duplicate_of,
                "text": doc.raw_text, "clean_text": doc.clean_text}
        if token_matches(request.headers.get("authorization"), request.app.state.token):
            body["source"] = doc.source
        return body


def _raw_json(text: str) -> Response:
    return Response(text.encode("utf-8"), media_type="application/json")


@contextmanager
def _turn(writer: Writer) -> Iterator[None]:
    """A write refused because ``[serve] max_pending_ingests`` others wait: 503 with Retry-After."""
    try:
        yield
    except Busy as exc:
        raise ApiError(503, "busy", f"{exc}; try again in {exc.retry_after} s",
                       "eventwire ingest waits and tries again by itself; or raise [serve] max_pending_ingests",
                       {"Retry-After": str(exc.retry_after)}) from None


def _events(request: Request) -> int:
    """How many events the store holds now (a read of its own: no wait for the next write)."""
    with request.app.state.store.reading() as view:
        return view.count("events")


def _install_writes(app: FastAPI) -> None:
    @app.post("/api/documents", dependencies=[Authorised])
    def add_documents(request: Request, writer: Annotated[Writer, Depends(_writer)],
                      documents: Annotated[list[Any], Body(max_length=100_000)],
                      rejections: Annotated[list[Any], Body(max_length=100_000)] = [],
                      extract: Annotated[bool, Body()] = True) -> dict[str, Any]:
        """Store documents as read (``{"id", "raw_text", ...}``) with the read rejections, as one ingest
        batch: cleaned, deduplicated, stored, then (``extract``) extracted and fused exactly once.
        Answers what was done, like ``eventwire ingest`` prints it, once it is committed."""
        settings = writer.settings
        docs = [document_from_wire(d, settings, f"documents[{i}]") for i, d in enumerate(documents)]
        refused = [rejection_from_wire(r, f"rejections[{i}]") for i, r in enumerate(rejections)]
        with _turn(writer):
            report = writer.add(docs, refused, extract=extract)
        return {**report_to_wire(report), "events": _events(request)}

    @app.post("/api/process", dependencies=[Authorised])
    def process(request: Request, writer: Annotated[Writer, Depends(_writer)],
                everything: Annotated[bool, Body()] = False, retry_failed: Annotated[bool, Body()] = False) -> dict[str, Any]:
        """Extract and fuse stored documents not processed yet (``eventwire process`` in the server)."""
        with _turn(writer):
            report = writer.process(everything=everything, retry_failed=retry_failed)
        return {**process_to_wire(report), "events": _events(request)}


__all__ = ["WRITE_PATHS", "create_app", "server_config", "token_matches"]
