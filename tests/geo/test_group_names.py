"""A name that a place noun closes but that the actor dictionary reads whole as an armed group ("Islamic State West
Africa Province", "Sinai Province") names the group, not a place: no event is placed at it. A province's own name
("Helmand Province") is still a place. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _places(extractor, text):
    got = extractor.extract([Document(id="t", raw_text=text, published="2019-04-15")], include_background=True)
    return [e.location.name if e.location else None for e in got]


@pytest.mark.parametrize("text, group", [
    ("The ambush was blamed on Islamic State West Africa Province, which split from Boko Haram in 2016.",
     "Islamic State West Africa Province"),
    ("The bombing was claimed by Sinai Province, the group said in a statement on Sunday.", "Sinai Province"),
])
def test_an_armed_groups_name_is_no_place(extractor, text, group):
    assert group not in _places(extractor, text), text


def test_guard_a_provinces_name_is_a_place(extractor):
    assert "Helmand" in _places(extractor, "Fighters attacked a checkpoint in Helmand Province on Monday, killing "
                                           "four policemen.")
