"""An armed group named by the actor dictionary is armed whatever words its name is made of, and so are its
members (sentences written for this test)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _types(extractor, text):
    return [e.sub_event_type for _, evs in extractor.pipe([text], published="2024-03-08", include_background=True)
            for e in evs]


@pytest.mark.parametrize("text", [
    "Jihadist fighters attacked a military outpost in Tougouri on Monday, killing at least 18 soldiers and members "
    "of the Volunteers for the Defence of the Homeland (VDP), the civilian auxiliaries the junta has armed.",
    "Insurgents attacked a checkpoint manned by the Civilian Joint Task Force near Konduga on Monday, killing six.",
])
def test_an_attack_on_soldiers_and_a_named_militia_is_a_battle(extractor, text):
    assert _types(extractor, text) == ["Armed clash"], text


@pytest.mark.parametrize("text", [
    "Gunmen attacked a village near Konduga on Monday, killing three members of a family.",
    "Militants attacked a bus near Dori on Monday, killing seven passengers and a soldier.",
])
def test_guard_members_of_a_family_and_passengers_are_civilians(extractor, text):
    assert _types(extractor, text) == ["Attack"], text
