"""Incremental fusion into the store: events that stay correct while news keeps arriving.

``EventStore(store).add_document_mentions(document_id, mentions, docs)`` fuses
one document's mentions into the stored events:

* the same input again changes nothing (same mention ids and content);
* a corrected article (same URL under a new document id, or new mentions
  under the same id) first takes back what its earlier version contributed;
  an event left without sources is deleted;
* a mention group joins the best-matching stored event, found through the
  indexed ``event_blocks`` table (country/actor x 8-day bucket), never by
  scanning the events; when it matches two stored events that match each
  other, they are merged into the older id;
* ``event_id`` never changes once created; every change is a ``history`` row
  (created / updated / merged / deleted, with a JSON detail).

Each call runs in one transaction of its own (do not call it inside
``store.batch()``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from eventwire.config import Settings, defaults
from eventwire.fuse import SourceMeta, build_event, ensure_ids, event_id_for, from_mention, profile, score
from eventwire.fuse import mention_from_dict, mention_to_dict, source_meta
from eventwire.fuse._blocks import key_hash, lookup_keys, register_keys
from eventwire.fuse._build import earliest
from eventwire.fuse._cluster import cluster
from eventwire.fuse._dates import day_range, iso
from eventwire.fuse._item import Item, item_from_dict, item_to_dict
from eventwire.records import Document, Event, Mention
from eventwire.store.queries import changes_since, query_events

_EVENT_COLUMNS = ("event_id", "event_type", "sub_event_type", "event_date", "date_start", "date_end",
                  "is_background", "country", "admin1", "lat", "lon", "actor1", "actor2", "fatalities_best",
                  "num_sources", "num_documents", "record", "updated_at")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _digest(mentions: Sequence[Mention], meta: SourceMeta) -> str:
    body = json.dumps([meta.to_dict(), *[mention_to_dict(m) for m in mentions]], sort_keys=True, default=str)
    return hashlib.sha1(body.encode("utf-8")).hexdigest()


def _day(text: str | None) -> str | None:
    days = day_range(text)
    return iso(days[0]) if days else None


def _last_day(text: str | None) -> str | None:
    days = day_range(text)
    return iso(days[1]) if days else None


class EventStore:
    """Fused events in a ``Store``; built per use (holds no state but the store and settings)."""

    def __init__(self, store: Any, *, settings: Settings | None = None) -> None:
        self.store = store
        self.con = store.con
        self.settings = (settings or defaults()).fuse
        self._stamp = _now()

    # -- ingest -------------------------------------------------------------------
    def add_document_mentions(self, document_id: str, mentions: Sequence[Mention],
                              docs: Mapping[str, Document]) -> dict[str, int]:
        """Fuse one document's mentions (raw-text offsets) into the stored events."""
        return self.add_documents({document_id: mentions}, docs)

    def add_documents(self, batch: Mapping[str, Sequence[Mention]],
                      docs: Mapping[str, Document]) -> dict[str, int]:
        """Several documents in one transaction; returns counts of what changed."""
        counts: dict[str, int] = {}
        self._stamp = _now()
        with self.store.batch():
            for document_id, mentions in batch.items():
                for key, n in self._add_one(document_id, list(mentions), docs.get(document_id)).items():
                    counts[key] = counts.get(key, 0) + n
        return counts

    def _add_one(self, document_id: str, mentions: list[Mention], doc: Document | None) -> dict[str, int]:
        mentions = [m for m in ensure_ids(mentions) if m.document_id == document_id]
        mentions = list({m.mention_id: m for m in mentions}.values())
        meta = source_meta(doc) if doc is not None else self._stored_meta(document_id)
        digest = _digest(sorted(mentions, key=lambda m: m.mention_id or ""), meta)
        stale = [d for d in self._same_url(meta.url) if d != document_id]
        if self._stored_digest(document_id) == digest and not stale:
            return {"unchanged_documents": 1}
        touched = self._take_back([document_id, *stale])
        self._changes: dict[str, int] = {}
        for group in self._groups(mentions, meta):
            touched.add(self._place_group(group, meta))
        self._record_document(document_id, meta, mentions, digest)
        for event_id in sorted(touched):
            self._refresh(event_id)
        return {"documents": 1, "mentions": len(mentions), "revised_documents": len(stale), **self._changes}

    def _count(self, key: str) -> None:
        self._changes[key] = self._changes.get(key, 0) + 1

    def _groups(self, mentions: list[Mention], meta: SourceMeta) -> list[list[tuple[Mention, Item]]]:
        """The document's own mentions grouped first (one event may have several triggers)."""
        ordered = sorted(mentions, key=lambda m: m.mention_id or "")
        items = [from_mention(m, meta) for m in ordered]
        groups = cluster(items, [m.mention_id or "" for m in ordered], self.settings)
        return [[(ordered[i], items[i]) for i in g] for g in groups]

    # -- documents ------------------------------------------------------------------
    def _stored_digest(self, document_id: str) -> str | None:
        row = self.con.execute("SELECT digest FROM fused_documents WHERE document_id = ?", [document_id]).fetchone()
        return row[0] if row else None

    def _stored_meta(self, document_id: str) -> SourceMeta:
        row = self.con.execute("SELECT url, outlet, published FROM documents WHERE document_id = ?",
                               [document_id]).fetchone()
        if row is None:
            return SourceMeta()
        return SourceMeta(url=row[0], outlet=row[1], published=row[2].isoformat() if row[2] else None)

    def _same_url(self, url: str | None) -> list[str]:
        if not url:
            return []
        return [r[0] for r in self.con.execute("SELECT document_id FROM fused_documents WHERE url = ?",
                                               [url]).fetchall()]

    def _record_document(self, document_id: str, meta: SourceMeta, mentions: list[Mention], digest: str) -> None:
        ids = json.dumps(sorted(m.mention_id or "" for m in mentions))
        self.con.execute("DELETE FROM fused_documents WHERE document_id = ?", [document_id])
        self.con.execute("INSERT INTO fused_documents VALUES (?, ?, ?, ?, ?)",
                         [document_id, meta.url, ids, digest, self._stamp])

    def _take_back(self, document_ids: list[str]) -> set[str]:
        """Remove what these documents contributed; return the events they were in."""
        touched: set[str] = set()
        for document_id in document_ids:
            rows = self.con.execute("SELECT DISTINCT event_id FROM mentions WHERE document_id = ?",
                                    [document_id]).fetchall()
            touched |= {r[0] for r in rows if r[0]}
            self.con.execute("DELETE FROM mentions WHERE document_id = ?", [document_id])
            self.con.execute("DELETE FROM fused_documents WHERE document_id = ?", [document_id])
        return touched

    # -- matching -----------------------------------------------------------------
    def candidates(self, item: Item) -> dict[str, Item]:
        """Stored events sharing a blocking key with ``item``: indexed lookups only."""
        ids: set[str] = set()
        for key in lookup_keys(item):
            rows = self.con.execute("SELECT event_id FROM event_blocks WHERE block = ?", [key_hash(key)])
            ids |= {r[0] for r in rows.fetchall()}
        if not ids:
            return {}
        marks = ", ".join("?" * len(ids))
        rows = self.con.execute(f"SELECT event_id, profile FROM event_profiles WHERE event_id IN ({marks})",
                                sorted(ids)).fetchall()
        return {eid: item_from_dict(json.loads(p)) for eid, p in rows}

    def _matches(self, item: Item) -> list[tuple[float, str, Item]]:
        scored = [(score(item, p, self.settings), eid, p) for eid, p in self.candidates(item).items()]
        good = [(s, eid, p) for s, eid, p in scored if s is not None and s >= self.settings.min_score]
        return sorted(good, key=lambda t: (-t[0], t[1]))

    def _place_group(self, group: list[tuple[Mention, Item]], meta: SourceMeta) -> str:
        mentions = [m for m, _ in group]
        item = profile([i for _, i in group])
        matches = self._matches(item)
        if not matches:
            event_id = self._new_id(mentions, meta)
        else:
            event_id = self._merge_matches(matches, item)
        self._insert_mentions(mentions, meta, event_id)
        return event_id

    def _new_id(self, mentions: list[Mention], meta: SourceMeta) -> str:
        first = earliest(mentions, {mentions[0].document_id: meta})
        base = event_id_for(first.mention_id or "")
        event_id, n = base, 1
        while self.con.execute("SELECT 1 FROM events WHERE event_id = ?", [event_id]).fetchone():
            n += 1
            event_id = f"{base}-{n}"
        return event_id

    def _merge_matches(self, matches: list[tuple[float, str, Item]], item: Item) -> str:
        """The best match; other matches that also match it (grown by ``item``) merge into the oldest."""
        _, best_id, best = matches[0]
        grown = profile([best, item])
        same = [eid for _, eid, p in matches[1:]
                if (s := score(p, grown, self.settings)) is not None and s >= self.settings.min_score]
        if not same:
            return best_id
        ids = self._oldest_first([best_id, *same])
        for absorbed in ids[1:]:
            self._merge(absorbed, ids[0])
        return ids[0]

    def _oldest_first(self, event_ids: list[str]) -> list[str]:
        marks = ", ".join("?" * len(event_ids))
        rows = self.con.execute(f"SELECT event_id, min(change_id) FROM history WHERE event_id IN ({marks}) "
                                "AND change = 'created' GROUP BY event_id", event_ids).fetchall()
        created = dict(rows)
        return sorted(event_ids, key=lambda e: (created.get(e, 1 << 62), e))

    def _merge(self, absorbed: str, into: str) -> None:
        moved = [r[0] for r in self.con.execute("SELECT mention_id FROM mentions WHERE event_id = ?",
                                                [absorbed]).fetchall()]
        self.con.execute("UPDATE mentions SET event_id = ? WHERE event_id = ?", [into, absorbed])
        self._drop_event(absorbed)
        self._history(absorbed, "merged", {"into": into, "mentions": sorted(moved)})
        self._count("merged_events")

    def _insert_mentions(self, mentions: list[Mention], meta: SourceMeta, event_id: str) -> None:
        rows = []
        for m in mentions:
            record = json.dumps({"mention": mention_to_dict(m), "source": meta.to_dict()}, default=str)
            rows.append([m.mention_id, m.document_id, event_id, m.event_type, m.sub_event_type,
                         _day(m.date.best), _day(m.date.start), _last_day(m.date.end), m.is_background,
                         m.location.country if m.location else None, record])
        self.con.executemany("INSERT INTO mentions (mention_id, document_id, event_id, event_type, sub_event_type, "
                             "event_date, date_start, date_end, is_background, country, record) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)

    # -- events -------------------------------------------------------------------
    def _event_mentions(self, event_id: str) -> tuple[list[Mention], dict[str, SourceMeta]]:
        rows = self.con.execute("SELECT record FROM mentions WHERE event_id = ?", [event_id]).fetchall()
        mentions, metas = [], {}
        for (record,) in rows:
            data = json.loads(record)
            m = mention_from_dict(data["mention"])
            mentions.append(m)
            metas[m.document_id] = SourceMeta(**data["source"])
        return mentions, metas

    def _refresh(self, event_id: str) -> None:
        """Rebuild one event from its mentions; record what changed."""
        old = self.con.execute("SELECT record FROM events WHERE event_id = ?", [event_id]).fetchone()
        mentions, metas = self._event_mentions(event_id)
        if not mentions:
            if old is not None:
                self._drop_event(event_id)
                self._history(event_id, "deleted", {"reason": "no source left",
                                                    "documents": _documents(json.loads(old[0]))})
                self._count("deleted_events")
            return
        event = build_event(mentions, metas, event_id=event_id)
        record = event.to_dict()
        if old is not None and json.loads(old[0]) == record:
            return
        self._write_event(event, record, [from_mention(m, metas[m.document_id]) for m in mentions])
        if old is None:
            self._history(event_id, "created", {"documents": _documents(record), "mentions": record["mention_ids"]})
            self._count("created_events")
        else:
            self._history(event_id, "updated", _diff(json.loads(old[0]), record))
            self._count("updated_events")

    def _drop_event(self, event_id: str) -> None:
        for table in ("events", "event_sources", "event_blocks", "event_profiles"):
            self.con.execute(f"DELETE FROM {table} WHERE event_id = ?", [event_id])

    def _write_event(self, event: Event, record: dict[str, Any], items: list[Item]) -> None:
        self._drop_event(event.event_id)
        loc = event.location
        row = [event.event_id, event.event_type, event.sub_event_type, _day(event.event_date),
               _day(event.date_start), _last_day(event.date_end), event.is_background,
               loc.country if loc else None, loc.admin1 if loc else None, loc.lat if loc else None,
               loc.lon if loc else None, event.actor1.name if event.actor1 else None,
               event.actor2.name if event.actor2 else None, event.fatalities.best, record["num_sources"],
               record["num_documents"], json.dumps(record, ensure_ascii=False), self._stamp]
        self.con.execute(f"INSERT INTO events ({', '.join(_EVENT_COLUMNS)}) VALUES "
                         f"({', '.join('?' * len(row))})", row)
        self._write_sources(event)
        self._write_profile(event.event_id, profile(items))

    def _write_sources(self, event: Event) -> None:
        rows = self.con.execute("SELECT mention_id, document_id, record FROM mentions WHERE event_id = ?",
                                [event.event_id]).fetchall()
        out = []
        for mention_id, document_id, record in rows:
            m = json.loads(record)["mention"]
            out.append([event.event_id, mention_id, document_id, m.get("attribution"), m.get("attribution_type")])
        self.con.executemany("INSERT INTO event_sources VALUES (?, ?, ?, ?, ?)", out)

    def _write_profile(self, event_id: str, item: Item) -> None:
        self.con.execute("INSERT INTO event_profiles VALUES (?, ?)", [event_id, json.dumps(item_to_dict(item))])
        keys = sorted({key_hash(k) for k in register_keys(item, self.settings.max_days)})
        self.con.executemany("INSERT INTO event_blocks VALUES (?, ?)", [[k, event_id] for k in keys])

    def _history(self, event_id: str, change: str, detail: dict[str, Any]) -> None:
        self.con.execute("INSERT INTO history (event_id, change, detail, changed_at) VALUES (?, ?, ?, ?)",
                         [event_id, change, json.dumps(detail, sort_keys=True), self._stamp])

    # -- reading ------------------------------------------------------------------
    def query_events(self, **filters: Any) -> list[dict[str, Any]]:
        """Event records matching the filters (see ``eventwire.store.queries.query_events``)."""
        return query_events(self.con, **filters)

    def changes_since(self, since: str | datetime) -> list[dict[str, Any]]:
        """History rows (created / updated / merged / deleted) at or after ``since``."""
        return changes_since(self.con, since)


def _documents(record: dict[str, Any]) -> list[str]:
    return sorted({s["document_id"] for s in record.get("sources", [])})


def _diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    before, after = set(_documents(old)), set(_documents(new))
    return {"changed": changed, "added_documents": sorted(after - before),
            "removed_documents": sorted(before - after), "num_sources": new.get("num_sources")}


__all__ = ["EventStore"]
