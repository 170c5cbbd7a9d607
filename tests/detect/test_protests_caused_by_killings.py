"""Protests that killings set off are not protesters killed: "The killings triggered angry protests" tells a
protest caused by deaths told as its cause, not force used against the protesters; "police shot protesters" is.
Sentences written for this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "The killings in Beni triggered angry protests across the town on Tuesday.",
    "The deaths sparked protests in Kisumu on Tuesday.",
    "The murders of two traders provoked demonstrations in Bunia on Wednesday.",
])
def test_protests_set_off_by_killings_are_no_force_against_protesters(extractor, text):
    assert "Excessive force against protesters" not in _types(extractor, text), text


@pytest.mark.parametrize("text", [
    "Police shot protesters in Nairobi on Monday, killing two.",
    "Soldiers killed three protesters in Khartoum on Monday.",
    "Security forces opened fire on protesters in Basra on Friday, killing two.",
])
def test_guard_protesters_shot_by_the_state_stay_excessive_force(extractor, text):
    assert _types(extractor, text) == ["Excessive force against protesters"], text


def _types(extractor, text):
    return [e.sub_event_type for _, evs in extractor.pipe([text], published="2023-03-02", include_background=True)
            for e in evs]
