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
``store.batch()``); ``add_documents`` fuses many documents in one transaction
with a handful of statements (see ``_fusework``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from eventwire.config import Settings, defaults
from eventwire.fuse import SourceMeta, build_event, ensure_ids, from_mention, mention_from_dict, mention_to_dict
from eventwire.fuse import profile, source_meta
from eventwire.fuse._blocks import key_hash, lookup_keys, register_keys
from eventwire.fuse._dates import day_range, iso
from eventwire.fuse._item import Item, item_from_dict, item_to_dict
from eventwire.records import Document, Event, Mention
from eventwire.store._fusework import PlannedDoc, Work, assign, execute_in, group_mentions, insert_arrow
from eventwire.store._fusework import load_candidates, select_in
from eventwire.store.queries import changes_since, query_events

_EVENT_COLUMNS = ("event_id", "event_type", "sub_event_type", "event_date", "date_start", "date_end",
                  "is_background", "country", "admin1", "lat", "lon", "actor1", "actor2", "fatalities_best",
                  "num_sources", "num_documents", "record", "updated_at")
_MENTION_COLUMNS = ("mention_id", "document_id", "event_id", "event_type", "sub_event_type", "event_date",
                    "date_start", "date_end", "is_background", "country", "record")
_DATES = {"event_date", "date_start", "date_end"}
# an event to (re)write: the event, its record, its mentions and their documents
Written = tuple[Event, dict[str, Any], list[Mention], dict[str, SourceMeta]]


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


def _casts(columns: Sequence[str]) -> str:
    return ", ".join(f"CAST({c} AS DATE)" if c in _DATES else c for c in columns)


class EventStore:
    """Fused events in a ``Store``; cheap to build (holds only the store and settings)."""

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
                      docs: Mapping[str, Document], *, mark_processed: bool = False) -> dict[str, int]:
        """Fuse many documents in one transaction; returns counts of what changed.

        With ``mark_processed`` the documents' status becomes ``processed`` in the same
        transaction: after a crash they are either fused and processed, or neither."""
        self._stamp = _now()
        with self.store.batch():
            if mark_processed:
                self.store.mark_documents(list(batch), "processed")
            planned, counts = self._plan(batch, docs)
            if not planned:
                return {k: v for k, v in counts.items() if v}
            work = Work(self.settings)
            counts["revised_documents"] = self._take_back(work, planned)
            load_candidates(self.con, work, planned)
            for doc in planned:
                for group in doc.groups:
                    assign(self.con, work, group, doc.meta)
            counts.update(self._flush(work, planned))
        return {k: v for k, v in counts.items() if v}

    # -- planning -------------------------------------------------------------------
    def _plan(self, batch: Mapping[str, Sequence[Mention]],
              docs: Mapping[str, Document]) -> tuple[list[PlannedDoc], dict[str, int]]:
        """The documents whose input is new or changed (same digest and no newer URL twin: skipped)."""
        stored = dict(select_in(self.con, "SELECT document_id, digest FROM fused_documents "
                                          "WHERE document_id IN ({marks})", batch))
        planned, unchanged = [], 0
        for document_id, given in batch.items():
            mentions = [m for m in ensure_ids(list(given)) if m.document_id == document_id]
            mentions = sorted({m.mention_id: m for m in mentions}.values(), key=lambda m: m.mention_id or "")
            doc = docs.get(document_id)
            meta = source_meta(doc) if doc is not None else self._stored_meta(document_id)
            digest = _digest(mentions, meta)
            if stored.get(document_id) == digest:
                unchanged += 1
                continue
            planned.append(PlannedDoc(document_id, mentions, meta, digest,
                                      group_mentions(mentions, meta, self.settings), document_id in stored))
        return planned, {"unchanged_documents": unchanged, "documents": len(planned),
                         "mentions": sum(len(d.mentions) for d in planned)}

    def _stored_meta(self, document_id: str) -> SourceMeta:
        row = self.con.execute("SELECT url, outlet, published FROM documents WHERE document_id = ?",
                               [document_id]).fetchone()
        if row is None:
            return SourceMeta()
        return SourceMeta(url=row[0], outlet=row[1], published=row[2].isoformat() if row[2] else None)

    def _take_back(self, work: Work, planned: list[PlannedDoc]) -> int:
        """Mark what earlier versions of these documents contributed (same id or same URL) for removal."""
        urls = {d.meta.url for d in planned if d.meta.url}
        twins = select_in(self.con, "SELECT document_id FROM fused_documents WHERE url IN ({marks})", urls)
        ids = {d.document_id for d in planned}
        stale = {r[0] for r in twins} - ids
        revise = {d.document_id for d in planned if d.seen} | stale
        if not revise:
            return 0
        rows = select_in(self.con, "SELECT DISTINCT event_id, document_id FROM mentions "
                                   "WHERE document_id IN ({marks})", revise)
        work.removed_docs |= revise
        work.touched |= {r[0] for r in rows if r[0]}
        return len(stale)

    # -- writing ------------------------------------------------------------------
    def _members(self, work: Work, affected: set[str]) -> dict[str, dict[str, tuple[Mention, SourceMeta]]]:
        """Every event's mentions after the batch: stored ones (minus taken back) plus assigned ones."""
        members: dict[str, dict[str, tuple[Mention, SourceMeta]]] = {}
        rows = select_in(self.con, "SELECT event_id, document_id, record FROM mentions WHERE event_id IN ({marks})",
                         affected)
        for event_id, document_id, record in rows:
            if document_id in work.removed_docs:
                continue
            data = json.loads(record)
            m = mention_from_dict(data["mention"])
            members.setdefault(work.final(event_id), {})[m.mention_id or ""] = (m, SourceMeta(**data["source"]))
        for mention_id, (event_id, m, meta) in work.assigned.items():
            members.setdefault(work.final(event_id), {})[mention_id] = (m, meta)
        return members

    def _flush(self, work: Work, planned: list[PlannedDoc]) -> dict[str, int]:
        affected = work.touched | work.created | set(work.moved) | set(work.moved.values())
        members = self._members(work, affected)
        old = dict(select_in(self.con, "SELECT event_id, record FROM events WHERE event_id IN ({marks})", affected))
        history, written, counts = [], [], {"created_events": 0, "updated_events": 0, "deleted_events": 0,
                                            "merged_events": len(work.moved)}
        for absorbed, into in sorted(work.moved.items()):
            history.append([absorbed, "merged", {"into": work.final(into)}])
        for event_id in sorted({work.final(e) for e in affected} - set(work.moved)):
            self._decide(event_id, members.get(event_id), old.get(event_id), history, written, counts)
        self._write(work, planned, written, old, history)
        return counts

    def _decide(self, event_id: str, members: dict[str, tuple[Mention, SourceMeta]] | None, old: str | None,
                history: list[list[Any]], written: list[Written],
                counts: dict[str, int]) -> None:
        """Rebuild one event and note what changed (created / updated / deleted / nothing)."""
        if not members:
            if old is not None:
                history.append([event_id, "deleted", {"reason": "no source left",
                                                      "documents": _documents(json.loads(old))}])
                counts["deleted_events"] += 1
            return
        mentions = [m for m, _ in members.values()]
        metas = {m.document_id: meta for m, meta in members.values()}
        event = build_event(mentions, metas, event_id=event_id)
        record = event.to_dict()
        before = json.loads(old) if old is not None else None
        if before == record:
            return
        written.append((event, record, mentions, metas))
        if before is None:
            history.append([event_id, "created", {"documents": _documents(record), "mentions": record["mention_ids"]}])
            counts["created_events"] += 1
        else:
            history.append([event_id, "updated", _diff(before, record)])
            counts["updated_events"] += 1

    def _write(self, work: Work, planned: list[PlannedDoc], written: list[Written], old: dict[str, str],
               history: list[list[Any]]) -> None:
        con = self.con
        if work.removed_docs:
            for table in ("mentions", "event_sources", "fused_documents"):
                execute_in(con, f"DELETE FROM {table} WHERE document_id IN ({{marks}})", work.removed_docs)
        for absorbed in sorted(work.moved):
            for table in ("mentions", "event_sources"):
                con.execute(f"UPDATE {table} SET event_id = ? WHERE event_id = ?", [work.final(absorbed), absorbed])
        self._insert_mentions(work)
        rewritten = {w[0].event_id for w in written}
        ended = {e for e, change, _ in history if change in ("deleted", "merged")}
        for table in ("events", "event_profiles"):
            execute_in(con, f"DELETE FROM {table} WHERE event_id IN ({{marks}})",
                       {e for e in old if e in rewritten or e in ended})
        execute_in(con, "DELETE FROM event_sources WHERE event_id IN ({marks})", {e for e in old if e in ended})
        self._insert_events(work, written, set(old), {e for e in old if e in ended})
        insert_arrow(con, "history", ("event_id", "change", "detail", "changed_at"),
                     [[e, c, json.dumps(d, sort_keys=True), self._stamp] for e, c, d in history])
        insert_arrow(con, "fused_documents", ("document_id", "url", "mention_ids", "digest", "fused_at"),
                     [[d.document_id, d.meta.url, json.dumps([m.mention_id for m in d.mentions]), d.digest,
                       self._stamp] for d in planned])

    def _insert_mentions(self, work: Work) -> None:
        rows = []
        for mention_id, (event_id, m, meta) in sorted(work.assigned.items()):
            record = json.dumps({"mention": mention_to_dict(m), "source": meta.to_dict()}, default=str)
            rows.append([mention_id, m.document_id, work.final(event_id), m.event_type, m.sub_event_type,
                         _day(m.date.best), _day(m.date.start), _last_day(m.date.end), m.is_background,
                         m.location.country if m.location else None, record])
        insert_arrow(self.con, "mentions", _MENTION_COLUMNS, rows, _casts(_MENTION_COLUMNS))

    def _keys(self, item: Item | None) -> set[int]:
        if item is None:
            return set()
        return {key_hash(k) for k in register_keys(item, self.settings.max_days, self.settings.max_km)}

    def _insert_events(self, work: Work, written: list[Written], stored: set[str], ended: set[str]) -> None:
        """Event rows and profiles rewritten; blocks only where the keys changed; new source rows."""
        events, sources, profiles, blocks, reblock = [], [], [], [], set()
        for event, record, mentions, metas in written:
            events.append(self._event_row(event, record))
            sources += [[event.event_id, m.mention_id, m.document_id, m.attribution, m.attribution_type]
                        for m in mentions if m.mention_id in work.assigned]
            merged = profile([from_mention(m, metas[m.document_id]) for m in mentions])
            profiles.append([event.event_id, json.dumps(item_to_dict(merged))])
            keys, before = self._keys(merged), self._keys(work.stored_profiles.get(event.event_id))
            if event.event_id in stored and keys != before:
                reblock.add(event.event_id)
            if event.event_id not in stored or keys != before:
                blocks += [[k, event.event_id] for k in sorted(keys)]
        execute_in(self.con, "DELETE FROM event_blocks WHERE event_id IN ({marks})", reblock | ended)
        insert_arrow(self.con, "events", _EVENT_COLUMNS, events, _casts(_EVENT_COLUMNS))
        insert_arrow(self.con, "event_sources", ("event_id", "mention_id", "document_id", "attribution",
                                                 "attribution_type"), sources)
        insert_arrow(self.con, "event_profiles", ("event_id", "profile"), profiles)
        insert_arrow(self.con, "event_blocks", ("block", "event_id"), blocks)

    def _event_row(self, event: Event, record: dict[str, Any]) -> list[Any]:
        loc = event.location
        return [event.event_id, event.event_type, event.sub_event_type, _day(event.event_date),
                _day(event.date_start), _last_day(event.date_end), event.is_background,
                loc.country if loc else None, loc.admin1 if loc else None, loc.lat if loc else None,
                loc.lon if loc else None, event.actor1.name if event.actor1 else None,
                event.actor2.name if event.actor2 else None, event.fatalities.best, record["num_sources"],
                record["num_documents"], json.dumps(record, ensure_ascii=False), self._stamp]

    def put_event_records(self, records: Iterable[Mapping[str, Any]], *, chunk: int = 20_000) -> int:
        """Store finished event records (the JSON contract, ``Event.to_dict()``) as given, ``chunk``
        records per transaction and one INSERT each; returns how many were stored.

        Only ``events`` rows are written: no mentions, sources, profiles or blocks, so these events
        are served and exported but later input never fuses into them. For fixtures and load
        benchmarks (``bench/bench_load.py``); an id already stored is an error (primary key)."""
        stored, rows = 0, []
        for record in records:
            rows.append(_record_row(record, self._stamp))
            if len(rows) >= chunk:
                stored += self._insert_records(rows)
                rows = []
        return stored + self._insert_records(rows)

    def _insert_records(self, rows: list[list[Any]]) -> int:
        if rows:
            with self.store.batch():
                insert_arrow(self.con, "events", _EVENT_COLUMNS, rows, _casts(_EVENT_COLUMNS))
        return len(rows)

    # -- reading ------------------------------------------------------------------
    def candidates(self, item: Item) -> dict[str, Item]:
        """Stored events sharing a blocking key with ``item`` (indexed lookups only)."""
        keys = [key_hash(k) for k in lookup_keys(item)]
        ids = {r[0] for r in select_in(self.con, "SELECT event_id FROM event_blocks WHERE block IN ({marks})", keys)}
        rows = select_in(self.con, "SELECT event_id, profile FROM event_profiles WHERE event_id IN ({marks})", ids)
        return {e: item_from_dict(json.loads(p)) for e, p in rows}

    def query_events(self, *, start: Any = None, end: Any = None, country: str | None = None,
                     admin1: str | None = None, event_type: str | None = None, actor: str | None = None,
                     bbox: Any = None, since: Any = None, include_background: bool = False,
                     limit: int | None = None) -> list[dict[str, Any]]:
        """Event records (with ``updated_at``) in date order. ``start``/``end`` overlap the event's
        dates; ``event_type`` is a type or sub-type; ``actor`` a name substring; ``bbox`` "W,S,E,N";
        ``since`` keeps events created or changed at/after that UTC time."""
        return query_events(self.con, start=start, end=end, country=country, admin1=admin1,
                            event_type=event_type, actor=actor, bbox=bbox, since=since,
                            include_background=include_background, limit=limit)

    def changes_since(self, since: str | datetime) -> list[dict[str, Any]]:
        """History rows (created / updated / merged / deleted) at or after ``since``."""
        return changes_since(self.con, since)


