"""``EventStore.put_event_records``: finished event records stored as given, in chunks, found by the queries."""

from __future__ import annotations

import duckdb
import pytest

from eventwire.store import Store
from eventwire.store.events import EventStore
from eventwire.store.queries import count_events, event_record, event_records


def _record(i: int) -> dict:
    day = f"2024-05-{1 + i % 28:02d}"
    return {"event_id": f"ev-{i}", "event_type": "Battles", "sub_event_type": "Armed clash",
            "event_date": day, "date_start": day, "date_end": day, "is_background": i % 10 == 0,
            "actor1": {"name": f"Group {i % 3}"}, "actor2": None,
            "location": {"name": "Goma", "country": "CD", "admin1": "North Kivu", "lat": -1.68, "lon": 29.22},
            "fatalities": {"best": i}, "sources": [{"document_id": "d1"}, {"document_id": "d1"}]}


def test_records_are_stored_in_chunks_and_queried():
    with Store(":memory:") as store:
        assert EventStore(store).put_event_records((_record(i) for i in range(25)), chunk=10) == 25
        assert store.count("events") == 25
        assert count_events(store.con, country="cd", actor="group 1", include_background=True) == 8
        assert event_record(store.con, "ev-3")["fatalities"] == {"best": 3}
        row = store.con.execute("SELECT num_sources, num_documents, event_date FROM events "
                                "WHERE event_id = 'ev-3'").fetchone()
        assert row[:2] == (2, 1) and row[2].isoformat() == "2024-05-04"
        assert [e["event_id"] for e in event_records(store.con, newest_first=True, limit=1)] == ["ev-24"]


def test_a_stored_id_fails_its_chunk_only():
    with Store(":memory:") as store:
        events = EventStore(store)
        events.put_event_records([_record(1)])
        with pytest.raises(duckdb.Error):
            events.put_event_records([_record(2), _record(1)])
        assert store.count("events") == 1
