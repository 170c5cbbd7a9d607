"""Hand-built mentions for tests, the fusion test set and benchmarks.

``make_mention`` builds a ``Mention`` the way the detection and resolution
stages would, from a document text and a few labelled facts, so fusion can be
exercised without the spaCy pipeline.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from eventwire.records import Actor, DateSpan, Fatalities, Mention, Place, Span


@lru_cache(maxsize=1)
def event_types() -> dict[str, str]:
    """ACLED event type of each sub-event type (from ``data/taxonomy.toml``)."""
    text = resources.files("eventwire").joinpath("data", "taxonomy.toml").read_text("utf-8")
    return {row["name"]: row["event_type"] for row in tomllib.loads(text)["sub_event"]}


def _span(text: str, needle: str, start: int = 0) -> Span:
    at = text.find(needle, start)
    if at < 0:
        raise ValueError(f"{needle!r} is not in the text")
    return Span(at, at + len(needle), needle)


def sentence_of(text: str, span: Span) -> Span:
    """The sentence (split on '. ') around a span."""
    start = max(text.rfind(". ", 0, span.start) + 2, 0) if text.rfind(". ", 0, span.start) >= 0 else 0
    end = text.find(". ", span.end)
    end = len(text) if end < 0 else end + 1
    return Span(start, end, text[start:end])


def _actor(name: str | None, actor_type: str | None = None) -> Actor | None:
    return Actor(name=name, type=actor_type, mention=name) if name else None


def make_mention(document_id: str, sub_event_type: str, *, text: str, trigger: str, date: str | None = None,
                 place: Place | None = None, actor1: str | None = None, actor2: str | None = None,
                 deaths: int | None = None, deaths_low: int | None = None, deaths_high: int | None = None,
                 background: bool = False, confidence: float = 0.7, attribution: str | None = None,
                 tags: list[str] | None = None) -> Mention:
    trig = _span(text, trigger)
    return Mention(
        document_id=document_id, event_type=event_types().get(sub_event_type, "Strategic developments"),
        sub_event_type=sub_event_type, trigger=trig, sentence=sentence_of(text, trig),
        date=DateSpan(start=date, end=date, precision=1 if date and len(date) == 10 else 3 if date else None),
        is_background=background, actor1=_actor(actor1), actor2=_actor(actor2), location=place,
        fatalities=Fatalities(low=deaths_low if deaths_low is not None else deaths, best=deaths,
                              high=deaths_high if deaths_high is not None else deaths,
                              text=f"{deaths} killed" if deaths is not None else None),
        civilian_targeting=(actor2 or "").lower() == "civilians", confidence=confidence,
        attribution=attribution, attribution_type="source" if attribution else None, tags=list(tags or []),
        evidence=[trig],
    )
