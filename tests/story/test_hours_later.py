""""Hours later" (or minutes, or moments later) opens a happening after the one just told, not a retelling of it:
"Warplanes dropped chemical bombs on Khan Sheikhoun ... Hours later, air strikes hit a clinic where the victims were
treated" are two events, while a toll told hours later still counts the first one's dead. Stories written for these
tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _events(extractor, text, published="2017-04-05"):
    got = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
    return [(e.sub_event_type, e.fatalities.best if e.fatalities else None) for e in got]


def test_hours_later_opens_another_happening(extractor):
    text = ("Warplanes dropped bombs filled with a toxic gas on the town of Khan Sheikhoun on Tuesday morning, killing "
            "58 people. Hours later, air strikes hit a clinic in Khan Sheikhoun where the victims were being treated.")
    kinds = [kind for kind, _ in _events(extractor, text)]
    assert "Chemical weapon" in kinds and "Air/drone strike" in kinds, kinds


def test_guard_a_toll_told_hours_later_is_the_same_happening_s(extractor):
    text = ("A bomb exploded at a crowded market in Kano on Monday, killing 12 people. Hours later, the death toll "
            "rose to 20, a hospital official said.")
    got = _events(extractor, text)
    assert len(got) == 1 and got[0][1] == 20, got
