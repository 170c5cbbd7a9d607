"""Reading fused events, their history and the stored documents back from the store.

This module (with ``Store``) is the one query API of eventwire: the CLI, the
export and the HTTP API filter events only through ``event_filters`` here.
Every filter maps to an indexed column of ``events`` (date range, country /
admin1, type, actor, lat/lon box, updated_at) and is passed as a parameter;
actor substrings are matched literally (``%``, ``_`` and ``\\`` in them are
escaped); page sizes and offsets are range-checked (``UsageError`` E060, never
a database overflow). Records come back as the JSON event records of the
contract.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, date, datetime
from typing import Any

from eventwire.errors import UsageError

BBox = tuple[float, float, float, float]

# Largest ``limit`` or ``offset`` a query takes (a store holds millions of events, not billions).
MAX_ROWS = 1_000_000_000
_ESCAPE = "\\"


def parse_bbox(text: str | BBox | None) -> BBox | None:
    """``"W,S,E,N"`` (or a 4-tuple) as floats, checked. ``W > E`` is a box across the antimeridian."""
    if text is None or text == "":
        return None
    try:
        west, south, east, north = (float(v) for v in (text.split(",") if isinstance(text, str) else text))
    except (ValueError, TypeError):
        raise UsageError("E060", f"bbox {text!r} is not W,S,E,N", hint="give four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise UsageError("E060", f"bbox {text!r} is out of range", hint="use degrees, south <= north")
    return west, south, east, north


def parse_when(value: str | date | datetime | None, *, name: str = "date") -> datetime | None:
    """A date or timestamp given as text ('2024-05-01' or '2024-05-01T12:00:00'), as naive UTC.
    A timestamp with an offset ('...+02:00', '...Z') is converted to UTC; one without is taken as UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    else:
        try:
            when = datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            raise UsageError("E060", f"{name} {value!r} is not an ISO date", hint="use YYYY-MM-DD") from None
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def like_pattern(text: str) -> str:
    """An ILIKE pattern (with ``ESCAPE '\\'``) matching ``text`` literally anywhere in a value."""
    escaped = text.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%").replace("_", _ESCAPE + "_")
    return f"%{escaped}%"


def check_rows(value: Any, name: str, *, low: int = 0) -> int:
    """``value`` (an int or its digits) as an int in ``low..MAX_ROWS``, else ``UsageError`` E060."""
    number = None
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str):
        try:
            number = int(value)
        except ValueError:
            pass
    if number is None:
        raise UsageError("E060", f"{name} {value!r} is not a whole number", hint=f"give {low} to {MAX_ROWS}")
    if not low <= number <= MAX_ROWS:
        raise UsageError("E060", f"{name} {value!r} is out of range", hint=f"give {low} to {MAX_ROWS}")
    return number


def _bbox_clause(box: BBox) -> tuple[str, list[Any]]:
    west, south, east, north = box
    if west <= east:
        return "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?", [south, north, west, east]
    return "lat BETWEEN ? AND ? AND (lon >= ? OR lon <= ?)", [south, north, west, east]


def event_filters(*, start: Any = None, end: Any = None, country: str | None = None, admin1: str | None = None,
                  event_type: str | None = None, actor: str | None = None, bbox: Any = None, since: Any = None,
                  include_background: bool = False) -> tuple[str, list[Any]]:
    """SQL WHERE clause and parameters for the event filters.

    ``start``/``end`` overlap the event's dates; ``country`` (ISO code) and ``admin1`` match whole
    values, any case; ``event_type`` is a type or sub-type; ``actor`` a literal name substring, any
    case; ``bbox`` "W,S,E,N" (W > E crosses the antimeridian); ``since`` keeps events created or
    changed at/after that time (UTC); background (history) events only with ``include_background``."""
    clauses, params = ["1=1"], []
    parts: list[tuple[bool, str, list[Any]]] = [
        (start is not None, "coalesce(date_end, event_date) >= ?", [_date(start, "start")]),
        (end is not None, "coalesce(date_start, event_date) <= ?", [_date(end, "end")]),
        (bool(country), "upper(country) = upper(?)", [country]),
        (bool(admin1), "lower(admin1) = lower(?)", [admin1]),
        (bool(event_type), "(event_type = ? OR sub_event_type = ?)", [event_type, event_type]),
        (bool(actor), f"(actor1 ILIKE ? ESCAPE '{_ESCAPE}' OR actor2 ILIKE ? ESCAPE '{_ESCAPE}')",
         [like_pattern(actor or ""), like_pattern(actor or "")]),
        (since is not None, "updated_at >= ?", [parse_when(since, name="since")]),
        (not include_background, "NOT is_background", []),
    ]
    for wanted, clause, values in parts:
        if wanted:
            clauses.append(clause)
            params += values
    box = parse_bbox(bbox)
    if box:
        clause, values = _bbox_clause(box)
        clauses.append(clause)
        params += values
    return " AND ".join(clauses), params


