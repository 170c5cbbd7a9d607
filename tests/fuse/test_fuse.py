"""Fusion of hand-built mentions: what a user of the event data relies on."""

from __future__ import annotations

import random

from eventwire.config import defaults
from eventwire.fuse import fuse, haversine_km, mention_id
from eventwire.fuse.synthetic import make_mention
from eventwire.records import Document, Place

TOWN = Place(name="Karshi", lat=38.86, lon=65.79, country="UZ", admin1="Qashqadaryo", geo_precision=1)
OTHER_TOWN = Place(name="Termez", lat=37.22, lon=67.28, country="UZ", admin1="Surxondaryo", geo_precision=1)

A = "Rebels overran an army post in Karshi on Monday, killing 12 soldiers, the governor said."
B = "Insurgents stormed a military outpost at Qarshi on Monday; officials said 15 troops died."
C = "At least 20 soldiers were killed when rebels attacked a base in Karshi on Monday, a medic said."


def _doc(doc_id: str, text: str, outlet: str, published: str = "2031-04-07") -> Document:
    return Document(id=doc_id, raw_text=text, outlet=outlet, published=published, url=f"https://x.example/{doc_id}")


def _clash(doc_id: str, text: str, trigger: str, deaths: int, **kw):
    return make_mention(doc_id, kw.pop("sub", "Armed clash"), text=text, trigger=trigger,
                        date=kw.pop("date", "2031-04-07"), place=kw.pop("place", TOWN), actor1="Free Valley Front",
                        actor2=kw.pop("actor2", "Military Forces of Uzbekistan"), deaths=deaths, **kw)


def three_reports():
    docs = {"a": _doc("a", A, "Wire One"), "b": _doc("b", B, "Daily Two", "2031-04-08"), "c": _doc("c", C, "Radio Three")}
    mentions = [_clash("a", A, "overran", 12, attribution="the governor"), _clash("b", B, "stormed", 15),
                _clash("c", C, "attacked", 20, attribution="a medic")]
    return mentions, docs


def test_three_outlets_one_event_with_fatality_range_and_sources():
    mentions, docs = three_reports()
    [event] = fuse(mentions, docs)
    record = event.to_dict()
    assert record["num_sources"] == 3 and record["num_documents"] == 3
    assert record["fatalities"]["low"] == 12 and record["fatalities"]["high"] == 20
    assert record["fatalities"]["best"] == 15
    assert {r["best"]: r["document_id"] for r in record["fatality_reports"]} == {12: "a", 15: "b", 20: "c"}
    outlets = {s["outlet"]: s for s in record["sources"]}
    assert set(outlets) == {"Wire One", "Daily Two", "Radio Three"}
    assert outlets["Wire One"]["url"] == "https://x.example/a"
    assert outlets["Wire One"]["attribution"] == "the governor"
    assert outlets["Wire One"]["evidence"][0]["text"] == "overran"
    assert record["notes"].endswith("on 2031-04-07; reported by 3 sources.")
    assert "Karshi (Qashqadaryo, UZ)" in record["notes"]


def test_event_id_is_stable_across_runs_and_input_order():
    mentions, docs = three_reports()
    first = fuse(mentions, docs)[0].event_id
    again = three_reports()[0]
    random.Random(4).shuffle(again)
    assert fuse(again, docs)[0].event_id == first
    # the id comes from the earliest report: adding a later one keeps it
    late = "Rebels who attacked the Karshi post on Monday have withdrawn, residents said."
    docs["d"] = _doc("d", late, "Weekly Four", "2031-04-12")
    more = [*three_reports()[0], _clash("d", late, "attacked", None)]
    assert fuse(more, docs)[0].event_id == first


def test_mention_ids_hash_document_trigger_and_type():
    m = three_reports()[0][0]
    assert mention_id(m) == mention_id(_clash("a", A, "overran", 3))
    assert mention_id(m) != mention_id(_clash("a", A, "overran", 12, sub="Attack"))


def test_protest_and_air_strike_same_city_same_day_stay_apart():
    text = ("Students protested against the war in Karshi on Monday. Hours later, jets bombed a depot on the "
            "edge of Karshi, killing two guards.")
    docs = {"p": _doc("p", text, "Wire One")}
    protest = make_mention("p", "Peaceful protest", text=text, trigger="protested", date="2031-04-07", place=TOWN,
                           actor1="Protesters (Uzbekistan)")
    strike = make_mention("p", "Air/drone strike", text=text, trigger="bombed", date="2031-04-07", place=TOWN,
                          actor1="Military Forces of Uzbekistan", deaths=2)
    assert len(fuse([protest, strike], docs)) == 2


