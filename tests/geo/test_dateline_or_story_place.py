"""A news happening whose sentence names no place lies where the story's other news happenings are told to happen,
not at the dateline, when that is another town: "NAIROBI - ... gunmen stormed a college in Garissa ... The siege
ended at dusk when police cornered the attackers" had put the police's gunfight in Nairobi, where the minister spoke.
The dateline stays the place when the story's happenings are told there, or nowhere else. Articles written for these
tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _news(extractor, text, published="2021-06-10"):
    got = extractor.extract([Document(id="t", raw_text=text, published=published)])
    return [(e.sub_event_type, e.location.name if e.location else None) for e in got if not e.is_background]


@pytest.mark.parametrize(("text", "place"), [
    ("BAMAKO, Mali - Gunmen attacked a market in the town of Mopti on Wednesday, killing 11 traders, officials said. "
     "Soldiers deployed around the market in Mopti after the attack, a local official said.\n\n"
     "The defence minister told reporters in Bamako that troops later cornered the attackers and killed three of them "
     "in a gunfight that lasted an hour.", "Mopti"),
    ("KABUL (Reuters) - A roadside bomb struck a bus in the city of Kandahar on Tuesday, killing nine passengers, a "
     "provincial spokesman said. Police sealed off the area in Kandahar after the blast.\n\n"
     "Hours later, gunmen on a motorbike shot dead two police officers who were guarding the scene, the interior "
     "ministry said in a statement issued in Kabul.", "Kandahar"),
])
def test_an_unplaced_happening_lies_at_the_story_s_place_not_the_dateline(extractor, text, place):
    got = _news(extractor, text)
    assert got and all(where == place for _, where in got), got


def test_guard_the_dateline_town_where_the_story_happens_stays(extractor):
    text = ("MOGADISHU, Somalia - A car bomb exploded outside a hotel in Mogadishu on Sunday, killing eight people, "
            "police said.\n\nGunmen then stormed the building and fought guards for several hours, witnesses said.")
    got = _news(extractor, text)
    assert got and all(where == "Mogadishu" for _, where in got), got
