"""The HTTP API and the web map/timeline, served from one FastAPI app.

Every error, whatever raised it, has one JSON body::

    {"error": {"status": 404, "code": "not_found", "message": "...", "hint": "..."}}

The app reads the DuckDB store through its own cursor per request (DuckDB
cursors are safe to use from the server's worker threads).
"""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from eventwire import __version__
from eventwire.store import Store

_MAX_LIMIT = 5000


class ApiError(HTTPException):
    """An HTTP error with a machine code and a hint for the user."""

    def __init__(self, status: int, code: str, message: str, hint: str = "") -> None:
        super().__init__(status_code=status, detail=message)
        self.code, self.hint = code, hint


def _error(status: int, code: str, message: str, hint: str = "") -> JSONResponse:
    body = {"error": {"status": status, "code": code, "message": message, "hint": hint}}
    return JSONResponse(body, status_code=status)


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if not text:
        return None
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError:
        raise ApiError(400, "bad_bbox", f"bbox {text!r} is not W,S,E,N",
                       "give four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise ApiError(400, "bad_bbox", f"bbox {text!r} is out of range", "use degrees, south <= north")
    return west, south, east, north


def _filters(start: date | None, end: date | None, country: str | None, event_type: str | None,
             actor: str | None, bbox: str | None, background: bool) -> tuple[str, list[Any]]:
    clauses, params = ["1=1"], []
    if start:
        clauses.append("coalesce(date_end, event_date) >= ?")
        params.append(start)
    if end:
        clauses.append("coalesce(date_start, event_date) <= ?")
        params.append(end)
    if country:
        clauses.append("upper(country) = upper(?)")
        params.append(country)
    if event_type:
        clauses.append("(event_type = ? OR sub_event_type = ?)")
        params += [event_type, event_type]
    if actor:
        clauses.append("(actor1 ILIKE ? OR actor2 ILIKE ?)")
        params += [f"%{actor}%", f"%{actor}%"]
    box = _bbox(bbox)
    if box:
        west, south, east, north = box
        clauses.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
        params += [south, north, west, east]
    if not background:
        clauses.append("NOT is_background")
    return " AND ".join(clauses), params


def create_app(db_path: str) -> FastAPI:
    """The API + web app over the store at ``db_path``."""
    app = FastAPI(title="eventwire", version=__version__,
                  description="Conflict events extracted from news, with their sources and evidence.")
    store = Store(db_path)
    app.state.store = store
    _install_error_handlers(app)
    _install_routes(app, store)
    static = resources.files("eventwire.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status_code, exc.code, str(exc.detail), exc.hint)

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        code = "not_found" if exc.status_code == 404 else "http_error"
        return _error(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "invalid_parameter", f"{where}: {first.get('msg', 'invalid')}",
                      "see /docs for the parameters")

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, "internal_error", exc.__class__.__name__, "report this with the request")


def _install_routes(app: FastAPI, store: Store) -> None:
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(resources.files("eventwire.web").joinpath("static", "index.html")))

    @app.get("/api/health")
    def health() -> dict[str, Any]:
        cur = store.con.cursor()
        counts = {t: cur.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("documents", "events", "rejections")}
        return {"status": "ok", "version": __version__, **counts}

    @app.get("/api/events")
    def events(start: date | None = None, end: date | None = None, country: str | None = None,
               type: str | None = Query(None, description="ACLED event type or sub-event type"),
               actor: str | None = None, bbox: str | None = Query(None, description="W,S,E,N"),
               include_background: bool = False, limit: int = Query(500, ge=1, le=_MAX_LIMIT),
               offset: int = Query(0, ge=0)) -> dict[str, Any]:
        where, params = _filters(start, end, country, type, actor, bbox, include_background)
        cur = store.con.cursor()
        total = cur.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0]
        rows = cur.execute(f"SELECT record FROM events WHERE {where} ORDER BY event_date DESC NULLS LAST, "
                           f"event_id LIMIT ? OFFSET ?", [*params, limit, offset]).fetchall()
        return {"total": total, "limit": limit, "offset": offset, "events": [json.loads(r[0]) for r in rows]}

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict[str, Any]:
        row = store.con.cursor().execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
        if row is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}", "list events at /api/events")
        return json.loads(row[0])

    @app.get("/api/timeline")
    def timeline(country: str | None = None, type: str | None = None,
                 include_background: bool = False) -> dict[str, Any]:
        where, params = _filters(None, None, country, type, None, None, include_background)
        rows = store.con.cursor().execute(
            f"SELECT event_date, event_type, count(*) FROM events WHERE {where} AND event_date IS NOT NULL "
            "GROUP BY ALL ORDER BY 1, 2", params).fetchall()
        return {"days": [{"date": d.isoformat(), "event_type": t, "count": n} for d, t, n in rows]}

    @app.get("/api/documents/{document_id}")
    def document(document_id: str) -> dict[str, Any]:
        doc = store.get_document(document_id)
        if doc is None:
            raise ApiError(404, "not_found", f"no document {document_id!r}", "see /api/events for sources")
        return {"document_id": doc.id, "title": doc.title, "url": doc.url, "outlet": doc.outlet,
                "published": doc.published, "language": doc.language, "text": doc.raw_text}


__all__ = ["create_app"]
