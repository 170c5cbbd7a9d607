"""A safe, offline API through real HTTP: security headers, one JSON error body for every error
(also for requests the server cannot parse), limits, CORS off unless configured, local /docs, and
filters that are the store's own (literal actor, admin1, since, bbox across the antimeridian)."""

from __future__ import annotations

import json
import re
import socket
from urllib.parse import urlsplit

import httpx
import pytest

from eventwire.api import create_app
from eventwire.api._http import DATA_CSP, PAGE_CSP
from eventwire.config import defaults
from eventwire.errors import ConfigError
from eventwire.store import Store

from .conftest import _fill, serving


def get(server, path, **params):
    return httpx.get(server + path, params=params, timeout=10)


def ids(res):
    assert res.status_code == 200, res.text
    return {e["event_id"] for e in res.json()["events"]}


def assert_error(res, status, code):
    assert res.status_code == status, res.text
    assert res.headers["content-type"] == "application/json"
    error = res.json()["error"]
    assert error["status"] == status and error["code"] == code and error["message"]
    assert set(error) == {"status", "code", "message", "hint"}


def assert_secured(headers, *, page):
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["content-security-policy"] == (PAGE_CSP if page else DATA_CSP)
    assert "http" not in headers["content-security-policy"]   # no other host may be loaded from
    assert not any(k.lower().startswith("access-control-") for k in headers)  # CORS off by default
    assert "server" not in headers


def raw(url, data: bytes) -> bytes:
    """Send bytes as they are over one connection; everything the server answers until it closes."""
    host, port = urlsplit(url).hostname, urlsplit(url).port
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(data)
        out = b""
        while chunk := sock.recv(65536):
            out += chunk
    return out


def parse(response: bytes) -> tuple[int, dict[str, str], bytes]:
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), {k.lower(): v for k, v in headers.items()}, body


# -- security headers on every response ------------------------------------------------------------

@pytest.mark.parametrize("method, path, status, page", [
    ("GET", "/", 200, True),
    ("GET", "/docs", 200, True),
    ("GET", "/redoc", 200, True),
    ("GET", "/api/health", 200, False),
    ("GET", "/api/events?actor=splm", 200, False),
    ("GET", "/api/timeline", 200, False),
    ("GET", "/openapi.json", 200, False),
    ("GET", "/static/app.js", 200, False),
    ("GET", "/docs/assets/swagger-ui-bundle.js", 200, False),
    ("GET", "/api/nowhere", 404, False),
    ("GET", "/api/events?limit=0", 422, False),
    ("GET", "/api/events?bbox=1,2", 400, False),
    ("POST", "/api/events", 405, False),
    ("OPTIONS", "/api/events", 405, False),
])
def test_every_response_carries_the_security_headers(server, method, path, status, page):
    res = httpx.request(method, server + path, timeout=10, headers={"Origin": "https://evil.example"})
    assert res.status_code == status
    assert_secured(res.headers, page=page)


def test_pages_may_load_only_what_this_server_serves():
    for directive in ("default-src 'self'", "script-src 'self'", "connect-src 'self'", "object-src 'none'",
                      "frame-ancestors 'none'", "base-uri 'none'"):
        assert directive in PAGE_CSP
    assert "unsafe-eval" not in PAGE_CSP and "script-src 'self';" in PAGE_CSP  # no inline or remote scripts


# -- one JSON error body for every error --------------------------------------------------------------

@pytest.mark.parametrize("method, path, status, code", [
    ("POST", "/api/events", 405, "method_not_allowed"),
    ("PUT", "/api/events/ev-a", 405, "method_not_allowed"),
    ("DELETE", "/api/documents/doc-1", 405, "method_not_allowed"),
    ("PATCH", "/static/app.js", 405, "method_not_allowed"),
    ("GET", "/static/nope.js", 404, "not_found"),
    ("GET", "/static/../../etc/passwd", 404, "not_found"),
    ("GET", "/api/events?limit=abc", 422, "invalid_parameter"),
    ("GET", "/api/events?include_background=perhaps", 422, "invalid_parameter"),
    ("GET", "/api/events?since=yesterday", 422, "invalid_parameter"),
    ("GET", "/api/timeline?bbox=0,0,1", 400, "bad_bbox"),
    ("GET", "/api/events?country=" + "x" * 300, 422, "invalid_parameter"),
])
def test_errors_are_json(server, method, path, status, code):
    res = httpx.request(method, server + path, timeout=10)
    assert_error(res, status, code)
    if status == 405:
        assert "GET" in res.headers["allow"]


