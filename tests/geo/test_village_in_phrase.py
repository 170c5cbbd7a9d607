"""A village or small town of a country the story names, told in a place phrase ("fought ... near Musa Qala",
"hit homes in Malynivka"), is a place whatever its size, even when the tagger reads its name as a person's or an
organisation's. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "name"), [
    ("Afghan forces fought Taliban fighters near Musa Qala on Sunday.", "Musa Qal"),
    ("Russian shells hit homes in Malynivka, a Ukrainian official said.", "Malynivka"),
    # guard, passes either way (the tagger reads the town as a place)
    ("Colombian soldiers were killed in Saravena on Monday.", "Saravena"),
])
def test_a_small_town_in_a_place_phrase_is_the_place(event_place, text, name):
    assert name in (event_place(text) or ""), event_place(text)


@pytest.mark.parametrize("text", [
    # guards: a person's name in the subject or in a possessive is no place, whatever towns share it
    "Bell and his friends were shot in Queens as they left a party on Sunday.",
    "Bakley was shot to death as she sat in Blake's car outside a Los Angeles restaurant on Sunday.",
])
def test_a_person_is_no_village(event_place, text):
    got = event_place(text)
    assert got not in ("Bell", "Blake"), got