def _date(value: Any, name: str) -> date | None:
    when = parse_when(value, name=name)
    return when.date() if when else None


def _page(limit: Any, offset: Any) -> tuple[str, list[Any]]:
    tail, params = "", []
    if limit:
        tail, params = " LIMIT ?", [check_rows(limit, "limit", low=1)]
    if offset:
        tail, params = f"{tail} OFFSET ?", [*params, check_rows(offset, "offset")]
    return tail, params


def event_records(con: Any, *, newest_first: bool = False, limit: int | None = None, offset: int = 0,
                  with_updated_at: bool = False, **filters: Any) -> list[dict[str, Any]]:
    """Event records (dicts) filtered by ``event_filters``, oldest first (or ``newest_first``), one
    page of ``limit`` after ``offset``; with ``with_updated_at``, each with its ``updated_at`` (UTC)."""
    where, params = event_filters(**filters)
    order = "event_date DESC NULLS LAST, event_id" if newest_first else "event_date NULLS LAST, event_id"
    tail, page = _page(limit, offset)
    rows = con.execute(f"SELECT record, updated_at FROM events WHERE {where} ORDER BY {order}{tail}",
                       [*params, *page]).fetchall()
    if not with_updated_at:
        return [json.loads(record) for record, _ in rows]
    return [{**json.loads(record), "updated_at": at.isoformat() if at else None} for record, at in rows]


