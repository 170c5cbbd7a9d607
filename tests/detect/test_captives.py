"""People seized are captives whether the text counts them or names them (sentences written for this test)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "On the morning of 8 February 1979 four members of the Turin column seized Ferrandi as he left his home.",
    "Armed men seized Father John Okafor outside his church in Enugu on Sunday.",
])
def test_a_person_named_as_what_armed_men_seized_is_abducted(extractor, text):
    events = [e for _, evs in extractor.pipe([text], published="2024-06-15", include_background=True) for e in evs]
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"], text


@pytest.mark.parametrize("text", [
    "Rebels seized Goma on Monday after days of fighting.",
    "Soldiers seized three rifles and a truck at a checkpoint near Gao on Friday.",
])
def test_guard_places_and_weapons_seized_are_no_abduction(extractor, text):
    events = [e for _, evs in extractor.pipe([text], published="2024-06-15", include_background=True) for e in evs]
    assert "Abduction/forced disappearance" not in [e.sub_event_type for e in events], text
