"""Container formats holding many documents: JSONL dumps, RSS/Atom feeds, WARC crawls.

Each reader yields ``Document`` or ``Rejection`` per record and goes on after a
bad record; a rejection names the source and the 1-based line (JSONL) or the
entry/record number in its reason (feeds, WARC).
"""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from typing import Any

from eventwire.errors import InputError
from eventwire.read._common import Origin, document_id, from_error, normalise_date, rejection
from eventwire.read._html import fragment_text, read_html
from eventwire.records import Document, Rejection

Item = Document | Rejection


# -- JSONL ------------------------------------------------------------------------
def read_jsonl(text: str, origin: Origin, *, published: str | None = None) -> Iterator[Item]:
    """One document per JSON line; ``text`` is kept exactly as given (evidence offsets index it)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield rejection("E006", origin.source, exc.msg, line=number)
            continue
        yield _jsonl_record(record, origin, number, published)


def _jsonl_record(record: Any, origin: Origin, number: int, published: str | None) -> Item:
    if not isinstance(record, dict):
        return rejection("E007", origin.source, "the line is not a JSON object", line=number)
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return rejection("E007", origin.source, line=number)
    where = origin.at(number)
    where = Origin(origin.source, where.key, _str(record.get("url")) or origin.url)
    try:
        doc = _jsonl_document(record, text, html, where, published)
    except InputError as err:
        return rejection(err.code, origin.source, line=number)
    doc.meta["line"] = number
    return doc


def _jsonl_document(record: dict[str, Any], text: str | None, html: str | None, where: Origin,
                    published: str | None) -> Document:
    if isinstance(text, str):
        if not text.strip():
            raise InputError("E001", where.source)
        doc = Document(id="", raw_text=text, source=where.source, format="jsonl", url=where.url)
    else:
        doc = read_html(html or "", where)
    given_id = record.get("id")
    doc.id = str(given_id) if given_id not in (None, "") else document_id(where, doc.raw_text)
    doc.title = _str(record.get("title")) or doc.title
    doc.outlet = _str(record.get("outlet")) or doc.outlet
    doc.published = normalise_date(record.get("published")) or published or doc.published
    return doc


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


# -- RSS / Atom -------------------------------------------------------------------
def looks_like_feed(text: str) -> bool:
    head = text[:2000].lower()
    return "<rss" in head or "<rdf:rdf" in head or ("<feed" in head and "atom" in head)


def read_feed(text: str, origin: Origin, *, published: str | None = None) -> Iterator[Item]:
    """One document per feed entry (its content, else its summary), with link/title/published."""
    import feedparser

    parsed = feedparser.parse(text)
    if not parsed.entries:
        detail = str(parsed.get("bozo_exception", "") or "no entries")[:200]
        yield rejection("E012", origin.source, detail)
        return
    outlet = _str(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        yield _feed_entry(entry, number, origin, outlet, published)


def _feed_entry(entry: Any, number: int, origin: Origin, outlet: str | None, published: str | None) -> Item:
    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = fragment_text(body or "")
    if not text.strip():
        return rejection("E001", origin.source, f"feed entry {number} has no content or summary")
    link = _str(entry.get("link"))
    where = Origin(origin.source, link or origin.at(f"entry-{number}").key, link)
    date = normalise_date(entry.get("published_parsed") or entry.get("updated_parsed"))
    return Document(id=document_id(where, text), raw_text=text, source=origin.source, format="feed",
                    url=link, title=_str(entry.get("title")), author=_str(entry.get("author")),
                    outlet=outlet, published=date or published, meta={"entry": number})


# -- WARC -------------------------------------------------------------------------
def read_warc(data: bytes, origin: Origin, *, published: str | None = None) -> Iterator[Item]:
    """One document per HTML response record; a damaged file yields E013 and keeps what was read."""
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    try:
        for number, record in enumerate(ArchiveIterator(io.BytesIO(data)), start=1):
            item = _warc_record(record, number, origin, published)
            if item is not None:
                yield item
    except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input
        yield rejection("E013", origin.source, f"after record {number}: {str(exc)[:160]}")


def _warc_record(record: Any, number: int, origin: Origin, published: str | None) -> Item | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    if "html" not in ctype or record.http_headers.get_statuscode() != "200":
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read()
    html = payload.decode(_charset(ctype), errors="replace")
    try:
        doc = read_html(html, Origin(f"{origin.source}#{url or number}", url or origin.at(number).key, url),
                        published=published)
    except InputError as err:
        return from_error(err)
    doc.format = "warc"
    return doc


def _charset(ctype: str) -> str:
    for part in ctype.split(";"):
        key, _, value = part.strip().partition("=")
        if key == "charset" and value:
            try:
                return codecs.lookup(value.strip('"')).name
            except LookupError:
                break
    return "utf-8"
