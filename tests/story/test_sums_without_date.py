"""A war's dead and a count of happenings are sums, wherever their sentence is set (articles written for this test):

* a clause brought in by "in which" or "during which" after a war tells the war's dead ("ended half a century of war
  with the rebels, in which some 200,000 people died"), even when the sentence names a town (where talks were held);
* happenings counted by a number of ten or more ("has carried out more than 1,000 air strikes in Sagaing", "dozens
  of attacks") are many events, not one;
* a count with a day of its own ("On Sunday, jets carried out 20 air strikes on Idlib") stays a happening, and so
  does what a doer did in a war ("the war, in which Eritrean troops killed 200 civilians in Axum") (guards).
"""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _events(extractor, text, published="2022-10-07"):
    return extractor.extract([Document(id="sums", raw_text=text, published=published)], include_background=True)


@pytest.mark.parametrize("text", [
    "Gunmen killed two soldiers in an ambush near Suarez in Colombia's Cauca province on Saturday, the army said. The "
    "2016 accord, signed in Bogota after four years of talks in Havana, ended more than half a century of war with "
    "the rebels, in which some 260,000 people died.",
    "Gunmen killed two soldiers in an ambush near Suarez in Colombia's Cauca province on Saturday, the army said. "
    "The insurgency, during which more than 40,000 people have been killed in the south-west, began in 1964.",
])
def test_a_wars_dead_are_no_happening(extractor, text):
    events = _events(extractor, text)
    assert [(e.sub_event_type, e.location.name) for e in events] == [("Armed clash", "Suarez")], \
        [(e.sub_event_type, e.location and e.location.name, e.notes) for e in events]


@pytest.mark.parametrize("text", [
    "Jets bombed a village near Shwebo on Monday, killing three people, residents said. According to monitors, the "
    "air force has carried out more than 1,000 air strikes in Sagaing since the coup.",
    "Jets bombed a village near Shwebo on Monday, killing three people, residents said. Resistance groups have "
    "launched dozens of attacks on army posts in Sagaing this year.",
])
def test_a_count_of_happenings_is_no_happening(extractor, text):
    events = _events(extractor, text)
    assert [(e.location.name, e.event_date) for e in events] == [("Shwebo", "2022-10-03")], \
        [(e.sub_event_type, e.location and e.location.name, e.notes) for e in events]


def test_guard_a_doers_happening_in_a_war_stays_a_happening(extractor):
    text = ("Soldiers detained dozens of men in Gondar on Monday, residents said. The report recalls the war in "
            "Tigray, in which Eritrean troops killed more than 200 civilians in the town of Axum in November 2020.")
    background = [e for e in _events(extractor, text) if e.is_background]
    assert [(e.location.name, e.event_date[:7]) for e in background] == [("Aksum", "2020-11")], \
        [(e.sub_event_type, e.location and e.location.name, e.notes) for e in background]


def test_guard_a_count_on_a_day_of_its_own_stays_a_happening(extractor):
    events = _events(extractor, "On Sunday, jets carried out 20 air strikes on Idlib, killing 12 civilians.")
    assert [(e.sub_event_type, e.location.name, e.event_date, e.fatalities.best) for e in events] == \
        [("Air/drone strike", "Idlib", "2022-10-02", 12)]
