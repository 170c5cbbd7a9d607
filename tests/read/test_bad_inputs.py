"""Every bad input from issue 2 gives one clear rejection naming the input (and line); the rest goes on."""

from __future__ import annotations

import os
import time

import pytest

from eventwire.config import defaults
from eventwire.errors import UsageError
from eventwire.read import iter_documents
from eventwire.records import Document, Rejection

GOOD = "Troops clashed with rebels near the border on Friday, officials said. Five fighters were killed."


@pytest.fixture(scope="module")
def settings():
    return defaults()


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text(GOOD)
    return path


def only_rejection(path, settings, good):
    """Read the bad input between two good ones: exactly one rejection, and both good documents."""
    items = list(iter_documents([str(good), str(path), str(good)], settings))
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert len([i for i in items if isinstance(i, Document)]) == 2
    assert len(rejections) == 1 and rejections[0].source == str(path)
    message = rejections[0].message()
    assert message.startswith(f"{path}") and "(" in message and "\n" not in message
    return rejections[0]


def test_empty_file(tmp_path, settings, good):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert only_rejection(path, settings, good).code == "E001"


def test_whitespace_only_file(tmp_path, settings, good):
    path = tmp_path / "blank.txt"
    path.write_text("  \n\n \t\n")
    assert only_rejection(path, settings, good).code == "E001"


def test_binary_junk(tmp_path, settings, good):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert only_rejection(path, settings, good).code == "E002"


def test_pdf_given_as_text(tmp_path, settings, good):
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    assert only_rejection(path, settings, good).code == "E003"


def test_png_given_as_text(tmp_path, settings, good):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(100))
    assert only_rejection(path, settings, good).code == "E004"


def test_invalid_utf8_falls_back_to_cp1252(tmp_path, settings):
    path = tmp_path / "legacy.txt"
    path.write_bytes("Shelling hit the caf\u00e9 \u2014 \u201cfive dead\u201d, officials said.".encode("cp1252"))
    (doc,) = iter_documents([str(path)], settings)
    assert doc.raw_text == "Shelling hit the caf\u00e9 \u2014 \u201cfive dead\u201d, officials said."
    assert doc.meta["encoding"] == "cp1252"


def test_latin1_page_is_decoded(tmp_path, settings):
    path = tmp_path / "latin.html"
    body = "<p>" + "Des combats ont \u00e9clat\u00e9 pr\u00e8s de la fronti\u00e8re. " * 10 + "</p>"
    path.write_bytes(f"<html><head><meta charset='iso-8859-1'></head><body><article>{body}</article></body></html>"
                     .encode("latin-1"))
    (doc,) = iter_documents([str(path)], settings)
    assert "\u00e9clat\u00e9 pr\u00e8s de la fronti\u00e8re" in doc.raw_text


def test_undecodable_text_without_fallbacks(tmp_path, settings, good):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"caf\xe9 and more text here " * 5)
    strict = settings.replace("read", fallback_encodings=[])
    items = list(iter_documents([str(path), str(good)], strict))
    assert items[0].code == "E011" and isinstance(items[1], Document)


def test_malformed_html_is_read_or_rejected_cleanly(tmp_path, settings, good):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><p>" + GOOD * 4 + "<p><b>unclosed <i>tags</div></span></table>")
    items = list(iter_documents([str(path)], settings))
    assert len(items) == 1 and "Troops clashed" in items[0].raw_text
    path.write_text("<html><body><div></div></body")
    assert only_rejection(path, settings, good).code == "E010"


def test_jsonl_bad_lines_name_their_line_numbers(tmp_path, settings):
    path = tmp_path / "dump.jsonl"
    path.write_text('{"id": "a", "text": "Rebels shelled the town."}\n'
                    '{"id": "b", "text": \n'
                    '\n'
                    '{"id": "c", "title": "no text"}\n'
                    '["not", "an", "object"]\n'
                    '{"id": "d", "text": "Police fired tear gas at protesters."}\n')
    items = list(iter_documents([str(path)], settings))
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "d"]
    rejected = [(r.code, r.line) for r in items if isinstance(r, Rejection)]
    assert rejected == [("E006", 2), ("E007", 4), ("E007", 5)]
    assert items[1].message().startswith(f"{path}:2: E006 line is not valid JSON")


def test_a_50_mb_file_is_rejected_by_size_before_reading(tmp_path, settings, good):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as out:
        out.truncate(50 * 1024 * 1024)  # sparse: instant to create
    started = time.perf_counter()
    assert only_rejection(path, settings, good).code == "E005"
    assert time.perf_counter() - started < 1.0


def test_oversized_stdin(settings):
    import io

    small = settings.replace("read", max_bytes=50)
    (item,) = iter_documents(["-"], small, stdin=io.StringIO(GOOD * 3))
    assert item.code == "E005" and item.source == "<stdin>"


def test_missing_path(tmp_path, settings, good):
    assert only_rejection(tmp_path / "nope.txt", settings, good).code == "E008"


def test_path_below_a_file_cannot_be_read(tmp_path, settings, good):
    assert only_rejection(good / "child.txt", settings, good).code == "E008"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path, settings, good):
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    path.chmod(0)
    assert only_rejection(path, settings, good).code == "E008"


def test_fifo_is_not_read(tmp_path, settings, good):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert only_rejection(path, settings, good).code == "E008"


def test_glob_matching_nothing_and_empty_directory(tmp_path, settings):
    (tmp_path / "empty").mkdir()
    items = list(iter_documents([f"{tmp_path}/*.nothing", str(tmp_path / "empty")], settings))
    assert [i.code for i in items] == ["E015", "E015"]


def test_damaged_warc_keeps_what_was_read(tmp_path, settings):
    path = tmp_path / "cut.warc"
    path.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort")
    items = list(iter_documents([str(path)], settings))
    assert [i.code for i in items] == ["E013"]


def test_a_bad_published_option_is_a_usage_error(settings, good):
    with pytest.raises(UsageError):
        list(iter_documents([str(good)], settings, published="someday"))


def test_directory_with_10000_small_files_is_read_quickly(tmp_path, settings):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(10_000):
        (folder / f"{n:05d}.txt").write_text(f"Report {n}: {GOOD}")
    started = time.perf_counter()
    count = sum(isinstance(i, Document) for i in iter_documents([str(folder)], settings))
    assert count == 10_000 and time.perf_counter() - started < 30
