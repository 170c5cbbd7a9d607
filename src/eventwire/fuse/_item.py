"""Comparable features of a mention (``Item``) and of a group of mentions (its profile).

Fusion compares a mention with the *profile* of an event: the union of what
its mentions say (types, documents, actors, words) plus the strongest date and
place. The same code runs in memory (``fuse``) and against the store.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from typing import Any

from eventwire.fuse._dates import day_range, span_days
from eventwire.fuse._tables import distinct_markers, generic_actors
from eventwire.records import Actor, Mention, Place

_WORD = re.compile(r"[a-z][a-z-]{2,}")
# Mentions with no date of their own are compared within this many days before
# their document's publication date.
UNDATED_LOOKBACK = 7
# Actor names starting so are as good as no actor ("Unidentified Armed Group (Syria)").
GENERIC_PREFIXES = ("unidentified", "unknown")
# An event profile keeps the word sets of at most this many of its mentions.
MAX_TOKEN_SETS = 12


@dataclass(frozen=True, slots=True)
class SourceMeta:
    """What fusion needs to know about the document a mention comes from."""

    url: str | None = None
    outlet: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "outlet": self.outlet, "published": self.published}


@dataclass(frozen=True, slots=True)
class Item:
    """Features of one mention, or the merged profile of an event's mentions."""

    subs: frozenset[str]
    docs: frozenset[str]
    days: tuple[int, int] | None = None
    dated: bool = True
    precision: int = 3
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    country: str | None = None
    admin1: str | None = None
    geo_precision: int = 3
    places: frozenset[str] = frozenset()        # place names of the mentions
    unresolved: frozenset[str] = frozenset()    # ... that the gazetteer could not resolve
    a1: frozenset[str] = frozenset()
    a2: frozenset[str] = frozenset()
    tokens: tuple[frozenset[str], ...] = ()
    fatalities: int | None = None
    sentences: frozenset[tuple[str, int]] = frozenset()
    distinct: frozenset[tuple[str, int]] = frozenset()   # sentences that announce another incident
    strength: tuple[float, ...] = (0.0,)
    happenings: frozenset[tuple[str, str]] = frozenset()  # (document, story key): the story stage's grouping

    @property
    def names(self) -> frozenset[str]:
        return self.a1 | self.a2


def mention_id(m: Mention) -> str:
    """Stable id: hash of document id, trigger offsets and sub-event type."""
    key = f"{m.document_id}\0{m.trigger.start}\0{m.trigger.end}\0{m.sub_event_type}"
    return "m-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def event_id_for(first_mention_id: str) -> str:
    """Event id derived from the id of the event's earliest mention."""
    return "ev-" + hashlib.sha1(first_mention_id.encode("utf-8")).hexdigest()[:16]


def actor_key(actor: Actor | None) -> str | None:
    """Normalised actor name, or None for a missing or generic actor."""
    if actor is None or not actor.name:
        return None
    name = " ".join(actor.name.lower().replace("the ", " ").split())
    if name in generic_actors() or name.startswith(GENERIC_PREFIXES):
        return None
    return name


def _names(place: Place | None) -> frozenset[str]:
    """Normalised place name (compared when the gazetteer could not resolve one of them)."""
    key = " ".join((place.name or "").lower().split()) if place else ""
    return frozenset([key]) if key else frozenset()


def _actor_set(main: Actor | None, assoc: list[Actor]) -> frozenset[str]:
    return frozenset(k for k in (actor_key(a) for a in [main, *assoc]) if k)


