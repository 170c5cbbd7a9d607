"""A demonym the tagger reads as an organisation is still a demonym (sentences written for this test): spaCy tags
"Ugandan" in "the Ugandan capital" as ORG, and an ORG entity was looked up only as a place's name, so "the Ugandan
capital" and "the Burkinabe capital" named no capital (the Somali, Malian and Afghan capitals, read as NORP, did)."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "capital"), [
    ("A bomb exploded outside a bar in the Ugandan capital on Saturday night, killing two people, police said.",
     "Kampala"),
    ("Gunmen attacked a police post on the edge of the Burkinabe capital on Tuesday, killing three officers.",
     "Ouagadougou"),
])
def test_the_capital_of_a_demonym_read_as_an_organisation(text, capital):
    events = eventwire.extract(text, published="2023-05-06", include_background=True)
    assert [e["location"]["name"] for e in events] == [capital], events


def test_guard_a_demonym_qualifying_troops_is_no_place():
    text = "Ugandan soldiers killed five rebels in a raid on Tuesday, the army said."
    events = eventwire.extract(text, published="2023-05-06", include_background=True)
    assert events and all(e["location"] is None or e["location"]["country"] != "UG" or
                          e["location"]["geo_precision"] != 1 for e in events), events
