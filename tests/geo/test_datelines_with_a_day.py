"""A dateline that gives the day after the town ("ADEN, April 7 (Reuters) -", "KABUL, Afghanistan, Sept. 5 (AP) -")
is a dateline where "the city" is read: where the story was filed, never the town it points back to. Texts written for these
tests."""

from __future__ import annotations

import pytest

from eventwire.geo.locate import is_dateline
from eventwire.records import Document, Toponym


@pytest.mark.parametrize(("text", "town"), [
    ("Missile strike kills three\n\nADEN, April 7 (Reuters) - A missile struck a district of Marib.", "ADEN"),
    ("KABUL, Afghanistan, Sept. 5 (AP) - Gunmen attacked a checkpoint in Logar.", "KABUL"),
    ("ADDIS ABABA, Sept 5 (wire) - Fano militiamen fought federal troops.", "ADDIS ABABA"),
    ("BAQUBA, Iraq - A bomb exploded at a market.", "BAQUBA"),   # guard: a country, no day
])
def test_a_dateline_with_its_day(text, town):
    start = text.index(town)
    assert is_dateline(text, Toponym(start, start + len(town), town), with_day=True)


def test_a_place_told_in_the_body_is_no_dateline():
    text = "In Kabul, Afghanistan - a city of five million - gunmen attacked a checkpoint."   # guard
    assert not is_dateline(text, Toponym(3, 8, "Kabul"), with_day=True)


@pytest.mark.slow
def test_the_city_is_the_storys_town_not_the_dateline(extractor):
    text = ("Missile kills three in Yemen's Marib\n\n"
            "ADEN, April 7 (Reuters) - A ballistic missile fired by the Houthis struck a residential district of "
            "Marib city on Monday, killing three civilians, local officials said.\n\n"
            "Heavy fighting raged on Tuesday on the Kassara front northwest of the city, where military sources said "
            "at least 32 fighters were killed.")
    events = extractor.extract([Document(id="t", raw_text=text, published="2021-04-07")])
    fight = [e for e in events if e.sub_event_type == "Armed clash"]
    assert fight and fight[0].location.name == "Ma'rib", [(e.sub_event_type, e.location) for e in events]
