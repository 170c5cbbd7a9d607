"""Dates as day ordinals: ``"2016-03-27"``, ``"2016-03"`` and ``"2016"`` become day ranges."""

from __future__ import annotations

import calendar
from datetime import date


def day_range(text: str | None) -> tuple[int, int] | None:
    """First and last day ordinal that a (possibly partial) ISO date covers, or None."""
    if not text:
        return None
    parts = str(text)[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        month = int(parts[1])
        if len(parts) == 2:
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1).toordinal(), date(year, month, last).toordinal()
        day = date(year, month, int(parts[2])).toordinal()
    except (ValueError, IndexError):
        return None
    return day, day


def span_days(start: str | None, end: str | None) -> tuple[int, int] | None:
    """Day range from a start and an end date (either may be missing)."""
    first, last = day_range(start), day_range(end)
    if first and last:
        return min(first[0], last[0]), max(first[1], last[1])
    return first or last


def iso(ordinal: int | None) -> str | None:
    return date.fromordinal(ordinal).isoformat() if ordinal is not None else None
