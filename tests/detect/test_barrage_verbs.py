"""A word of a non-conflict domain that is the verb projectiles are told by ("Rockets rain down on ...") is no
domain of the sentence: the weather's rain stays weather. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Rockets rain down on northern Israel towns",
    "Rockets rain down on Kiryat Shmona as sirens sound across the Galilee",
])
def test_projectiles_that_rain_down_are_a_barrage(kinds, text):
    assert kinds(text) == ["Shelling/artillery/missile attack"]


@pytest.mark.parametrize("text", [
    # guards: rain, crashes and markets stay out of conflict
    "Heavy rain fell on northern towns, flooding roads.",
    "Oil prices crashed as missile fears rained on markets",
    "A plane crash killed 12 in Kaduna",
])
def test_weather_accidents_and_markets_stay_silent(kinds, text):
    assert kinds(text) == []
