"""A headline's past participle is a passive (headlines written for this test): spaCy reads "Villager killed as
'police informer'" and "Journalist shot dead in Mexico" as active verbs with the victim as their subject, and the
victim became the doer (a villager who killed: mob violence; a journalist as the armed group). A harm verb's past
form with a subject and no object, in a line without a closing stop, is read as a passive."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "sub_type"), [
    ("Shopkeeper killed as 'army informer' in Kutru (Friday)", "Attack"),
    ("Journalist shot dead in Mexico's Guerrero state", "Attack"),
    ("Farmer abducted in North Waziristan", "Abduction/forced disappearance"),
])
def test_a_headline_participle_makes_its_subject_the_victim(text, sub_type):
    events = eventwire.extract(text, published="2022-10-09", include_background=True)
    assert [e["sub_event_type"] for e in events] == [sub_type], events
    assert events[0]["civilian_targeting"] is True, events
    assert (events[0]["actor1"] or {}).get("type") != "Civilians", events   # the victim is no doer


def test_guard_a_headline_with_an_object_keeps_its_doer():
    events = eventwire.extract("Gunmen kill five farmers in Zamfara", published="2022-10-09", include_background=True)
    assert [e["sub_event_type"] for e in events] == ["Attack"], events
    assert events[0]["actor1"]["mention"] == "Gunmen", events
