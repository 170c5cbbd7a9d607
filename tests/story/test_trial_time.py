"""A trial story's happening keeps its own time, not the court's: "A court on Monday sentenced ... for a car bomb that
killed a gendarme ... in June 2012" tells a bombing of June 2012 (background), whatever verb the parser hangs "in June
2012" on; a month with its year is a date, not a year that names the happening; a headline's "2003 car bomb" and the
lede's "in September 2003" are one happening; and a happening the detector doubts is kept as background when its own
phrase dates it before the window. Articles written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _events(extractor, text, published="2024-06-14"):
    got = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
    return [(e.sub_event_type, e.event_date, e.is_background, e.location.name if e.location else None) for e in got]


@pytest.mark.parametrize(("text", "want"), [
    # the parse hangs "in June 2012" on "sentenced" (after "a passer-by"): the court's Monday is still not the bombing's
    ("PARIS - A special court on Monday sentenced three members of a Corsican group to 20 years for a car bomb that "
     "killed a gendarme and a passer-by in the town of Ajaccio in June 2012.",
     ("Remote explosive/landmine/IED", "2012-06-01", True, "Ajaccio")),
    ("ANKARA - A court on Thursday sentenced four men to life for a suicide bombing that killed two soldiers and a "
     "passer-by at a checkpoint in the town of Hakkari in October 2016.",
     ("Suicide bomb", "2016-10-01", True, "Hakkari")),
    # "in September 2003" inside the happening's phrase is its month, not a year naming it
    ("ROME - An appeals court on Friday sentenced two men to life in prison for a car bomb that killed a customs "
     "officer and a passer-by outside the port of Bari in September 2003.",
     ("Remote explosive/landmine/IED", "2003-09-01", True, "Bari")),
])
def test_the_happening_in_a_sentencing_keeps_its_own_month(extractor, text, want):
    assert _events(extractor, text) == [want], text


def test_a_headline_year_and_the_lede_s_month_are_one_happening(extractor):
    text = ("Italian court jails two over 2003 Bari car bomb\n"
            "ROME - An appeals court on Friday sentenced two men to life in prison for a car bomb that killed a "
            "customs officer and a passer-by outside the port of Bari in September 2003.\n"
            "The judges found that the men had parked a stolen van loaded with explosives outside the customs house.")
    assert _events(extractor, text) == [("Remote explosive/landmine/IED", "2003-09-01", True, "Bari")]


def test_a_doubted_happening_dated_by_its_own_phrase_is_background(extractor):
    text = ("BOGOTA - A judge on Tuesday sentenced a former guerrilla commander to 40 years in prison for an attack "
            "that killed a mayor and a passer-by in the town of Neiva in August 2005.")
    assert [(when, bg, place) for _, when, bg, place in _events(extractor, text)] == [("2005-08-01", True, "Neiva")]


def test_guard_a_year_told_as_a_stretch_is_no_one_happening_of_that_year(extractor):
    # "killed in El Geneina in 2023" sums a year; it does not join the governor's abduction of June 14 that year
    text = ("On June 14 last year, the governor of the province was abducted and killed by gunmen in Kalma.\n"
            "A UN panel has estimated that between 10,000 and 15,000 people were killed in the province in 2023.")
    got = _events(extractor, text)
    assert ("2023-06-14", True) in [(when, bg) for _, when, bg, _ in got], got
