"""A country named as the doer's nationality on the strike itself ("a US air strike", "a French airstrike") tells who
struck, not where: the event is at the place the sentence names, or at none. Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "name"), [
    ("Last week a US air strike killed 12 pro-government fighters near al-Tanf.", "Tanf"),
    # guards, pass either way: a demonym is no place anyway; the sentence names the place and the tagger finds it
    ("On Monday a French airstrike killed four militants near Menaka, the army said.", "Menaka"),
    ("A US drone strike killed three militants in North Waziristan on Monday.", "North Waziristan"),
])
def test_the_strikers_country_is_not_the_place(event_place, text, name):
    assert name in (event_place(text) or ""), event_place(text)
