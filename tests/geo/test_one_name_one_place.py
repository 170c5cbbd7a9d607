"""One name, one place in a text (sentences written for this test): a place the text itself refuses for one
mention of a name is refused for the name's other mentions. "a village in Kani Township, Sagaing Region" in a story
of Myanmar's regions is no town in Japan, and neither is "Kani" in the headline above it: the headline's strike is
the lede's, one event in Sagaing, not a second one 4,000 km away."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow

MYANMAR = ("Junta jets bomb Kani village, three dead\n\n"
           "Military aircraft bombed a village in Kani Township, Sagaing Region, on Friday, killing three civilians, "
           "residents said. In Mandalay, soldiers arrested eight students on Saturday. In Magway Region, resistance "
           "fighters ambushed a convoy near Pauk on Sunday, killing four soldiers, a local militia said.")


def test_a_name_refused_in_the_body_is_refused_in_the_headline():
    events = eventwire.extract(MYANMAR, published="2022-10-09", include_background=True)
    assert {(e["location"] or {}).get("country") for e in events} == {"MM"}, events
    strikes = [e for e in events if e["sub_event_type"] == "Air/drone strike"]
    assert len(strikes) == 1, strikes          # the headline and the lede tell one strike
    assert strikes[0]["location"]["admin1"] == "Sagaing"


def test_guard_a_name_the_text_does_not_refuse_keeps_its_place():
    text = ("Rebels shell Goma airport\n\nM23 rebels shelled the airport in Goma, the capital of North Kivu, on "
            "Friday, killing two people, officials said. Goma's governor condemned the attack.")
    events = eventwire.extract(text, published="2022-10-09", include_background=True)
    assert events and all(e["location"]["name"] == "Goma" and e["location"]["country"] == "CD" for e in events), events
