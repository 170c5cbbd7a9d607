"""WARC crawls (plain or gzipped): one document per HTML response record.

The file is inflated by ``_inflate`` within the ``[read]`` limits (warcio sees
plain WARC), so a bomb is refused (E026) instead of filling memory. A record is
stored only once it is known to be whole:

* its payload must be as long as its ``Content-Length`` says (a cut-off record
  is rejected, E013, never stored short);
* the next record must start where its ``Content-Length`` says it ends (else
  the length was wrong and the record is rejected; reading stops there, as
  nothing after it can be trusted);
* its payload, after HTTP content decoding, must fit ``[read] max_bytes`` (E005).

Other failures (a damaged header, a broken gzip member) yield E013 naming the
last good record; what was read before is kept.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from eventwire.config import ReadSettings
from eventwire.errors import InputError
from eventwire.read._common import Origin, from_error, quiet_logger, rejection
from eventwire.read._html import read_html
from eventwire.read._inflate import CorruptStream, GzipReader, Limits
from eventwire.records import Document, Rejection

Item = Document | Rejection
_CHUNK = 1 << 16


class _Misframed(Exception):
    """The bytes after a record are not the blank lines that must end it."""


class _CheckedIterator(ArchiveIterator):
    """warcio's iterator, raising ``_Misframed`` where warcio would print a warning to stderr.

    A record must be followed by blank lines; a missing separator right before
    the next ``WARC/`` header is forgiven, anything else means the record's
    ``Content-Length`` was wrong.
    """

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        empty_size = 0
        while True:
            line = self.reader.readline()
            if not line:
                return None, empty_size
            if not line.rstrip():
                empty_size += len(line)
            elif empty_size or line.startswith(b"WARC/"):
                return line, empty_size
            else:
                raise _Misframed


def read_warc(data: bytes, origin: Origin, limits: ReadSettings, *, published: str | None = None) -> Iterator[Item]:
    """Documents of the HTML responses in ``data``; rejections for bad records (see the module docstring)."""
    with quiet_logger("warcio"):
        yield from _read_warc(data, origin, limits, published)


def _read_warc(data: bytes, origin: Origin, limits: ReadSettings, published: str | None) -> Iterator[Item]:
    number, pending, inflated = 0, None, None
    try:
        stream, inflated = _open(data, origin.source, limits)
        for number, record in enumerate(_CheckedIterator(stream), start=1):
            yield from _flush(pending)
            pending = None  # yielded: a failure below must not yield it again
            pending = _warc_record(record, number, origin, limits, published)
        if inflated is not None:
            inflated.finish()
    except _Misframed:
        pending = rejection("E013", origin.source, f"record {number} does not end where its Content-Length says; "
                                                   "it and the rest of the file are not read")
    except InputError as err:
        yield from _flush(pending)
        pending = from_error(err)
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input
        yield from _flush(pending)
        pending = rejection("E013", origin.source, f"{_where(number)}: {_truncation(inflated) or _describe(exc)}")
    yield from _flush(pending)


def _open(data: bytes, source: str, limits: ReadSettings) -> tuple[io.BufferedIOBase, GzipReader | None]:
    """A stream of the plain WARC in ``data`` and, when gzipped, the bounded inflater under it."""
    inflated = GzipReader(data, Limits.of(limits), source) if data[:2] == b"\x1f\x8b" else None
    if inflated is not None:
        stream: io.BufferedIOBase = io.BufferedReader(inflated, _CHUNK)
        head = stream.peek(5)[:5]
    else:
        stream, head = io.BytesIO(data), data[:5]
    if head != b"WARC/":
        raise InputError("E013", source, "it does not start with a WARC record")
    return stream, inflated


def _where(number: int) -> str:
    return f"after record {number}" if number else "in its first record"


def _flush(item: Item | None) -> Iterator[Item]:
    if item is not None:
        yield item


def _truncation(inflated: GzipReader | None) -> str | None:
    """Why a gzipped file failed when the cause is that it was cut off (warcio's own error says less)."""
    return "the compressed stream ends early (the file is truncated)" if inflated and inflated.truncated() else None


def _describe(exc: Exception) -> str:
    if isinstance(exc, CorruptStream):
        return str(exc)
    return f"{exc.__class__.__name__}: {str(exc)[:160]}"


def _warc_record(record: Any, number: int, origin: Origin, limits: ReadSettings, published: str | None) -> Item | None:
    """A Document for a whole HTML 200 response, a Rejection for a bad one, None for other records."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype or record.http_headers.get_statuscode() != "200":
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    where = Origin(f"{origin.source}#{url or number}", url or origin.at(number).key, url)
    try:
        payload = _payload(record, limits.max_bytes, where.source)
        _check_whole(record, number, where.source)
        doc = read_html(payload.decode(_charset(ctype), errors="replace"), where, published=published)
    except InputError as err:
        if err.code == "E026":  # the file's limit, not this record's
            raise
        return from_error(err)
    doc.format = "warc"
    return doc


def _payload(record: Any, cap: int, source: str) -> bytes:
    """The decoded HTTP payload, read in chunks and refused (E005) past ``cap`` bytes."""
    stream, parts, size = record.content_stream(), [], 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size > cap:
            raise InputError("E005", source, f"the record's payload is over {cap} bytes ([read] max_bytes)")
        parts.append(chunk)
    return b"".join(parts)


def _check_whole(record: Any, number: int, source: str) -> None:
    """E013 when the file ended before the record's ``Content-Length`` bytes were read."""
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0 and not record.raw_stream.read(1):
        raise InputError("E013", source, f"record {number} is truncated: {missing} of its "
                                         f"{record.length} bytes are missing; it is not stored")


def _charset(ctype: str) -> str:
    for part in ctype.split(";"):
        key, _, value = part.strip().partition("=")
        if key == "charset" and value:
            try:
                return codecs.lookup(value.strip('"')).name
            except LookupError:
                break
    return "utf-8"
