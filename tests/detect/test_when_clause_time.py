"""A clause of time ("... were killed on Tuesday when their positions came under mortar fire") happens at the time
its main clause tells, and a history word in a clause hung on the verb of saying ("..., the military said, as
Ukraine prepared to mark the anniversary of its worst defeat") tells the time of the saying's setting, not of the
happening: such a happening, told in the reporting window, is news. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow

PUBLISHED = "2021-06-17"   # a Thursday


def _news(extractor, text):
    got = extractor.extract([Document(id="t", raw_text=text, published=PUBLISHED)], include_background=True)
    return [(e.sub_event_type, e.event_date, e.is_background) for e in got]


@pytest.mark.parametrize(("text", "kind", "day"), [
    ("Two soldiers were killed on Tuesday when their positions near the town of Avdiivka came under mortar fire "
     "from separatists, the military said, as the country prepared to mark the anniversary of its worst defeat.",
     "Shelling/artillery/missile attack", "2021-06-15"),
    ("Three policemen were killed on Monday when their patrol hit a roadside bomb near Tikrit, officials said, as "
     "the city marked the anniversary of its 2015 liberation.", "Remote explosive/landmine/IED", "2021-06-14"),
    ("Five civilians died on Sunday when shells struck a market in Donetsk, the first deaths since the ceasefire "
     "agreed last year.", "Shelling/artillery/missile attack", "2021-06-13"),
])
def test_a_when_clause_told_in_the_window_is_news(extractor, text, kind, day):
    assert (kind, day, False) in _news(extractor, text), _news(extractor, text)


@pytest.mark.parametrize("text", [
    # the happening lies inside what the history word names: the anniversary of the massacre
    "Residents gathered on Tuesday to mark the anniversary of the massacre in which soldiers killed 30 villagers "
    "in Tadmur.",
    # the when-clause has its own past year
    "Two soldiers were killed in March 2014 when their positions near Avdiivka came under mortar fire, the "
    "military said on Tuesday.",
])
def test_guard_history_told_in_the_happening_s_own_clause_stays_background(extractor, text):
    got = _news(extractor, text)
    assert got and all(bg for _, _, bg in got), got
