"""A country's name beside a word for a river or lake names the water, not the country: "near Ansongo, on the Niger
river" happened at Ansongo (Mali), not in Niger; "in Niger" alone is still the country. Sentences written for these
tests."""

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
