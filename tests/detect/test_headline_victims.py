"""Every one of the counted people a headline's passive names is a victim ("20 hostages and 2 police officers
killed"), never the doer; the doer is the group the headline names as claiming it. Headlines written for these
tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def sides(extractor, text):
    evs = extractor.extract([Document(id="t", raw_text=text, published="2016-07-03")], include_background=True)
    assert evs, text
    return (evs[0].actor1.name if evs[0].actor1 else None), (evs[0].actor2.name if evs[0].actor2 else None)


@pytest.mark.parametrize(("text", "doer", "not_doer"), [
    ("Islamic State claims Dhaka cafe siege; 20 hostages and 2 police officers killed", "Islamic State", "Police"),
    ("Al-Shabaab claims hotel siege in Mogadishu; 15 guests and 3 soldiers killed", "Shabaab", "Military"),
    # guard, passes either way: no armed victims to mistake for the doer
    ("Islamic State claims Dhaka cafe siege; 20 hostages killed", "Islamic State", "Police"),
])
def test_counted_victims_of_a_headline_passive_are_no_doer(extractor, text, doer, not_doer):
    a1, _ = sides(extractor, text)
    assert a1 is not None and doer in a1 and not_doer not in a1, a1
