"""Where a happening was aimed is its place (sentences written for this test): "5 dead in raids targeting a town in
Quneitra countryside" is set in Quneitra, though the town is named in a clause that hangs on the raids; without
its place the headline had too little behind it to be kept."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "place"), [
    ("5 dead in raids targeting a town in Quneitra countryside", "Quneitra"),
    ("Three soldiers were killed on Monday in an attack targeting a checkpoint near Arish.", "Arish"),
    ("Four civilians died in shelling aimed at villages outside Idlib on Tuesday.", "Idlib"),
])
def test_the_place_a_happening_was_aimed_at(text, place):
    events = eventwire.extract(text, published="2017-05-03")
    assert [e["location"]["name"] for e in events] == [place], events


def test_guard_a_place_of_the_people_stays_no_place_of_the_attack():
    events = eventwire.extract("Gunmen killed two traders travelling from Kano in an ambush near Zaria on Monday.",
                               published="2017-05-03")
    assert [e["location"]["name"] for e in events] == ["Zaria"], events
