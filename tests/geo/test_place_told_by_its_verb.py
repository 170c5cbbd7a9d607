"""A town the tagger reads as a person is a place when a verb of places tells it: what "fell" ("Avdiivka fell in
February"), what was bombed or shelled ("Kanbalu was bombed"); not a person who "was captured". Sentences written
for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _names(geoparse, text):
    return [t.text for t in geoparse(text) if t.role == "place"]


@pytest.mark.parametrize(("text", "name"), [
    ("Ukrainian troops pulled back across the Donetsk region. Avdiivka fell in February after months of fighting.",
     "Avdiivka"),
])
def test_a_name_a_verb_of_places_tells_is_a_place(geoparse, text, name):
    assert name in _names(geoparse, text), geoparse(text)


def test_a_person_captured_is_no_place(geoparse):
    # guard: "captured", "freed" take people as often as places; their passive subject stays what the tagger says
    text = "The Canadian-born Khadr was captured in Afghanistan in 2002 and taken to Guantanamo."
    assert "Khadr" not in _names(geoparse, text) and "Afghanistan" in _names(geoparse, text), geoparse(text)
