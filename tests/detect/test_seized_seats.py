"""Armed men seizing a police station or an administration building take the place (territory), they do not loot
property; property seized or burned stays looting. Sentences written for this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Pro-Russian gunmen seized the police station and the city administration building in Kramatorsk, Ukraine, "
    "on Saturday.",
    "Armed separatists seized the regional council building in Luhansk, Ukraine, on Sunday.",
    "Rebels seized the town hall in Goma, Congo, on Monday.",
])
def test_armed_men_seizing_a_seat_of_power_take_territory(kinds, text):
    types = kinds(text)
    assert "Looting/property destruction" not in types and "Non-state actor overtakes territory" in types, text


@pytest.mark.parametrize("text", [
    "Soldiers seized three trucks of food aid in Gao, Mali, on Monday.",
    "Militants burned the school in Gao, Mali, on Monday.",
])
def test_guard_property_seized_or_burned_stays_looting(kinds, text):
    assert kinds(text) == ["Looting/property destruction"], text
