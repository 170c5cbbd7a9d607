"""A sentence that points back with "that" or "those" to a stretch just told as history ("in that conflict",
"during that offensive") goes on in that time (texts written for this test): "One of the deadliest strikes in that
conflict flattened buildings ..., killing 42 people" after a paragraph on a war years ago had been news of the day
the article was published."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    ("Aid workers said the town had not recovered. In 2014, a seven-week war killed more than 2,000 people in the "
     "territory. One of the deadliest strikes in that conflict destroyed a block of flats in Shujaiya, killing 24 "
     "people."),
    ("Residents still speak of the siege. Government forces launched an offensive on the city in March 2016 that "
     "lasted four months. During that offensive, shelling killed at least 60 civilians in the old market of "
     "Deir Hafer."),
])
def test_a_sentence_pointing_back_to_a_war_told_as_history_is_history(extractor, text):
    got = extractor.extract([Document(id="t", raw_text=text, published="2022-11-17")], include_background=True)
    assert got, text
    assert not [e for e in got if not e.is_background], [(e.sub_event_type, e.event_date) for e in got]


def test_guard_pointing_back_to_news_stays_news(extractor):
    text = ("Rebels attacked the town of Kalemie on Monday, residents said. During that battle, a mortar round killed "
            "three children in the market, a local official said.")
    got = extractor.extract([Document(id="t", raw_text=text, published="2022-11-17")], include_background=True)
    assert got and all(not e.is_background for e in got), [(e.sub_event_type, e.is_background) for e in got]
