"""The doer a blame names, in the forms headlines and wire copy use, when the deed's own clause names none or only
"gunmen": sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow



def actor1(extractor, text):
    evs = extractor.extract([Document(id="t", raw_text=text, published="2024-01-01")], include_background=True)
    assert evs, text
    return evs[0].actor1.name if evs[0].actor1 else None


@pytest.mark.parametrize(("text", "doer"), [
    ("Two attackers killed after assault on aerospace plant in Ankara; 5 employees dead, minister says PKK behind it",
     "PKK"),
    ("Gunmen ambush police convoy in Aguililla, Michoacan, killing 13 officers; authorities point to CJNG", "CJNG"),
    ("Masked gunmen shot dead four soldiers at a checkpoint near Quetta on Monday; officials pointed the finger at "
     "the BLA.", "Baloch Liberation Army"),
    ("A bomb killed three policemen in Peshawar on Friday, and officials said the TTP was behind the blast.", "Tehreek-i-Taliban Pakistan"),
])
def test_the_group_a_blame_names_is_the_doer(extractor, text, doer):
    assert doer in (actor1(extractor, text) or ""), actor1(extractor, text)


def test_what_officials_point_to_that_is_no_actor_names_no_doer(extractor):
    # guard: the damage pointed to is no doer, and the gunmen stay the unidentified group they are
    text = "Gunmen shot dead four shopkeepers in Kidal in Mali on Monday; officials pointed to the damage at the market."
    assert (actor1(extractor, text) or "").startswith("Unidentified Armed Group")


def actor2(extractor, text):
    evs = extractor.extract([Document(id="t", raw_text=text, published="2024-01-01")], include_background=True)
    assert evs, text
    return evs[0].actor2.name if evs[0].actor2 else None


# A gathering of civilians hit as such names the civilians of the story's country as the victims.
@pytest.mark.parametrize("text", [
    "Gunmen opened fire on a funeral in Kirkuk, killing 9.",
    "A suicide bomber struck a wedding in Kabul on Saturday, killing 63.",
    "Coalition air strikes hit a wedding party near Sanaa, leaving 28 dead.",
])
def test_a_gathering_hit_is_its_civilians(extractor, text):
    assert (actor2(extractor, text) or "").startswith("Civilians"), actor2(extractor, text)
