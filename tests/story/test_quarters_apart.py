"""Two happenings of one kind on one day at two quarters or villages the gazetteer lacks are two events, though each
is put at the town it lies by ("a car bomb went off near a bus stop in Kadhimiya" ... "a car bomb outside a restaurant
in Karrada": both placed at Baghdad, and they had been told as one). A sentence that tells a happening again in more
detail (pluperfect: "had shelled ...") still joins it, wherever the doers stood. Texts written for these tests."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow

BAGHDAD = (
    "Car bombs kill dozens in Baghdad\n\n"
    "BAGHDAD - Car bombs struck several mainly Shiite districts of Baghdad on Monday, killing at least 30 people, "
    "police said.\n\n"
    "Shortly after 10 a.m., a car bomb went off near a bus stop in Kadhimiya, killing nine people.\n\n"
    "In the early evening, a car bomb exploded outside a popular restaurant in Karrada, killing seven diners.")

RETOLD = (
    "Death toll of regime shelling on Busra al-Harir rises to four\n\n"
    "The death toll of the regime shelling on Busra al-Harir town in the eastern countryside of Daraa has risen to "
    "four, after a child died of his wounds today.\n\n"
    "Regime forces stationed at positions on the edge of the Lajat area had shelled residential neighbourhoods in the "
    "town with artillery shells yesterday evening, killing a woman and two of her children.")


def test_bombs_in_two_quarters_of_a_city_are_two_events():
    events = [e for e in eventwire.extract(BAGHDAD, published="2013-05-14")
              if e["sub_event_type"] == "Remote explosive/landmine/IED"]
    texts = " ".join(ev.get("text", "") for e in events for s in e["sources"] for ev in s.get("evidence", []))
    assert len(events) >= 2, [(e["location"] or {}).get("name") for e in events]
    assert "Kadhimiya" in texts and "Karrada" in texts


def test_a_happening_told_again_in_the_pluperfect_stays_one():   # guard
    events = [e for e in eventwire.extract(RETOLD, published="2023-08-22")
              if e["event_type"] == "Explosions/Remote violence"]
    assert len(events) == 1, [((e["location"] or {}).get("name"), e["event_date"]) for e in events]
