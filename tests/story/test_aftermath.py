"""A development told as news after a violent happening (troops moved in, a curfew, a deployment to hunt the
attackers) is that happening's aftermath, not an event of its own; told first, it is the story's news. Articles
written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def types(extractor, text, published="2022-06-20"):
    evs = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
    return [e.sub_event_type for e in evs if not e.is_background]


@pytest.mark.parametrize(("text", "violence"), [
    ("Clashes between rival gunmen killed five people in Tripoli on Sunday. On Monday army units moved armoured "
     "vehicles into the area and began clearing barricades.", "Armed clash"),
    ("A car bomb killed 12 people at a market in Baqubah on Friday. Authorities imposed a curfew on the city on "
     "Saturday.", "Remote explosive/landmine/IED"),
    ("Gunmen abducted three engineers near Jolo on Tuesday. The military deployed two battalions to the island on "
     "Wednesday to hunt the kidnappers.", "Abduction/forced disappearance"),
])
def test_a_development_after_violence_is_its_aftermath(extractor, text, violence):
    got = types(extractor, text)
    assert violence in got, got
    assert "Change to group/activity" not in got, got


@pytest.mark.parametrize(("text", "violence"), [
    # checkpoints set up and a camp established by the forces that answer the violence are its aftermath too
    ("A bomb exploded in a cathedral in Jolo on Sunday, killing 20 worshippers. Troops set up checkpoints around the "
     "cathedral on Monday.", "Remote explosive/landmine/IED"),
    ("Militants attacked a police post in Bannu on Tuesday, killing four officers. The army established a new camp "
     "outside the town the next day.", "Armed clash"),
])
def test_a_base_set_up_after_violence_is_its_aftermath(extractor, text, violence):
    got = types(extractor, text, "2019-01-30")
    assert violence in got, got
    assert "Headquarters or base established" not in got, got


@pytest.mark.parametrize("text", [
    # guards: the development is the story's news, the violence told after it is its reason
    "Turkey sent hundreds of troops and armoured vehicles to its observation posts in Idlib on Sunday. A day "
    "earlier, regime shelling had killed five Turkish soldiers near Saraqib.",
    "Syria is moving troops to a desert region near its border with Iraq and Jordan. Last week a US air strike "
    "killed 12 pro-government fighters near al-Tanf.",
])
def test_a_development_told_first_is_news(extractor, text):
    assert "Change to group/activity" in types(extractor, text)


def test_guard_a_base_told_first_is_news(extractor):
    text = ("Al-Shabaab fighters set up a base in the village of Bulo Fulay on Sunday, residents said. Last month, a US "
            "air strike killed six militants near the village.")
    assert "Headquarters or base established" in types(extractor, text, "2019-01-30")
