"""Feed and article URLs against a local HTTP server on 127.0.0.1: robots, timeouts, HTTP errors."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from eventwire.config import defaults
from eventwire.read import iter_documents
from eventwire.records import Document, Rejection

ARTICLE = ("<html><head><title>Ambush | Desk</title></head><body><article><h1>Ambush near Gao</h1><p>"
           + "Gunmen ambushed a supply convoy near Gao on Tuesday, killing four drivers, officials said. " * 4
           + "</p></article></body></html>")
FEED = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>"
        "<item><title>Ambush near Gao</title><link>http://127.0.0.1/a</link>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>Gunmen ambushed a convoy.</description></item>"
        "</channel></rss>")
ROUTES = {
    "/robots.txt": (200, "text/plain", "User-agent: *\nDisallow: /private/\n"),
    "/feed.xml": (200, "application/rss+xml", FEED),
    "/article.html": (200, "text/html; charset=utf-8", ARTICLE),
    "/private/article.html": (200, "text/html", ARTICLE),
    "/feed-500.xml": (500, "text/plain", "boom"),
    "/slow/feed.xml": (200, "application/rss+xml", FEED),
    "/report.pdf": (200, "application/pdf", "%PDF-1.4 ..."),
}


class _Handler(BaseHTTPRequestHandler):
    hits: dict[str, int] = {}
    agents: set[str] = set()

    def do_GET(self):  # noqa: N802 - http.server API
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        self.agents.add(self.headers.get("User-Agent", ""))
        if self.path.startswith("/slow"):
            time.sleep(1.5)
        status, ctype, body = ROUTES.get(self.path, (404, "text/plain", "not found"))
        data = body.encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def settings():
    """Loopback is refused by default (see test_fetch_safety); these tests allow the test server's address."""
    return defaults().replace("fetch", timeout=0.3, retries=1, allow_networks=["127.0.0.1/32"])


def read(urls, settings, **kw):
    return list(iter_documents(urls, settings, **kw))


def test_feed_url_gives_its_entries(server, settings):
    (doc,) = read([f"{server}/feed.xml"], settings)
    assert doc.format == "feed" and doc.title == "Ambush near Gao" and doc.published == "2024-03-05"


def test_article_url_gives_the_page_text(server, settings):
    (doc,) = read([f"{server}/article.html"], settings)
    assert doc.format == "html" and doc.url == f"{server}/article.html" and "Gunmen ambushed" in doc.raw_text


def test_the_polite_user_agent_from_settings_is_sent(server, settings):
    read([f"{server}/article.html"], settings)
    assert _Handler.agents == {settings.fetch.user_agent}


def test_robots_txt_is_respected(server, settings):
    (item,) = read([f"{server}/private/article.html"], settings)
    assert isinstance(item, Rejection) and item.code == "E014"
    assert _Handler.hits.get("/private/article.html") is None


def test_a_feed_url_that_times_out_is_rejected_and_the_rest_goes_on(server, settings):
    started = time.perf_counter()
    items = read([f"{server}/slow/feed.xml", f"{server}/article.html"], settings)
    assert items[0].code == "E009" and "timed out" in items[0].reason
    assert items[0].source == f"{server}/slow/feed.xml"
    assert isinstance(items[1], Document) and time.perf_counter() - started < 5


def test_a_feed_url_that_returns_500_is_retried_then_rejected(server, settings):
    before = _Handler.hits.get("/feed-500.xml", 0)
    items = read([f"{server}/feed-500.xml", f"{server}/feed.xml"], settings)
    assert items[0].code == "E009" and "HTTP 500" in items[0].reason
    assert _Handler.hits["/feed-500.xml"] - before == 2  # one try + one retry
    assert isinstance(items[1], Document)


def test_missing_page_and_pdf_url(server, settings):
    items = read([f"{server}/gone.html", f"{server}/report.pdf"], settings)
    assert [i.code for i in items] == ["E009", "E003"]


def test_a_body_over_the_size_limit_is_cut_off(server, settings):
    small = settings.replace("read", max_bytes=100)
    (item,) = read([f"{server}/article.html"], small)
    assert item.code == "E005"


def test_an_injected_client_is_used_with_the_user_agent(server, settings):
    seen = []

    def handler(request):
        seen.append(request.headers.get("user-agent"))
        return httpx.Response(200, text=ARTICLE if request.url.path != "/robots.txt" else "",
                              headers={"content-type": "text/html"})

    client = httpx.Client(transport=httpx.MockTransport(handler), headers={"User-Agent": "test-agent"})
    (doc,) = read(["https://news.example/story"], settings, client=client)
    assert "Gunmen ambushed" in doc.raw_text and seen == ["test-agent", "test-agent"]
