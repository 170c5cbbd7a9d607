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
