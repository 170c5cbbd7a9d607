"""Safe fetching against real HTTP servers on 127.0.0.1: no SSRF, bounded time and size, no leaked credentials.

Loopback is refused by default, so tests that need a successful fetch allow the
servers' address with ``[fetch] allow_networks``; names are resolved through a
monkeypatched ``socket.getaddrinfo`` (there is no DNS here).
"""

from __future__ import annotations

import base64
import gzip
import socket
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from eventwire.config import defaults
from eventwire.read import iter_documents
from eventwire.records import Document, Rejection

ARTICLE = ("<html><head><title>Ambush</title></head><body><article><h1>Ambush near Gao</h1><p>"
           + "Gunmen ambushed a supply convoy near Gao on Tuesday, killing four drivers, officials said. " * 4
           + "</p></article></body></html>").encode()
SECRET = "s3cr3t-pa55"


class _Handler(BaseHTTPRequestHandler):
    """Routes of the test servers; ``server.log`` records (path, Authorization) of every request."""

    def do_GET(self):  # noqa: N802 - http.server API
        self.server.log.append((self.path, self.headers.get("Authorization")))
        route = getattr(self, "route_" + self.path.strip("/").split("?")[0].replace("-", "_").replace("/", "_")
                        .replace(".", "_"), None)
        try:
            route() if route else self._send(404, b"not found", "text/plain")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _send(self, status, body=b"", ctype="text/html", **headers):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", headers.pop("length", str(len(body))))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location):
        self._send(302, Location=location)

    def route_robots_txt(self):
        self._send(200, b"User-agent: *\nAllow: /\n", "text/plain")

    def route_article_html(self):
        self._send(200, ARTICLE)

    def route_to_article(self):
        self._redirect("/article.html")

    def route_to_loopback(self):
        self._redirect(f"http://127.0.0.2:{self.server.server_port}/article.html")

    def route_to_private(self):
        self._redirect("http://10.1.2.3/article.html")

    def route_to_mapped(self):
        self._redirect(f"http://[::ffff:127.0.0.2]:{self.server.server_port}/article.html")

    def route_to_name(self):
        self._redirect(f"http://intranet.test:{self.server.server_port}/article.html")

    def route_to_file(self):
        self._redirect("file:///etc/passwd")

    def route_loop(self):
        self._redirect("/loop")

    def route_to_other(self):
        self._redirect(f"{self.server.other}/echo")

    def route_echo(self):
        self._send(200, ARTICLE)

    def route_auth(self):
        expected = "Basic " + base64.b64encode(f"reporter:{SECRET}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            self._send(401, b"who are you", "text/plain", WWW_Authenticate='Basic realm="desk"')
        else:
            self._send(200, ARTICLE)

    def route_gzipped(self):
        self._send(200, gzip.compress(ARTICLE), Content_Encoding="gzip")

    def route_gzip_bomb(self):
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        body = b"".join(packer.compress(bytes(1 << 20)) for _ in range(100)) + packer.flush()
        self._send(200, body, Content_Encoding="gzip")

    def route_huge(self):
        self._send(200, b"<html>", length="1000000000")

    def route_drip(self):
        self._send(200, b"", length="100000")
        for _ in range(400):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.02)

    def route_drip_headers(self):
        for byte in b"HTTP/1.1 200 OK\r\n" + b"X-Padding: " + b"y" * 400:
            self.wfile.write(bytes([byte]))
            self.wfile.flush()
            time.sleep(0.02)

    def log_message(self, *args):
        pass


def _serve():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.log = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


@pytest.fixture(scope="module")
def servers():
    main, other = _serve(), _serve()
    main.other = f"http://127.0.0.1:{other.server_port}"
    other.other = main.other
    yield main, other
    for httpd in (main, other):
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def server(servers):
    main = servers[0]
    main.log.clear()
    main.url = f"http://127.0.0.1:{main.server_port}"
    return main


@pytest.fixture
def allowed():
    """The servers' address is allowed; a per-read timeout longer than the deadline, so the deadline must act."""
    return defaults().replace("fetch", allow_networks=["127.0.0.1/32"], timeout=1.0, deadline=0.5, retries=0)


