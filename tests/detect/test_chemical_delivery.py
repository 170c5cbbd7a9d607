"""A chemical agent named by a weak word is a chemical weapon when aircraft or rockets bring it, even where a word
of accidents ("cylinder") stands beside it; the same agent in an accident is no event. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow



def types(extractor, text):
    evs = extractor.extract([Document(id="t", raw_text=text, published="2019-05-20")], include_background=True)
    return [e.sub_event_type for e in evs]


@pytest.mark.parametrize("text", [
    "On 7 April 2018, a chlorine cylinder dropped from a helicopter on a building in Douma killed at least 43 people.",
    "Two cylinders of chlorine dropped by a government helicopter hit a house in Saraqib on Sunday, wounding nine.",
    "Rebels said rockets loaded with chlorine struck the village of Kafr Zita on Friday.",
])
def test_an_agent_brought_by_aircraft_or_rockets_is_a_chemical_weapon(extractor, text):
    assert "Chemical weapon" in types(extractor, text)


@pytest.mark.parametrize("text", [
    # guards: the agent in an accident, and a chemical factory hit by an air strike
    "A chlorine cylinder leaked at a water treatment plant in Homs, killing two workers.",
    "An air strike hit a chemical factory in Homs on Sunday.",
])
def test_an_agent_without_a_weapon_is_no_chemical_weapon(extractor, text):
    assert "Chemical weapon" not in types(extractor, text)


@pytest.mark.parametrize("text", [
    "Russian warplanes struck farmland near Jisr al-Shughur on Sunday, killing two farmers. The OPCW said in a "
    "statement from The Hague on Monday that it would continue to pursue all outstanding issues in Syria's chemical "
    "weapons declaration.",
    # guard, passes either way
    "Inspectors will review the country's chemical weapons programme at a meeting in The Hague next week.",
])
def test_chemical_weapons_talked_of_are_no_attack(extractor, text):
    assert "Chemical weapon" not in types(extractor, text)


@pytest.mark.parametrize("text", [
    # guards: violence beside the weapons, a weak word of it included
    "Army positions near al-Tanf were pounded by the jihadists' chemical weapons on Sunday.",
    "A chemical weapons attack killed 20 people in Douma on Saturday.",
])
def test_chemical_weapons_used_are_an_attack(extractor, text):
    assert "Chemical weapon" in types(extractor, text)
