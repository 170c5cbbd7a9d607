"""Stones or petrol bombs thrown at the police are a violent demonstration, against the state; thrown by one community
at another they are mob violence (ACLED: rioters against other rioters or civilians). Sentences written for this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Youths hurled stones and petrol bombs at police in Derry on Tuesday night.",
    "Later that night, youths threw petrol bombs and masonry at police vehicles in the Creggan area of Derry.",
    "Hundreds of youths pelted soldiers with stones and threw bricks at an army patrol in Srinagar on Friday.",
    # attacked rather than pelted: still the police they turn on
    "Youths armed with stones and sticks attacked police in Kisumu on Tuesday.",
    "Angry youths attacked the police in Kisumu on Tuesday, injuring three officers.",
])
def test_rioting_aimed_at_police_or_soldiers_is_a_violent_demonstration(extractor, text):
    assert _types(extractor, text) == ["Violent demonstration"], text


@pytest.mark.parametrize("text", [
    "Youths from two villages hurled stones at each other in Kaduna on Tuesday, leaving several people injured.",
    "Villagers threw stones at a rival community's homes near Jos on Sunday night.",
])
def test_guard_rioting_between_communities_stays_mob_violence(extractor, text):
    assert _types(extractor, text) == ["Mob violence"], text


def _types(extractor, text):
    return [e.sub_event_type for _, evs in extractor.pipe([text], published="2023-03-02", include_background=True)
            for e in evs]
