""""X fell to Y": Y took X, so Y is the doer (actor1), and the place that fell is no side. Sentences written for
these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow



@pytest.mark.parametrize(("text", "taker"), [
    ("Raqqa fell to the SDF in October 2017.", "Syrian Democratic Forces"),
    ("Kunduz city fell to the Taliban in September 2015.", "Taliban"),
    ("The town of Gwoza in Borno state fell to Boko Haram fighters in August 2014.", "Boko Haram"),
])
def test_the_one_a_place_fell_to_took_it(extractor, text, taker):
    evs = extractor.extract([Document(id="t", raw_text=text, published="2019-01-08")], include_background=True)
    assert evs and evs[0].actor1 is not None and taker in evs[0].actor1.name, evs
    assert evs[0].actor2 is None or taker not in evs[0].actor2.name
