"""Every reader: plain text, HTML, JSONL, RSS/Atom feeds, WARC, stdin, globs and directories."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from eventwire.config import defaults
from eventwire.read import iter_documents
from eventwire.records import Document, Rejection

ARTICLE = ("Militia fighters attacked a police station in the town of Bunia on Saturday, killing three officers, "
           "a provincial official said. The attackers burned two vehicles before withdrawing into the forest. ")

PAGE = f"""<!DOCTYPE html><html><head><title>Police station attacked | Lakes Herald</title>
<meta property="og:site_name" content="Lakes Herald"><meta name="author" content="Jane Mwangi">
<meta property="article:published_time" content="2023-09-02T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="cookies">We use cookies on this site. Accept all cookies</div>
<article><h1>Police station attacked in Bunia</h1><p>{ARTICLE * 2}</p>
<figure><img src="x.jpg"><figcaption>Burnt vehicles outside the police station in Bunia on Saturday.</figcaption></figure>
<p>{ARTICLE}</p></article><footer>Copyright 2023 Lakes Herald. Terms. Privacy.</footer></body></html>"""

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Lakes Herald</title><link>https://example.org/</link>
<item><title>Police station attacked</title><link>https://example.org/a1</link>
<pubDate>Sat, 02 Sep 2023 08:00:00 GMT</pubDate><description>&lt;p&gt;Militia fighters attacked a police station.&lt;/p&gt;&lt;p&gt;Three officers died.&lt;/p&gt;</description></item>
<item><title>Market reopens</title><link>https://example.org/a2</link><pubDate>Sun, 03 Sep 2023 08:00:00 GMT</pubDate>
<description>The central market reopened after a week of closure.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><title>Convoy ambushed</title><link href="https://example.org/b1"/><id>urn:b1</id>
<updated>2023-10-05T10:00:00Z</updated><content type="html">&lt;p&gt;Gunmen ambushed an aid convoy near Gao.&lt;/p&gt;</content></entry>
</feed>"""


@pytest.fixture(scope="module")
def settings():
    return defaults()


def read(inputs, settings, **kw):
    return list(iter_documents([str(i) for i in inputs], settings, **kw))


def docs_of(items):
    return [i for i in items if isinstance(i, Document)]


def test_plain_text_keeps_the_text_exactly_and_takes_the_date_from_the_name(tmp_path, settings):
    path = tmp_path / "bunia_2023-09-02.txt"
    path.write_text("Police station attacked\r\n\r\n" + ARTICLE, encoding="utf-8")
    (doc,) = read([path], settings)
    assert doc.raw_text == path.read_bytes().decode("utf-8")
    assert doc.format == "txt" and doc.published == "2023-09-02" and doc.source == str(path)


def test_published_option_is_used_when_the_input_has_no_date(tmp_path, settings):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE)
    (doc,) = read([path], settings, published="2023-01-05")
    assert doc.published == "2023-01-05"


def test_document_ids_are_stable_and_change_with_the_text(tmp_path, settings):
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE)
    first = read([path], settings)[0].id
    assert read([path], settings)[0].id == first and first.startswith("story-")
    path.write_text(ARTICLE + "Update: a fourth officer died.")
    assert read([path], settings)[0].id != first


def test_html_page_gives_main_text_metadata_and_keeps_the_caption(tmp_path, settings):
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    (doc,) = read([path], settings)
    assert doc.format == "html" and doc.title == "Police station attacked in Bunia"
    assert doc.author == "Jane Mwangi" and doc.outlet == "Lakes Herald" and doc.published == "2023-09-02"
    assert "Militia fighters attacked" in doc.raw_text
    assert doc.raw_text.count("Burnt vehicles outside the police station") == 1
    assert "cookies" not in doc.raw_text and "Sport" not in doc.raw_text and "Privacy" not in doc.raw_text


