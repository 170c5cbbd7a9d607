"""Shooting told as firing at people ("militants fired at two labourers") is an attack on them, and one an aircraft
fires is an air strike; the people a lexicon of civilians names include those named by their work ("labourers",
"vendors", "porters"); forces named for the side they fight on ("Resistance forces captured the police station")
are no state's. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

PUBLISHED = "2024-11-04"


@pytest.mark.parametrize("text", [
    "On Friday, militants fired at two labourers from Uttar Pradesh in Budgam district, injuring both.",
    "Gunmen fired at a minibus carrying vendors near Jos on Saturday, wounding four.",
    "Suspected rebels fired at porters carrying goods to the market in Bunia on Sunday.",
])
def test_firing_at_civilians_is_an_attack(kinds, text):
    assert "Attack" in kinds(text, PUBLISHED), kinds(text, PUBLISHED)


@pytest.mark.parametrize("text", [
    "On Monday, a helicopter opened fire on insurgent positions near Mocimboa da Praia.",
    "Two warplanes fired at a convoy of fighters near Sirte on Sunday, killing nine.",
])
def test_an_aircraft_that_fires_makes_an_air_strike(kinds, text):
    assert "Air/drone strike" in kinds(text, PUBLISHED), kinds(text, PUBLISHED)


@pytest.mark.parametrize(("text", "kind"), [
    ("Resistance forces captured the police station and a military outpost in Kawlin on Sunday.",
     "Non-state actor overtakes territory"),
    ("Guerrilla fighters seized the town of Mitu on Sunday after heavy fighting.",
     "Non-state actor overtakes territory"),
])
def test_forces_named_for_their_side_are_no_state(kinds, text, kind):
    assert kind in kinds(text, PUBLISHED), kinds(text, PUBLISHED)


@pytest.mark.parametrize("text", [
    "The company fired at least 200 workers at its plant in Lagos on Monday.",
    "The coach was fired on Monday after the team's third defeat in a row.",
])
def test_guard_dismissals_are_no_shooting(kinds, text):
    assert kinds(text, PUBLISHED) == [], kinds(text, PUBLISHED)
