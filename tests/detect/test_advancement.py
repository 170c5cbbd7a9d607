""""Advancement(s)" is how translated conflict press writes a ground advance ("regime forces achieve new
advancements in the countryside of Hama"): a clash of the side that advances, as "advance" is; the word in
ordinary senses ("career advancement") stays no event. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "side"), [
    ("Regime forces achieve new advancements in the northern countryside of Latakia", "Military Forces of Syria"),
    ("Government forces make advancements in the southern countryside of Idlib", "Military Forces of Syria"),
])
def test_advancements_are_a_clash_of_the_side_that_advances(extractor, text, side):
    evs = extractor.extract([Document(id="t", raw_text=text, published="2017-05-02")], include_background=True)
    assert [e.sub_event_type for e in evs] == ["Armed clash"], text
    assert side in {a.name for e in evs for a in (e.actor1, e.actor2) if a is not None}, evs


def test_guard_advancement_in_ordinary_senses_is_no_event(extractor):
    text = "Career advancements for women in the civil service remain slow, the ministry's report found."
    assert extractor.extract([Document(id="t", raw_text=text, published="2017-05-02")], include_background=True) == []
