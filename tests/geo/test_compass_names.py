"""A compass word opening a longer name ("Eastern Samar", "Northern Bahr el Ghazal") is part of that name: it is not a
place of its own (Uganda's Eastern Region, which had put a killing in the Philippines in Uganda), and the whole name is
looked up when the parser left it out of the entity. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _places(extractor, text):
    got = extractor.extract([Document(id="t", raw_text=text, published="2024-06-15")], include_background=True)
    return [(e.location.name, e.location.country) for e in got if e.location is not None]


def test_a_compass_word_before_a_province_is_no_place_abroad(extractor):
    text = ("Soldiers clash with rebels in Northern Samar\n\n"
            "In Eastern Samar, a village councilor was shot dead by two men on a motorcycle on Tuesday evening.")
    got = _places(extractor, text)
    assert got and all(country == "PH" for _, country in got), got
    assert ("Eastern Samar", "PH") in got, got


def test_guard_a_compass_region_told_as_a_region_stays(extractor):
    text = "Gunmen killed four traders at a market in Uganda's Eastern region on Tuesday, police said."
    got = _places(extractor, text)
    assert got and all(country == "UG" for _, country in got), got


@pytest.mark.parametrize(("text", "country"), [
    ("Gunmen seize 40 pupils in north-west Nigeria school raid", "NG"),
    ("Gunmen killed 12 villagers in north-east Nigeria on Monday, officials said.", "NG"),
    ("Rebels shelled a market in south-west Burundi on Tuesday, killing three traders.", "BI"),   # guard: so before
])
def test_a_direction_before_a_country_is_a_part_of_it(extractor, text, country):
    """A lower-case direction before a country the gazetteer holds no region of tells a part of that country: not
    South Africa's North West province, nor no place at all."""
    got = _places(extractor, text)
    assert got and all(c == country for _, c in got), got


def test_guard_a_province_named_by_its_direction_stays(extractor):
    got = _places(extractor, "Separatists attacked a checkpoint in Cameroon's North-West region on Monday.")
    assert got and all(c == "CM" for _, c in got), got
