"""A town named with the region it lies in ("the town of Afrin in north-western Syria") is where the happening was:
the most specific place the text names. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "name"), [
    ("In March 2018, Turkish troops captured the town of Afrin in north-western Syria.", "Afrin"),
    ("Government artillery shelled the town of Saraqib in north-western Syria on Monday, killing four civilians.",
     "Saraqib"),
    # guard, passes either way ("northwestern" is no region the gazetteer names)
    ("Turkish-backed fighters seized the town of Afrin in northwestern Syria on Sunday.", "Afrin"),
])
def test_a_town_in_a_named_region_is_the_place(event_place, text, name):
    assert name in (event_place(text, "2019-01-08") or ""), event_place(text, "2019-01-08")


def test_a_region_alone_stays_the_region(event_place):
    # guard: with no town named, the region is the most specific place told
    assert "Syria" in (event_place("Government artillery shelled rebel positions in north-western Syria on "
                                   "Monday, killing four fighters.", "2019-01-08") or "")


@pytest.mark.parametrize(("text", "name"), [
    # a region the gazetteer lacks is coarser than the town it knows in the sentence
    ("Al-Shabaab fighters stormed a Somali National Army base near Wanlaweyn, in the Lower Shabelle region, in a "
     "pre-dawn assault on Monday.", "Wanlaweyn"),
    # guards, pass either way: the town bound better than the region; the town is what the region is of; a district
    # of a city is its quarter
    ("Al-Shabaab fighters stormed an army base near Wanlaweyn, in the Lower Shabelle region, on Monday, killing "
     "six soldiers.", "Wanlaweyn"),
    ("The Syrian army launched another powerful attack in the Western Mountains region of rural Damascus on "
     "Monday, killing 12 fighters.", "Western Mountains"),
    ("A car bomb killed 11 people in the Zafaraniyah district of Baghdad on Monday.", "Zafaraniyah"),
])
def test_a_region_the_gazetteer_lacks_yields_to_its_town(event_place, text, name):
    assert name in (event_place(text, "2019-01-08") or ""), event_place(text, "2019-01-08")
