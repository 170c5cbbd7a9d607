"""A transfer of territory told by the side that gives the place up ("as FARDC withdraws") has the side another
clause names taking it as actor 1 and the one withdrawing as actor 2 (ACLED: actor 1 gains control). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def transfer(extractor, text):
    evs = [e for e in extractor.extract([Document(id="t", raw_text=text, published="2016-07-03")],
                                        include_background=True)
           if e.sub_event_type == "Non-violent transfer of territory"]
    assert evs, text
    return (evs[0].actor1.name if evs[0].actor1 else None), (evs[0].actor2.name if evs[0].actor2 else None)


def test_the_taker_is_actor1_and_the_side_withdrawing_actor2(extractor):
    a1, a2 = transfer(extractor, "M23 rebels take Goma as FARDC withdraws; no official toll")
    assert a1 is not None and "M23" in a1, (a1, a2)
    assert a2 is not None and "Congo" in a2, (a1, a2)


def test_without_a_taker_the_side_withdrawing_stays(extractor):
    # guard: no one is told taking the town
    a1, _ = transfer(extractor, "Government troops withdrew from the town of Kidal on Monday.")
    assert a1 is not None and "Mali" in a1, a1
