"""A person's title opening a name is the person's, not a place: "its spokesman, Sheikh Ali Mohamud Rage" in a
Somali story had been read as Somalia's Sheikh district (and had then placed an event there). The gazetteer's
"Sheikh" (SO), "King" (US) or "Pope" (LV) are places only when no name follows. Sentences written for these
tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Gunmen from the Somali group al-Shabab attacked a hotel in Kismayo on Friday, killing nine guests.\n\n"
    "Al-Shabab claimed responsibility for the attack in a statement by its spokesman, Sheikh Ali Mohamud Rage, who "
    "said the hotel had housed officials.",
    "Somali troops clashed with al-Shabab in Baidoa on Tuesday. The group spokesman, Sheikh Abdiasis Abu Musab, said "
    "its fighters seized weapons.",
])
def test_a_title_before_a_name_is_no_place(geoparse, text):
    got = [t.text for t in geoparse(text)]
    assert "Sheikh" not in got and ("Kismayo" in got or "Baidoa" in got), got