def test_two_attacks_on_different_targets_stay_apart():
    one = "A bomb hidden in a cart killed six shoppers at the Karshi bazaar on Monday."
    two = "A second bomb, fixed to a police truck, killed two officers in Karshi on Monday."
    docs = {"x": _doc("x", one, "Wire One"), "y": _doc("y", two, "Daily Two")}
    m1 = make_mention("x", "Remote explosive/landmine/IED", text=one, trigger="bomb", date="2031-04-07",
                      place=TOWN, actor2="civilians", deaths=6)
    m2 = make_mention("y", "Remote explosive/landmine/IED", text=two, trigger="bomb", date="2031-04-07",
                      place=TOWN, actor2="Police Forces of Uzbekistan", deaths=2)
    assert len(fuse([m1, m2], docs)) == 2


def test_same_report_in_far_towns_or_days_stays_apart():
    mentions, docs = three_reports()
    far = _clash("b", B, "stormed", 15, place=OTHER_TOWN)
    later = _clash("c", C, "attacked", 20, date="2031-04-15")
    assert haversine_km(TOWN.lat, TOWN.lon, OTHER_TOWN.lat, OTHER_TOWN.lon) > defaults().fuse.max_km
    assert len(fuse([mentions[0], far, later], docs)) == 3


def test_background_mention_attaches_to_known_event_as_a_source():
    mentions, docs = three_reports()
    text = "A month after rebels overran the Karshi army post on April 7, the town is calm."
    docs["bg"] = _doc("bg", text, "Monthly Review", "2031-05-07")
    background = _clash("bg", text, "overran", None, background=True)
    events = fuse([*mentions, background], docs)
    assert len(events) == 1
    assert not events[0].is_background
    assert "bg" in {s.document_id for s in events[0].sources}


def test_background_only_event_is_flagged():
    text = "In 2029 rebels overran the Karshi army post."
    docs = {"bg": _doc("bg", text, "Monthly Review")}
    background = _clash("bg", text, "overran", None, background=True, date="2029")
    [event] = fuse([background], docs)
    assert event.is_background and "(reported as background)" in event.notes


def test_compatible_sub_types_merge_into_the_better_supported_type():
    mentions, docs = three_reports()
    text = "The army retook Karshi from the Free Valley Front on Monday after heavy fighting."
    docs["r"] = _doc("r", text, "Daily Two")
    retake = _clash("r", text, "retook", None, sub="Government regains territory")
    [event] = fuse([*mentions, retake], docs)
    assert event.sub_event_type == "Armed clash" and event.to_dict()["num_sources"] == 4


def test_unknown_place_needs_strong_evidence():
    mentions, docs = three_reports()
    vague = "Fighting was reported on Monday."
    docs["v"] = _doc("v", vague, "Wire One")
    unplaced = make_mention("v", "Armed clash", text=vague, trigger="Fighting", date="2031-04-07")
    assert len(fuse([*mentions, unplaced], docs)) == 2


def test_fuse_is_empty_for_no_mentions():
    assert fuse([], {}) == []


def test_an_actor_is_never_on_both_sides():
    mentions, docs = three_reports()   # Free Valley Front (actor1) against the army (actor2)
    text = "The army said it fought off an assault in Karshi on Monday."
    docs["s"] = _doc("s", text, "Daily Two")
    army_first = make_mention("s", "Armed clash", text=text, trigger="fought", date="2031-04-07", place=TOWN,
                              actor1="Military Forces of Uzbekistan", confidence=0.99)
    [event] = fuse([*mentions, army_first], docs)
    assert event.actor1.name == "Military Forces of Uzbekistan"
    assert event.actor2.name == "Free Valley Front"


def test_an_unresolved_place_name_still_matches_the_same_name():
    hamlet = Place(name="Lower Vasht", geo_precision=3)
    one = "Shells hit Lower Vasht on Monday, killing nine, the army said."
    two = "Nine people died when shells hit Lower Vasht on Monday."
    docs = {"x": _doc("x", one, "Wire One"), "y": _doc("y", two, "Daily Two")}
    m1 = make_mention("x", "Shelling/artillery/missile attack", text=one, trigger="Shells", date="2031-04-07",
                      place=hamlet, actor1="Military Forces of Uzbekistan", deaths=9)
    m2 = make_mention("y", "Shelling/artillery/missile attack", text=two, trigger="shells", date="2031-04-07",
                      place=Place(name="Lower Vasht", geo_precision=3), deaths=9)
    assert len(fuse([m1, m2], docs)) == 1
