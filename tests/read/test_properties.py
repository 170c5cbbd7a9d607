"""Property tests (hypothesis): whatever goes in, each reader gives Documents and Rejections, never a traceback.

Kept fast: modest example counts, no example database (nothing is written to
the repository), and a deadline per example that only a hang would exceed.
"""

from __future__ import annotations

import gzip
import io
import ipaddress
import json
import re
import socket
import zlib

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from eventwire.config import defaults
from eventwire.errors import CATALOGUE, InputError
from eventwire.read import iter_documents
from eventwire.read._common import lone_surrogate, sniff_bytes, strip_credentials
from eventwire.read._guard import literal_address
from eventwire.read._html import flatten
from eventwire.read._inflate import Inflater, Limits
from eventwire.read._json import too_deep
from eventwire.records import Document, Rejection

READERS = settings(max_examples=30, deadline=2000, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PURE = settings(max_examples=60, deadline=1000, database=None)

TEXT = "Gunmen ambushed a supply convoy near Gao on Tuesday, killing four drivers, officials said. "
PAGE = f"<html><head><title>Ambush</title></head><body><article><p>{TEXT * 3}</p></article></body></html>"
RSS = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>"
       + "".join(f"<item><title>Story {n}</title><link>https://example.org/{n}</link>"
                 f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>{TEXT}</description></item>"
                 for n in range(3)) + "</channel></rss>")
EXTENSIONS = ["", ".txt", ".html", ".jsonl", ".xml", ".warc", ".warc.gz", ".gz"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def config():
    return defaults()


@pytest.fixture(scope="module", autouse=True)
def warm_up(folder, config):
    """Import the readers' lazy dependencies once, so no example pays for it."""
    path = folder / "warm.html"
    path.write_text(PAGE)
    list(iter_documents([str(path)], config))


def _well_formed(items: list) -> None:
    for item in items:
        assert isinstance(item, (Document, Rejection)), item
        if isinstance(item, Rejection):
            assert item.code in CATALOGUE
            message = item.message()
            assert "\n" not in message and lone_surrogate(message) is None
        else:
            assert isinstance(item.raw_text, str) and item.raw_text.strip() and item.id
            assert lone_surrogate(item.raw_text) is None and lone_surrogate(item.id) is None


def _read_file(folder, name: str, data: bytes, config) -> list:
    path = folder / name
    path.write_bytes(data)
    items = list(iter_documents([str(path)], config))
    _well_formed(items)
    return items


# -- every reader, arbitrary input ----------------------------------------------------
@READERS
@given(data=st.binary(max_size=4000), ext=st.sampled_from(EXTENSIONS))
def test_arbitrary_bytes_in_any_file(folder, config, data, ext):
    _read_file(folder, "input" + ext, data, config)


PREFIXES = ["", "<html><body><p>", "<rss version='2.0'><channel><item><description>", "{\"id\": ", "{\"text\": \"",
            "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\n", "<feed xmlns='http://www.w3.org/2005/Atom'>",
            "\ufeff", "[[[[", "<div>" * 300]
ANY_TEXT = st.text(alphabet=st.characters(blacklist_categories=()), max_size=1500)  # surrogates included


@READERS
@given(prefix=st.sampled_from(PREFIXES), text=ANY_TEXT, ext=st.sampled_from(EXTENSIONS),
       encoding=st.sampled_from(["utf-8", "utf-16", "utf-32", "cp1252"]))
def test_arbitrary_text_behind_each_format_start(folder, config, prefix, text, ext, encoding):
    data = (prefix + text).encode(encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace")
    _read_file(folder, "input" + ext, data, config)


@READERS
@given(text=ANY_TEXT)
def test_arbitrary_text_on_stdin(config, text):
    _well_formed(list(iter_documents(["-"], config, stdin=io.StringIO(text))))


# -- JSONL: good lines survive whatever is around them -----------------------------------
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=20)
JUNK_LINES = st.one_of(
    st.text(alphabet=st.characters(blacklist_characters="\n", blacklist_categories=()), max_size=200),
    JSON_VALUES.map(json.dumps),
    st.fixed_dictionaries({"id": JSON_VALUES, "text": st.text(max_size=50)}).map(json.dumps),
    st.integers(1, 3000).map(lambda n: "[" * n + "]" * n),
    st.integers(4400, 6000).map(lambda n: '{"id": ' + "9" * n + ', "text": "x"}'),
    st.sampled_from(['{"text": "\\ud800"}', '{"id": "a", "html": "\\udfff"}', '{"id": "x", "text": ']),
)


@READERS
@given(lines=st.lists(st.one_of(st.tuples(st.just("good"), st.integers(0, 10**6)),
                                st.tuples(st.just("junk"), JUNK_LINES)), min_size=1, max_size=12),
       newline=st.sampled_from(["\n", "\r\n"]))
def test_jsonl_keeps_every_good_line_whatever_the_others_hold(folder, config, lines, newline):
    rendered = [json.dumps({"id": f"good-{value}", "text": f"{value}: {TEXT}"}) if kind == "good" else value
                for kind, value in lines]
    data = newline.join(rendered).encode("utf-8", "surrogatepass")
    assume(sniff_bytes(data[:8192], lines=True) is None)  # a file starting like a PDF or gzip is one
    items = _read_file(folder, "dump.jsonl", data, config)
    kept = [(kind, value) for (kind, value), text in zip(lines, rendered) if text.removesuffix("\r").strip()]
    if not kept:
        assert [i.code for i in items] == ["E001"]
    assert len(items) == max(len(kept), 1)  # one item per non-blank line
    for (kind, value), item in zip(kept, items):
        if kind == "good":
            assert isinstance(item, Document) and item.id == f"good-{value}" and item.raw_text == f"{value}: {TEXT}"


# -- containers cut or damaged ----------------------------------------------------------
def _warc_bytes(compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compress)
    for n in range(3):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = PAGE.replace("Ambush", f"Ambush {n}").replace("Gao", f"Gao {n}").encode()
        writer.write_record(writer.create_warc_record(f"https://example.org/{n}", "response",
                                                      payload=io.BytesIO(body), http_headers=headers))
    return out.getvalue()


@pytest.fixture(scope="module")
def warcs(folder, config):
    """Each WARC's bytes and the texts of its documents when whole."""
    found = {}
    for compress in (False, True):
        data = _warc_bytes(compress)
        found[compress] = (data, {d.raw_text for d in _read_file(folder, "whole.warc", data, config)})
    return found


@READERS
@given(compress=st.booleans(), cut=st.floats(0, 1))
def test_a_cut_warc_never_yields_a_shortened_document(folder, config, warcs, compress, cut):
    data, texts = warcs[compress]
    items = _read_file(folder, "cut.warc", data[:int(len(data) * cut)], config)
    assert all(doc.raw_text in texts for doc in items if isinstance(doc, Document))


@READERS
@given(compress=st.booleans(), edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=0, max_size=8),
                                                         st.integers(0, 8)), min_size=1, max_size=4))
