"""A town that names a road ("from the Biu road end") or the place a statement was issued ("in a statement issued in
Maiduguri") is not where the happening was: the retelling stays one happening with the lede's. A happening on a
road keeps the road's town. Articles written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow

BOMBING = ("Suicide bombers kill 12 at Damboa market\n\nMAIDUGURI - Two female suicide bombers detonated explosives at "
           "a crowded market in Damboa on Saturday evening, killing at least 12 people, police said.\n\nThe state "
           "police spokesman said in a statement issued in Maiduguri that the bombers, both believed to be teenage "
           "girls, entered the market from the Biu road end at about 6.45pm and detonated their devices about a "
           "minute apart.")


def test_a_road_and_a_statement_are_no_places_of_the_happening(extractor):
    evs = [e for e in extractor.extract([Document(id="t", raw_text=BOMBING)], include_background=True)
           if not e.is_background]
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in evs] == [("Suicide bomb", "Damboa")]


@pytest.mark.parametrize(("text", "name"), [
    # guards, pass either way: a happening on a road is placed by the road's town
    ("A roadside bomb on the Kabul-Jalalabad highway killed four soldiers on Monday.", "Kabul"),
    ("The statement said gunmen killed five farmers in Gwoza on Monday.", "Gwoza"),
])
def test_a_happening_on_a_road_keeps_its_town(event_place, text, name):
    assert name in (event_place(text) or ""), event_place(text)
