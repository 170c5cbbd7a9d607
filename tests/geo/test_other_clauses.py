"""A place named in the clause of another happening its sentence tells is that happening's, not the first one's
(sentences written for this test)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _places(extractor, text):
    return {e.sub_event_type: (e.location.name if e.location else None)
            for _, evs in extractor.pipe([text], published="2024-03-08", include_background=True) for e in evs}


def test_an_assault_is_not_placed_where_the_bombing_told_beside_it_was(extractor):
    text = ("At least 18 soldiers died in an assault on an army base in the north on Monday, while a bomb tore "
            "through a minibus near the town of Kaya in Burkina Faso.")
    places = _places(extractor, text)
    assert places.get("Remote explosive/landmine/IED") == "Kaya", places
    assert "Armed clash" in places and places["Armed clash"] != "Kaya", places


def test_guard_each_happening_keeps_the_place_of_its_own_clause(extractor):
    text = ("QUETTA, Pakistan (Reuters) - Pakistani bomb disposal experts defused a large bomb hidden at a crowded bus "
            "terminal in the city of Quetta on Sunday, police said, as a roadside bomb killed two members of a "
            "pro-government militia in the nearby Pishin district.")
    places = _places(extractor, text)
    assert places.get("Disrupted weapons use") == "Quetta", places
    assert places.get("Remote explosive/landmine/IED") == "Pishin", places
