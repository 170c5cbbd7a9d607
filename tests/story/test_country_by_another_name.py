"""A town named as a country is only by another of its names ("Uman" is also a spelling of Oman, "Salvador" of El
Salvador) is the town: news names a country by its usual name. Articles written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "country"), [
    ("Russian shelling killed two people in Kherson and Odesa on Friday. In April, a Russian cruise missile strike on "
     "an apartment block in the central city of Uman killed 23 people.", "UA"),
    ("Police killed 12 people in raids in Rio de Janeiro and Salvador on Friday.", "BR"),
])
def test_a_town_is_not_a_country_it_shares_another_name_with(extractor, text, country):
    got = extractor.extract([Document(id="t", raw_text=text, published="2023-11-03")], include_background=True)
    assert got and all(e.location is not None and e.location.country == country for e in got), \
        [(e.sub_event_type, e.location) for e in got]


@pytest.mark.parametrize(("text", "country"), [
    # guards: a country's other usual names still name it
    ("Gunmen killed five villagers in Burma on Friday.", "MM"),
    ("Troops killed 12 rebels in the Ivory Coast on Friday.", "CI"),
])
def test_guard_other_names_of_a_country_still_name_it(extractor, text, country):
    got = extractor.extract([Document(id="t", raw_text=text, published="2023-11-03")], include_background=True)
    assert [e.location.country for e in got if e.location] == [country]
