"""The one query API (store.queries): filters parameterised, LIKE escaped, numbers range-checked."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from eventwire.errors import UsageError
from eventwire.records import Document, content_hash
from eventwire.store import Store
from eventwire.store.queries import (MAX_ROWS, count_events, event_record, event_records, like_pattern,
                                     parse_when, query_events, timeline)

ROWS = [  # event_id, day, country, admin1, lat, lon, actor1, actor2, background, updated_at
    ("fiji", "2024-03-01", "FJ", "Central", -18.1, 178.4, "Fiji Police", None, False, "2024-03-02 10:00:00"),
    ("samoa", "2024-03-02", "WS", "Tuamasaga", -13.8, -171.8, "100% Rebels", "Police", False, "2024-03-03 10:00:00"),
    ("kenya", "2024-03-03", "KE", "Nairobi", -1.3, 36.8, "Al_Shabaab", "Police_Force", False, "2024-03-04 10:00:00"),
    ("old", "2019-01-01", "KE", "Mombasa", -4.0, 39.7, "Back\\slash Group", None, True, "2024-03-01 10:00:00"),
]


@pytest.fixture
def con():
    with Store(":memory:") as store:
        with store.batch() as c:
            for eid, day, country, admin1, lat, lon, a1, a2, bg, at in ROWS:
                record = {"event_id": eid, "event_date": day, "actor1": {"name": a1}}
                c.execute("INSERT INTO events (event_id, event_type, sub_event_type, event_date, date_start, "
                          "date_end, is_background, country, admin1, lat, lon, actor1, actor2, num_sources, "
                          "num_documents, record, updated_at) "
                          "VALUES (?, 'Battles', 'Armed clash', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?, ?)",
                          [eid, day, day, day, bg, country, admin1, lat, lon, a1, a2, json.dumps(record), at])
        yield store.con


def ids(records):
    return {r["event_id"] for r in records}


@pytest.mark.parametrize("actor, expected", [
    ("%", {"samoa"}),                 # a literal percent sign, not "anything"
    ("_", {"kenya"}),                 # a literal underscore, not "any character"
    ("al_s", {"kenya"}),
    ("al%s", set()),
    ("\\", {"old"}),                  # the escape character itself
    ("police", {"fiji", "samoa", "kenya"}),
    ("' OR 1=1 --", set()),          # parameters, never SQL text
])
def test_actor_is_a_literal_substring(con, actor, expected):
    assert ids(query_events(con, actor=actor, include_background=True)) == expected


def test_like_pattern_escapes_wildcards_and_the_escape():
    assert like_pattern("5%_a\\b") == "%5\\%\\_a\\\\b%"


@pytest.mark.parametrize("bbox, expected", [
    ("170,-20,-170,-10", {"fiji", "samoa"}),     # W > E: across the antimeridian
    ("175,-20,180,-10", {"fiji"}),
    ("-175,-20,-170,-10", {"samoa"}),
    ("30,-5,40,0", {"kenya"}),
    ((30, -5, 40, 0), {"kenya"}),
])
def test_bbox_also_across_the_antimeridian(con, bbox, expected):
    assert ids(query_events(con, bbox=bbox)) == expected


def test_admin1_matches_the_whole_name_in_any_case(con):
    assert ids(query_events(con, admin1="nairobi")) == {"kenya"}
    assert ids(query_events(con, admin1="Nair")) == set()


def test_since_is_utc_and_honours_offsets(con):
    assert ids(query_events(con, since="2024-03-03")) == {"samoa", "kenya"}
    assert ids(query_events(con, since="2024-03-03T10:00:00Z")) == {"samoa", "kenya"}
    assert ids(query_events(con, since="2024-03-03T12:00:00+02:00")) == {"samoa", "kenya"}  # 10:00 UTC
    assert ids(query_events(con, since="2024-03-03T10:00:01")) == {"kenya"}
    assert parse_when("2024-03-03T12:00:00+02:00") == datetime(2024, 3, 3, 10, 0)


def test_pages_newest_first_and_counts(con):
    assert [r["event_id"] for r in event_records(con, newest_first=True, limit=2)] == ["kenya", "samoa"]
    assert [r["event_id"] for r in event_records(con, newest_first=True, limit=2, offset=2)] == ["fiji"]
    assert [r["event_id"] for r in event_records(con, offset=1)] == ["samoa", "kenya"]
    assert "updated_at" not in event_records(con)[0] and "updated_at" in query_events(con)[0]
    assert count_events(con) == 3 and count_events(con, include_background=True) == 4
    assert event_records(con, offset=MAX_ROWS) == []


@pytest.mark.parametrize("limit, offset", [
    (None, 2 ** 63), (None, MAX_ROWS + 1), (None, -1), (-5, 0), (10 ** 40, 0), ("ten", 0), (1.5, 0), (None, True),
])
def test_out_of_range_pages_are_usage_errors(con, limit, offset):
    with pytest.raises(UsageError) as info:
        event_records(con, limit=limit, offset=offset)
    assert info.value.code == "E060"


@pytest.mark.parametrize("filters", [
    {"bbox": "1,2,3"}, {"bbox": "nan,0,1,1"}, {"bbox": "0,0,inf,1"}, {"bbox": "0,10,1,5"},
    {"since": "yesterday"}, {"start": "2024-13-01"},
])
def test_bad_filters_are_usage_errors(con, filters):
    with pytest.raises(UsageError):
        count_events(con, **filters)


def test_one_record_and_the_timeline(con):
    assert event_record(con, "fiji")["event_id"] == "fiji" and event_record(con, "nope") is None
    days = timeline(con, country="ke", include_background=True)
    assert days == [{"date": "2019-01-01", "event_type": "Battles", "count": 1},
                    {"date": "2024-03-03", "event_type": "Battles", "count": 1}]


def test_document_summaries_and_a_cursor_view():
    with Store(":memory:") as store:
        with store.batch():
            for i in range(3):
                text = f"Text number {i}."
                store.put_document(Document(id=f"d{i}", raw_text=text, content_hash=content_hash(text),
                                            title=f"T{i}", published="2024-05-0{}".format(i + 1)))
        assert [d["document_id"] for d in store.document_summaries(limit=2)] == ["d0", "d1"]
        assert store.document_summaries()[2] == {"document_id": "d2", "published": "2024-05-03",
                                                 "language": None, "status": "new", "title": "T2"}
        with pytest.raises(UsageError):
            store.document_summaries(limit=2 ** 64)
        with store.cursor() as view:
            assert view.get_document("d1").title == "T1" and view.count("documents") == 3
        assert store.count("documents") == 3  # closing the view leaves the store open


@pytest.mark.parametrize("filters", [
    {}, {"include_background": True}, {"country": "ke"}, {"actor": "police"}, {"bbox": "170,-20,-170,0"},
    {"country": "XX"}, {"start": "2024-03-02", "include_background": True},
])
@pytest.mark.parametrize("newest_first", [True, False])
def test_a_counted_page_is_the_count_and_the_page(con, filters, newest_first):
    from eventwire.store.queries import counted_event_page, event_page

    after = None
    while True:
        total, page, cursor = counted_event_page(con, newest_first=newest_first, limit=2, after=after, **filters)
        assert total == count_events(con, **filters)
        assert (page, cursor) == event_page(con, newest_first=newest_first, limit=2, after=after, **filters)
        if cursor is None:
            break
        after = cursor
    assert counted_event_page(con, limit=2, offset=50, **filters) == (count_events(con, **filters), [], None)
