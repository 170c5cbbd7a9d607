"""A rally or march that only sets the scene of a killing told above it is no peaceful protest.

"Gunmen shot dead the candidate as he left a campaign rally": the event is the shooting (an attack), the rally is
where the victim had been. Sentences written for this test, in paraphrase; guards keep a march that is the news and
protesters shot as they march.
"""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def _types(text: str) -> list[str]:
    return [e["sub_event_type"] for e in eventwire.extract(text, published="2023-08-12")]


@pytest.mark.parametrize("text", [
    "Gunmen shot dead a presidential candidate in Quito on Wednesday as he left a campaign rally.",
    "Unknown assailants stabbed a ruling-party official to death in Lusaka after he spoke at a rally on Saturday.",
    "A sniper shot a mayoral candidate in Acapulco while she was leading a march on Tuesday.",
])
def test_a_killing_after_a_rally_is_an_attack_not_a_protest(text):
    types = _types(text)
    assert "Attack" in types and "Peaceful protest" not in types, types


@pytest.mark.parametrize("text, expected", [
    ("Thousands marched in Nairobi on Sunday demanding the release of detained activists.", "Peaceful protest"),
    ("Police shot dead two protesters as they marched on parliament in Nairobi on Tuesday.",
     "Excessive force against protesters"),
])
def test_a_march_that_is_the_news_stays_a_protest(text, expected):
    """Guards."""
    assert expected in _types(text), _types(text)
