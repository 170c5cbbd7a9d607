"""Where a vehicle set out from is not where the happening was, and where it arrived as it happened is: "a bomb
exploded as a train from Saint-Etienne pulled into Lyon" happened at Lyon, "a convoy from Homs was ambushed near
Palmyra" near Palmyra. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "name"), [
    ("A bomb hidden under a seat exploded as a morning train from Marseille pulled into Lyon on Tuesday, killing "
     "four passengers.", "Lyon"),
    ("A device exploded as a bus from Jos pulled into Bauchi on Friday, killing three passengers.", "Bauchi"),
    ("Gunmen ambushed a coach from Peshawar outside Kohat on Sunday, killing six passengers.", "Kohat"),
    ("An explosive device struck a minibus from Kano near Zaria on Friday, killing three people.", "Zaria"),
])
def test_the_place_a_vehicle_came_from_is_not_the_place(event_place, text, name):
    assert name in (event_place(text) or ""), event_place(text)


@pytest.mark.parametrize(("text", "name"), [
    # guards, pass either way: a vehicle named with the place it is in
    ("A car bomb exploded near a bus station in Quetta on Monday, killing five people.", "Quetta"),
    ("Militants attacked a train near Sibi on Tuesday, killing two guards.", "Sibi"),
])
def test_guard_a_vehicle_at_a_place_keeps_it(event_place, text, name):
    assert name in (event_place(text) or ""), event_place(text)
