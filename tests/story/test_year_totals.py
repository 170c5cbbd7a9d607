"""A count of dead told over a year ("have been killed ... this year") sums many happenings: no event, in a story
whose news is one of them (articles written for this test)."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _events(extractor, text, published="2023-10-20"):
    return extractor.extract([Document(id="totals", raw_text=text, published=published)], include_background=True)


def test_a_count_over_this_year_is_no_event_of_its_own(extractor):
    text = ("Gunmen attacked a village in the Tsafe area of Zamfara state on Monday night, shooting dead 11 people, "
            "residents said. State officials say more than 700 people have been killed by bandits in Zamfara this "
            "year.")
    news = [e for e in _events(extractor, text) if not e.is_background]
    assert len(news) == 1, [(e.sub_event_type, e.event_date, e.notes) for e in news]
    assert news[0].event_date == "2023-10-16" and news[0].fatalities.best == 11


def test_guard_a_happening_of_a_past_year_stays_background(extractor):
    text = ("Gunmen attacked a village in the Tsafe area of Zamfara state on Monday night, shooting dead 11 people, "
            "residents said. In 2021, gunmen killed 30 people at a market in Tsafe.")
    background = [e for e in _events(extractor, text) if e.is_background]
    assert [e.fatalities.best for e in background] == [30], [(e.sub_event_type, e.notes) for e in background]


def test_a_count_a_side_has_killed_since_a_time_is_no_toll(extractor):
    # the active perfect sums happenings as the passive does ("have been killed since the coup"); a count with a
    # thousands separator is one count
    text = ("Myanmar military jets bombed a monastery in Kanbalu town in Sagaing Region on Tuesday, killing 31 "
            "people, residents said. According to a local monitoring group, the military has killed more than 3,000 "
            "civilians since it seized power.")
    tolls = [e.fatalities.best for e in _events(extractor, text, "2024-05-15")]
    assert 3000 not in tolls and 31 in tolls, tolls


def test_a_province_told_across_is_no_place_of_a_total(extractor):
    # a place things are told across ("homes across Sagaing") is a stretch of many places: the sum names no place
    # of its own and yields no event
    text = ("Myanmar military jets bombed a monastery in Kanbalu town in Sagaing Region on Tuesday, killing 31 "
            "people, residents said. The military has killed more than 3,000 civilians since it seized power, and "
            "has burned tens of thousands of homes across Sagaing.")
    news = [e for e in _events(extractor, text, "2024-05-15") if not e.is_background]
    assert [e.fatalities.best for e in news] == [31], [(e.sub_event_type, e.notes) for e in news]
