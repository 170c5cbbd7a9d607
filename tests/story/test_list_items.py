"""A live blog's or a bulletin's items each tell a development of their own ("- A Russian missile strike on a hotel
killed two people overnight ... - Ukrainian officials said three civilians were killed on Thursday in shelling of a
market in Kherson"): what an item opens with is another happening than those of the items before, even without a
place or a day of its own. Articles written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow

LIVE = ("Ukraine war: key developments on Friday\n\n- A Russian missile strike on a hotel killed two people overnight, "
        "the regional governor said.\n\n- Ukrainian officials said three civilians were killed on Thursday in shelling "
        "of a market in Kherson.\n\n- Russian drones hit an energy facility on Friday morning, injuring four workers, "
        "officials in the Dnipropetrovsk region said.")
BULLETIN = ("Sahel bulletin\n\n1. Koro cercle - Armed men attacked a village north of Koro, killing seven civilians.\n\n"
            "2. Djenne cercle - On Thursday, three traders were abducted by gunmen on the road to Djenne.\n\n"
            "3. Tenenkou cercle - Gunmen raided two villages, burning granaries and stealing cattle.")


def test_each_item_of_a_live_blog_is_its_own_happening(extractor):
    got = _news(extractor, LIVE)
    assert len(got) == 3, [(e.sub_event_type, e.location and e.location.name, e.fatalities.best) for e in got]
    assert sorted(e.fatalities.best or 0 for e in got) == [0, 2, 3]


def test_each_item_of_a_bulletin_is_its_own_happening(extractor):
    got = _news(extractor, BULLETIN)
    types = sorted(e.sub_event_type for e in got)
    assert types == ["Abduction/forced disappearance", "Attack", "Looting/property destruction"], types


def _news(extractor, text):
    got = extractor.extract([Document(id="t", raw_text=text, published="2024-03-15")], include_background=True)
    return [e for e in got if not e.is_background]
