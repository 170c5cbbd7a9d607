"""Fusion: many mentions, from one or many reports, become one record per real-world event.

    fuse(mentions, docs) -> list[Event]

Two mentions are one event when their types are compatible (``data/fuse.toml``),
their dates overlap within ``[fuse] max_days``, their places are the same or
within ``max_km`` (same province for coarse places), their actors do not
contradict each other, and the evidence (same day, same place, same actors,
shared words, same sentence) reaches ``min_score``. Mentions are compared only
within blocks (country or actor x 8-day bucket), never all against all.

Ids are stable: a mention id hashes its document id, trigger offsets and
sub-event type; an event id hashes the id of its earliest mention.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventwire.config import Settings, defaults
from eventwire.fuse._build import build_event, earliest, fatality_range, fatality_reports
from eventwire.fuse._codec import mention_from_dict, mention_to_dict
from eventwire.fuse._cluster import cluster
from eventwire.fuse._item import SourceMeta, event_id_for, from_mention, mention_id, profile
from eventwire.fuse._score import haversine_km, score
from eventwire.records import Document, Event, Mention


def source_meta(doc: Document | None) -> SourceMeta:
    if doc is None:
        return SourceMeta()
    return SourceMeta(url=doc.url, outlet=doc.outlet, published=doc.published)


def ensure_ids(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions, each with ``mention_id`` set (computed when missing)."""
    for m in mentions:
        if not m.mention_id:
            m.mention_id = mention_id(m)
    return list(mentions)


def fuse(mentions: Sequence[Mention], docs: Mapping[str, Document], *,
         settings: Settings | None = None) -> list[Event]:
    """Events from mentions (raw-text offsets) of the documents in ``docs``; sorted by date and id."""
    settings = settings or defaults()
    unique = {m.mention_id: m for m in ensure_ids(mentions)}
    ordered = [unique[k] for k in sorted(unique)]
    metas = {doc_id: source_meta(doc) for doc_id, doc in docs.items()}
    items = [from_mention(m, metas.get(m.document_id) or SourceMeta()) for m in ordered]
    groups = cluster(items, [m.mention_id or "" for m in ordered], settings.fuse)
    events = [build_event([ordered[i] for i in group], metas) for group in groups]
    return sorted(events, key=lambda e: (e.event_date or "", e.event_id))


__all__ = [
    "SourceMeta", "build_event", "earliest", "ensure_ids", "event_id_for", "fatality_range", "fatality_reports",
    "from_mention", "fuse", "haversine_km", "mention_from_dict", "mention_id", "mention_to_dict", "profile",
    "score", "source_meta",
]
