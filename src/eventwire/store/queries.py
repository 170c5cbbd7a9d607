"""Reading fused events and their history back from the store.

Every filter maps to an indexed column of ``events`` (date range, country /
admin1, type, actor, lat/lon box, updated_at); records come back as the JSON
event records of the contract.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from eventwire.errors import UsageError

BBox = tuple[float, float, float, float]


def parse_bbox(text: str | BBox | None) -> BBox | None:
    """``"W,S,E,N"`` (or a 4-tuple) as floats, checked."""
    if text is None or text == "":
        return None
    try:
        west, south, east, north = (float(v) for v in (text.split(",") if isinstance(text, str) else text))
    except ValueError:
        raise UsageError("E060", f"bbox {text!r} is not W,S,E,N", hint="give four numbers: west,south,east,north") from None
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise UsageError("E060", f"bbox {text!r} is out of range", hint="use degrees, south <= north")
    return west, south, east, north


def parse_when(value: str | date | datetime | None, *, name: str = "date") -> datetime | None:
    """A date or timestamp given as text ('2024-05-01' or '2024-05-01T12:00:00')."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        raise UsageError("E060", f"{name} {value!r} is not an ISO date", hint="use YYYY-MM-DD") from None


def _bbox_clause(box: BBox) -> tuple[str, list[Any]]:
    west, south, east, north = box
    if west <= east:
        return "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?", [south, north, west, east]
    return "lat BETWEEN ? AND ? AND (lon >= ? OR lon <= ?)", [south, north, west, east]


def event_filters(*, start: Any = None, end: Any = None, country: str | None = None, admin1: str | None = None,
                  event_type: str | None = None, actor: str | None = None, bbox: Any = None, since: Any = None,
                  include_background: bool = False) -> tuple[str, list[Any]]:
    """SQL WHERE clause and parameters for the event filters."""
    clauses, params = ["1=1"], []
    parts: list[tuple[bool, str, list[Any]]] = [
        (start is not None, "coalesce(date_end, event_date) >= ?", [_date(start, "start")]),
        (end is not None, "coalesce(date_start, event_date) <= ?", [_date(end, "end")]),
        (bool(country), "upper(country) = upper(?)", [country]),
        (bool(admin1), "lower(admin1) = lower(?)", [admin1]),
        (bool(event_type), "(event_type = ? OR sub_event_type = ?)", [event_type, event_type]),
        (bool(actor), "(actor1 ILIKE ? OR actor2 ILIKE ?)", [f"%{actor}%", f"%{actor}%"]),
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


def query_events(con: Any, *, limit: int | None = None, **filters: Any) -> list[dict[str, Any]]:
    """Event records (dicts) with their ``updated_at`` (UTC), oldest first, filtered by ``event_filters``."""
    where, params = event_filters(**filters)
    tail = f" LIMIT {int(limit)}" if limit else ""
    rows = con.execute(f"SELECT record, updated_at FROM events WHERE {where} "
                       f"ORDER BY event_date NULLS LAST, event_id{tail}", params).fetchall()
    return [{**json.loads(record), "updated_at": at.isoformat() if at else None} for record, at in rows]


def changes_since(con: Any, since: Any) -> list[dict[str, Any]]:
    """History rows at or after ``since`` (a date or ISO timestamp, UTC), oldest first."""
    rows = con.execute("SELECT change_id, event_id, change, detail, changed_at FROM history "
                       "WHERE changed_at >= ? ORDER BY change_id", [parse_when(since, name="since")]).fetchall()
    return [{"change_id": cid, "event_id": eid, "change": change, "detail": json.loads(detail or "{}"),
             "changed_at": at.isoformat()} for cid, eid, change, detail, at in rows]


__all__ = ["changes_since", "event_filters", "parse_bbox", "parse_when", "query_events"]
