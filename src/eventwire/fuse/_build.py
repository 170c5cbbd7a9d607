"""One ``Event`` record from the mentions fusion grouped together.

Fields come from the strongest evidence (news over background, then
confidence, then the most precise date and place); every document becomes a
``Source``; differing fatality numbers become a low/best/high range with the
reports behind it (``fatality_reports``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from eventwire.fuse._item import SourceMeta, event_id_for, strength
from eventwire.fuse._tables import note_template
from eventwire.records import Actor, DateSpan, Event, Fatalities, Mention, Place, Source, Span


def earliest(mentions: Sequence[Mention], metas: Mapping[str, SourceMeta]) -> Mention:
    """The first report: earliest publication, then document id, then position."""
    def key(m: Mention) -> tuple[str, str, int]:
        meta = metas.get(m.document_id) or SourceMeta()
        return (meta.published or "9999", m.document_id, m.trigger.start)

    return min(mentions, key=key)


def _ranked(mentions: Sequence[Mention]) -> list[Mention]:
    return sorted(mentions, key=lambda m: (strength(m), m.mention_id or ""), reverse=True)


def _sub_type(ranked: list[Mention]) -> Mention:
    """The mention whose sub-event type has the most support (confidence-weighted)."""
    votes: Counter[str] = Counter()
    for m in ranked:
        votes[m.sub_event_type] += m.confidence + (0.0 if m.is_background else 1.0)
    top = max(votes.values())
    return next(m for m in ranked if votes[m.sub_event_type] == top)


def _date(ranked: list[Mention]) -> DateSpan:
    dated = [m for m in ranked if m.date.best]
    if not dated:
        return DateSpan()
    news = [m for m in dated if not m.is_background] or dated
    return min(news, key=lambda m: (m.date.precision or 9, -m.confidence)).date


def _place(ranked: list[Mention]) -> Place | None:
    located = [m for m in ranked if m.location is not None]
    if not located:
        return None
    best = min(located, key=lambda m: (m.is_background, m.location.geo_precision or 9, -m.confidence))
    return best.location


def _actor1(ranked: list[Mention]) -> Actor | None:
    return next((m.actor1 for m in ranked if m.actor1 is not None), None)


def _actor2(ranked: list[Mention], actor1: Actor | None) -> Actor | None:
    """The strongest report's other side, never ``actor1`` again: a report naming the sides the
    other way round ("X attacked <actor1>") gives its X."""
    taken = actor1.name.lower() if actor1 else None
    for m in ranked:
        if m.actor2 is None:
            continue
        if m.actor2.name.lower() != taken:
            return m.actor2
        if m.actor1 is not None and m.actor1.name.lower() != taken:
            return m.actor1
    return None


def _assoc(ranked: list[Mention], attr: str, exclude: Actor | None) -> list[Actor]:
    seen = {exclude.name.lower()} if exclude else set()
    out = []
    for m in ranked:
        for actor in getattr(m, attr):
            if actor.name.lower() not in seen:
                seen.add(actor.name.lower())
                out.append(actor)
    return out


def fatality_reports(ranked: list[Mention], metas: Mapping[str, SourceMeta]) -> list[dict[str, Any]]:
    """One report per document that gives a number (its strongest mention with one)."""
    reports: dict[str, dict[str, Any]] = {}
    for m in ranked:
        f = m.fatalities
        if f.best is None and f.low is None and f.high is None or m.document_id in reports:
            continue
        meta = metas.get(m.document_id) or SourceMeta()
        reports[m.document_id] = {"document_id": m.document_id, "outlet": meta.outlet, "low": f.low,
                                  "best": f.best, "high": f.high, "text": f.text,
                                  "attribution": m.attribution, "is_background": m.is_background}
    return sorted(reports.values(), key=lambda r: r["document_id"])


def fatality_range(reports: list[dict[str, Any]]) -> Fatalities:
    """Lowest, median and highest reported number (news reports before background)."""
    usable = [r for r in reports if not r["is_background"]] or reports
    if not usable:
        return Fatalities()
    bests = sorted(r["best"] if r["best"] is not None else (r["low"] or r["high"]) for r in usable)
    lows = [r["low"] if r["low"] is not None else r["best"] for r in usable]
    highs = [r["high"] if r["high"] is not None else r["best"] for r in usable]
    best = bests[(len(bests) - 1) // 2]
    text = next((r["text"] for r in usable if r["best"] == best and r["text"]), None)
    return Fatalities(low=min(v for v in lows if v is not None), best=best,
                      high=max(v for v in highs if v is not None), text=text)


def _evidence(mentions: list[Mention]) -> list[Span]:
    spans = {(s.start, s.end): s for m in mentions for s in [m.trigger, *m.evidence] if s is not None}
    return [spans[k] for k in sorted(spans)]


def _by_attribution(group: list[Mention]) -> list[list[Mention]]:
    """One group per distinct attribution in a document; unattributed mentions join the first."""
    parts: dict[str | None, list[Mention]] = {}
    for m in group:
        parts.setdefault(m.attribution, []).append(m)
    loose = parts.pop(None, [])
    if not parts:
        return [loose]
    groups = list(parts.values())
    groups[0] = groups[0] + loose
    return groups


def sources(ranked: list[Mention], metas: Mapping[str, SourceMeta]) -> list[Source]:
    """One source per document and attribution: "a military source" and "Russia's defence
    ministry" in one article are two sources of the same event, each with its evidence."""
    by_doc: dict[str, list[Mention]] = {}
    for m in ranked:
        by_doc.setdefault(m.document_id, []).append(m)
    out = []
    for doc_id, group in by_doc.items():
        meta = metas.get(doc_id) or SourceMeta()
        for part in _by_attribution(group):
            out.append(Source(document_id=doc_id, url=meta.url, outlet=meta.outlet, published=meta.published,
                              attribution=part[0].attribution, attribution_type=part[0].attribution_type,
                              evidence=_evidence(part)))
    return sorted(out, key=lambda s: ((s.published or "9999"), s.document_id))


