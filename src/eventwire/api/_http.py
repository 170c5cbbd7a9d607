"""HTTP safety around the app: one JSON error body, security headers, limits, CORS, the server.

* ``Guard`` (ASGI middleware, outermost in the app) adds the security headers to
  every response, refuses over-long URLs (414), over-large headers (431) and
  bodies (413: ``[serve] max_body_bytes``, or ``max_ingest_bytes`` for a write
  that carries the token),
  answers CORS only for the origins in ``[serve] cors_origins`` (none by
  default), and turns any unhandled exception into the JSON 500 body.
* ``JsonErrorH11Protocol`` is uvicorn's HTTP/1.1 protocol with one change:
  a request the server cannot parse (bad request line or header, headers over
  ``[serve] max_header_bytes``) is answered with the same JSON body (400) and
  security headers instead of uvicorn's plain text, then the connection closes.
* ``server_config`` is the one uvicorn configuration, used by ``eventwire
  serve`` and by the tests.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from eventwire.config import ServeSettings, Settings, defaults

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

log = logging.getLogger("eventwire.api")

# Pages (the map, /docs, /redoc) may load only what this server serves. Inline styles are
# allowed (the map's markers, Swagger UI and ReDoc set them); inline and remote scripts are not.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# Everything else (JSON, scripts, styles, images) is data: it may load nothing at all.
DATA_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
_FIXED = ((b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
          (b"referrer-policy", b"no-referrer"))
_OURS = {b"content-security-policy", *(name for name, _ in _FIXED)}
_CORS_METHODS = (b"GET", b"HEAD")


def error_body(status: int, code: str, message: str, hint: str = "") -> bytes:
    """The one JSON error body of the API."""
    body = {"error": {"status": status, "code": code, "message": message, "hint": hint}}
    return json.dumps(body, ensure_ascii=False).encode("utf-8")


def security_headers(content_type: bytes) -> list[tuple[bytes, bytes]]:
    """Headers every response carries; the CSP depends on whether it is a page (HTML)."""
    csp = PAGE_CSP if content_type.lower().startswith(b"text/html") else DATA_CSP
    return [(b"content-security-policy", csp.encode("ascii")), *_FIXED]


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: security headers, URL and body limits, CORS, JSON for unhandled errors."""

    def __init__(self, app: Callable[..., Awaitable[None]], settings: ServeSettings,
                 may_send_more: Callable[[str, dict[bytes, bytes]], bool] | None = None) -> None:
        self.app = app
        self.max_body = settings.max_body_bytes
        self.max_write = settings.max_ingest_bytes
        self.may_send_more = may_send_more
        self.max_url = settings.max_url_chars
        self.max_headers = settings.max_header_bytes
        self.origins = {o.encode("ascii") for o in settings.cors_origins}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict((k.lower(), v) for k, v in scope.get("headers", ()))
        cors = self._cors_headers(headers.get(b"origin"))
        started = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                kept = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in _OURS]
                content_type = next((v for k, v in kept if k.lower() == b"content-type"), b"")
                message = {**message, "headers": [*kept, *security_headers(content_type), *cors]}
            await send(message)

        limit = self._body_limit(scope, headers)
        refusal = self._refusal(scope, headers, limit)
        if refusal is not None:
            await send_error(guarded_send, *refusal, close=True)
            return
        if self.origins and scope["method"] == "OPTIONS" and b"access-control-request-method" in headers:
            await self._preflight(guarded_send, cors, headers[b"access-control-request-method"])
            return
        try:
            await self.app(scope, self._bounded(receive, limit), guarded_send)
        except _TooLarge:
            if started:
                raise
            await send_error(guarded_send, *_too_large(limit), close=True)
        except Exception as exc:
            log.exception("%s %s failed", scope.get("method"), scope.get("path"))
            if started:
                raise
            await send_error(guarded_send, 500, "internal_error", exc.__class__.__name__,
                             "report this with the request")

    def _body_limit(self, scope: Scope, headers: dict[bytes, bytes]) -> int:
        """The largest body read: ``[serve] max_ingest_bytes`` for an authorised write, else ``max_body_bytes``."""
        if scope["method"] == "POST" and self.may_send_more is not None and self.may_send_more(scope["path"], headers):
            return max(self.max_body, self.max_write)
        return self.max_body

    def _refusal(self, scope: Scope, headers: dict[bytes, bytes], limit: int) -> tuple[int, str, str, str] | None:
        url_chars = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        if url_chars > self.max_url:
            return (414, "uri_too_long", f"the URL has {url_chars} characters, at most {self.max_url} are read",
                    "shorten the query, or raise [serve] max_url_chars")
        header_bytes = url_chars + sum(len(k) + len(v) + 4 for k, v in scope.get("headers", ()))
        if header_bytes > self.max_headers:
            return (431, "headers_too_large", f"the request line and headers hold {header_bytes} bytes, "
                    f"at most {self.max_headers} are read", "send fewer or shorter headers (cookies?)")
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            return _too_large(limit)
        return None

    def _bounded(self, receive: Receive, limit: int) -> Receive:
        seen = 0

        async def bounded() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise _TooLarge
            return message

        return bounded

    def _cors_headers(self, origin: bytes | None) -> list[tuple[bytes, bytes]]:
        if not self.origins:
            return []
        if b"*" in self.origins:
            return [(b"access-control-allow-origin", b"*")]
        if origin in self.origins:
            return [(b"access-control-allow-origin", origin), (b"vary", b"Origin")]
        return [(b"vary", b"Origin")]

    async def _preflight(self, send: Send, cors: list[tuple[bytes, bytes]], method: bytes) -> None:
        if not any(k == b"access-control-allow-origin" for k, _ in cors) or method.upper() not in _CORS_METHODS:
            await send_error(send, 403, "cors_refused", "this origin or method may not call the API",
                             "list the origin in [serve] cors_origins; the API only reads (GET)")
            return
        await send({"type": "http.response.start", "status": 204, "headers": [
            (b"access-control-allow-methods", b"GET, HEAD"),
            (b"access-control-allow-headers", b"Accept, Accept-Language, Content-Language, Content-Type"),
            (b"access-control-max-age", b"600")]})
        await send({"type": "http.response.body", "body": b""})


