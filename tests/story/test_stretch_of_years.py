"""A count of dead told over a stretch of years ("Between 1971 and the end of the decade more than 100 ... were
killed in the area") sums many happenings: no event and no death toll, in background as in news; the happening the
story is about stays one event with its own toll (articles written for this test)."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _events(extractor, text, published="1979-06-07"):
    return extractor.extract([Document(id="years", raw_text=text, published=published)], include_background=True)


@pytest.mark.parametrize("count", [
    "Between 1971 and the end of the decade more than 100 members of the security forces were killed in the area.",
    "From 1972 to 1978, at least 90 soldiers and policemen were killed in the county by the IRA.",
    "Between early 1975 and 1978, more than 60 people died in bomb attacks in the border area.",
])
def test_a_count_over_years_is_no_event(extractor, count):
    text = ("A roadside bomb killed four soldiers near Newtownhamilton, County Armagh, on Wednesday morning, the army "
            f"said. The area has long been an IRA stronghold. {count} The IRA said it had carried out the attack.")
    events = _events(extractor, text)
    assert [e.fatalities.best for e in events] == [4], [(e.sub_event_type, e.event_date, e.fatalities.best)
                                                         for e in events]
    assert not events[0].is_background


def test_guard_one_past_happening_told_with_its_year_stays_background(extractor):
    text = ("A roadside bomb killed four soldiers near Newtownhamilton on Wednesday morning, the army said. In 1976, "
            "gunmen shot dead ten workmen at Kingsmill, in the same county.")
    background = [e for e in _events(extractor, text) if e.is_background]
    assert [e.fatalities.best for e in background] == [10], [(e.sub_event_type, e.notes) for e in background]
