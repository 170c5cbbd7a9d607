"""A time told between a verb of saying and what it reports ("The army said in a statement on Monday that it had
repelled the attack") is when it was said: "the day before" told next counts back from the last happening's day, not
from the statement's, and the two happenings stay apart. Articles written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "published", "place", "day"), [
    ("Gunmen attacked a police station in Mubi on Sunday, killing four officers. The police said in a statement on "
     "Tuesday that they had arrested two suspects. The day before, militants ambushed a convoy near Gwoza, killing "
     "six soldiers.", "2023-11-29", "Gwoza", "2023-11-25"),
    ("Insurgents stormed a military post in Tillaberi on Thursday, killing 12 soldiers. The defence ministry said on "
     "Saturday that troops had repelled the assault. The day before, jihadists ambushed a patrol near Ayorou, killing "
     "four soldiers.", "2024-03-11", "Ayorou", "2024-03-06"),
])
def test_the_day_before_counts_from_the_happening_not_the_statement(extractor, text, published, place, day):
    assert _days(extractor, text, published).get(place) == day, text


def test_guard_a_time_told_before_the_saying_is_the_happening_s(extractor):
    # "Late on Sunday ..., police said": the time hangs on the saying but tells what is said
    text = ("Late on Sunday, two men hurled a grenade at a checkpoint in Imphal, police said. The day before, militants "
            "ambushed a patrol near Moreh, killing two soldiers.")
    assert _days(extractor, text, "2024-06-12") == {"Imphal": "2024-06-09", "Moreh": "2024-06-08"}


def _days(extractor, text, published):
    got = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
    return {e.location.name: e.event_date for e in got if e.location is not None and e.sub_event_type != "Arrests"}
