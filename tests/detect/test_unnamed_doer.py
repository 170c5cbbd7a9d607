"""Civilians never act in ACLED's scheme: people the text names only as men, villagers or residents who attack, bomb
or fight are an armed group it does not name, and those who riot are rioters, of the story's country; the civilians
they hit stay the victims (sentences written for this test)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Unidentified men shot dead a farmer in Peshawar on Monday.",
     "Unidentified Armed Group (Pakistan)", "Civilians (Pakistan)"),
    ("Masked men hacked a farmer to death near Jos on Tuesday.",
     "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
    ("Two men on a motorbike gunned down a teacher in Quetta on Wednesday.",
     "Unidentified Armed Group (Pakistan)", None),
    ("A group of men lynched a man accused of cattle theft in Jharkhand on Saturday.",
     "Rioters (India)", "Civilians (India)"),
])
def test_people_who_do_violence_are_no_civilians(extractor, text, actor1, actor2):
    event = _event(extractor, text)
    assert event.actor1 is not None and event.actor1.name == actor1, text
    if actor2 is not None:
        assert event.actor2 is not None and event.actor2.name == actor2, text
    # the words the text used are kept as the actor's mention
    assert event.actor1.mention and event.actor1.mention in text, event.actor1


@pytest.mark.parametrize(("text", "actor2"), [
    ("Gunmen shot dead three villagers near Konduga on Monday.", "Civilians (Nigeria)"),
    ("Soldiers opened fire on residents of a village near Djibo, in northern Burkina Faso, on Tuesday, killing four.",
     "Civilians (Burkina Faso)"),
])
def test_guard_civilians_done_to_stay_civilians(extractor, text, actor2):
    event = _event(extractor, text)
    assert event.actor2 is not None and event.actor2.name == actor2, text


def _event(extractor, text):
    events = [e for _, evs in extractor.pipe([text], published="2024-03-08", include_background=True) for e in evs]
    assert events, text
    return max(events, key=lambda e: e.confidence)