def test_html_is_recognised_by_content_without_extension(tmp_path, settings):
    path = tmp_path / "download"
    path.write_text(PAGE)
    (doc,) = read([path], settings)
    assert doc.format == "html"


def test_jsonl_keeps_each_text_exactly_with_its_metadata(tmp_path, settings):
    text = "  Shelling hit Kherson on Monday.\n\nTwo people died.  "
    records = [{"id": "k-1", "text": text, "published": "2022-11-21T09:00:00Z", "url": "https://example.org/k1",
                "title": "Kherson shelled", "outlet": "Wire"},
               {"id": 7, "html": PAGE}, {"text": ARTICLE}]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    first, second, third = read([path], settings)
    assert first.id == "k-1" and first.raw_text == text and first.published == "2022-11-21"
    assert (first.url, first.title, first.outlet, first.format) == ("https://example.org/k1", "Kherson shelled",
                                                                     "Wire", "jsonl")
    assert second.id == "7" and "Militia fighters attacked" in second.raw_text
    assert third.id.startswith("dump-") and third.meta["line"] == 3


def test_rss_and_atom_feed_files_give_one_document_per_entry(tmp_path, settings):
    (tmp_path / "feed.xml").write_text(RSS)
    (tmp_path / "feed.atom").write_text(ATOM)
    items = read([tmp_path / "feed.xml", tmp_path / "feed.atom"], settings)
    assert [d.title for d in items] == ["Police station attacked", "Market reopens", "Convoy ambushed"]
    first = items[0]
    assert first.url == "https://example.org/a1" and first.published == "2023-09-02" and first.outlet == "Lakes Herald"
    assert first.raw_text == "Militia fighters attacked a police station.\nThree officers died."
    assert items[2].published == "2023-10-05" and items[2].raw_text == "Gunmen ambushed an aid convoy near Gao."


def _warc(path, compress):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=compress)
        for uri, ctype, body in (("https://example.org/p1", "text/html; charset=utf-8", PAGE.encode()),
                                 ("https://example.org/logo.png", "image/png", b"\x89PNG...."),
                                 ("https://example.org/data.json", "application/json", b"{}")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


@pytest.mark.parametrize("name,compress", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_gives_html_responses_only(tmp_path, settings, name, compress):
    _warc(tmp_path / name, compress)
    (doc,) = read([tmp_path / name], settings)
    assert doc.format == "warc" and doc.url == "https://example.org/p1"
    assert "Militia fighters attacked" in doc.raw_text


def test_stdin_is_read_when_the_input_is_a_dash(settings):
    (doc,) = read(["-"], settings, stdin=io.StringIO("Clashes in Kidal\n\n" + ARTICLE))
    assert doc.source == "<stdin>" and doc.raw_text.startswith("Clashes in Kidal")


def test_jsonl_on_stdin_is_sniffed(settings):
    items = read(["-"], settings, stdin=io.StringIO(json.dumps({"id": "s1", "text": ARTICLE}) + "\n"))
    assert [d.id for d in items] == ["s1"]


def test_directories_are_walked_recursively_and_globs_expanded(tmp_path, settings):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(ARTICLE)
    (tmp_path / "a" / "b" / "two.txt").write_text(ARTICLE + " More.")
    (tmp_path / "a" / "b" / "notes.docx").write_bytes(b"PK\x03\x04 not read")
    (tmp_path / "a" / ".hidden.txt").write_text(ARTICLE)
    assert [d.source.rsplit("/", 1)[-1] for d in read([tmp_path / "a"], settings)] == ["one.txt", "two.txt"]
    assert len(read([f"{tmp_path}/a/**/*.txt"], settings)) == 2


def test_gzip_that_is_not_warc_is_rejected(tmp_path, settings):
    (tmp_path / "x.gz").write_bytes(gzip.compress(b"hello"))
    (item,) = read([tmp_path / "x.gz"], settings)
    assert isinstance(item, Rejection) and item.code == "E002"
