"""Hostile input from issue 11: bombs, cut-off records, monster JSON lines, odd encodings, deep HTML.

Each bad input gives clear rejections (code, source, line) and costs neither the
rest of its file nor much time or memory.
"""

from __future__ import annotations

import io
import json
import logging
import os
import random
import time
import tracemalloc
import zlib

import pytest

from eventwire.config import defaults
from eventwire.errors import ConfigError
from eventwire.read import iter_documents
from eventwire.read._common import lone_surrogate
from eventwire.records import Document, Rejection

TEXT = "Troops clashed with rebels near the border on Friday, officials said. Five fighters were killed. "
PAGE = f"<html><body><article><p>{TEXT * 4}</p></article></body></html>".encode()
MB = 1 << 20


@pytest.fixture(scope="module")
def settings():
    return defaults()


def read(paths, settings):
    return list(iter_documents([str(p) for p in paths], settings))


def kinds(items):
    return [i.code if isinstance(i, Rejection) else "doc" for i in items]


# -- WARC -----------------------------------------------------------------------------
HTTP_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"


def _head(uri: str, length: int) -> bytes:
    return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n").encode()


def _record(uri: str, body: bytes) -> bytes:
    return _head(uri, len(HTTP_HEAD) + len(body)) + HTTP_HEAD + body + b"\r\n\r\n"


