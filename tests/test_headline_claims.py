"""Claims, blames and headline syntax (paraphrases written for these tests, not taken from any eval set).

A headline that names a deed as a claim's object tells the deed; the claimant, the blamed party and a
closing "...; X claim" name its doer; a clause before a semicolon is told on its own; "N soldiers killed"
in a headline is a passive; a count the killers claim of themselves is no part of the toll."""

from __future__ import annotations

import pytest

from eventwire import extract

pytestmark = pytest.mark.slow


def _events(text: str) -> list[dict]:
    return extract(text, published="2019-04-10", include_background=True)


def _doers(events: list[dict]) -> list[str]:
    return [(e["actor1"] or {}).get("name") or "" for e in events]


@pytest.mark.parametrize("text, doer", [
    ("ISWAP claims Monguno barracks raid; 9 soldiers killed", "Islamic State"),
    ("Al-Shabaab claims Beledweyne hotel bombing; 14 dead", "Shabaab"),
    ("Twin car bombs hit Mogadishu market, killing 20; al-Shabaab claims", "Shabaab"),
    ("Grenade attack on Srinagar bus stand kills 3; police blame Hizbul Mujahideen", "Hizbul Mujahideen"),
    ("Bus ambush near Jos leaves 11 dead; Boko Haram blamed", "Boko Haram"),
])
def test_the_claimant_or_the_blamed_is_the_doer_of_a_deed_the_headline_tells(text, doer):
    events = _events(text)
    assert events, "the deed is told: an event"
    assert any(doer.lower() in d.lower() for d in _doers(events)), [(e["sub_event_type"], e["actor1"]) for e in events]


@pytest.mark.parametrize("text", [
    "The army claimed it had killed 40 militants in the Sambisa forest.",
    "The group said in a statement that it would attack more barracks.",
])
def test_a_claim_of_a_clause_or_a_threat_stays_talk(text):
    """Guards: what a claim reports as a clause, and a threat, are no events."""
    assert _events(text) == []


def test_a_clause_before_a_semicolon_is_not_reported_by_the_verb_after_it():
    """"Six soldiers martyred as terrorists attack post in Khyber; TTP claims responsibility": the parser hangs the
    first clause under "claims"; it is told on its own (news), its victims are the soldiers."""
    events = _events("Six soldiers martyred as terrorists attack post in Khyber; TTP claims responsibility")
    assert events
    e = events[0]
    assert (e["fatalities"] or {}).get("best") == 6, e["fatalities"]
    assert "Military Forces" in ((e["actor2"] or {}).get("name") or ""), e["actor2"]


def test_counted_people_before_a_bare_kill_verb_are_its_victims():
    """"15 traders and 3 guards killed" in a headline is a passive without "were": the dead are no doers."""
    events = _events("Gunmen raid market in Kano; 15 traders and 3 guards killed")
    assert events
    assert all("Civilians" not in d for d in _doers(events)), _doers(events)


def test_a_count_the_killers_claim_of_themselves_is_no_part_of_the_toll():
    """"at least four soldiers were killed; the rebels claimed they had killed 30": the claim of success is left
    out of the range when another count of the same deaths is given."""
    events = _events("Rebels ambushed an army convoy near Kamina on Tuesday. Officials said at least four soldiers "
                     "were killed; the rebels claimed they had killed 30.")
    tolls = [e["fatalities"] for e in events if e["fatalities"]]
    assert tolls and all(t["high"] != 30 for t in tolls), tolls
    assert any(t["best"] == 4 for t in tolls), tolls