def _too_large(limit: int) -> tuple[int, str, str, str]:
    return (413, "too_large", f"the request body is larger than {limit} bytes",
            "reading needs no body; a write (with the token) may send [serve] max_ingest_bytes")


async def send_error(send: Send, status: int, code: str, message: str, hint: str = "", *,
                     close: bool = False) -> None:
    """Send the JSON error body as a whole response."""
    body = error_body(status, code, message, hint)
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class JsonErrorH11Protocol(H11Protocol):
    """uvicorn's h11 protocol answering unparseable requests with the JSON error body."""

    def send_400_response(self, msg: str) -> None:
        body = error_body(400, "bad_request", "malformed HTTP request",
                          "send a well-formed HTTP/1.1 request; the request line and headers may hold "
                          "at most [serve] max_header_bytes")
        headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                   (b"connection", b"close"), *security_headers(b"application/json")]
        try:
            for event in (h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
                          h11.Data(data=body), h11.EndOfMessage()):
                self.transport.write(self.conn.send(event))
        except h11.LocalProtocolError:  # a response was already under way: only closing is left
            pass
        self.transport.close()


def server_config(app: Any, *, host: str = "127.0.0.1", port: int = 8000, settings: Settings | None = None,
                  **options: Any) -> uvicorn.Config:
    """The uvicorn configuration eventwire serves with (HTTP/1.1 only, JSON errors, header limit)."""
    serve = (settings or defaults()).serve
    values: dict[str, Any] = {"log_level": "warning", "http": JsonErrorH11Protocol, "ws": "none",
                              "server_header": False, "h11_max_incomplete_event_size": serve.max_header_bytes,
                              **options}
    return uvicorn.Config(app, host=host, port=port, **values)


__all__ = ["DATA_CSP", "PAGE_CSP", "Guard", "JsonErrorH11Protocol", "error_body", "security_headers",
           "send_error", "server_config"]
