"""A country the tagger does not see ("BURKINA FASO:" opening a round-up's paragraph, a country named after the town
"near Dori in Burkina Faso") still makes its towns the story's, and a sentence that puts its event both at a town and
in a country is placed at the town, the most specific place it names. Stories written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow

ROUND_UP = ("Sahel: the week in review\n\n"
            "CHAD: Boko Haram fighters attacked an army post near Bol on the Lake Chad shore on 7 January, killing two "
            "soldiers.\n\n"
            "BURKINA FASO: An improvised explosive device killed three soldiers near Dori on 10 January, security "
            "sources said.\n\n"
            "CAMEROON: A female suicide bomber blew herself up at a mosque in Mora, in the Far North region, on 10 "
            "January, killing three worshippers.\n")


def _events(extractor, text, published="2025-01-13"):
    got = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
    return {(e.sub_event_type, e.location.name if e.location else None, e.location.country if e.location else None)
            for e in got}


def test_a_round_up_s_country_label_makes_its_towns_known(extractor):
    got = _events(extractor, ROUND_UP)
    assert ("Remote explosive/landmine/IED", "Dori", "BF") in got, got
    assert ("Suicide bomb", "Mora", "CM") in got, got   # the bombing in Mora stays its own happening


@pytest.mark.parametrize(("sentence", "town", "country"), [
    ("An improvised explosive device killed three soldiers near Dori in Burkina Faso on Friday.", "Dori", "BF"),
    ("Gunmen killed five villagers near Tillaberi in Niger on Friday, officials said.", "Tillaberi", "NE"),
])
def test_a_town_named_with_its_country_is_the_event_s_place(extractor, sentence, town, country):
    got = _events(extractor, sentence)
    assert any(name == town and c == country for _, name, c in got), got


def test_guard_a_country_alone_stays_the_place(extractor):
    got = _events(extractor, "An improvised explosive device killed three soldiers in Burkina Faso on Friday.")
    assert any(name == "Burkina Faso" for _, name, _ in got), got
