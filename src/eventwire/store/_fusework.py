"""One batch of incremental fusion, decided in memory and written in a few statements.

DuckDB answers a query in about a millisecond whatever it asks, so the store
is read with a handful of indexed ``IN (...)`` lookups per batch (blocks,
profiles, mentions, records of the touched events) and written with Arrow
inserts, never one statement per mention. ``Work`` holds the batch: which
mentions go to which event, which documents are taken back, which events
merge, and an in-memory overlay of the blocking index so that documents later
in the batch see the events made by earlier ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from eventwire.config import FuseSettings
from eventwire.fuse import SourceMeta, event_id_for, from_mention, profile, score
from eventwire.fuse._blocks import key_hash, lookup_keys, register_keys
from eventwire.fuse._build import earliest
from eventwire.fuse._cluster import cluster
from eventwire.fuse._item import Item, item_from_dict
from eventwire.records import Mention

CHUNK = 1000


@dataclass
class PlannedDoc:
    """A document of the batch that needs fusing, with its mention groups."""

    document_id: str
    mentions: list[Mention]
    meta: SourceMeta
    digest: str
    groups: list[list[tuple[Mention, Item]]] = field(default_factory=list)
    seen: bool = False          # fused before (an earlier version is taken back first)


@dataclass
class Work:
    settings: FuseSettings
    assigned: dict[str, tuple[str, Mention, SourceMeta]] = field(default_factory=dict)
    removed_docs: set[str] = field(default_factory=set)
    touched: set[str] = field(default_factory=set)
    moved: dict[str, str] = field(default_factory=dict)
    created: set[str] = field(default_factory=set)
    profiles: dict[str, Item] = field(default_factory=dict)
    stored_profiles: dict[str, Item] = field(default_factory=dict)
    index: dict[int, set[str]] = field(default_factory=dict)

    def final(self, event_id: str) -> str:
        while event_id in self.moved:
            event_id = self.moved[event_id]
        return event_id


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(values), size):
        yield list(values[i:i + size])


def select_in(con: Any, sql: str, values: Iterable[Any]) -> list[tuple[Any, ...]]:
    """Rows of ``sql`` (with one ``{marks}`` placeholder for an IN list) for all values, chunked."""
    out: list[tuple[Any, ...]] = []
    for part in chunks(sorted(set(values))):
        out += con.execute(sql.format(marks=", ".join("?" * len(part))), part).fetchall()
    return out


def execute_in(con: Any, sql: str, values: Iterable[Any]) -> None:
    for part in chunks(sorted(set(values))):
        con.execute(sql.format(marks=", ".join("?" * len(part))), part)


def insert_arrow(con: Any, table: str, columns: Sequence[str], rows: list[list[Any]], select: str = "") -> None:
    """One INSERT for many rows through an Arrow table (``select`` may cast columns)."""
    if not rows:
        return
    data = pa.table({c: [r[i] for r in rows] for i, c in enumerate(columns)})
    name = f"_ew_{table}"
    con.register(name, data)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {select or ', '.join(columns)} FROM {name}")
    finally:
        con.unregister(name)


def group_mentions(mentions: list[Mention], meta: SourceMeta, settings: FuseSettings) -> list[list[tuple[Mention, Item]]]:
    """One document's mentions grouped first (one event may have several triggers)."""
    ordered = sorted(mentions, key=lambda m: m.mention_id or "")
    items = [from_mention(m, meta) for m in ordered]
    groups = cluster(items, [m.mention_id or "" for m in ordered], settings)
    return [[(ordered[i], items[i]) for i in g] for g in groups]


def load_candidates(con: Any, work: Work, docs: list[PlannedDoc]) -> None:
    """Blocks and profiles of every stored event the batch might join: two indexed lookups."""
    keys = {key_hash(k) for d in docs for g in d.groups for _, i in g for k in lookup_keys(i)}
    keys |= {key_hash(k) for d in docs for g in d.groups for k in lookup_keys(profile([i for _, i in g]))}
    for block, event_id in select_in(con, "SELECT block, event_id FROM event_blocks WHERE block IN ({marks})", keys):
        work.index.setdefault(block, set()).add(event_id)
    ids = {e for found in work.index.values() for e in found}
    for event_id, text in select_in(con, "SELECT event_id, profile FROM event_profiles WHERE event_id IN ({marks})",
                                    ids):
        work.profiles[event_id] = work.stored_profiles[event_id] = item_from_dict(json.loads(text))


def matches(work: Work, item: Item) -> list[tuple[float, str, Item]]:
    found = {work.final(e) for k in lookup_keys(item) for e in work.index.get(key_hash(k), ())}
    scored = [(score(item, work.profiles[e], work.settings), e) for e in found if e in work.profiles]
    good = [(s, e) for s, e in scored if s is not None and s >= work.settings.min_score]
    return [(s, e, work.profiles[e]) for s, e in sorted(good, key=lambda t: (-t[0], t[1]))]


def remember(work: Work, event_id: str, item: Item) -> None:
    """Update the overlay: the event's grown profile and its blocking keys."""
    grown = profile([work.profiles[event_id], item]) if event_id in work.profiles else item
    work.profiles[event_id] = grown
    for key in register_keys(grown, work.settings.max_days, work.settings.max_km):
        work.index.setdefault(key_hash(key), set()).add(event_id)


def new_event_id(work: Work, mentions: list[Mention], meta: SourceMeta) -> str:
    first = earliest(mentions, {mentions[0].document_id: meta})
    event_id = event_id_for(first.mention_id or "")
    work.created.add(event_id)
    return event_id


def merge_group(con: Any, work: Work, found: list[tuple[float, str, Item]], item: Item) -> str:
    """The best match; other matches that also match it (grown by ``item``) merge into the oldest."""
    _, best_id, best = found[0]
    grown = profile([best, item])
    same = [e for _, e, p in found[1:] if (s := score(p, grown, work.settings)) is not None
            and s >= work.settings.min_score]
    if not same:
        return best_id
    ordered = oldest_first(con, [best_id, *same])
    for absorbed in ordered[1:]:
        work.moved[absorbed] = ordered[0]
        work.profiles[ordered[0]] = profile([work.profiles[ordered[0]], work.profiles[absorbed]])
        work.touched.add(absorbed)
    return ordered[0]


def oldest_first(con: Any, event_ids: list[str]) -> list[str]:
    rows = select_in(con, "SELECT event_id, min(change_id) FROM history WHERE event_id IN ({marks}) "
                          "AND change = 'created' GROUP BY event_id", event_ids)
    created = dict(rows)
    return sorted(event_ids, key=lambda e: (created.get(e, 1 << 62), e))


def assign(con: Any, work: Work, group: list[tuple[Mention, Item]], meta: SourceMeta) -> str:
    """Put one mention group into the best-matching event (or a new one); return its id."""
    mentions = [m for m, _ in group]
    item = profile([i for _, i in group])
    found = matches(work, item)
    event_id = merge_group(con, work, found, item) if found else new_event_id(work, mentions, meta)
    for m in mentions:
        work.assigned[m.mention_id or ""] = (event_id, m, meta)
    work.touched.add(event_id)
    remember(work, event_id, item)
    return event_id
