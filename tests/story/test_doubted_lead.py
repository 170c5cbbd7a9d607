"""A happening's type is the one its confident tellings give: a later description the detector doubts ("the oil
drums packed with explosives", "the explosive-packed containers") retells the air strike told before and does not
turn it into a roadside bomb. A weapon a confident telling names still makes the happening more specific (a complex
attack is coded by its most specific weapon). Articles written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "place"), [
    ("Army helicopters dropped barrel bombs on the town of Daraya on Monday, killing nine people. Activists said the "
     "oil drums packed with explosives and shrapnel destroyed two houses.", "Darayya"),
    ("Helicopters dropped barrel bombs on the town of Jisr al-Shughur on Wednesday, killing eleven people, among them "
     "four children. Residents said the explosive-packed containers flattened a row of shops.", "Jisr"),
])
def test_a_doubted_description_does_not_retype_the_happening(extractor, text, place):
    got = _news(extractor, text)
    assert [e.sub_event_type for e in got] == ["Air/drone strike"], [(e.sub_event_type, e.location) for e in got]


@pytest.mark.parametrize("text", [
    # guards: a confident telling's weapon still makes the happening its most specific type
    "Gunmen attacked a checkpoint in Baquba on Monday, killing five policemen. Police said a roadside bomb had first "
    "hit their vehicle.",
    "Government helicopters dropped barrel bombs on the Aleppo district of Masaken Hanano on Tuesday, killing at least "
    "12 people, activists said. The monitoring group said the crude explosive-filled drums hit a bakery and a school.",
])
def test_guard_confident_tellings_keep_the_most_specific_type(extractor, text):
    got = _news(extractor, text)
    assert len(got) == 1 and got[0].sub_event_type in ("Remote explosive/landmine/IED", "Air/drone strike"), got
    assert ("roadside" in text) == (got[0].sub_event_type == "Remote explosive/landmine/IED")


def _news(extractor, text):
    got = extractor.extract([Document(id="t", raw_text=text, published="2024-06-12")], include_background=True)
    return [e for e in got if not e.is_background]
