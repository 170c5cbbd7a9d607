"""Forces that regain a hotel, a mall or a school attackers held end a siege: they fought the attackers (an armed
clash, one happening with the attack in a story), no territory changed hands. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Kenyan troops regained control of the shopping mall on Tuesday after a four-day siege.",
    "Security forces retook the hotel early on Saturday after an overnight gun battle with the attackers.",
    "Soldiers liberated the school on Friday where gunmen had held pupils since Wednesday.",
])
def test_a_building_retaken_from_attackers_is_a_fight(kinds, text):
    assert kinds(text) == ["Armed clash"]


@pytest.mark.parametrize("text", [
    # guards: a town, a seat of power
    "Iraqi forces regained control of the town of Rawa on Sunday.",
    "Soldiers recaptured the police station in Diffa on Friday.",
])
def test_a_town_or_a_seat_retaken_is_territory(kinds, text):
    assert kinds(text) == ["Government regains territory"]
