"""A country's name beside a word for a river or lake names the water, not the country: "near Ansongo, on the Niger
river" happened at Ansongo (Mali), not in Niger; "in Niger" alone is still the country. So does a town's name before
"river": "across the Dnipro river" is no place in the city of Dnipro. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _places(extractor, text):
    got = extractor.extract([Document(id="t", raw_text=text, published="2022-08-15")], include_background=True)
    return [(e.location.name, e.location.country) if e.location else None for e in got]


@pytest.mark.parametrize("text, town, country", [
    ("Gunmen abducted three traders near Gao, on the Niger river, on Thursday, a local official said.", "Gao", "ML"),
    ("Fighters killed four fishermen near Bourem, by the River Niger, on Tuesday.", "Bourem", "ML"),
])
def test_a_country_named_for_its_river_is_the_water(extractor, text, town, country):
    got = _places(extractor, text)
    assert (town, country) in got, got
    assert not any(p and p[1] == "NE" for p in got), got


def test_guard_the_country_alone_is_the_country(extractor):
    assert ("Niger", "NE") in _places(extractor, "Soldiers clashed with militants in Niger on Monday, killing 12.")


@pytest.mark.parametrize("text, town", [
    ("Russian guns shelled Marhanets, across the Dnipro river from the occupied power plant, on Monday, wounding "
     "three people.", "Marhanets"),
    ("Militants attacked a checkpoint in Jalalabad, by the Kabul river, on Friday, killing two soldiers.",
     "Jalalabad"),   # guard: bound to the event before too
])
def test_a_town_named_for_its_river_is_the_water(extractor, text, town):
    got = _places(extractor, text)
    assert got and got[0] and got[0][0] == town, got


def test_guard_the_town_alone_is_the_town(extractor):
    got = _places(extractor, "Russian missiles struck an apartment block in Dnipro on Monday, killing four people.")
    assert got and got[0] and got[0][0] == "Dnipro", got
