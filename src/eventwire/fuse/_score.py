"""How strongly a mention and an event profile look like the same real-world event.

``score`` returns None when the two cannot be one event (incompatible types,
dates too far apart, places too far apart or in different countries or
provinces), else a sum of evidence: type, date, place, actors, words,
fatality numbers and same-document cues. Merge when it reaches
``settings.fuse.min_score``.
"""

from __future__ import annotations

import math

from eventwire.config import FuseSettings
from eventwire.fuse._item import Item
from eventwire.fuse._tables import type_weight

EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(a)))


def type_score(a: Item, b: Item) -> float | None:
    weight = max(type_weight(x, y) for x in a.subs for y in b.subs)
    return weight or None


def date_score(a: Item, b: Item, max_days: int) -> float | None:
    if a.days is None or b.days is None:
        return -0.7
    gap = max(0, max(a.days[0], b.days[0]) - min(a.days[1], b.days[1]))
    if gap > max_days:
        return None
    if not (a.dated and b.dated):
        return -0.5
    if a.days[0] == a.days[1] == b.days[0] == b.days[1]:
        return 1.0
    return 0.5 if gap == 0 else 0.0


def _coarse_place(a: Item, b: Item) -> float | None:
    if a.admin1 and b.admin1:
        return 0.2 if a.admin1.lower() == b.admin1.lower() else None
    return -0.3


def place_score(a: Item, b: Item, max_km: float) -> float | None:
    if a.unresolved & b.places or b.unresolved & a.places:
        return 1.0
    if not (a.country or a.lat is not None) or not (b.country or b.lat is not None):
        both_unknown = not (a.country or a.lat is not None) and not (b.country or b.lat is not None)
        named = a.places and b.places    # both name a place, one the gazetteer could not resolve
        return -0.8 if both_unknown and not named else -0.3 if named else -0.5
    if a.country and b.country and a.country.upper() != b.country.upper():
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return 1.0
    if max(a.geo_precision, b.geo_precision) >= 3 or a.lat is None or b.lat is None:
        return _coarse_place(a, b)
    km = haversine_km(a.lat, a.lon, b.lat, b.lon)
    limit = max_km * (2 if max(a.geo_precision, b.geo_precision) == 2 else 1)
    if km > limit:
        return None
    return 1.0 if km <= 3 else 0.4


def _side(x: frozenset[str], y: frozenset[str]) -> float:
    if not x or not y:
        return 0.0
    if x & y or any(p in q or q in p for p in x for q in y):
        return 0.6
    return -1.2


def _orientation(*sides: float) -> float:
    """Matching sides count only when no side contradicts."""
    contradictions = [s for s in sides if s < 0]
    return sum(contradictions) if contradictions else sum(sides)


def actor_score(a: Item, b: Item) -> float:
    """Same actors on the same sides count; different named actors count against.

    Reports may name the sides the other way round ("rebels attacked the army" /
    "the army repelled rebels"): the swapped reading is used when it matches.
    """
    direct = _orientation(_side(a.a1, b.a1), _side(a.a2, b.a2))
    swapped = _orientation(_side(a.a1, b.a2), _side(a.a2, b.a1))
    return max(direct, swapped) if swapped > 0 else direct


def _jaccard(x: frozenset[str], y: frozenset[str]) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


def text_score(a: Item, b: Item) -> float:
    """Best word overlap (Jaccard) between any sentence of one and any of the other.

    Mentions that share a sentence get nothing here (``document_score`` decides them).
    """
    if a.sentences & b.sentences:
        return 0.0
    best = max((_jaccard(x, y) for x in a.tokens for y in b.tokens), default=0.0)
    return 2.0 * best


def fatality_score(a: Item, b: Item) -> float:
    if a.fatalities is None or b.fatalities is None:
        return 0.0
    if a.fatalities == b.fatalities:
        return 0.3
    low, high = sorted((a.fatalities, b.fatalities))
    return -0.5 if high - low >= 4 and high > 3 * max(low, 1) else 0.0


def _announces_other(x: Item, y: Item) -> bool:
    """A sentence of ``x`` says 'a second blast' / 'separately' after a sentence of ``y``."""
    return any(d == e and t < s for d, s in x.distinct for e, t in y.sentences)


def document_score(a: Item, b: Item) -> float:
    """Two triggers of one sentence are one event, and an article mostly goes on about the same
    event from sentence to sentence ('the shelling' two sentences later); a sentence announcing
    another incident ('a second blast', 'separately', 'later') parts it from what came before."""
    if not a.docs & b.docs:
        return 0.0
    same = a.sentences & b.sentences
    if same:
        return 0.0 if same & (a.distinct | b.distinct) else 1.0
    if _announces_other(a, b) or _announces_other(b, a):
        return -1.5
    return 1.0 if a.subs & b.subs else 0.5


# The story stage has read a document as a whole: its mentions of one happening are one event.
STORY_SAME = 100.0


def story_decision(a: Item, b: Item) -> float | None:
    """``STORY_SAME`` when the story stage made the two one happening of a shared document,
    None when it kept them apart there, 0.0 when it did not decide (no shared document, no keys)."""
    shared = a.docs & b.docs
    if not shared:
        return 0.0
    keys_a = {(d, h) for d, h in a.happenings if d in shared}
    keys_b = {(d, h) for d, h in b.happenings if d in shared}
    if not keys_a or not keys_b:
        return 0.0
    return STORY_SAME if keys_a & keys_b else None


def score(a: Item, b: Item, settings: FuseSettings) -> float | None:
    """Evidence that ``a`` and ``b`` are one event, or None when they cannot be."""
    story = story_decision(a, b)
    if story is None or story == STORY_SAME:
        return story
    parts = (type_score(a, b), date_score(a, b, settings.max_days), place_score(a, b, settings.max_km))
    if any(p is None for p in parts):
        return None
    return (sum(parts) + actor_score(a, b) + text_score(a, b) + fatality_score(a, b)  # type: ignore[arg-type]
            + document_score(a, b))
