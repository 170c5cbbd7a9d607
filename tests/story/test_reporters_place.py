"""Where a reporter or a correspondent is, is where the report comes from, not where it happened ("SANA reporter in
Hama said that the terrorists targeted the houses ..."); officials of a place may still speak of their own town. Two
tellings of one kind on one day whose sentences name only different places, and neither says by its syntax where
it was, are two happenings (a shelling the reporter tells and the army's answer on other towns). Articles written
for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "An AFP correspondent in Kandahar said a roadside bomb killed four soldiers on Monday.",
    "A journalist in Goma said rebels shot dead six villagers on Tuesday.",
])
def test_a_reporters_place_is_not_the_happenings(extractor, text):
    got = _events(extractor, text)
    assert got and all(e.location is None or e.location.name not in ("Kandahar", "Goma") for e in got), \
        [(e.sub_event_type, e.location) for e in got]


def test_guard_officials_of_a_place_may_speak_of_it(extractor):
    got = _events(extractor, "Officials in Kandahar said a roadside bomb killed four soldiers on Monday.")
    assert [e.location.name for e in got if e.location] == ["Kandahar"]


def test_tellings_that_name_only_different_places_are_two(extractor):
    text = ("A reporter in Hama said that militants targeted the houses of citizens with rocket shells on Sunday, "
            "killing two civilians. The army responded on Sunday by targeting with artillery shells the positions of "
            "the militants in Kafr Zita and al-Latamna.")
    got = [e for e in _events(extractor, text) if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert len(got) == 2, [(e.sub_event_type, e.location) for e in got]
    assert not any(e.location is not None and e.location.name in ("Hama", "Hamah") for e in got)


def _events(extractor, text):
    return extractor.extract([Document(id="t", raw_text=text, published="2024-06-12")], include_background=True)