@pytest.mark.parametrize("offset, limit", [
    ("9223372036854775808", "10"), ("-1", "10"), ("1000000001", "10"), ("1e3", "10"), ("9" * 5000, "10"),
    ("0", "5001"), ("0", "-1"), ("0", "9223372036854775808"),
])
def test_out_of_range_numbers_are_4xx_never_500(server, offset, limit):
    assert_error(get(server, "/api/events", offset=offset, limit=limit), 422, "invalid_parameter")


def test_a_far_but_sane_offset_is_an_empty_page(server):
    body = get(server, "/api/events", offset="1000000000").json()
    assert body["events"] == [] and body["total"] == 2


@pytest.mark.parametrize("request_bytes", [
    b"GARBAGE\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n",
    b"GET /api/health HTTP/1.1\r\n\r\n",                    # HTTP/1.1 without Host
    b"GET /\xff HTTP/1.1\r\nHost: x\r\n\r\n",               # a byte no URL may hold
    b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\n",
])
def test_requests_the_server_cannot_parse_get_the_json_body_too(server, request_bytes):
    status, headers, body = parse(raw(server, request_bytes))
    assert status == 400 and headers["content-type"] == "application/json"
    assert json.loads(body)["error"]["code"] == "bad_request"
    assert headers["connection"] == "close"
    assert_secured(headers, page=False)


