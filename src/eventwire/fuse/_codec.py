"""Mentions to and from plain JSON-able dicts (the store keeps them as JSON)."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from eventwire.records import Actor, DateSpan, Fatalities, Mention, Place, Span


def _span(data: dict[str, Any] | None) -> Span | None:
    return Span(data["start"], data["end"], data["text"]) if data else None


def _span_dict(span: Span | None) -> dict[str, Any] | None:
    return span.to_dict() if span is not None else None


def _actor_dict(a: Actor | None) -> dict[str, Any] | None:
    return None if a is None else {**a.to_dict(), "span": _span_dict(a.span)}


def _actor(data: dict[str, Any] | None) -> Actor | None:
    return None if data is None else Actor(**{**data, "span": _span(data.get("span"))})


def _plain(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj) if f.name != "span"}


def mention_to_dict(m: Mention) -> dict[str, Any]:
    data = {f.name: getattr(m, f.name) for f in fields(m)}
    data.update(
        trigger=_span_dict(m.trigger), sentence=_span_dict(m.sentence), location_text=_span_dict(m.location_text),
        evidence=[s.to_dict() for s in m.evidence],
        date={**_plain(m.date), "span": _span_dict(m.date.span)},
        fatalities={**_plain(m.fatalities), "span": _span_dict(m.fatalities.span)},
        location=None if m.location is None else {**_plain(m.location), "span": _span_dict(m.location.span)},
        actor1=_actor_dict(m.actor1), actor2=_actor_dict(m.actor2),
        assoc_actor_1=[_actor_dict(a) for a in m.assoc_actor_1],
        assoc_actor_2=[_actor_dict(a) for a in m.assoc_actor_2], tags=list(m.tags),
    )
    return data


def mention_from_dict(data: dict[str, Any]) -> Mention:
    d = dict(data)
    d.update(
        trigger=_span(d["trigger"]), sentence=_span(d["sentence"]), location_text=_span(d.get("location_text")),
        evidence=[_span(s) for s in d.get("evidence", [])],
        date=DateSpan(**{**d["date"], "span": _span(d["date"].get("span"))}),
        fatalities=Fatalities(**{**d["fatalities"], "span": _span(d["fatalities"].get("span"))}),
        location=None if d.get("location") is None else Place(**{**d["location"],
                                                                 "span": _span(d["location"].get("span"))}),
        actor1=_actor(d.get("actor1")), actor2=_actor(d.get("actor2")),
        assoc_actor_1=[_actor(a) for a in d.get("assoc_actor_1", [])],
        assoc_actor_2=[_actor(a) for a in d.get("assoc_actor_2", [])],
    )
    return Mention(**d)
