"""Names the small recogniser cuts short are made whole when the gazetteer knows the whole name (sentences written
for this test): "Finote" of "Finote Selam" (a town 30 km off had been no match at all), "Markos" of "Debre Markos"
(tagged a person: the clash had no place), "Croix" of "Croix-des-Bouquets" (a town in France)."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "name", "country"), [
    ("On Sunday, a drone strike on the main square of Finote Selam killed at least 26 people.", "Finote Selam", "ET"),
    ("Fighting erupted in Debre Markos on Monday, killing five civilians, residents said.", "Debre Mark'os", "ET"),
    ("Gang members attacked the Marecage area of Croix-des-Bouquets on Monday, setting fire to homes and killing "
     "eight residents.", None, "HT"),
    ("Gangs attacked Croix-des-Bouquets on Monday, killing eight residents.", "Croix-des-Bouquets", "HT"),
])
def test_a_name_cut_short_is_the_whole_name(text, name, country):
    events = eventwire.extract(text, published="2023-08-15")
    assert events, text
    loc = events[0]["location"]
    assert loc["country"] == country, loc
    if name:
        assert loc["name"] == name, loc


def test_guard_a_persons_name_beside_a_town_stays_a_person():
    events = eventwire.extract("President Paul Kagame visited Goma on Monday, a day after rebels shelled the city, "
                               "killing two people.", published="2023-08-15")
    assert [e["location"]["name"] for e in events] == ["Goma"], events