def test_headers_larger_than_the_limit_are_refused(server):
    limit = defaults().serve.max_header_bytes
    # all at once: the server reads them, the app refuses them
    res = httpx.get(server + "/api/health", headers={"Cookie": "a" * limit}, timeout=10)
    assert_error(res, 431, "headers_too_large")
    # in pieces that never complete: the server gives up on them before the app
    head = b"GET /api/health HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: %s\r\n" % (i, b"a" * 100)
                                                                    for i in range(limit // 100))
    status, headers, body = parse(raw(server, head))
    assert status == 400 and json.loads(body)["error"]["code"] == "bad_request"


def test_a_url_longer_than_the_limit_is_414(server):
    assert_error(get(server, "/api/events", actor="a" * (defaults().serve.max_url_chars + 1)), 414, "uri_too_long")


def test_a_body_larger_than_the_limit_is_413(server):
    big = b"x" * (defaults().serve.max_body_bytes + 1)
    assert_error(httpx.post(server + "/api/events", content=big, timeout=10), 413, "too_large")
    status, headers, body = parse(raw(server, b"GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"))
    assert status in (400, 413) and json.loads(body)["error"]["status"] == status


def test_a_crash_is_a_json_500_with_the_headers(tmp_path):
    app = create_app(str(tmp_path / "crash.duckdb"))
    app.state.store.close()          # every read now fails inside the app
    with serving(app) as url:
        res = httpx.get(url + "/api/health", timeout=10)
    assert_error(res, 500, "internal_error")
    assert_secured(res.headers, page=False)


# -- filters are the store's ----------------------------------------------------------------------

@pytest.mark.parametrize("params, expected", [
    ({"actor": "%"}, set()),                          # a literal %, not "anything"
    ({"actor": "_"}, set()),
    ({"actor": "protesters (sudan)"}, {"ev-b"}),
    ({"actor": "' OR '1'='1"}, set()),
    ({"admin1": "south kordofan"}, {"ev-a", "ev-b"}),
    ({"admin1": "Khartoum"}, set()),
    ({"admin1": "South Kordofan", "country": "SY", "include_background": "true"}, {"ev-c"}),
    ({"since": "2000-01-01"}, {"ev-a", "ev-b"}),
    ({"since": "2000-01-01T00:00:00+05:00"}, {"ev-a", "ev-b"}),
    ({"since": "2999-01-01"}, set()),
    ({"bbox": "170,0,30,20"}, {"ev-a"}),              # W > E: across the antimeridian, 170°E to 30°E
    ({"bbox": "170,-90,40,90"}, {"ev-a", "ev-b"}),
    ({"bbox": "30,0,170,20"}, {"ev-b"}),
])
def test_filters_are_the_stores(server, params, expected):
    assert ids(get(server, "/api/events", **params)) == expected


def test_timeline_takes_the_same_filters(server):
    days = get(server, "/api/timeline", bbox="170,0,30,20").json()["days"]
    assert days == [{"date": "2024-05-06", "event_type": "Explosions/Remote violence", "count": 1}]
    assert get(server, "/api/timeline", since="2999-01-01").json()["days"] == []


# -- CORS off unless configured ---------------------------------------------------------------------

def test_cors_only_for_configured_origins(tmp_path):
    path = tmp_path / "cors.duckdb"
    with Store(path) as store:
        _fill(store)
    settings = defaults().replace("serve", cors_origins=["https://maps.example.org"])
    with serving(create_app(str(path), settings)) as url:
        ok = httpx.get(url + "/api/health", headers={"Origin": "https://maps.example.org"}, timeout=10)
        other = httpx.get(url + "/api/health", headers={"Origin": "https://evil.example"}, timeout=10)
        preflight = httpx.options(url + "/api/events", timeout=10, headers={
            "Origin": "https://maps.example.org", "Access-Control-Request-Method": "GET"})
        refused = httpx.options(url + "/api/events", timeout=10, headers={
            "Origin": "https://evil.example", "Access-Control-Request-Method": "GET"})
        write = httpx.options(url + "/api/events", timeout=10, headers={
            "Origin": "https://maps.example.org", "Access-Control-Request-Method": "POST"})
    assert ok.headers["access-control-allow-origin"] == "https://maps.example.org"
    assert "access-control-allow-origin" not in other.headers and other.status_code == 200
    assert preflight.status_code == 204 and preflight.headers["access-control-allow-methods"] == "GET, HEAD"
    assert_error(refused, 403, "cors_refused")
    assert_error(write, 403, "cors_refused")
    assert preflight.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("origin", ["maps.example.org", "https://maps.example.org/", "javascript:alert(1)"])
def test_cors_origins_are_checked(origin):
    with pytest.raises(ConfigError) as info:
        defaults().replace("serve", cors_origins=[origin])
    assert info.value.code == "E022"


# -- /docs and /redoc offline ---------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_docs_load_no_external_url(server, page):
    res = get(server, page)
    assert res.status_code == 200 and "text/html" in res.headers["content-type"]
    refs = re.findall(r"""(?:src|href|spec-url)=["']([^"']+)["']""", res.text)
    assert refs and "<script>" not in res.text          # no inline script
    for ref in refs:
        assert ref.startswith("/") and not ref.startswith("//"), ref
        assert get(server, ref).status_code == 200, ref
    assert "http" not in get(server, "/static/docs.js").text.replace("http://", "").replace("https://", "")
    assert "validatorUrl: null" in get(server, "/static/docs.js").text
    assert res.headers["content-security-policy"] == PAGE_CSP


def test_docs_without_the_assets_say_so_and_still_load_nothing_external(tmp_path, monkeypatch):
    import eventwire.api._docs as docs

    monkeypatch.setattr(docs, "asset_dir", lambda: None)
    with serving(create_app(str(tmp_path / "plain.duckdb"))) as url:
        page = httpx.get(url + "/docs", timeout=10)
        spec = httpx.get(url + "/openapi.json", timeout=10)
    assert page.status_code == 200 and "fastapi-offline" in page.text and "/openapi.json" in page.text
    assert "<script" not in page.text and "http" not in page.text
    assert spec.status_code == 200 and "/api/events" in spec.json()["paths"]


def test_openapi_lists_reads_and_only_token_protected_writes(server):
    paths = get(server, "/openapi.json").json()["paths"]
    writes = {(path, m) for path, ops in paths.items() for m in ops if m != "get"}
    assert writes == {("/api/documents", "post"), ("/api/process", "post")}
    for path, method in writes:
        assert paths[path][method]["security"] == [{"write token": []}]
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"admin1", "since", "bbox", "actor", "limit", "offset"} <= params
