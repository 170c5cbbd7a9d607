"""A headline's advance by a side the actor dictionary names is fighting, as one by "forces" or "rebels" is ("The
Syrian Democratic Forces advance ... at the expense of the Islamic State"): the dictionary, not a word list, says the
doer is armed. Headlines written for this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "actor1"), [
    ("The Syrian Democratic Forces advance further in the eastern countryside of Deir Ezzor at the expense of the "
     "Islamic State", "Syrian Democratic Forces"),
    ("The Syrian Arab Army advance in the eastern countryside of Hama", "Military Forces of Syria"),
])
def test_an_advance_by_a_named_side_is_an_armed_clash(extractor, text, actor1):
    events = [e for _, evs in extractor.pipe([text], published="2017-06-15", include_background=True) for e in evs]
    assert [e.sub_event_type for e in events] == ["Armed clash"], text
    assert events[0].actor1 is not None and events[0].actor1.name == actor1


@pytest.mark.parametrize("text", [
    "Peace talks advance in Geneva as envoys meet for a third day",
    "Wheat prices advance in Damascus markets after a poor harvest",
])
def test_guard_an_advance_by_no_armed_side_is_no_event(extractor, text):
    assert [e for _, evs in extractor.pipe([text], published="2017-06-15", include_background=True) for e in evs] \
        == [], text
