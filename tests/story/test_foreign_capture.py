"""State forces that capture a place in another country are a foreign state acquiring territory: ACLED's
Non-state actor overtakes territory (Government regains territory is the territory's own government or its
affiliates). Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

REGAINS, OVERTAKES = "Government regains territory", "Non-state actor overtakes territory"


@pytest.mark.parametrize("text", [
    "Russian troops captured the Ukrainian town of Vovchansk on Sunday, the defence ministry in Moscow said.",
    "Ukrainian forces seized the Russian town of Sudzha on Tuesday after crossing the border.",
    "Turkish troops captured the Syrian town of Tal Abyad on Monday.",
])
def test_an_army_taking_a_town_abroad_is_a_foreign_capture(kinds, text):
    assert kinds(text, "2024-08-15") == [OVERTAKES]


@pytest.mark.parametrize("text", [
    # guards: the territory's own army; a foreign army retaking with (or for) the host; a foreign army taking a
    # town from an armed group (the host's affiliate, as far as the text tells); a host the text does not name
    "Syrian government forces captured the town of Khan Shaykhun on Wednesday.",
    "Rwandan and Mozambican troops recaptured the port town of Mocimboa da Praia on Sunday.",
    "Rwandan troops captured Mocimboa da Praia from the insurgents on Sunday, Mozambique's army said.",
    "Russian troops captured the town of Vovchansk on Sunday.",
])
def test_a_government_or_its_helpers_regain_territory(kinds, text):
    assert kinds(text, "2024-08-15") == [REGAINS]
