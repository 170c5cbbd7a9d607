"""Weapons found in an arrest are a detail of the arrest (sentences written for this test): "police arrested four
men in a flat, seizing pistols" and "arrested two suspects in a raid and recovered explosives" are arrests, not
weapons seized (the second had also been taken for a retelling of the bomb defused the day before)."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "On Thursday police arrested four suspected members of the cell in a flat in the old town of Pamplona, seizing "
    "pistols and detonators.",
    "On Monday, police arrested two suspects in a raid on a house in Peshawar's Hayatabad neighbourhood and "
    "recovered more explosives, an official said.",
    "Soldiers detained three men at a checkpoint outside Gao on Monday, confiscating two rifles and a grenade.",
    "On Thursday police arrested four suspected members of the cell in a flat in Pamplona, seizing pistols, "
    "detonators and about 20 kg of explosives.",
])
def test_weapons_found_in_an_arrest_are_the_arrests(text):
    events = eventwire.extract(text, published="2014-03-14")
    assert [e["sub_event_type"] for e in events] == ["Arrests"], events


@pytest.mark.parametrize("text", [
    "Troops seized a weapons cache in a village near Mosul on Monday.",
    "Soldiers defused a bomb at the market in Gao on Monday.",
])
def test_guard_weapons_seized_alone_are_disrupted_weapons_use(text):
    events = eventwire.extract(text, published="2014-03-14")
    assert [e["sub_event_type"] for e in events] == ["Disrupted weapons use"], events
