"""A happening on an anniversary is news of that day: "killed 40 marchers on the tenth anniversary of the uprising",
"protesters marched to mark the anniversary of the coup". Only the happening the anniversary remembers is history
("the anniversary of the bombing that killed 30"). Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, kind", [
    ("Soldiers shot dead 14 marchers in Khartoum on Tuesday, on the fourth anniversary of the uprising.",
     "Excessive force against protesters"),
    ("Riot police fired tear gas at thousands of protesters in Conakry on Tuesday, on the anniversary of the "
     "2021 coup.", "Protest with intervention"),
    ("A car bomb killed nine people at a checkpoint in Mogadishu on Tuesday, on the anniversary of the "
     "country's independence.", "Remote explosive/landmine/IED"),
])
def test_a_happening_on_an_anniversary_is_news(flagged, text, kind):
    assert (kind, False) in flagged(text), flagged(text)


def test_guard_the_happening_remembered_is_history(flagged):
    got = flagged("Hundreds gathered in Nairobi on Tuesday to mark the anniversary of the mall attack, in "
                           "which gunmen killed 67 people.")
    assert got and all(background for kind, background in got if kind == "Attack"), got
