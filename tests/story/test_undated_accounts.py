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


LATER = """Raid on Bunagana customs post

The raid on the Bunagana customs post was an attack by rebels of a northern faction on the border post of \
Bunagana in the spring of 2008.

Raid
On 9 April 2008 some 300 fighters attacked the customs post and the police station, killing six officers.

Aftermath
On 12 April army helicopters fired on rebel columns withdrawing towards the hills, killing nine fighters.

Later years
The faction signed a peace agreement with the government in Kampala on 3 September 2013. In 2017 rebels \
ambushed an army patrol near Kisoro, killing four soldiers.
"""


def test_what_an_undated_account_tells_years_after_its_happening_is_later_history():
    """An account without a publication date is told from the time of its happening: a peace deal signed five
    years later, or an ambush nine years later, is its later history (background), not news beside the raid."""
    events = extract(LATER, include_background=True)
    news = sorted((e["sub_event_type"], e["date_start"]) for e in events if not e["is_background"])
    past = sorted((e["sub_event_type"], e["date_start"]) for e in events if e["is_background"])
    assert ("Agreement", "2013-09-03") in past, (news, past)
    assert any((day or "").startswith("2017") for _, day in past), (news, past)
    assert any(day == "2008-04-09" for _, day in news) and any(day == "2008-04-12" for _, day in news), (news, past)
    assert not any((day or "") >= "2009" for _, day in news), news


def test_an_aftermath_within_days_of_an_undated_accounts_happening_stays_news():
    """The guard: the days right after the happening (the helicopters three days later) are still its time."""
    events = extract(LATER, include_background=True)
    assert any(e["date_start"] == "2008-04-12" and not e["is_background"] for e in events), \
        [(e["sub_event_type"], e["date_start"], e["is_background"]) for e in events]
