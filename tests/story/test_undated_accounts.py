"""Undated encyclopedic accounts (written for these tests): the time of what the article is about.

An account that opens with what happened and tells when further down, under a heading of its own, is told
from that day: days without a year after it take its year, and what the "Background" section tells stays
the past."""

from __future__ import annotations

import pytest

from eventwire import extract

pytestmark = pytest.mark.slow

ACCOUNT = """Siege of the Kalma water station

The siege of the Kalma water station was a four-day occupation of a pumping station outside Nyala by fighters \
of a rebel faction, which ended when the army stormed the compound.

Background
The faction had first attacked the station in 2009, killing two guards. On 3 June 2011 its fighters ambushed \
a police convoy near Nyala, killing seven officers.

Occupation
On 14 March 2013 about forty fighters overran the station and took eleven engineers hostage.

Assault
On 17 March troops stormed the compound. Nine fighters and two soldiers were killed in the assault.
"""


def test_the_day_an_undated_account_tells_under_its_own_heading_is_the_story_time():
    events = extract(ACCOUNT, include_background=True)
    news = {(e["sub_event_type"], e["date_start"]) for e in events if not e["is_background"]}
    past = [e for e in events if e["is_background"]]
    assert any(day == "2013-03-17" for _, day in news), sorted(news)     # "On 17 March" takes the year 2013
    assert any(day == "2013-03-14" for _, day in news), sorted(news)
    assert any((e["date_start"] or "").startswith("2011-06-03") for e in past), [(e["sub_event_type"], e["date_start"]) for e in past]


def test_one_happening_takes_the_finest_time_any_of_its_tellings_gives():
    """"The 1996 Kaduna car bombing" (a year) and "On 12 March 1996 a car bomb ... exploded" (a day, held from
    its paragraph) tell one happening: its date is the day, not the first of January."""
    text = ("1996 Kaduna car bombing\n\nThe 1996 Kaduna car bombing was an attack on a bus station in Kaduna "
            "that killed nine travellers.\n\nAttack\nOn the morning of 12 March 1996 traders were opening their "
            "stalls. A car bomb parked beside the ticket office exploded, killing nine people and wounding 40.\n\n"
            "Trial\nIn 1999 three men were convicted of the bombing.")
    bombs = [e for e in extract(text, include_background=True) if not e["is_background"]]
    assert bombs and all(e["date_start"] == "1996-03-12" for e in bombs), [(e["sub_event_type"], e["date_start"]) for e in bombs]
