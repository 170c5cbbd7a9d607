"""A state's forces, or a coalition of states, that "bomb" or "bombard" a place or positions do it from the air: an
air strike, not a planted explosive nor a clash ("Syrian government forces bombed the town of Saraqib" had been a
roadside-bomb event, "Russian forces bombed rebel positions" an armed clash). Armed groups that bomb, and a bomb
that soldiers plant, stay explosives. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _types(extractor, text):
    evs = extractor.extract([Document(id="t", raw_text=text, published="2019-03-01")], include_background=True)
    return [e.sub_event_type for e in evs]


@pytest.mark.parametrize("text", [
    "Syrian government forces bombed the town of Saraqib on Monday, killing six civilians.",
    "Russian forces bombed rebel positions near Idlib on Tuesday.",
    "The army bombed militant hideouts in North Waziristan on Friday.",
    "The Saudi-led coalition bombed a school bus in Dahyan, killing 40 children.",
    "The Saudi-led coalition began bombing Houthi positions in Sanaa in March 2015.",
    "NATO bombed Serbian army barracks near Nis.",
])
def test_state_forces_that_bomb_strike_from_the_air(extractor, text):
    assert _types(extractor, text) == ["Air/drone strike"], text


@pytest.mark.parametrize("text", [
    "Militants bombed a police station in Quetta on Monday, killing four officers.",
    "Soldiers planted a bomb that killed two rebels near Jolo.",
])
def test_guard_a_bomb_of_an_armed_group_or_planted_stays_an_explosive(extractor, text):
    assert _types(extractor, text) == ["Remote explosive/landmine/IED"], text


@pytest.mark.parametrize("text", [
    "Israel bombed a school in Gaza on Monday, killing 20 people.",
    "Turkey bombed Kurdish positions near Duhok on Sunday.",
    "Israel bombs Gaza school, killing 20",
])
def test_a_country_named_for_its_forces_bombs_from_the_air(extractor, text):
    """A country's name as the doer is its state acting ("Israel bombed", a headline's "Israel bombs"): an air
    strike, not a planted explosive."""
    assert _types(extractor, text) == ["Air/drone strike"], text