@pytest.fixture
def names(monkeypatch):
    """Answers for made-up names, as ``socket.getaddrinfo`` would give them; other hosts resolve as usual."""
    table: dict[str, list[str]] = {}
    real = socket.getaddrinfo

    def fake(host, port, *args, **kwargs):
        if host in table:
            family = {4: socket.AF_INET, 6: socket.AF_INET6}
            return [(family[6 if ":" in a else 4], socket.SOCK_STREAM, 6, "", (a, port)) for a in table[host]]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    return table


def read(urls, settings, **kw):
    return list(iter_documents(urls, settings, **kw))


def only(items) -> Rejection | Document:
    assert len(items) == 1, items
    return items[0]


# -- refused addresses --------------------------------------------------------------
@pytest.mark.parametrize("host", ["127.0.0.1", "127.1", "2130706433", "0x7f000001", "[::1]",
                                  "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "localhost", "0.0.0.0", "[::]"])
def test_the_local_server_is_refused_by_default_in_every_spelling(server, host):
    item = only(read([f"http://{host}:{server.server_port}/article.html"], defaults()))
    assert isinstance(item, Rejection) and item.code == "E023"
    assert "allow_networks" in item.reason and "\n" not in item.message()
    assert server.log == []


def test_an_octal_address_is_not_fetched_either(server):
    item = only(read([f"http://0177.0.0.1:{server.server_port}/article.html"], defaults()))
    assert item.code in ("E009", "E023") and server.log == []  # httpx refuses it as an invalid URL


@pytest.mark.parametrize("host, why", [
    ("10.0.0.1", "private"), ("172.16.5.4", "private"), ("192.168.1.1", "private"),
    ("169.254.169.254", "link-local"), ("224.0.0.1", "multicast"), ("240.0.0.1", "reserved"),
    ("100.64.0.1", "non-public"), ("[fe80::1]", "link-local"), ("[fc00::1]", "private"),
    ("[ff02::1]", "multicast"), ("[64:ff9b::a00:1]", "private"),
])
def test_non_public_addresses_are_refused_without_connecting(host, why):
    started = time.perf_counter()
    item = only(read([f"http://{host}/latest"], defaults()))
    assert item.code == "E023" and item.reason.split(" (only public")[0].endswith(f" is {why}")
    assert time.perf_counter() - started < 0.5


def test_every_address_a_name_resolves_to_is_checked(names):
    names["intranet.test"] = ["10.0.0.7"]
    names["mixed.test"] = ["93.184.216.34", "127.0.0.1"]
    items = read(["http://intranet.test/a", "https://mixed.test/b"], defaults())
    assert [i.code for i in items] == ["E023", "E023"]
    assert "10.0.0.7" in items[0].reason and "127.0.0.1" in items[1].reason


def test_an_allowed_network_is_fetched(server, allowed):
    doc = only(read([f"{server.url}/article.html"], allowed))
    assert isinstance(doc, Document) and "Gunmen ambushed" in doc.raw_text


def test_a_name_changing_its_answer_after_the_check_is_refused_at_connection(server, allowed, monkeypatch):
    real, answers = socket.getaddrinfo, iter(["93.184.216.34"])

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.test":
            return real(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers, "127.0.0.1"), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    strict = defaults().replace("fetch", respect_robots=False)
    item = only(read([f"http://rebind.test:{server.server_port}/article.html"], strict))
    assert item.code == "E023" and "127.0.0.1" in item.reason and server.log == []


def test_an_injected_client_still_gets_the_address_checks():
    calls = []
    client = httpx.Client(transport=httpx.MockTransport(lambda request: calls.append(request) or httpx.Response(200)))
    item = only(read(["http://169.254.169.254/latest/meta-data/"], defaults(), client=client))
    assert item.code == "E023" and calls == []


# -- redirects ----------------------------------------------------------------------
@pytest.mark.parametrize("route, address", [("to-loopback", "127.0.0.2"), ("to-private", "10.1.2.3"),
                                            ("to-mapped", "::ffff:127.0.0.2"), ("to-name", "192.168.1.5")])
def test_a_redirect_from_an_allowed_host_to_a_refused_address_is_refused(server, allowed, names, route, address):
    names["intranet.test"] = ["192.168.1.5"]
    item = only(read([f"{server.url}/{route}"], allowed))
    assert item.code == "E023" and "redirect" in item.reason and address in item.reason
    assert [path for path, _ in server.log] == ["/robots.txt", f"/{route}"]


def test_a_redirect_within_the_allowed_host_is_followed(server, allowed):
    doc = only(read([f"{server.url}/to-article"], allowed))
    assert isinstance(doc, Document) and doc.url == f"{server.url}/article.html"
    assert doc.source == f"{server.url}/to-article"


def test_redirects_are_bounded(server, allowed):
    item = only(read([f"{server.url}/loop"], allowed.replace("fetch", max_redirects=3)))
    assert item.code == "E024" and "max_redirects" in item.reason
    assert [path for path, _ in server.log].count("/loop") == 4


def test_a_redirect_to_another_scheme_is_not_followed(server, allowed):
    item = only(read([f"{server.url}/to-file"], allowed))
    assert item.code == "E009" and "file" in item.reason


# -- time and size ------------------------------------------------------------------
@pytest.mark.parametrize("route", ["drip", "drip-headers"])
def test_a_slow_drip_server_hits_the_total_deadline(server, allowed, route):
    started = time.perf_counter()
    items = read([f"{server.url}/{route}", f"{server.url}/article.html"], allowed)
    elapsed = time.perf_counter() - started
    assert items[0].code == "E025" and "[fetch] deadline" in items[0].reason
    assert isinstance(items[1], Document)
    assert elapsed < 2.5  # two fetches of at most 0.5 s each, while the drip would take 8 s


def test_a_gzip_encoded_body_is_decoded(server, allowed):
    doc = only(read([f"{server.url}/gzipped"], allowed))
    assert "Gunmen ambushed" in doc.raw_text


def test_a_gzip_bomb_body_is_refused_quickly(server, allowed):
    started = time.perf_counter()
    item = only(read([f"{server.url}/gzip-bomb"], allowed.replace("fetch", deadline=10.0)))
    assert item.code == "E026" and "max_compression_ratio" in item.reason
    assert time.perf_counter() - started < 2


def test_an_announced_huge_body_is_refused_before_reading(server, allowed):
    item = only(read([f"{server.url}/huge"], allowed))
    assert item.code == "E005" and "1000000000" in item.reason


# -- credentials --------------------------------------------------------------------
def test_credentials_are_used_but_never_stored_or_shown(server, allowed):
    url = f"http://reporter:{SECRET}@127.0.0.1:{server.server_port}/auth"
    doc = only(read([url], allowed))
    assert isinstance(doc, Document) and "Gunmen ambushed" in doc.raw_text
    assert doc.url == f"{server.url}/auth" and doc.source == doc.url
    assert SECRET not in repr(doc) and "reporter" not in repr(doc)
    assert all(auth and auth.startswith("Basic ") for path, auth in server.log if path == "/auth")


def test_credentials_are_not_in_rejections(server, allowed):
    items = read([f"http://reporter:{SECRET}@127.0.0.1:{server.server_port}/missing",
                  f"http://reporter:{SECRET}@10.0.0.1/x"], allowed)
    assert [i.code for i in items] == ["E009", "E023"]
    assert all(SECRET not in i.message() and "reporter" not in i.message() for i in items)


def test_credentials_are_not_sent_to_another_host(servers, server, allowed):
    other = servers[1]
    other.log.clear()
    doc = only(read([f"http://reporter:{SECRET}@127.0.0.1:{server.server_port}/to-other"], allowed))
    assert isinstance(doc, Document) and doc.url == f"{server.other}/echo"
    assert [auth for path, auth in server.log if path == "/to-other"][0] is not None
    assert other.log and all(auth is None for _, auth in other.log)
