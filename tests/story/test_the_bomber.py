"""'The bomber' after a bombing is told points back to it: "A suicide bomber drove a car into a checkpoint ... The
bomber struck the checkpoint on the main road" is one suicide bombing, not a suicide bombing and an air strike (a
'bomber' alone reads as an aircraft). An aircraft told as such stays an air strike. Articles written for this
test."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _events(extractor, text, published="2019-10-15"):
    return extractor.extract([Document(id="bomber", raw_text=text, published=published)], include_background=True)


def test_the_bomber_retells_the_suicide_bombing(extractor):
    text = ("A suicide bomber drove an explosives-laden car into a military checkpoint in Beledweyne, Somalia, on "
            "Monday, killing at least six people, police said. The bomber struck the checkpoint on the main road "
            "leading south out of Beledweyne during the morning rush, a police captain said. Residents said at least "
            "nine people were killed.")
    events = _events(extractor, text)
    assert [e.sub_event_type for e in events] == ["Suicide bomb"], [(e.sub_event_type, e.notes) for e in events]


def test_guard_a_bomber_aircraft_stays_an_air_strike(extractor):
    text = ("A Russian bomber struck a market in Ariha, in Syria's Idlib province, on Monday, killing 12 people, "
            "rescuers said. The bomber returned twice to strike the same street, residents said.")
    events = _events(extractor, text)
    assert [e.sub_event_type for e in events] == ["Air/drone strike"], [(e.sub_event_type, e.notes) for e in events]
