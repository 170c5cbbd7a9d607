"""Blocking keys: fusion only compares a mention with events that share a key.

Keys are ``country x 8-day bucket`` and ``actor x 8-day bucket``. An event is
registered under the buckets its date range covers, widened by ``max_days``; a
mention looks up the buckets its own range covers. Undated or very long ranges
fall into one key per country (or actor) and year, so no lookup ever scans all
events.
"""

from __future__ import annotations

import hashlib
from datetime import date

from eventwire.fuse._item import Item

BUCKET_DAYS = 8
WIDE_DAYS = 62
MAX_ACTOR_KEYS = 4


def _buckets(days: tuple[int, int] | None, pad: int) -> list[str]:
    if days is None:
        return ["undated"]
    first, last = days[0] - pad, days[1] + pad
    if last - first > WIDE_DAYS:
        return [f"y{date.fromordinal(days[0]).year}"]
    return [str(b) for b in range(first // BUCKET_DAYS, last // BUCKET_DAYS + 1)]


def _subjects(item: Item) -> list[str]:
    country = (item.country or "?").upper()
    actors = sorted(item.a1 | item.a2)[:MAX_ACTOR_KEYS]
    return [f"c:{country}"] + [f"a:{name}" for name in actors]


def register_keys(item: Item, max_days: int) -> list[str]:
    """Keys an event (its profile) is stored under."""
    return [f"{s}:{b}" for s in _subjects(item) for b in _buckets(item.days, max_days)]


def lookup_keys(item: Item) -> list[str]:
    """Keys a mention looks its candidate events up by."""
    return [f"{s}:{b}" for s in _subjects(item) for b in _buckets(item.days, 0)]


def key_hash(key: str) -> int:
    """A signed 64-bit integer for a key (indexed equality lookups in the store)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
