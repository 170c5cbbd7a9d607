"""Blocking keys: fusion only compares a mention with events that share a key.

A key is a place part x a time bucket, so the events behind one key are those
of one small area in a few days, however large the store grows:

* precise places (geo_precision 1-2 with coordinates): a 0.5-degree grid cell.
  An event is registered in every cell within ``max_km`` of it; a mention
  looks up its own cell only.
* coarse places (province level, or no coordinates): ``country/admin1``.
  Precise events are also registered there under a separate key, which only
  coarse mentions look up ("in Idlib province" may be any town of Idlib).
* place names: every event is also registered under its places' names, which
  mentions look up when the gazetteer could not resolve their place.
* no place at all: the actors' names (8-day buckets); only such mentions (and
  unresolved ones) look them up, and they need strong other evidence to merge.

Time buckets are 4 days; an event covers the buckets of its date range
widened by ``max_days``, a mention looks up the buckets of its own range.
Ranges longer than two months use one bucket per year.
"""

from __future__ import annotations

import hashlib
import math
from datetime import date

from eventwire.fuse._item import Item

BUCKET_DAYS = 4
ACTOR_BUCKET_DAYS = 8
WIDE_DAYS = 62
CELL_DEG = 0.5
MAX_ACTOR_KEYS = 2
MAX_NAME_KEYS = 3
KM_PER_DEG = 111.0


def _buckets(days: tuple[int, int] | None, pad: int, size: int) -> list[str]:
    if days is None:
        return ["undated"]
    first, last = days[0] - pad, days[1] + pad
    if last - first > WIDE_DAYS:
        return [f"y{date.fromordinal(days[0]).year}"]
    return [str(b) for b in range(first // size, last // size + 1)]


def _cell(lat: float, lon: float) -> str:
    return f"{math.floor(lat / CELL_DEG)}:{math.floor(lon / CELL_DEG)}"


def _cells_within(lat: float, lon: float, km: float) -> set[str]:
    """Grid cells touched by a box of ``km`` around a point (corners and edge midpoints)."""
    dlat = km / KM_PER_DEG
    dlon = km / (KM_PER_DEG * max(math.cos(math.radians(lat)), 0.05))
    return {_cell(lat + a * dlat, lon + b * dlon) for a in (-1, 0, 1) for b in (-1, 0, 1)}


def precise(item: Item) -> bool:
    return item.lat is not None and item.lon is not None and item.geo_precision <= 2


def _region(item: Item) -> str | None:
    if not item.country:
        return None
    return f"{item.country.upper()}:{(item.admin1 or '').lower()}"


def _actor_keys(item: Item, days: list[str]) -> list[str]:
    actors = sorted(item.a1 | item.a2)[:MAX_ACTOR_KEYS]
    return [f"a:{name}:{b}" for name in actors for b in days]


def register_keys(item: Item, max_days: int, max_km: float = 25.0) -> list[str]:
    """Keys an event (its profile) is stored under."""
    days = _buckets(item.days, max_days, BUCKET_DAYS)
    keys = _actor_keys(item, _buckets(item.days, max_days, ACTOR_BUCKET_DAYS))
    region = _region(item)
    if precise(item):
        cells = _cells_within(item.lat, item.lon, max_km * 2 if item.geo_precision == 2 else max_km)
        keys += [f"g:{c}:{b}" for c in sorted(cells) for b in days]
        keys += [f"rp:{region}:{b}" for b in days] if region else []
    elif region:
        keys += [f"rc:{region}:{b}" for b in days]
    return keys + [f"n:{name}:{b}" for name in sorted(item.places)[:MAX_NAME_KEYS] for b in days]


def lookup_keys(item: Item) -> list[str]:
    """Keys a mention (or a group's profile) looks its candidate events up by."""
    days = _buckets(item.days, 0, BUCKET_DAYS)
    region = _region(item)
    names = [f"n:{name}:{b}" for name in sorted(item.unresolved)[:MAX_NAME_KEYS] for b in days]
    if precise(item):
        keys = [f"g:{_cell(item.lat, item.lon)}:{b}" for b in days]
        return keys + ([f"rc:{region}:{b}" for b in days] if region else []) + names
    if region:
        return [f"{kind}:{region}:{b}" for kind in ("rc", "rp") for b in days] + names
    return names + _actor_keys(item, _buckets(item.days, 0, ACTOR_BUCKET_DAYS))


def key_hash(key: str) -> int:
    """A signed 64-bit integer for a key (indexed equality lookups in the store)."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
