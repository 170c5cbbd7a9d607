"""What is sought is not done (sentences written for this test). A ceasefire that negotiators are "in search of", that
a side has "no reason to accept" (an infinitive relative clause on a negated noun) or that "efforts" aim at was an
Agreement; mediators "pushing for" a ceasefire between an army and rebels were an Armed clash (the headline advance
rule read any advance word in a sentence naming armed men; the advancing must be theirs)."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Negotiators from Kenya and Ethiopia have been shuttling between Juba and Khartoum in search of a ceasefire deal.",
    "If the rebels believe they can take the capital within weeks, they have no reason to accept a truce now.",
    "Mediators from the African Union are pushing for a ceasefire between the army and the rebels.",
    "Diplomats said efforts to reach a ceasefire between the two militias had stalled again.",
])
def test_a_ceasefire_sought_is_no_event(text):
    events = eventwire.extract(text, published="2024-07-13", include_background=True)
    assert events == [], [(e["sub_event_type"], e["event_date"]) for e in events]


@pytest.mark.parametrize(("text", "sub_type"), [
    ("The army and the rebels signed a ceasefire in Juba on Tuesday, mediators said.", "Agreement"),
    ("Army troops pushed into the eastern districts of Kalemie on Monday, driving out the militia.", "Armed clash"),
    ("Syrian government forces advance in Idlib countryside", "Armed clash"),
])
def test_guard_a_ceasefire_signed_and_an_advance_of_troops_are_events(text, sub_type):
    events = eventwire.extract(text, published="2024-07-13", include_background=True)
    assert [e["sub_event_type"] for e in events] == [sub_type], events
