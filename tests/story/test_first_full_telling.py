"""A definite telling with its own date and dead ("The Kibeho massacre was the killing of at least 60 ... in April
1995") that retells no happening told before is the first full telling of one: in an undated encyclopedic account,
the title and the lede name the happening with "the", and there is nothing earlier for them to refer to. Articles
written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "place", "sub_type", "dead"), [
    ("Dhanpur massacre\n\nThe Dhanpur massacre was the killing of at least 31 farmers by soldiers of the army in the "
     "village of Dhanpur, in Nepal's Dang district, in May 2002. It was one of many such killings during the "
     "insurgency.\n\nIn the weeks that followed, troops based at the district garrison carried out patrols through the "
     "hills.", "Dhanpur", "Attack", 31),
    ("Kalma camp massacre\n\nThe Kalma camp massacre was the killing of at least 26 displaced people by militiamen in "
     "the Kalma camp near Nyala, Sudan, in August 2008. Survivors said the attackers came on horseback.\n\nIn the "
     "months that followed, police based at the camp gate searched the shelters for weapons.", "Kalma camp", "Attack", 26),
])
def test_a_definite_lede_with_its_own_date_and_dead_is_news(extractor, text, place, sub_type, dead):
    got = extractor.extract([Document(id="t", raw_text=text, published=None)], include_background=True)
    news = [e for e in got if not e.is_background and e.location is not None and e.location.name == place]
    assert [(e.sub_event_type, e.fatalities.best) for e in news] == [(sub_type, dead)], text


def test_guard_a_definite_retelling_joins_the_happening_told_before(extractor):
    text = ("A car bomb exploded outside a market in Ramadi on Tuesday, killing nine people, police said. The attack, "
            "on Tuesday morning, killed nine shoppers and wounded 20.")
    got = extractor.extract([Document(id="t", raw_text=text, published="2024-06-12")], include_background=True)
    assert [e.sub_event_type for e in got if not e.is_background] == ["Remote explosive/landmine/IED"]


@pytest.mark.parametrize(("text", "day"), [
    ("Kadugli market air strike (June 2016)\n\nThe Kadugli market air strike was a government air strike on 9 June 2016 on a cattle "
     "market near Kadugli, in Sudan's South Kordofan state, that killed 11 traders.\n\nResidents said two aircraft "
     "circled the market before the bombs fell.", "2016-06-09"),
    ("Baidoa checkpoint bombing, March 2018\n\nThe Baidoa checkpoint bombing was a car bomb attack on 21 March 2018 at an "
     "army checkpoint outside Baidoa, Somalia, that killed seven soldiers.\n\nAl-Shabaab said it had carried out the "
     "attack.", "2018-03-21"),   # guard: one happening before too (the title's month and the lede's day)
])
def test_a_title_by_month_and_its_lede_by_day_are_one_happening(extractor, text, day):
    """The title sums up by month the happening its lede tells by the day: one happening, at the lede's day."""
    got = extractor.extract([Document(id="t", raw_text=text, published=None)], include_background=True)
    news = [e for e in got if not e.is_background]
    assert [e.event_date for e in news] == [day], [(e.sub_event_type, e.event_date) for e in got]
