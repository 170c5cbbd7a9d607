"""A country's own name is the country's, even beside its capital (texts written for this test). GeoNames gives
some capitals the country's name as one of their other names ("Mexico" for Mexico City, "Kuwait" for Kuwait City,
"Guatemala" for Guatemala City); with the capital in the dateline, a bare "Mexico" in the body had become the city
(it lies at the dateline's point and is the capital of the story's country), and a massacre in the country was
placed in its capital. News names a town by its usual name: the bare name is the country."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "country", "capital"), [
    ("MEXICO CITY (Reuters) - Gunmen killed 14 people at a bar in Mexico on Saturday night, officials said, the "
     "latest massacre in a country where cartel violence has killed thousands.", "Mexico", "Mexico City"),
    ("GUATEMALA CITY, May 3 (AP) - Armed men shot dead five farmers in Guatemala on Tuesday, police said. The "
     "killings came as the government extended a state of siege.", "Guatemala", "Guatemala City"),
])
def test_a_country_named_beside_its_capital_is_the_country(text, country, capital):
    events = eventwire.extract(text, published="2023-05-06", include_background=True)
    assert [e["location"]["name"] for e in events] == [country], events
    assert events[0]["location"]["geo_precision"] != 1, events   # a country, not a town


def test_guard_the_capital_named_by_its_own_name_stays_the_capital():
    text = ("MEXICO CITY (Reuters) - Gunmen shot dead three police officers in Mexico City on Saturday, officials "
            "said, in one of the worst attacks on the capital's police this year.")
    events = eventwire.extract(text, published="2023-05-06", include_background=True)
    assert [e["location"]["name"] for e in events] == ["Mexico City"], events
