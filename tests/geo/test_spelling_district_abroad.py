"""Three ways a town the gazetteer knows was lost (sentences written for these tests):

* a spelling one letter away from every spelling the gazetteer has ("Bulo Burde" for Buulobarde, also written
  "Bulo Berde") is that town when it lies in the story's country and no other place there is spelled so;
* a town named with its district ("Debre Markos, the capital of East Gojjam zone") stays the town when the gazetteer
  links the town only to its province (it had been put at the district's middle, 120 km away);
* a district abroad that nothing else in a clear story points to is not the place of a river or a region of that
  name ("the Shabelle river" in a Somalia story is no district of Ethiopia's Somali region).
"""

from __future__ import annotations

import pytest

import eventwire
from eventwire.fuse import haversine_km

pytestmark = pytest.mark.slow


def _near(event, lat, lon, km=30.0):
    loc = event["location"] or {}
    return loc.get("lat") is not None and haversine_km(loc["lat"], loc["lon"], lat, lon) <= km


def test_a_spelling_one_letter_off_is_the_story_countrys_town(gazetteer):
    town = gazetteer.spelled_like("Bulo Burde", "SO")
    assert town is not None and town.name == "Buulobarde"
    assert gazetteer.spelled_like("Bulo Burde", "KE") is None      # only in the story's country
    assert gazetteer.spelled_like("Baidoas", "SO") is None         # short names: too many neighbours


SOMALIA = ("BELEDWEYNE, Somalia - Al-Shabaab fighters attacked an army base on the outskirts of Bulo Burde, a town "
           "on the Shabelle river in Somalia's Hiiraan region, on Tuesday, killing three soldiers, officials in "
           "Beledweyne said.")


def test_a_town_by_a_river_named_like_a_district_abroad_stays_in_the_story_country():
    events = eventwire.extract(SOMALIA, published="2023-03-09")
    assert events, "the attack on the base is an event"
    loc = events[0]["location"]
    assert loc["country"] == "SO", loc
    assert _near(events[0], 3.85, 45.57, km=40), loc    # Bulo Burde, not Ethiopia's Shabelle zone nor Hiiraan's middle


@pytest.mark.parametrize("text", [
    "On Saturday, militiamen entered Debre Markos, the capital of East Gojjam zone, and fought federal troops for "
    "several hours before withdrawing, residents said.",
])
def test_a_town_named_with_its_district_is_the_town(text):
    events = [e for e in eventwire.extract(text, published="2024-01-22") if e["sub_event_type"] == "Armed clash"]
    assert events, text
    assert _near(events[0], 10.35, 37.73), events[0]["location"]
