"""An explosive an aircraft carries is its load: the strike is an air/drone strike, not a bomb planted on the ground
(sentences written for this test)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _types(extractor, text):
    return [e.sub_event_type for _, evs in extractor.pipe([text], published="2024-09-27", include_background=True)
            for e in evs]


@pytest.mark.parametrize("text", [
    "Dissident guerrillas used explosive-laden drones to attack a police station in Suarez on Tuesday, killing one "
    "officer.",
    "Militants flew a bomb-laden drone into an army post near Jamba on Tuesday, killing two soldiers.",
])
def test_a_drone_laden_with_explosives_is_an_air_strike(extractor, text):
    assert _types(extractor, text) == ["Air/drone strike"], text


@pytest.mark.parametrize("text", [
    "A bomb planted near the drone base exploded on Tuesday, killing one officer.",
    "A roadside bomb hit a convoy near Suarez on Tuesday, killing one officer.",
])
def test_guard_a_bomb_no_aircraft_carries_stays_an_explosive(extractor, text):
    assert _types(extractor, text) == ["Remote explosive/landmine/IED"], text
