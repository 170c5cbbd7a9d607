"""A pluperfect in a relative clause tells the past of a thing the happening involves, not the happening's own time:
"detained at a checkpoint with a motorcycle that had been seen near the market" is news; "The rebels had been
attacked" stays history. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text, kind", [
    ("Police detained two men at a checkpoint outside Mardan, with a car that had been seen near the blast site.",
     "Arrests"),
    ("Gunmen shot dead three guards at a bank in Kandahar that had been robbed twice before, police said.",
     "Attack"),
])
def test_a_thing_told_by_its_past_keeps_the_happening_news(flagged, text, kind):
    got = flagged(text)
    assert got and got[0][1] is False, got


def test_guard_the_happenings_own_pluperfect_is_history(flagged):
    got = flagged("The rebels had been attacked by the army in Kidal.")
    assert got and all(background for _, background in got), got
