"""A clause that only tells who died or was hurt is the toll of the violence another clause of its sentence tells,
also when the place that sets the scene hangs on it ("In Beryslav, a woman died of her injuries after the occupiers
shelled the town centre": one shelling at Beryslav, not an attack there as well). Two clauses with a place each stay
two happenings. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _events(extractor, text):
    evs = extractor.extract([Document(id="t", raw_text=text, published="2023-08-11")], include_background=True)
    return [(e.sub_event_type, e.location.name if e.location else None) for e in evs]


@pytest.mark.parametrize(("text", "want"), [
    ("In Beryslav, a 72-year-old woman died of her injuries after the occupiers shelled the town centre with mortars "
     "on Thursday evening.", [("Shelling/artillery/missile attack", "Beryslav")]),
    # (read so before this change too: kept as a guard)
    ("In Kherson, a man died in hospital after Russian artillery shelled a bus stop on Thursday.",
     [("Shelling/artillery/missile attack", "Kherson")]),
])
def test_a_harm_clause_with_the_scene_s_place_is_the_violence_s_toll(extractor, text, want):
    assert _events(extractor, text) == want, text


def test_guard_two_clauses_with_a_place_each_are_two_happenings(extractor):
    text = "A soldier was killed in Avdiivka, while shelling hit a school in Donetsk."
    got = _events(extractor, text)
    assert sorted(p for _, p in got) == ["Avdiyivka", "Donetsk"], got   # the gazetteer spells it Avdiyivka