def test_a_damaged_warc_never_raises(folder, config, warcs, compress, edits):
    data = bytearray(warcs[compress][0])
    for where, insert, delete in edits:
        at = int(len(data) * where)
        data[at:at + delete] = insert
    _read_file(folder, "damaged.warc", bytes(data), config)


@READERS
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.text(max_size=12), st.integers(0, 12)), min_size=1, max_size=5))
def test_a_damaged_feed_never_raises(folder, config, edits):
    text = RSS
    for where, insert, delete in edits:
        at = int(len(text) * where)
        text = text[:at] + insert + text[at + delete:]
    _read_file(folder, "feed.xml", text.encode("utf-8", "surrogatepass"), config)


# -- the building blocks ----------------------------------------------------------------
def _depth(value) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


@PURE
@given(value=JSON_VALUES, limit=st.integers(0, 5), brackets=st.text(alphabet='[]{}"\\', max_size=10))
def test_the_depth_scan_agrees_with_the_parsed_value(value, limit, brackets):
    value = [value, brackets] if brackets else value  # brackets and escapes inside strings do not count
    assert too_deep(json.dumps(value), limit) == (_depth(value) > limit)


@PURE
@given(data=st.binary(max_size=5000), members=st.integers(1, 3), cuts=st.lists(st.integers(1, 300), max_size=6))
def test_the_inflater_restores_gzip_in_any_chunking(data, members, cuts):
    packed = b"".join(gzip.compress(data) for _ in range(members))
    inflater, out, start = Inflater(Limits(10**9, 0), "x"), [], 0
    for size in [*cuts, len(packed)]:
        out.extend(inflater.feed(packed[start:start + size]))
        start += size
    inflater.finish()
    assert b"".join(out) == data * members


@settings(PURE, max_examples=8)
@given(size=st.integers(2, 16))
def test_the_inflater_stops_at_the_ratio_limit(size):
    packed = zlib.compress(bytes(size << 20), 9, wbits=31)
    inflater = Inflater(Limits(10**10, 100), "bomb")
    with pytest.raises(InputError) as info:
        for _ in inflater.feed(packed):
            pass
    assert info.value.code == "E026" and inflater.produced < 2 << 20


@PURE
@given(number=st.integers(0, 2**32 - 1), form=st.sampled_from(["int", "hex", "dotted", "two", "three"]))
def test_numeric_hosts_are_read_as_the_system_reads_them(number, form):
    a, b, c, d = ipaddress.IPv4Address(number).packed
    host = {"int": str(number), "hex": hex(number), "dotted": f"{a}.{b}.{c}.{d}",
            "two": f"{a}.{number & 0xFFFFFF}", "three": f"{a}.{b}.{number & 0xFFFF}"}[form]
    system = socket.getaddrinfo(host, 80, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)[0][4][0]
    assert str(literal_address(host)) == system == str(ipaddress.IPv4Address(number))


@PURE
@given(user=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._~-%!$&'()*+,;=", min_size=1, max_size=12),
       password=st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._~-%!$&'()*+,;=:@", min_size=6, max_size=16),
       path=st.sampled_from(["", "/", "/a/b?c=d@e#f"]), around=st.sampled_from(["{}", "see {} now", "E009 {}: x"]))
def test_credentials_never_survive_stripping(user, password, path, around):
    url = f"https://{user}:{password}@news.example.org{path}"
    stripped = strip_credentials(around.format(url))
    assert password not in stripped.replace(path, "") and stripped == around.format(f"https://news.example.org{path}")


@PURE
@given(depth=st.integers(0, 3000), words=st.lists(st.text(alphabet="abc xyz", min_size=1, max_size=8), max_size=6),
       tag=st.sampled_from(["div", "span", "section", "b"]))
def test_flattening_keeps_every_word_and_bounds_the_depth(depth, words, tag):
    html = f"<{tag}>" * depth + "".join(f"<p>{w}</p>" for w in words) + f"</{tag}>" * depth
    flat = flatten(html, 200)
    assert flat.count(f"<{tag}>") <= 200
    assert re.sub(r"<[^>]*>", "", flat) == "".join(words)