def _place_text(place: Place | None) -> str:
    if place is None:
        return "an unknown place"
    where = ", ".join(p for p in (place.admin1, place.country) if p)
    return f"{place.name} ({where})" if where else place.name


def notes(event: Event) -> str:
    """One generated sentence, e.g. 'Syrian forces retook Palmyra (Homs, SY) on 2016-03-27; ...'."""
    a1 = event.actor1.name if event.actor1 else "unidentified actors"
    a2 = event.actor2.name if event.actor2 else "unidentified actors"
    what = note_template(event.sub_event_type).format(a1=a1, a2=a2, place=_place_text(event.location))
    when = f" on {event.event_date}" if event.event_date else ""
    history = " (reported as background)" if event.is_background else ""
    return f"{what[0].upper()}{what[1:]}{when}{history}; {_reported(event.sources)}."


def _reported(sources: list[Source]) -> str:
    docs, n = len({s.document_id for s in sources}), len(sources)
    said = f"reported by {n} source{'s' if n != 1 else ''}"
    return said if n == docs else f"{said} in {docs} document{'s' if docs != 1 else ''}"


def combined_confidence(mentions: Sequence[Mention]) -> float:
    """1 - product of (1 - confidence) over documents' strongest mentions."""
    per_doc: dict[str, float] = {}
    for m in mentions:
        per_doc[m.document_id] = max(per_doc.get(m.document_id, 0.0), m.confidence)
    miss = 1.0
    for c in per_doc.values():
        miss *= 1.0 - min(max(c, 0.0), 1.0)
    return 1.0 - miss


def build_event(mentions: Sequence[Mention], metas: Mapping[str, SourceMeta], *,
                event_id: str | None = None) -> Event:
    """The fused event of ``mentions`` (each with ``mention_id`` set)."""
    ranked = _ranked(mentions)
    top, typed = ranked[0], _sub_type(ranked)
    actor1 = _actor1(ranked)
    actor2 = _actor2(ranked, actor1)
    when, reports = _date(ranked), fatality_reports(ranked, metas)
    event = Event(
        event_id=event_id or event_id_for(earliest(mentions, metas).mention_id or ""),
        event_type=typed.event_type, sub_event_type=typed.sub_event_type, cameo=typed.cameo or top.cameo,
        plover=typed.plover or top.plover, event_date=when.best, date_start=when.start or when.best,
        date_end=when.end or when.best, time_precision=when.precision,
        is_background=all(m.is_background for m in mentions), actor1=actor1, actor2=actor2,
        assoc_actor_1=_assoc(ranked, "assoc_actor_1", actor1), assoc_actor_2=_assoc(ranked, "assoc_actor_2", actor2),
        civilian_targeting=any(m.civilian_targeting for m in ranked if not m.is_background) or all(
            m.civilian_targeting for m in ranked),
        location=_place(ranked), fatalities=fatality_range(reports),
        tags=sorted({t for m in ranked for t in m.tags}), confidence=combined_confidence(mentions),
        sources=sources(ranked, metas),
    )
    event.fatality_reports = reports
    event.mention_ids = sorted(m.mention_id or "" for m in mentions)
    event.notes = notes(event)
    return event