def words(text: str) -> frozenset[str]:
    """Content words of a text (lower case, no stop words)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS)


def announces_another(text: str) -> bool:
    """Whether a sentence says it reports another incident ('a second blast', 'separately')."""
    return bool(set(_WORD.findall(text.lower())) & distinct_markers())


def _days(m: Mention, meta: SourceMeta) -> tuple[tuple[int, int] | None, bool]:
    days = span_days(m.date.start, m.date.end)
    if days is not None:
        return days, True
    published = day_range(meta.published)
    if published is None:
        return None, False
    return (published[0] - UNDATED_LOOKBACK, published[1]), False


def strength(m: Mention) -> tuple[float, ...]:
    """Sort key of evidence strength: news over background, confidence, precise date and place."""
    geo = m.location.geo_precision if m.location and m.location.geo_precision else 9
    return (0.0 if m.is_background else 1.0, round(m.confidence, 3), -(m.date.precision or 9), -geo)


def from_mention(m: Mention, meta: SourceMeta) -> Item:
    days, dated = _days(m, meta)
    loc = m.location
    sentence = m.sentence.text if m.sentence else m.trigger.text
    tokens = words(sentence)
    where = (m.document_id, m.sentence.start if m.sentence else m.trigger.start)
    return Item(
        subs=frozenset([m.sub_event_type]), docs=frozenset([m.document_id]), days=days, dated=dated,
        precision=m.date.precision or (1 if days and days[0] == days[1] else 3),
        lat=loc.lat if loc else None, lon=loc.lon if loc else None,
        geonameid=loc.geonameid if loc else None, country=loc.country if loc else None,
        admin1=loc.admin1 if loc else None, geo_precision=(loc.geo_precision or 1) if loc else 3,
        places=_names(loc), unresolved=_names(loc) if loc and not (loc.country or loc.lat is not None) else frozenset(),
        a1=_actor_set(m.actor1, m.assoc_actor_1), a2=_actor_set(m.actor2, m.assoc_actor_2),
        tokens=(tokens,), fatalities=m.fatalities.best,
        sentences=frozenset([where]), distinct=frozenset([where]) if announces_another(sentence) else frozenset(),
        strength=strength(m),
        happenings=frozenset([(m.document_id, m.happening)]) if m.happening else frozenset(),
    )


def _place_of(best: Item, items: list[Item]) -> Item:
    """The most precise located member (lowest geo_precision, then strongest)."""
    located = [i for i in items if i.country or i.lat is not None]
    if not located:
        return best
    return min(located, key=lambda i: (i.geo_precision, [-s for s in i.strength]))


def _date_of(best: Item, items: list[Item]) -> Item:
    dated = [i for i in items if i.dated and i.days] or [i for i in items if i.days] or [best]
    return min(dated, key=lambda i: (not i.dated, [-s for s in i.strength[:1]], i.precision,
                                     [-s for s in i.strength[1:2]]))


def _token_sets(items: list[Item]) -> tuple[frozenset[str], ...]:
    """The word sets of the strongest members (distinct sets only, at most MAX_TOKEN_SETS)."""
    ranked = sorted(items, key=lambda i: i.strength, reverse=True)
    sets = dict.fromkeys(t for i in ranked for t in i.tokens if t)
    return tuple(list(sets)[:MAX_TOKEN_SETS])


def profile(items: list[Item]) -> Item:
    """The merged features of an event's mentions."""
    best = max(items, key=lambda i: i.strength)
    place, when = _place_of(best, items), _date_of(best, items)
    union = lambda attr: frozenset().union(*(getattr(i, attr) for i in items))  # noqa: E731
    fatal = sorted(i.fatalities for i in items if i.fatalities is not None)
    return replace(
        best, subs=union("subs"), docs=union("docs"), days=when.days, dated=when.dated,
        precision=when.precision, lat=place.lat, lon=place.lon, geonameid=place.geonameid,
        country=place.country, admin1=place.admin1, geo_precision=place.geo_precision,
        places=union("places"), unresolved=union("unresolved"),
        a1=union("a1"), a2=union("a2"), tokens=_token_sets(items),
        fatalities=fatal[(len(fatal) - 1) // 2] if fatal else None, sentences=union("sentences"),
        distinct=union("distinct"), strength=best.strength, happenings=union("happenings"),
    )


def item_to_dict(item: Item) -> dict[str, Any]:
    """A JSON-able form of an item or profile (the store keeps event profiles)."""
    return {
        "subs": sorted(item.subs), "docs": sorted(item.docs), "days": list(item.days) if item.days else None,
        "dated": item.dated, "precision": item.precision, "lat": item.lat, "lon": item.lon,
        "geonameid": item.geonameid, "country": item.country, "admin1": item.admin1,
        "geo_precision": item.geo_precision, "places": sorted(item.places), "unresolved": sorted(item.unresolved),
        "a1": sorted(item.a1), "a2": sorted(item.a2),
        "tokens": [sorted(t) for t in item.tokens], "fatalities": item.fatalities,
        "sentences": sorted([d, s] for d, s in item.sentences), "distinct": sorted([d, s] for d, s in item.distinct),
        "strength": list(item.strength), "happenings": sorted([d, h] for d, h in item.happenings),
    }


def item_from_dict(data: dict[str, Any]) -> Item:
    sets = ("subs", "docs", "a1", "a2", "places", "unresolved")
    values = {k: frozenset(data[k]) for k in sets}
    return Item(**{**data, **values, "days": tuple(data["days"]) if data["days"] else None,
                   "tokens": tuple(frozenset(t) for t in data["tokens"]),
                   "sentences": frozenset((d, s) for d, s in data["sentences"]),
                   "distinct": frozenset((d, s) for d, s in data["distinct"]),
                   "strength": tuple(data["strength"]),
                   "happenings": frozenset((d, h) for d, h in data.get("happenings", []))})