def _record_row(record: Mapping[str, Any], stamp: datetime) -> list[Any]:
    """The ``events`` row of an event record (dates cut to days, as ``_event_row`` does)."""
    loc = record.get("location") or {}
    actor1, actor2 = record.get("actor1") or {}, record.get("actor2") or {}
    sources = record.get("sources") or []
    return [record["event_id"], record["event_type"], record["sub_event_type"], _day(record.get("event_date")),
            _day(record.get("date_start")), _last_day(record.get("date_end")), bool(record.get("is_background")),
            loc.get("country"), loc.get("admin1"), loc.get("lat"), loc.get("lon"), actor1.get("name"),
            actor2.get("name"), (record.get("fatalities") or {}).get("best"),
            record.get("num_sources", len(sources)),
            record.get("num_documents", len({s.get("document_id") for s in sources})),
            json.dumps(record, ensure_ascii=False), stamp]


def _documents(record: dict[str, Any]) -> list[str]:
    return sorted({s["document_id"] for s in record.get("sources", [])})


def _diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    changed = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    before, after = set(_documents(old)), set(_documents(new))
    return {"changed": changed, "added_documents": sorted(after - before),
            "removed_documents": sorted(before - after), "num_sources": new.get("num_sources")}


__all__ = ["EventStore"]
