"""Container formats holding many documents: JSONL dumps and RSS/Atom feeds (WARC: ``_warc``).

Each reader yields ``Document`` or ``Rejection`` per record and goes on after a
bad record; a rejection names the source and the 1-based line (JSONL) or the
entry number in its reason (feeds).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from eventwire.config import ReadSettings
from eventwire.errors import InputError
from eventwire.read._common import Origin, document_id, from_error, lone_surrogate, normalise_date, rejection
from eventwire.read._html import fragment_text, read_html
from eventwire.read._json import check_unicode, parse_json_line, record_id
from eventwire.records import Document, Rejection

Item = Document | Rejection
_CHARREF = re.compile(r"&#([xX][0-9a-fA-F]+|[0-9]+)")


# -- JSONL ------------------------------------------------------------------------
def read_jsonl(text: str, origin: Origin, limits: ReadSettings, *, published: str | None = None) -> Iterator[Item]:
    """One document per JSON line; ``text`` is kept exactly as given (evidence offsets index it).

    Lines are separated by ``\\n`` (``\\r\\n`` too) only, as JSONL says. Each line
    is checked on its own, so one bad line is rejected with its number and the
    rest of the file is read.
    """
    for number, line in _lines(text):
        if line.strip():
            yield _jsonl_line(line, number, origin, limits, published)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """``(1-based number, line)`` of ``text`` split at ``\\n``, without copying it all at once."""
    start, number = 0, 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        number += 1
        yield number, text[start:end].removesuffix("\r")
        start = end + 1


def _jsonl_line(line: str, number: int, origin: Origin, limits: ReadSettings, published: str | None) -> Item:
    try:
        record = parse_json_line(line, origin.source, limits, number=number)
        return jsonl_record(record, origin, number, limits, published)
    except InputError as err:
        return from_error(err)
    except Exception as exc:  # noqa: BLE001 - one bad line must not cost the rest of the file
        return rejection("E019", origin.source, f"{exc.__class__.__name__}: {str(exc)[:160]}", line=number)


def jsonl_record(record: Any, origin: Origin, number: int, limits: ReadSettings, published: str | None) -> Item:
    """One input record (``id``, ``text`` or ``html``, ``published``, ``url``, ``title``, ``outlet``) as a
    ``Document``, or a ``Rejection`` saying why not (the JSONL reader's rules, line by line)."""
    if not isinstance(record, dict):
        return rejection("E007", origin.source, "the line is not a JSON object", line=number)
    check_unicode(record, origin.source, number)
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return rejection("E007", origin.source, line=number)
    given_id = record_id(record.get("id"), limits.max_id_chars, origin.source, number)
    where = origin.at(number)
    where = Origin(origin.source, where.key, _str(record.get("url")) or origin.url)
    try:
        doc = _jsonl_document(record, text, html, where, published)
    except InputError as err:
        return rejection(err.code, origin.source, line=number)
    doc.id = given_id or document_id(where, doc.raw_text)
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

    parsed = feedparser.parse(_safe_charrefs(text))
    if not parsed.entries:
        detail = str(parsed.get("bozo_exception", "") or "no entries")[:200]
        yield rejection("E012", origin.source, detail)
        return
    outlet = _str(parsed.feed.get("title"))
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            item = _feed_entry(entry, number, origin, outlet, published)
        except Exception as exc:  # noqa: BLE001 - one bad entry must not cost the rest of the feed
            item = rejection("E019", origin.source, f"feed entry {number}: {exc.__class__.__name__}: {str(exc)[:160]}")
        yield item


def _safe_charrefs(text: str) -> str:
    """Character references to no character (a surrogate, beyond U+10FFFF, NUL) as ``&#xfffd``.

    feedparser's fallback parser raises on them instead of reading the feed.
    """
    return _CHARREF.sub(_charref, text) if "&#" in text else text


def _charref(match: re.Match[str]) -> str:
    digits = match.group(1)
    hexadecimal = digits[0] in "xX"
    if len(digits) > 12:
        return "&#xfffd"
    value = int(digits[1:], 16) if hexadecimal else int(digits)
    return match.group(0) if 0 < value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF else "&#xfffd"


def _feed_entry(entry: Any, number: int, origin: Origin, outlet: str | None, published: str | None) -> Item:
    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = fragment_text(body or "")
    if not text.strip():
        return rejection("E001", origin.source, f"feed entry {number} has no content or summary")
    link, title, author = _str(entry.get("link")), _str(entry.get("title")), _str(entry.get("author"))
    for name, value in (("text", text), ("link", link), ("title", title), ("author", author), ("outlet", outlet)):
        if value is not None and (bad := lone_surrogate(value)) is not None:
            return rejection("E011", origin.source, f"the {name} of feed entry {number} holds the lone surrogate "
                                                    f"\\u{ord(bad):04x} (a character reference that is not Unicode)")
    where = Origin(origin.source, link or origin.at(f"entry-{number}").key, link)
    date = normalise_date(entry.get("published_parsed") or entry.get("updated_parsed"))
    return Document(id=document_id(where, text), raw_text=text, source=origin.source, format="feed",
                    url=link, title=title, author=author, outlet=outlet, published=date or published,
                    meta={"entry": number})
