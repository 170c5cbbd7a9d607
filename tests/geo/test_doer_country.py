"""A country named as the doer's nationality on the strike itself ("a US air strike", "a French airstrike") tells who
struck, not where: the event is at the place the sentence names, or at none. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def place(extractor, text):
    evs = extractor.extract([Document(id="t", raw_text=text, published="2022-06-20")], include_background=True)
    assert evs, text
    return evs[0].location.name if evs[0].location else None


@pytest.mark.parametrize(("text", "name"), [
    ("Last week a US air strike killed 12 pro-government fighters near al-Tanf.", "Tanf"),
    # guards, pass either way: a demonym is no place anyway; the sentence names the place and the tagger finds it
    ("On Monday a French airstrike killed four militants near Menaka, the army said.", "Menaka"),
    ("A US drone strike killed three militants in North Waziristan on Monday.", "North Waziristan"),
])
def test_the_strikers_country_is_not_the_place(extractor, text, name):
    assert name in (place(extractor, text) or ""), place(extractor, text)
