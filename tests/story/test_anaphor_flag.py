"""An anaphor with no time of its own ("The bomb that killed them ...") retells the nearest happening told before it,
news or history, and takes its flag; it leads no happening it joins that way (articles written for this test)."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow

STORY = (
    "Rights group says January strike on family home in south Lebanon was unlawful\n"
    "BEIRUT \u2014 An Israeli air strike that killed five members of one family in the village of Aitaroun in "
    "January was most likely an unlawful attack on civilians, a human rights group said on Thursday.\n"
    "\"A family was asleep in its home,\" the group's director said. \"The bomb that killed them was "
    "precision-guided, which means someone chose that house.\"\n"
    "Fighting continued this week. On Wednesday, an Israeli drone struck a car near the coastal town of Naqoura, "
    "killing two Hezbollah members, Lebanese security sources said.\n"
)


def test_the_bomb_of_a_quote_retells_the_history_it_follows_not_the_news_after_it(extractor):
    events = extractor.extract([Document(id="anaphor", raw_text=STORY, published="2024-06-21")])
    news = [e for e in events if not e.is_background]
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in news] == [
        ("Air/drone strike", "En Naqoura")], [(e.sub_event_type, e.notes) for e in news]
    assert not any("bomb that killed them" in ev.text for s in news[0].sources for ev in s.evidence)