def _cursor_text(day: date | None, event_id: str) -> str:
    body = json.dumps([day.isoformat() if day else None, event_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(body.encode("utf-8")).decode("ascii").rstrip("=")


def parse_cursor(text: str) -> tuple[date | None, str]:
    """The (event_date, event_id) of a page cursor (``next`` of a page), else ``UsageError`` E060."""
    try:
        day, event_id = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        if not isinstance(event_id, str) or not (day is None or isinstance(day, str)):
            raise ValueError(text)
        return (date.fromisoformat(day) if day else None), event_id
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise UsageError("E060", f"after {text[:60]!r} is not a page cursor",
                         hint="pass the 'next' value of the previous page unchanged") from None


def _after_clause(after: str, newest_first: bool) -> tuple[str, list[Any]]:
    """Rows that come after the cursor in the page order (dates either way, NULLS LAST; then id)."""
    day, event_id = parse_cursor(after)
    if day is None:
        return "(event_date IS NULL AND event_id > ?)", [event_id]
    before = "<" if newest_first else ">"
    return (f"(event_date {before} ? OR (event_date = ? AND event_id > ?) OR event_date IS NULL)",
            [day, day, event_id])


def _with_updated_at(record: str, at: datetime | None) -> str:
    """The stored JSON record with its ``updated_at`` added, without decoding it."""
    stamp = json.dumps(at.isoformat() if at else None)
    body = record.rstrip()
    return f'{body[:-1]}, "updated_at": {stamp}}}' if body not in ("{}", "") else f'{{"updated_at": {stamp}}}'


def counted_event_page(con: Any, *, newest_first: bool = True, limit: int = 100, offset: int = 0,
                       after: str | None = None, **filters: Any) -> tuple[int, list[str], str | None]:
    """How many events pass the filters, and one page of them (``event_page``), in one statement:
    the filtered rows are found once, then counted and paged."""
    where, params = event_filters(**filters)
    page_where, page_params = ("", [])
    if after:
        clause, page_params = _after_clause(after, newest_first)
        page_where = f" WHERE {clause}"
    order = "event_date DESC NULLS LAST, event_id" if newest_first else "event_date NULLS LAST, event_id"
    tail, page = _page(check_rows(limit, "limit", low=1), offset)
    rows = con.execute(
        f"WITH f AS MATERIALIZED (SELECT rowid AS r, event_date, event_id FROM events WHERE {where}), "
        f"p AS (SELECT r FROM f{page_where} ORDER BY {order}{tail}) "
        f"SELECT (SELECT count(*) FROM f), record, updated_at, event_date, event_id FROM events "
        f"WHERE rowid IN (SELECT r FROM p) ORDER BY {order}", [*params, *page_params, *page]).fetchall()
    if not rows:  # an empty page still has a total
        return count_events(con, **filters), [], None
    cursor = _cursor_text(rows[-1][3], rows[-1][4]) if len(rows) == limit else None
    return int(rows[0][0]), [_with_updated_at(record, at) for _, record, at, _, _ in rows], cursor


def event_page(con: Any, *, newest_first: bool = True, limit: int = 100, offset: int = 0, after: str | None = None,
               **filters: Any) -> tuple[list[str], str | None]:
    """One page of events as stored JSON texts (each with ``updated_at``), and the cursor of the next
    page (None after the last one). Keyset pagination: ``after`` (a previous page's cursor) continues
    where that page ended, cheaply and without gaps or repeats while events are added; ``offset``
    still skips rows. Order: newest first (or oldest), undated last, then by id."""
    where, params = event_filters(**filters)
    if after:
        clause, values = _after_clause(after, newest_first)
        where, params = f"{where} AND {clause}", [*params, *values]
    order = "event_date DESC NULLS LAST, event_id" if newest_first else "event_date NULLS LAST, event_id"
    tail, page = _page(check_rows(limit, "limit", low=1), offset)
    # late materialisation: the page's rows are chosen on the narrow columns, then only their
    # (large) records are read (DuckDB does this itself only for pages of up to 50 rows)
    rows = con.execute(f"SELECT record, updated_at, event_date, event_id FROM events WHERE rowid IN "
                       f"(SELECT rowid FROM events WHERE {where} ORDER BY {order}{tail}) ORDER BY {order}",
                       [*params, *page]).fetchall()
    cursor = _cursor_text(rows[-1][2], rows[-1][3]) if len(rows) == limit else None
    return [_with_updated_at(record, at) for record, at, _, _ in rows], cursor


def query_events(con: Any, *, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
    """Event records (dicts) with their ``updated_at`` (UTC), oldest first, filtered by ``event_filters``."""
    return event_records(con, limit=limit, with_updated_at=True, **filters)


def count_events(con: Any, **filters: Any) -> int:
    """How many events pass ``event_filters``."""
    where, params = event_filters(**filters)
    return int(con.execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0])


def event_record(con: Any, event_id: str) -> dict[str, Any] | None:
    """One event record by id, or None."""
    row = con.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
    return json.loads(row[0]) if row else None


def event_json(con: Any, event_id: str) -> str | None:
    """One event record by id as its stored JSON text, or None."""
    row = con.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
    return row[0] if row else None


def timeline(con: Any, **filters: Any) -> list[dict[str, Any]]:
    """Dated events passing ``event_filters``, counted per day and type, in date order."""
    where, params = event_filters(**filters)
    rows = con.execute(f"SELECT event_date, event_type, count(*) FROM events WHERE {where} "
                       "AND event_date IS NOT NULL GROUP BY ALL ORDER BY 1, 2", params).fetchall()
    return [{"date": day.isoformat(), "event_type": kind, "count": n} for day, kind, n in rows]


def changes_since(con: Any, since: Any, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """History rows at or after ``since`` (a date or ISO timestamp, UTC), oldest first (a page of
    ``limit`` after ``offset``, if given)."""
    tail, page = _page(limit, offset)
    rows = con.execute("SELECT change_id, event_id, change, detail, changed_at FROM history "
                       f"WHERE changed_at >= ? ORDER BY change_id{tail}",
                       [parse_when(since, name="since"), *page]).fetchall()
    return [{"change_id": cid, "event_id": eid, "change": change, "detail": json.loads(detail or "{}"),
             "changed_at": at.isoformat()} for cid, eid, change, detail, at in rows]


__all__ = ["MAX_ROWS", "changes_since", "check_rows", "count_events", "counted_event_page", "event_filters",
           "event_json", "event_page", "event_record", "event_records", "like_pattern", "parse_bbox", "parse_cursor",
           "parse_when", "query_events", "timeline"]