def _gzip_member(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


@pytest.fixture(scope="module")
def bomb(tmp_path_factory):
    """A .warc.gz: one good record, then a record of 200 MB of zeros (~200 KB compressed), written streaming."""
    path = tmp_path_factory.mktemp("bomb") / "crawl.warc.gz"
    size = 200 * MB
    with open(path, "wb") as out:
        out.write(_gzip_member(_record("https://example.org/good", PAGE)))
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        out.write(packer.compress(_head("https://example.org/bomb", len(HTTP_HEAD) + size) + HTTP_HEAD))
        zeros = bytes(MB)
        for _ in range(size // MB):
            out.write(packer.compress(zeros))
        out.write(packer.compress(b"\r\n\r\n") + packer.flush())
    return path


def _measured(paths, settings):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        items = read(paths, settings)
        return items, time.perf_counter() - started, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_gzip_bomb_is_refused_by_its_ratio_quickly_and_with_little_memory(bomb, settings):
    assert bomb.stat().st_size < 1 * MB
    items, seconds, peak = _measured([bomb], settings)
    assert kinds(items) == ["doc", "E026"]
    assert items[0].url == "https://example.org/good"
    assert "max_compression_ratio" in items[1].reason and items[1].source == str(bomb)
    assert seconds < 2 and peak < 16 * MB


def test_a_gzip_bomb_is_refused_by_its_decompressed_size(bomb, settings):
    capped = settings.replace("read", max_compression_ratio=0, max_decompressed_bytes=30 * MB)
    items, seconds, peak = _measured([bomb], capped)
    assert kinds(items) == ["doc", "E005", "E026"]  # the record is over max_bytes; the file over 30 MB
    assert "max_decompressed_bytes" in items[2].reason
    assert seconds < 5 and peak < 48 * MB


def test_a_plain_gzip_of_zeros_is_refused_without_inflating_it(tmp_path, settings):
    path = tmp_path / "zeros.gz"
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    path.write_bytes(b"".join(packer.compress(bytes(MB)) for _ in range(200)) + packer.flush())
    items, seconds, peak = _measured([path], settings)
    assert kinds(items) == ["E002"] and seconds < 1 and peak < 4 * MB


@pytest.mark.parametrize("compress", [False, True])
def test_a_truncated_warc_record_is_rejected_not_stored_short(tmp_path, settings, compress):
    records = [_record(f"https://example.org/{n}", PAGE) for n in range(3)]
    if compress:
        members = [_gzip_member(r) for r in records]
        data = b"".join(members)[:-len(members[-1]) // 2]
    else:
        data = b"".join(records)[:-len(PAGE) // 2]
    path = tmp_path / ("cut.warc.gz" if compress else "cut.warc")
    path.write_bytes(data)
    items = read([path], settings)
    assert kinds(items) == ["doc", "doc", "E013"]
    assert "truncated" in items[2].reason
    assert all(TEXT.strip() in d.raw_text for d in items[:2])


def test_a_warc_record_with_a_wrong_length_is_rejected_without_stray_output(tmp_path, settings, capfd):
    good, bad = _record("https://example.org/1", PAGE), _record("https://example.org/2", PAGE)
    size = bad.index(b"\r\n\r\nHTTP/")
    declared = int(bad[bad.index(b"Content-Length: ") + 16:size])
    bad = bad.replace(f"Content-Length: {declared}".encode(), f"Content-Length: {declared - 40}".encode())
    path = tmp_path / "misframed.warc"
    path.write_bytes(good + bad + _record("https://example.org/3", PAGE))
    items = read([path], settings)
    assert kinds(items) == ["doc", "E013"] and "Content-Length" in items[1].reason
    assert capfd.readouterr() == ("", "")


def test_a_warc_payload_over_max_bytes_rejects_that_record_only(tmp_path, settings):
    path = tmp_path / "big.warc"
    big = b"<html><body><p>" + b"x " * 600 + b"</p></body></html>"
    path.write_bytes(_record("https://example.org/big", big) + _record("https://example.org/ok", PAGE))
    items = read([path], settings.replace("read", max_bytes=1000))
    assert kinds(items) == ["E005"]  # the file itself is over 1000 bytes
    items = read([path], settings.replace("read", max_bytes=len(path.read_bytes())))
    assert kinds(items) == ["doc", "doc"]


# -- JSONL ----------------------------------------------------------------------------
def _good(n: int) -> str:
    return json.dumps({"id": f"good-{n}", "text": f"Report {n}: {TEXT}"})


BAD_LINES = {
    "five-thousand-digit id": ('{"id": ' + "9" * 5000 + ', "text": "x"}', "E029"),
    "100k nested brackets": ("[" * 100_000 + "]" * 100_000, "E028"),
    "nested object": ('{"id": "n", "text": "x", "meta": ' + '{"a": ' * 200 + "1" + "}" * 200 + "}", "E028"),
    "lone surrogate, no id": ('{"text": "Shelling \\ud800 hit the town."}', "E006"),
    "lone surrogate with id": ('{"id": "s", "text": "Shelling \\udfff hit the town."}', "E006"),
    "float id": ('{"id": 1.5, "text": "x"}', "E029"),
    "boolean id": ('{"id": true, "text": "x"}', "E029"),
    "array id": ('{"id": ["a"], "text": "x"}', "E029"),
    "object id": ('{"id": {"a": 1}, "text": "x"}', "E029"),
    "5 MB id": ('{"id": "' + "x" * 5_000_000 + '", "text": "x"}', "E027"),
    "300-character id": ('{"id": "' + "x" * 300 + '", "text": "x"}', "E029"),
    "id with a line break": ('{"id": "a\\nb", "text": "x"}', "E029"),
    "broken JSON": ('{"id": "b", "text": ', "E006"),
}


@pytest.mark.parametrize("name", list(BAD_LINES))
def test_one_bad_jsonl_line_costs_only_that_line(tmp_path, settings, name):
    line, code = BAD_LINES[name]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([_good(1), line, _good(2), "", _good(3)]) + "\n")
    started = time.perf_counter()
    items = read([path], settings)
    assert time.perf_counter() - started < 3
    assert [i.id for i in items if isinstance(i, Document)] == ["good-1", "good-2", "good-3"]
    (bad,) = [i for i in items if isinstance(i, Rejection)]
    assert (bad.code, bad.line, bad.source) == (code, 2, str(path))
    message = bad.message()
    assert message.startswith(f"{path}:2: {code} ") and "\n" not in message and len(message) < 400


def test_a_huge_number_outside_the_id_does_not_cost_the_line(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"id": "a", "text": TEXT})[:-1] + ', "views": ' + "7" * 5000 + "}\n")
    (doc,) = read([path], settings)
    assert doc.id == "a"


def test_integer_ids_and_paired_surrogates_are_fine(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": 42, "text": "Smoke \\ud83d\\udd25 rose over the port."}\n{"id": -7, "text": "ok"}\n')
    first, second = read([path], settings)
    assert (first.id, second.id) == ("42", "-7") and "\U0001f525" in first.raw_text


def test_jsonl_lines_are_split_at_newlines_only(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"id": "u", "text": "one\u2028two\x85three"}, ensure_ascii=False) + "\r\n")
    (doc,) = read([path], settings)
    assert doc.raw_text == "one\u2028two\x85three"


