"""Typed records that flow through the pipeline.

``Document`` is what readers produce and the cleaner refines; ``Mention`` is one
event mention found in one document; ``Event`` is the fused, user-facing record
whose ``to_dict()`` follows the contract in DESIGN.md ("The event record").

All character offsets are Python ``str`` offsets. Offsets stored in evidence
index ``Document.raw_text`` (the text exactly as given); the cleaner's
``OffsetMap`` converts offsets into ``Document.text`` (the clean text) back.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A character span ``[start, end)`` with the text it covers."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class OffsetMap:
    """Maps offsets in a clean text back into the raw text it was cut from.

    The clean text is the concatenation of kept raw segments; ``segments`` holds
    ``(clean_start, raw_start, length)`` triples sorted by ``clean_start``.
    """

    segments: list[tuple[int, int, int]] = field(default_factory=list)

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        return cls([(0, 0, length)])

    def to_raw(self, offset: int) -> int:
        """Raw offset of clean ``offset`` (an end offset maps to the end of its segment)."""
        if not self.segments:
            return offset
        starts = [s[0] for s in self.segments]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        clean_start, raw_start, length = self.segments[i]
        return raw_start + min(offset - clean_start, length)

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` of a clean span; ``end`` is mapped as an end offset."""
        raw_start = self.to_raw(start)
        raw_end = self.to_raw(end - 1) + 1 if end > start else raw_start
        return raw_start, raw_end


def content_hash(text: str) -> str:
    """Stable identity of a text: sha1 of its whitespace-normalised form."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Document:
    """One input article. ``raw_text`` is the text exactly as given."""

    id: str
    raw_text: str
    source: str = ""
    format: str = "txt"
    url: str | None = None
    title: str | None = None
    standfirst: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    text: str | None = None
    offsets: OffsetMap | None = None
    language: str | None = None
    content_hash: str | None = None
    duplicate_of: str | None = None
    near_duplicate_of: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    # filled by later stages; never stored as such
    nlp: Any = None
    mentions: list[Mention] = field(default_factory=list)
    toponyms: list[Toponym] = field(default_factory=list)

    @property
    def clean_text(self) -> str:
        return self.text if self.text is not None else self.raw_text

    def evidence(self, start: int, end: int) -> Span:
        """Evidence span in raw-text offsets for a span of the clean text."""
        offsets = self.offsets or OffsetMap.identity(len(self.raw_text))
        raw_start, raw_end = offsets.span_to_raw(start, end)
        return Span(raw_start, raw_end, self.raw_text[raw_start:raw_end])


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, with a coded reason that says what to do."""

    source: str
    code: str
    reason: str
    line: int | None = None

    def message(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.code} {self.reason}"


@dataclass(slots=True)
class Actor:
    name: str
    type: str | None = None
    country: str | None = None
    mention: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "type": self.type, "country": self.country, "mention": self.mention}


@dataclass(slots=True)
class Place:
    name: str
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    geo_precision: int | None = None
    feature: str | None = None
    score: float | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        keys = ("name", "geonameid", "lat", "lon", "country", "admin1", "admin2", "geo_precision")
        return {k: getattr(self, k) for k in keys}


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place name recognised in a document (clean-text offsets) and its resolution."""

    start: int
    end: int
    text: str
    place: Place | None = None
    # "place"; "demonym" ("Syrian": country evidence, not an event place);
    # "actor" (metonymy: "Moscow said"). Only "place" toponyms locate events.
    role: str = "place"


@dataclass(slots=True)
class DateSpan:
    start: str | None = None
    end: str | None = None
    precision: int | None = None
    text: str | None = None
    span: Span | None = None

    @property
    def best(self) -> str | None:
        return self.start or self.end


@dataclass(slots=True)
class Fatalities:
    low: int | None = None
    best: int | None = None
    high: int | None = None
    text: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "best": self.best, "high": self.high, "text": self.text}


@dataclass(slots=True)
class Source:
    document_id: str
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    attribution: str | None = None
    attribution_type: str | None = None
    evidence: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["evidence"] = [s.to_dict() for s in self.evidence]
        return data


@dataclass(slots=True)
class Mention:
    """One event mention in one document, with evidence spans in raw-text offsets."""

    document_id: str
    event_type: str
    sub_event_type: str
    trigger: Span
    sentence: Span
    cameo: str | None = None
    plover: str | None = None
    date: DateSpan = field(default_factory=DateSpan)
    is_background: bool = False
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    assoc_actor_2: list[Actor] = field(default_factory=list)
    civilian_targeting: bool = False
    location: Place | None = None
    location_text: Span | None = None
    fatalities: Fatalities = field(default_factory=Fatalities)
    tags: list[str] = field(default_factory=list)
    confidence: float = 0.5
    attribution: str | None = None
    attribution_type: str | None = None
    evidence: list[Span] = field(default_factory=list)
    mention_id: str | None = None
    story: list[str] = field(default_factory=list)   # the story stage's decisions, with their reasons
    happening: str | None = None   # the story stage's key: mentions of one document with one key are one event
    doubted: bool = False   # the detector's model doubts an event is reported here: kept only if told as history
    probability: float | None = None   # the detector's model: P(this sub-event type) for the sentence
    rule: str | None = None        # the id of the detection rule that fired (data/rules.toml), or None
    claimed_by: Actor | None = None   # the doer a later sentence's claim or blame names: actor1 of a happening no
                                      # telling names a doer for (the story stage), never a reason to split tellings


@dataclass(slots=True)
class Event:
    """The fused, user-facing event record (see DESIGN.md for the contract)."""

    event_id: str
    event_type: str
    sub_event_type: str
    cameo: str | None
    plover: str | None
    event_date: str | None
    date_start: str | None
    date_end: str | None
    time_precision: int | None
    is_background: bool
    actor1: Actor | None
    actor2: Actor | None
    assoc_actor_1: list[Actor]
    assoc_actor_2: list[Actor]
    civilian_targeting: bool
    location: Place | None
    fatalities: Fatalities
    tags: list[str]
    confidence: float
    sources: list[Source]
    notes: str = ""
    # added by fusion: every reported number with the document behind it, and the mentions fused
    fatality_reports: list[dict[str, Any]] = field(default_factory=list)
    mention_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "cameo": self.cameo,
            "plover": self.plover,
            "event_date": self.event_date,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "time_precision": self.time_precision,
            "is_background": self.is_background,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "assoc_actor_1": [a.to_dict() for a in self.assoc_actor_1],
            "assoc_actor_2": [a.to_dict() for a in self.assoc_actor_2],
            "civilian_targeting": self.civilian_targeting,
            "location": self.location.to_dict() if self.location else None,
            "fatalities": self.fatalities.to_dict(),
            "tags": sorted(set(self.tags)),
            "confidence": round(self.confidence, 3),
            "sources": [s.to_dict() for s in self.sources],
            "num_sources": len(self.sources),
            "num_documents": len({s.document_id for s in self.sources}),
            "notes": self.notes,
            "fatality_reports": list(self.fatality_reports),
            "mention_ids": list(self.mention_ids),
        }
