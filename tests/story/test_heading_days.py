"""A round-up dates its paragraphs by headings ("WEDNESDAY. The bodies of three men were found ...", "Tuesday: ...", a
day on a line of its own): what a paragraph tells without a time of its own happened on its heading's day, and a
heading named like the day of filing is that day a week before (the round-up looks back). A paragraph that opens
with anything but a time has no heading. Articles written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow

ROUNDUP = """Week of violence in the Delta: a roadside bomb, a lynching and a raid

The Riverside Courier - Sunday, March 10, 2024

The week left at least seven people dead in the state. Here is our summary.

TUESDAY. Gunmen ambushed a police patrol on the road outside Warri, killing two officers. Their vehicle was set ablaze.

THURSDAY. A mob beat a man to death in Sapele after accusing him of stealing a phone. Police arrived too late.

SUNDAY. Soldiers raided a camp of suspected pirates near Burutu and arrested eleven people.
"""


def test_a_heading_dates_the_paragraph_under_it(extractor):
    days = _days(extractor, ROUNDUP, "2024-03-10")
    assert days.get("Warri") == "2024-03-05", days
    assert days.get("Sapele") == "2024-03-07", days
    assert days.get("Burutu") == "2024-03-03", days   # filed on a Sunday: the Sunday the week began with


def test_a_day_on_a_line_of_its_own_heads_the_paragraph_below(extractor):
    text = ("Live: the war on its 400th day\n\nWednesday\n\nRussian shelling hit a school in Kherson, killing three "
            "teachers, the regional governor said.\n\nThursday\n\nA Ukrainian drone struck an oil depot in Belgorod, "
            "setting it on fire.")
    days = _days(extractor, text, "2023-03-31")
    assert days.get("Kherson") == "2023-03-29" and days.get("Belgorod") == "2023-03-30", days


def test_under_a_heading_what_a_source_said_had_happened_is_that_day_s_news(extractor):
    text = ("Saturday: Fighters ambushed an army convoy near Niono, in central Mali. The army said four soldiers had "
            "been killed.\n\nMonday: A drone strike near Tessalit killed six civilians.")
    got = extractor.extract([Document(id="t", raw_text=text, published="2024-02-16")], include_background=True)
    niono = [e for e in got if e.location is not None and e.location.name == "Niono"]
    assert niono and not any(e.is_background for e in niono), [(e.sub_event_type, e.is_background) for e in got]
    assert any(e.fatalities.best == 4 for e in niono), [(e.sub_event_type, e.fatalities) for e in niono]


def test_guard_a_paragraph_that_opens_with_a_sentence_has_no_heading(extractor):
    # "Last year, ..." opens a sentence, not a heading: the next sentence's undated happening is not last year's
    text = ("Gunmen ambushed a police patrol outside Warri on Tuesday, killing two officers.\n\nLast year, the same "
            "gang kidnapped an oil worker in Sapele. Police said they had arrested eleven suspects near Burutu.")
    days = _days(extractor, text, "2024-03-10")
    assert days.get("Warri") == "2024-03-05", days
    assert not (days.get("Burutu") or "").startswith("2023"), days


def _days(extractor, text, published):
    got = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
    return {e.location.name: e.event_date for e in got if e.location is not None}