def test_a_line_over_max_line_chars_is_rejected_with_its_number(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([_good(1), json.dumps({"id": "long", "text": "y" * 500}), _good(2)]))
    items = read([path], settings.replace("read", max_line_chars=200))
    assert kinds(items) == ["doc", "E027", "doc"] and items[1].line == 2


def test_a_deeply_nested_first_line_still_reads_the_file_as_jsonl(tmp_path, settings):
    path = tmp_path / "dump.txt"
    path.write_text('{"x": ' + "[" * 100_000 + "]" * 100_000 + "}\n" + _good(2) + "\n")
    items = read([path], settings)
    assert kinds(items) == ["E028", "doc"] and items[0].line == 1


def test_long_document_text_is_not_rejected(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"id": "long", "text": TEXT * 20_000}) + "\n")  # ~2 million characters
    (doc,) = read([path], settings)
    assert len(doc.raw_text) > 1_000_000


# -- encodings and HTML ---------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path, settings, encoding):
    path = tmp_path / "report.txt"
    path.write_bytes(("\ufeff" + TEXT + "Caf\u00e9 \u2014 \u0642\u062a\u0644\u0649").encode(encoding))
    (doc,) = read([path], settings)
    assert doc.raw_text == TEXT + "Caf\u00e9 \u2014 \u0642\u062a\u0644\u0649"
    assert doc.meta["encoding"] == encoding[:6]


def test_utf16_html_with_a_bom_is_read_as_html(tmp_path, settings):
    path = tmp_path / "page.html"
    path.write_bytes(PAGE.decode().encode("utf-16"))
    (doc,) = read([path], settings)
    assert doc.format == "html" and TEXT.strip() in doc.raw_text


@pytest.mark.parametrize("junk", [b"\x01\x00\x02\x00" * 500, random.Random(1).randbytes(4000)])
def test_binary_behind_a_bom_is_still_rejected(tmp_path, settings, junk):
    path = tmp_path / "junk.txt"
    path.write_bytes(b"\xff\xfe" + junk)
    assert kinds(read([path], settings)) == ["E011"]


def test_html_nested_100k_deep_yields_its_text_without_stray_output(tmp_path, settings, capfd, caplog):
    path = tmp_path / "deep.html"
    path.write_text("<html><body><p>Lede: " + TEXT + "</p>" + "<div>" * 100_000 + "<p>Deep: " + TEXT + "</p>"
                    + "</div>" * 100_000 + "<p>Tail: " + TEXT + "</p></body></html>")
    with caplog.at_level(logging.WARNING):
        started = time.perf_counter()
        (doc,) = read([path], settings)
        assert time.perf_counter() - started < 5
    assert all(f"{part}: Troops clashed" in doc.raw_text for part in ("Lede", "Deep", "Tail"))
    assert capfd.readouterr() == ("", "") and not caplog.records


def test_an_empty_deep_page_is_one_clean_rejection(tmp_path, settings, capfd, caplog):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "</div>" * 100_000 + "</body></html>")
    with caplog.at_level(logging.WARNING):
        assert kinds(read([path], settings)) == ["E010"]
    assert capfd.readouterr() == ("", "") and not caplog.records


def test_a_lone_surrogate_on_stdin_is_rejected_not_stored(settings):
    items = list(iter_documents(["-"], settings, stdin=io.StringIO("Shelling hit \udcff the town, officials said.")))
    assert kinds(items) == ["E011"] and "surrogate" in items[0].reason


