"""The fusion and export tables of ``data/fuse.toml``, loaded once."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    text = resources.files("eventwire").joinpath("data", "fuse.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def type_weights() -> dict[frozenset[str], float]:
    """Weight of each compatible pair of distinct sub-event types."""
    return {frozenset((row["a"], row["b"])): float(row["weight"]) for row in tables()["compatible"]}


def type_weight(a: str, b: str) -> float:
    """1.0 for the same sub-event type, the table weight for compatible ones, else 0."""
    if a == b:
        return 1.0
    return type_weights().get(frozenset((a, b)), 0.0)


@lru_cache(maxsize=1)
def generic_actors() -> frozenset[str]:
    return frozenset(tables()["actors"]["generic"])


@lru_cache(maxsize=1)
def distinct_markers() -> frozenset[str]:
    return frozenset(tables()["text"]["distinct_markers"])


def note_template(sub_event_type: str) -> str:
    return tables()["notes"].get(sub_event_type, "{a1} was involved in an event in {place}")
