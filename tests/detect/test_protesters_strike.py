"""Protesters who attack a building, a post or people are a violent demonstration (ACLED: Riots), however the
verb of attack is phrased; protesters who 'attack' a policy in words stay a peaceful protest, and the police
attacking protesters is no demonstration turned violent. Sentences written for this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Protesters attacked the French embassy in Ouagadougou on Saturday.",
    "Hundreds of demonstrators stormed and attacked the ministry's headquarters in Khartoum on Tuesday.",
    "Demonstrators assaulted a journalist during a rally against the government in Tbilisi on Sunday.",
    "Angry protesters attacked a police post in Jalalabad on Monday after a shopkeeper's death.",
    "Students raided the governor's residence in Jos during a protest over fees on Friday.",
])
def test_protesters_attacking_a_building_or_people_is_a_violent_demonstration(extractor, text):
    assert _types(extractor, text) == ["Violent demonstration"], text


@pytest.mark.parametrize("text", [
    "Protesters attacked the government's plan to raise fuel prices at a rally in Lagos on Saturday.",
    "At a march in Accra on Monday, demonstrators attacked the new tax law as unfair.",
])
def test_guard_protesters_attacking_a_policy_in_words_stay_peaceful(extractor, text):
    assert _types(extractor, text) == ["Peaceful protest"], text


def _types(extractor, text):
    return [e.sub_event_type for _, evs in extractor.pipe([text], published="2023-03-02", include_background=True)
            for e in evs]
