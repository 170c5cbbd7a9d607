"""Time told back: a sentence with no time of its own that says "that day", "that month", "the same year" or "later
that year" happened in the time its paragraph told last before it, at the unit it names; told so before the reporting
window, it is background, not the story's news. Articles written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow

NEWS = "Troops retook the town of Bentiu on Monday after two days of fighting, officials said.\n\n"


def _events(extractor, text, published="2019-03-13"):
    got = extractor.extract([Document(id="t", raw_text=NEWS + text, published=published)], include_background=True)
    return [(e.sub_event_type, e.event_date, e.is_background, e.location.name if e.location else None) for e in got]


def _dated(extractor, text, place):
    return [(when, bg) for _, when, bg, where in _events(extractor, text) if where and place in where]


@pytest.mark.parametrize(("text", "place", "want"), [
    # a month told in the sentence before: "that month" is that month
    ("The rebellion spread north in March 2014. Insurgents overran the garrison at Malakal that month.",
     "Malakal", ("2014-03-01", True)),
    # a year told: "later that year", "the same year"
    ("The peace deal collapsed in 2016. Later that year militiamen stormed the market in Yei, killing 14 traders.",
     "Yei", ("2016-01-01", True)),
    # (a guard: "the same year" after a year was read so before this mechanism)
    ("Fighting reached the capital in 2013. Gunmen attacked a church in Bor the same year.", "Bor",
     ("2013-01-01", True)),
    # a day told: "that day", "that night"
    ("The siege of the camp began on 4 July 2016. That night soldiers shelled the outskirts of Wau.", "Wau",
     ("2016-07-04", True)),
])
def test_a_time_told_back_takes_the_time_told_before(extractor, text, place, want):
    assert want in _dated(extractor, text, place), _events(extractor, text)


@pytest.mark.parametrize(("text", "place", "want"), [
    # the months and years after a time told count on from it, at the unit they name
    ("The rebellion spread north in March 2014. The following month insurgents overran the garrison at Malakal.",
     "Malakal", ("2014-04-01", True)),
    ("Rebels seized the oil fields in November 2015. A month later militiamen burned the market in Yei.",
     "Yei", ("2015-12-01", True)),
    ("The army entered Bor on 4 June 2016. Three months later gunmen attacked a church in Bor, killing five people.",
     "Bor", ("2016-09-01", True)),
    ("The peace deal collapsed in 2016. The following year militiamen stormed the market in Wau.",
     "Wau", ("2017-01-01", True)),
])
def test_the_months_and_years_after_a_time_told_count_on_from_it(extractor, text, place, want):
    assert want in _dated(extractor, text, place), _events(extractor, text)


def test_guard_next_month_is_the_future_of_the_telling(extractor):
    # a bare "next month" (no "the following") tells the future of the story, not a month after the one told before
    text = "The rebellion spread north in March 2014. Gunmen attacked the market in Malakal on Sunday and the army " \
           "says it will retake the town next month."
    assert ("2014-04-01", True) not in _dated(extractor, text, "Malakal"), _events(extractor, text)


def test_guard_a_time_told_back_without_a_time_before_stays_the_story_s(extractor):
    # nothing before it in its paragraph tells a time: "that day" stays with the story's own days
    text = "Residents said gunmen shot dead three farmers near Leer that day."
    assert all(not bg for _, bg in _dated(extractor, text, "Leer")), _events(extractor, text)


def test_guard_a_day_needs_a_day_told(extractor):
    # only a month is told before: "that day" has no day to take, and the month is not made a day
    text = "The offensive began in May 2015. Gunmen burned the market in Nasir that day."
    assert ("2015-05-01", True) not in _dated(extractor, text, "Nasir"), _events(extractor, text)


@pytest.mark.parametrize(("text", "place", "told"), [
    # "the offensive", "the massacre", "the fighting" refer back, but a verb that only tells they began, happened or
    # erupted gives them a time of their own: another year than the happening told before is another happening
    ("Gunmen killed 12 villagers in Tadmur on 3 May 2015.\n\nThe offensive opened in June 2014.", "Tadmur",
     "2014-06-01"),
    ("Soldiers shot dead four men in Yei on 9 January 2017.\n\nThe massacre happened in 2014 in a village near "
     "Nimule.", "Yei", "2014-01-01"),
    ("Rebels ambushed a convoy near Wau on 5 June 2018.\n\nThe fighting erupted in December 2013.", "Wau",
     "2013-12-01"),
])
def test_an_anaphor_dated_by_a_verb_of_occurring_keeps_its_own_time(extractor, text, place, told):
    got = _events(extractor, text)
    assert told in [when for _, when, _, _ in got], got


@pytest.mark.parametrize(("text", "place", "day"), [
    # a paragraph that opens with "the same day" points back to the day the paragraph above told
    ("Militants attacked an army base in Malakal on Monday, killing seven soldiers.\n\nIn a separate attack the same "
     "day, gunmen shot dead four farmers outside the town of Akobo.", "Akobo", "2019-03-11"),
    # (a guard: "later that day" after a happening told with its day was dated so by the story stage before)
    ("Rebels shelled the market in Wau on 2 March, killing five traders.\n\nLater that day, militiamen burned homes "
     "in the town of Yei.", "Yei", "2019-03-02"),
])
def test_a_paragraph_that_opens_with_a_time_told_back_takes_the_day_above(extractor, text, place, day):
    got = extractor.extract([Document(id="t", raw_text=text, published="2019-03-13")], include_background=True)
    days = [e.event_date for e in got if e.location is not None and place in e.location.name]
    assert days == [day], [(e.sub_event_type, e.event_date, e.location and e.location.name) for e in got]


def test_guard_a_year_of_another_clause_leaves_a_yearless_month_the_story_s(extractor):
    # "in 2017" tells the time of the defeat, not of the bombing named by its month alone: January of the story's year
    text = ("Despite its military defeat in 2017, the group still carries out attacks, the most recent of which was "
            "the double suicide bombing in Tayaran Square in central Baghdad in January, which killed 32 people.")
    got = [(kind, when) for kind, when, _, _ in _events(extractor, text)]
    assert ("Suicide bomb", "2019-01-01") in got, got
