""""Hours earlier, a bomb ...", "Two days earlier, gunmen ...": "earlier" counted by a short span dates a happening
back from the time the story told before it; it tells no history ("years earlier" still does). Articles written for
these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _events(extractor, text, published="2018-04-14"):
    got = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
    return [(e.event_date, e.is_background, e.location.name if e.location else None) for e in got]


@pytest.mark.parametrize(("second", "day"), [
    ("Hours earlier, a grenade thrown at a police post in Jalalabad wounded four officers and killed a passer-by.",
     "2018-04-13"),
    ("Minutes earlier, a car bomb exploded outside a bank in Jalalabad, killing three guards.", "2018-04-13"),
    ("Two days earlier, gunmen shot dead a district official outside his home in Jalalabad.", "2018-04-11"),
])
def test_an_earlier_counted_in_hours_or_days_is_news(extractor, second, day):
    text = ("A suicide bomber killed 14 people at a wedding in Kunduz on Friday, police said.\n\n" + second)
    got = _events(extractor, text)
    assert (day, False, "Jalalabad") in got, got


def test_guard_years_earlier_is_history(extractor):
    text = ("A suicide bomber killed 14 people at a wedding in Kunduz on Friday, police said.\n\n"
            "Years earlier, gunmen had shot dead a district official outside his home in Jalalabad.")
    got = _events(extractor, text)
    assert all(bg for _, bg, place in got if place == "Jalalabad"), got