# -- settings -------------------------------------------------------------------------
@pytest.mark.parametrize("section, values", [
    ("read", {"max_json_depth": 0}), ("read", {"max_compression_ratio": -1}), ("read", {"max_id_chars": 0}),
    ("fetch", {"max_redirects": -1}), ("fetch", {"deadline": 0}), ("fetch", {"allow_networks": ["10.0.0.0/33"]}),
    ("fetch", {"allow_networks": ["intranet"]}),
])
def test_limits_out_of_range_are_config_errors(section, values):
    with pytest.raises(ConfigError) as info:
        defaults().replace(section, **values)
    assert info.value.code == "E022" and "\n" not in str(info.value)


def test_the_shipped_limits():
    read_, fetch = defaults().read, defaults().fetch
    assert (read_.max_decompressed_bytes, read_.max_compression_ratio) == (200_000_000, 100.0)
    assert (read_.max_line_chars, read_.max_json_depth, read_.max_id_chars) == (5_000_000, 100, 256)
    assert (fetch.deadline, fetch.max_redirects, fetch.allow_networks) == (30.0, 5, ())


# -- found by fuzzing -----------------------------------------------------------------
def test_a_nul_or_invalid_utf8_in_one_jsonl_line_costs_only_that_line(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\n".join([_good(1).encode(), b'{"id": "n", "text": "a\x00b"}', _good(2).encode(),
                                 b'{"id": "u", "text": "caf\xe9"}', _good(3).encode()]))
    items = read([path], settings)
    assert kinds(items) == ["doc", "E006", "doc", "E006", "doc"] and [i.line for i in items[1::2]] == [2, 4]
    assert items[2].raw_text == f"Report 2: {TEXT}"


def test_a_jsonl_file_mentioning_a_feed_is_still_jsonl(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text(json.dumps({"id": "r", "html": "<rss version='2.0'><channel></channel></rss>"}) + "\n" + _good(2))
    assert kinds(read([path], settings)) == ["E010", "doc"]


def test_a_feed_with_character_references_to_no_character_keeps_its_entries(tmp_path, settings):
    path = tmp_path / "feed.xml"
    path.write_text("<?xml version='1.0'?><rss version='2.0'><channel><title>Desk</title>"
                    "<item><title>Bad &#xd800; title</title><link>https://example.org/1</link>"
                    "<description>One &#99999999999999999999999999; here.</description></item>"
                    "<item><title>Good</title><link>https://example.org/2</link><description>Two.</description>"
                    "</item></channel></rss>")
    first, second = read([path], settings)
    assert first.title == "Bad \ufffd title" and first.raw_text == "One \ufffd here." and second.raw_text == "Two."


def test_a_file_named_warc_that_is_not_one_is_rejected(tmp_path, settings):
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"W")
    assert kinds(read([path], settings)) == ["E013"]


def test_warcio_notes_on_damaged_headers_are_not_printed(tmp_path, settings, capfd, caplog):
    path = tmp_path / "odd.warc"
    path.write_bytes(_record("https://example.org/a b", PAGE))
    with caplog.at_level(logging.WARNING):
        assert kinds(read([path], settings)) == ["doc"]
    assert capfd.readouterr() == ("", "") and not caplog.records


def test_rejection_reasons_stay_on_one_line():
    from eventwire.read._common import rejection

    item = rejection("E013", "crawl.warc", "after record 2: ArchiveLoadFailed:\n  Unknown archive format\r\n")
    assert item.message() == ("crawl.warc: E013 WARC file is damaged: after record 2: ArchiveLoadFailed: Unknown "
                              "archive format (re-download or repair the WARC; other records are read)")


def test_a_file_name_that_is_not_utf8_is_read_and_shown_with_escapes(tmp_path, settings):
    path = tmp_path / os.fsdecode(b"caf\xe9_2024-03-05.txt")
    path.write_text(TEXT)
    (doc,) = read([path], settings)
    assert doc.raw_text == TEXT and doc.source.endswith("caf\\udce9_2024-03-05.txt") and doc.published == "2024-03-05"
    assert lone_surrogate(doc.source + doc.id) is None
