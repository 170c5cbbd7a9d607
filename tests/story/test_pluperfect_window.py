"""A happening told in the pluperfect with a time of its own clause inside the reporting window ("A day earlier,
shelling had killed five soldiers") is news: the pluperfect orders it before the sentence told first, not before the
story's days. Without a time of its own it stays background. Articles written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def flags(extractor, text, published="2022-06-20"):
    evs = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
    return {e.sub_event_type: e.is_background for e in evs}


@pytest.mark.parametrize(("text", "kind"), [
    ("Police arrested three men in Kano on Monday. On Saturday, a bomb had exploded at a bus station in the city, "
     "killing six people.", "Remote explosive/landmine/IED"),
    ("Turkey sent troops to its observation posts in Idlib on Sunday. A day earlier, regime shelling had killed "
     "five Turkish soldiers near Saraqib.", "Shelling/artillery/missile attack"),
])
def test_a_pluperfect_inside_the_window_is_news(extractor, text, kind):
    got = flags(extractor, text)
    assert got.get(kind) is False, got


def test_a_pluperfect_without_its_own_time_stays_background(extractor):
    # guard: nothing dates the bombing, the pluperfect puts it before the story's time
    got = flags(extractor, "Police arrested three men in Kano on Monday. A bomb had exploded at a bus station in the "
                           "city, killing six people.")
    assert got.get("Remote explosive/landmine/IED") is True, got
