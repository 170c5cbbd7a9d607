"""Incremental fusion into the DuckDB store: stable ids, idempotence, corrections, history, queries."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.fuse.synthetic import make_mention
from eventwire.records import Document, Place
from eventwire.store import Store
from eventwire.store.events import EventStore

TOWN = Place(name="Karshi", lat=38.86, lon=65.79, country="UZ", admin1="Qashqadaryo", geo_precision=1)
CITY = Place(name="Dushanbe", lat=38.56, lon=68.77, country="TJ", admin1="Dushanbe", geo_precision=1)

REPORTS = {
    "a": ("Rebels overran an army post in Karshi on Monday, killing 12 soldiers, the governor said.", "overran", 12),
    "b": ("Insurgents stormed a military outpost at Qarshi on Monday; officials said 15 troops died.", "stormed", 15),
    "c": ("At least 20 soldiers were killed when rebels attacked a base in Karshi on Monday.", "attacked", 20),
}
PROTEST = "Teachers protested over unpaid wages in Dushanbe on Tuesday."


def _doc(doc_id, text, url=None, published="2031-04-07"):
    return Document(id=doc_id, raw_text=text, outlet=f"Outlet {doc_id}", published=published,
                    url=url or f"https://news.example/{doc_id}")


def _clash(doc_id, text, trigger, deaths):
    return make_mention(doc_id, "Armed clash", text=text, trigger=trigger, date="2031-04-07", place=TOWN,
                        actor1="Free Valley Front", actor2="Military Forces of Uzbekistan", deaths=deaths)


def _add(events, doc_id, url=None, text=None, deaths=None):
    base_text, trigger, base_deaths = REPORTS[doc_id[0]]
    text = text or base_text
    doc = _doc(doc_id, text, url)
    mentions = [_clash(doc_id, text, trigger, deaths if deaths is not None else base_deaths)] if trigger in text else []
    return events.add_document_mentions(doc_id, mentions, {doc_id: doc})


def _protest(events):
    doc = _doc("p", PROTEST, published="2031-04-08")
    m = make_mention("p", "Peaceful protest", text=PROTEST, trigger="protested", date="2031-04-08", place=CITY,
                     actor1="Protesters (Tajikistan)")
    events.add_document_mentions("p", [m], {"p": doc})


@pytest.fixture
def events():
    with Store(":memory:") as store:
        yield EventStore(store)


def _ids(events):
    return [r["event_id"] for r in events.query_events(include_background=True)]


def test_reports_arriving_one_by_one_update_one_event_with_a_stable_id(events):
    _add(events, "a")
    [first] = _ids(events)
    _add(events, "b")
    _add(events, "c")
    [record] = events.query_events()
    assert record["event_id"] == first
    assert record["num_sources"] == 3 and record["num_documents"] == 3
    assert (record["fatalities"]["low"], record["fatalities"]["high"]) == (12, 20)
    changes = [c["change"] for c in events.changes_since("2000-01-01")]
    assert changes == ["created", "updated", "updated"]
    assert events.store.count("event_sources") == 3


def test_reingesting_the_same_input_changes_nothing(events):
    _add(events, "a")
    _add(events, "b")
    before = (events.query_events(), events.store.count("history"), events.store.count("mentions"))
    assert _add(events, "a") == {"unchanged_documents": 1}
    assert _add(events, "b") == {"unchanged_documents": 1}
    assert (events.query_events(), events.store.count("history"), events.store.count("mentions")) == before


def test_corrected_article_revises_what_it_contributed(events):
    _add(events, "a", url="https://news.example/story")
    _add(events, "b")
    event_id = _ids(events)[0]
    corrected = REPORTS["a"][0].replace("12 soldiers", "9 soldiers")
    _add(events, "a2", url="https://news.example/story", text=corrected, deaths=9)
    [record] = events.query_events()
    assert record["event_id"] == event_id
    assert {s["document_id"] for s in record["sources"]} == {"a2", "b"}
    assert {r["best"] for r in record["fatality_reports"]} == {9, 15}
    last = events.changes_since("2000-01-01")[-1]
    assert last["change"] == "updated" and last["detail"]["removed_documents"] == ["a"]


def test_event_left_without_sources_is_deleted_and_recorded(events):
    _add(events, "a", url="https://news.example/story")
    event_id = _ids(events)[0]
    _add(events, "a2", url="https://news.example/story", text="The governor gave no details.")
    assert _ids(events) == []
    last = events.changes_since("2000-01-01")[-1]
    assert last["event_id"] == event_id and last["change"] == "deleted"
    assert last["detail"]["documents"] == ["a"]


def test_different_events_stay_apart_and_filters_select_them(events):
    _add(events, "a")
    _protest(events)
    assert len(events.query_events()) == 2
    assert [r["sub_event_type"] for r in events.query_events(country="tj")] == ["Peaceful protest"]
    assert len(events.query_events(admin1="Qashqadaryo")) == 1
    assert len(events.query_events(event_type="Battles")) == 1
    assert len(events.query_events(actor="free valley")) == 1
    assert len(events.query_events(start="2031-04-08")) == 1
    assert len(events.query_events(end="2031-04-07")) == 1
    assert len(events.query_events(bbox="68,38,69,39")) == 1
    assert len(events.query_events(limit=1)) == 1


def test_since_returns_only_recent_changes(events):
    _add(events, "a")
    time.sleep(0.01)
    from datetime import UTC, datetime

    mark = datetime.now(UTC).replace(tzinfo=None)
    _protest(events)
    assert [r["sub_event_type"] for r in events.query_events(since=mark)] == ["Peaceful protest"]
    assert [c["change"] for c in events.changes_since(mark)] == ["created"]


def test_a_bridging_report_merges_two_events_into_the_older_id(events):
    one = "Fighting broke out at the river bridge in Karshi, police reported."
    two = "Gunfire was heard near the grain silo in Karshi overnight."
    both = "Fighting at the river bridge spread to the grain silo in Karshi over two days."
    specs = [("m1", one, "Fighting", "2031-04-07"), ("m2", two, "Gunfire", "2031-04-08")]
    for doc_id, text, trigger, day in specs:
        m = make_mention(doc_id, "Armed clash", text=text, trigger=trigger, date=day, place=TOWN)
        events.add_document_mentions(doc_id, [m], {doc_id: _doc(doc_id, text, published=day)})
    first_ids = _ids(events)
    assert len(first_ids) == 2
    bridge = make_mention("m3", "Armed clash", text=both, trigger="Fighting", place=TOWN)
    bridge.date.start, bridge.date.end, bridge.date.precision = "2031-04-07", "2031-04-08", 2
    events.add_document_mentions("m3", [bridge], {"m3": _doc("m3", both, published="2031-04-09")})
    [record] = events.query_events()
    assert record["num_sources"] == 3
    merged = [c for c in events.changes_since("2000-01-01") if c["change"] == "merged"]
    assert len(merged) == 1 and merged[0]["detail"]["into"] == record["event_id"]
    assert record["event_id"] in first_ids


def test_candidate_lookup_uses_blocks_not_a_scan(events):
    _add(events, "a")
    _protest(events)
    from eventwire.fuse import from_mention, source_meta

    text, trigger, deaths = REPORTS["b"]
    item = from_mention(_clash("b", text, trigger, deaths), source_meta(_doc("b", text)))
    assert len(events.candidates(item)) == 1


# -- property test: random add / re-add / correct sequences keep the invariants ----------

ACTIONS = st.lists(st.tuples(st.sampled_from(["add", "readd", "correct"]), st.sampled_from("abc"),
                             st.integers(min_value=1, max_value=40)), min_size=1, max_size=8)


def _invariants(events):
    con = events.con
    assert con.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                       "(SELECT 1 FROM mentions m WHERE m.event_id = e.event_id)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM mentions WHERE event_id IS NULL OR event_id NOT IN "
                       "(SELECT event_id FROM events)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) - count(DISTINCT mention_id) FROM mentions").fetchone()[0] == 0
    assert con.execute("SELECT count(*) - count(DISTINCT mention_id) FROM event_sources").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM event_blocks WHERE event_id NOT IN "
                       "(SELECT event_id FROM events)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM events WHERE event_id NOT IN "
                       "(SELECT event_id FROM event_profiles)").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM event_sources s WHERE NOT EXISTS (SELECT 1 FROM mentions m "
                       "WHERE m.mention_id = s.mention_id AND m.event_id = s.event_id)").fetchone()[0] == 0
    assert events.store.count("event_sources") == events.store.count("mentions")
    for record in events.query_events(include_background=True):
        assert record["num_sources"] >= 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ACTIONS)
def test_random_sequences_keep_invariants(actions):
    with Store(":memory:") as store:
        events = EventStore(store)
        last: dict[str, int] = {}
        for action, doc, deaths in actions:
            url = f"https://news.example/{doc}"
            if action == "correct" and doc in last:
                new_id = f"{doc}{deaths}"
                text = REPORTS[doc][0].replace(str(REPORTS[doc][2]), str(deaths))
                _add(events, new_id, url=url, text=text, deaths=deaths)
            else:
                _add(events, doc, url=url)
                last[doc] = 1
            _invariants(events)
            snapshot = (events.query_events(include_background=True), store.count("history"))
            if action == "readd":
                _add(events, doc, url=url)
            assert (events.query_events(include_background=True), store.count("history")) == snapshot
