"""People seized from a place are people taken, not the place: a capture word takes territory only when a place is
what it takes. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

TERRITORY = {"Government regains territory", "Non-state actor overtakes territory", "Non-violent transfer of territory"}


@pytest.mark.parametrize("text", [
    "Troops seized 15 villagers from a village in Salin township on Monday and forced them to carry ammunition.",
    "Soldiers captured dozens of civilians from the town of Monywa on Friday, residents said.",
])
def test_people_taken_from_a_place_take_no_territory(kinds, text):
    assert not set(kinds(text)) & TERRITORY, kinds(text)


@pytest.mark.parametrize(("text", "kind"), [
    # guards: a town taken from its holders; villages as what is taken
    ("Rebels seized the town of Kawlin from the army on Monday.", "Non-state actor overtakes territory"),
    ("Soldiers seized the villages of Kani and Budalin on Sunday.", "Government regains territory"),
])
def test_a_place_taken_is_territory(kinds, text, kind):
    assert kinds(text) == [kind]
