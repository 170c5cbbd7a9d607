"""The ACLED event taxonomy (``data/taxonomy.toml``): 6 event types, 25 sub-event types.

Each sub-event type carries its event type, a short definition, the CAMEO root
code and the PLOVER category, and a precedence ``rank`` (lower wins when one
sentence supports several sub-types).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class SubEventType:
    name: str
    event_type: str
    definition: str
    cameo: str | None
    plover: str | None
    rank: int


@lru_cache(maxsize=1)
def load_taxonomy() -> dict[str, SubEventType]:
    """Sub-event types by name, in file order (cached)."""
    text = resources.files("eventwire").joinpath("data/taxonomy.toml").read_text("utf-8")
    rows = tomllib.loads(text)["sub_event"]
    return {r["name"]: SubEventType(r["name"], r["event_type"], r["definition"], r["cameo"] or None,
                                    r["plover"] or None, int(r["rank"])) for r in rows}


def event_types() -> list[str]:
    """The six ACLED event types, in taxonomy order."""
    return list(dict.fromkeys(s.event_type for s in load_taxonomy().values()))


def sub_event(name: str) -> SubEventType:
    return load_taxonomy()[name]
