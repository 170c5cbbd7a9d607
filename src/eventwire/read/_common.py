"""Shared helpers of the readers: rejections, document ids, dates, byte sniffing.

Document ids (the rule, documented once):

* a JSONL record's ``id`` is its ``document_id``, as given (numbers become strings);
* otherwise the id is ``<slug>-<hash>`` where ``slug`` is a short readable name
  (file stem or last URL path segment) and ``hash`` the first 12 hex digits of
  sha1 over ``<source key> NUL <content hash of the raw text>``. The source key
  is the file's *base name* (not its absolute path, so the same corpus gets the
  same ids on every machine), or the URL, with ``#<locator>`` appended for one
  record inside a container (JSONL line, feed entry, WARC record).

So the same text from the same place always gets the same id; changed text or
another place gives another id (and the content hash still catches duplicates).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from eventwire.errors import CATALOGUE, InputError
from eventwire.records import Rejection, content_hash

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"), (b"\x89PNG", "image"), (b"\xff\xd8\xff", "image"), (b"GIF8", "image"),
    (b"II*\x00", "image"), (b"MM\x00*", "image"), (b"BM", "image"), (b"\x1f\x8b", "gzip"),
    (b"WARC/", "warc"), (b"PK\x03\x04", "binary"), (b"\x7fELF", "binary"),
)
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))
_CONTROL_CHARS = frozenset(map(chr, _CONTROL))
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_CREDENTIALS = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^/\s?#@]*(?:@[^/\s?#@]*)*@")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SLUG = re.compile(r"[^A-Za-z0-9]+")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where one input came from: ``source`` for messages, ``key`` for ids, ``url`` if any."""

    source: str
    key: str
    url: str | None = None

    def at(self, locator: str | int) -> Origin:
        return Origin(self.source, f"{self.key}#{locator}", self.url)


def rejection(code: str, source: str, detail: str = "", *, line: int | None = None) -> Rejection:
    """A stored/printed rejection: ``what[: detail] (what to do)``, on one line."""
    what, hint = CATALOGUE.get(code, ("input could not be read", ""))
    reason = f"{what}: {one_line(detail)}" if detail else what
    return Rejection(source=source, code=code, reason=f"{reason} ({hint})" if hint else reason, line=line)


def from_error(err: InputError) -> Rejection:
    return Rejection(source=err.source, code=err.code, reason=one_line(f"{err.message} ({err.hint})"), line=err.line)


@contextmanager
def quiet_logger(name: str) -> Iterator[None]:
    """Keep a library's warnings about the input it reads out of the output while the reader runs.

    The reader reports bad input itself, as a coded rejection; the library's own
    warning (trafilatura's "discarding data: None", warcio's notes on damaged
    headers) would be stray output. Only a logger left at its default level is
    quietened, and only until the block ends.
    """
    logger = logging.getLogger(name)
    if logger.level != logging.NOTSET:
        yield
        return
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(logging.NOTSET)


def one_line(text: str) -> str:
    """``text`` with line breaks (from third-party error messages) folded into spaces."""
    return " ".join(text.split()) if "\n" in text or "\r" in text else text


def document_id(origin: Origin, raw_text: str) -> str:
    """Stable id of a document without a given id (see the module docstring)."""
    digest = hashlib.sha1(f"{origin.key}\0{content_hash(raw_text)}".encode()).hexdigest()[:12]
    name = origin.key.split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    slug = _SLUG.sub("-", name).strip("-").lower()[:40]
    return f"{slug}-{digest}" if slug else f"doc-{digest}"


def sniff_bytes(head: bytes, *, lines: bool = False) -> str | None:
    """``pdf``/``image``/``gzip``/``warc``/``binary`` from magic bytes, or None for text.

    Text with a UTF-16/UTF-32 byte-order mark is text (its NUL bytes are no sign
    of binary); ``decode`` then checks that it really decodes. With ``lines``
    (JSONL, judged line by line) only magic bytes count.
    """
    if bom_encoding(head) is not None:
        return None
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if lines:
        return None
    sample = head[:8192]
    if b"\x00" in sample:
        return "binary"
    if sample and sum(sample.count(c) for c in _CONTROL) / len(sample) > 0.05:
        return "binary"
    return None


def bom_encoding(head: bytes) -> str | None:
    """``utf-32``/``utf-16`` when ``head`` starts with their byte-order mark (UTF-32 first: it extends UTF-16's)."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def decode(data: bytes, fallbacks: tuple[str, ...], *, lines: bool = False) -> tuple[str, str] | None:
    """``(text, encoding)``: UTF-32/UTF-16 by their BOM, else UTF-8 (BOM allowed), else the fallbacks.

    None when nothing decodes, or when text behind a UTF-16/32 BOM is mostly
    control characters (binary data that happens to start like a BOM). With
    ``lines`` (JSONL, which is UTF-8) bytes that are not UTF-8 become lone
    surrogates (``surrogateescape``), so that only their lines are rejected.
    """
    bom = bom_encoding(data[:4])
    if lines and not bom:
        return data.decode("utf-8-sig", "surrogateescape"), "utf-8"
    candidates = (bom,) if bom else ("utf-8-sig", *fallbacks)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if bom and _mostly_control(text[:8192]):
            return None
        return text, encoding
    return None


def _mostly_control(sample: str) -> bool:
    return bool(sample) and sum(1 for c in sample if c in _CONTROL_CHARS) / len(sample) > 0.05


def strip_credentials(text: str) -> str:
    """``text`` with the ``user:password@`` part of every URL in it removed (for storing and messages)."""
    return _CREDENTIALS.sub(r"\1", text) if "@" in text else text


def lone_surrogate(text: str) -> str | None:
    """The first lone UTF-16 surrogate in ``text`` (not valid Unicode, cannot be stored), or None."""
    if text.isascii():
        return None
    match = _SURROGATE.search(text)
    return match.group(0) if match else None


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from an ISO-like string, a date or a ``time.struct_time``; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    if hasattr(value, "tm_year"):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    match = _ISO_DATE.search(str(value))
    if match and _valid(*map(int, match.groups())):
        return match.group(0)
    return _parse_loose(str(value))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _parse_loose(text: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(text[:100], languages=["en"], settings={"STRICT_PARSING": True})
    return parsed.strftime("%Y-%m-%d") if parsed else None


def date_in_name(name: str) -> str | None:
    """A ``YYYY-MM-DD`` date written in a file name (``palmyra_2016-03-27.txt``), if valid."""
    match = _ISO_DATE.search(name.rsplit("/", 1)[-1])
    return match.group(0) if match and _valid(*map(int, match.groups())) else None
