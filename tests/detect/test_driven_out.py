"""A side driven out of a place loses it: "drove the jihadists out of Timbuktu", "pushed the rebels back from Kidal"
is a change of territory (the government's when state forces drive, a group's when armed men drive the troops out),
told at the place they were driven from; driving a car out of a garage or pushing for talks is none. Sentences
written for this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, place", [
    ("French and Malian troops drove the jihadists out of Timbuktu, in northern Mali, on Monday.", "Timbuktu"),
    ("Malian soldiers pushed the rebels back from Kidal, in northern Mali, on Tuesday.", "Kidal"),
    ("An army counter-offensive drove the FARC out of Mitu, in south-eastern Colombia, on Saturday.", "Mitu"),
])
def test_state_forces_driving_a_group_out_regain_the_place(extractor, text, place):
    assert _events(extractor, text) == [("Government regains territory", place)], text


def test_armed_men_driving_the_troops_out_overtake_the_place(extractor):
    text = "Islamist fighters drove government troops out of Gao, in northern Mali, on Friday."
    assert _events(extractor, text) == [("Non-state actor overtakes territory", "Gao")], text


@pytest.mark.parametrize("text", [
    "A soldier drove his car out of the garage in Kidal, in northern Mali, on Tuesday.",
    "The government is pushing for talks with the rebels in Kidal, in northern Mali.",
    "Soldiers drove through Kidal, in northern Mali, on Tuesday.",
    # a column's advance is told by "driving south from" a place: no place lost
    "Kurdish-led forces are driving south from Hasakah province, in north-eastern Syria, towards Deir ez-Zor.",
])
def test_guard_driving_and_pushing_elsewhere_is_no_territory(extractor, text):
    assert [t for t, _ in _events(extractor, text) if "territory" in t] == [], text


def _events(extractor, text):
    return [(e.sub_event_type, e.location.name if e.location else None)
            for _, evs in extractor.pipe([text], published="2023-03-02", include_background=True) for e in evs]
