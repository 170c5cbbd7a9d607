"""A dateline in title case ("Nairobi - ", "Pemba, Mozambique - ") opening the body of a story is where it was filed,
as its upper-case form is ("NAIROBI -"); a name and a dash deeper in the text (a round-up's "Ituri - " heading) or a
sentence opening ("In Kabul - ...") is not. Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.geo.locate import is_dateline
from eventwire.records import Document, Toponym


def _is_dateline(text, name):
    start = text.index(name)
    return is_dateline(text, Toponym(start, start + len(name), name))


@pytest.mark.parametrize(("text", "town"), [
    ("Gunmen kill three officers\n\nNairobi - Al-Shabaab fighters attacked a police post in Mandera county on Tuesday, "
     "killing three officers, officials said.", "Nairobi"),
    ("Pemba, Mozambique - Insurgents raided a village in Macomia district on Sunday and burned dozens of homes, "
     "residents said.", "Pemba"),
    ("Pemba, Mozambique - Insurgents raided a village in Macomia district on Sunday and burned dozens of homes, "
     "residents said.", "Mozambique"),
])
def test_a_title_case_dateline_opening_the_body(text, town):
    assert _is_dateline(text, town)


@pytest.mark.parametrize(("text", "name"), [
    ("In Kabul - a city of five million - gunmen attacked a checkpoint near the airport on Monday morning.", "Kabul"),
    ("Round-up of the week\n\nFighting spread across several provinces of the east this week, the United Nations said "
     "in its weekly report on the crisis.\n\nIturi - Militiamen attacked a camp for displaced people near Djugu on "
     "Monday, killing nine people.", "Ituri"),
    ("Gaza - the view from the border", "Gaza"),   # a headline, not a sentence
])
def test_guard_no_dateline(text, name):
    assert not _is_dateline(text, name)


@pytest.mark.slow
def test_the_event_is_where_the_lede_puts_it_not_the_title_case_dateline(extractor):
    text = ("Junta jets bomb village in Sagaing\n\nBangkok - Myanmar's military bombed a village in the Sagaing region "
            "on Saturday, killing 11 people, residents said.")
    events = extractor.extract([Document(id="t", raw_text=text, published="2024-03-05")])
    assert events and events[0].location.country == "MM", [(e.sub_event_type, e.location) for e in events]
