""""Clashes between X and Y" names both sides, however the parser hangs Y: "IS" after "and" is read as a verb ("is")
and hung on the clashes rather than on X, and the second side was lost. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _sides(extractor, text):
    got = extractor.extract([Document(id="t", raw_text=text, published="2017-06-15")], include_background=True)
    return [{e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None} for e in got]


@pytest.mark.parametrize("text", [
    "Clashes between regime forces and IS in the countryside of Deir Ezzor killed 12 fighters on Wednesday.",
    "Violent clashes between government troops and IS erupted near Mayadin in Deir Ezzor on Tuesday.",
])
def test_both_sides_of_between(extractor, text):
    got = _sides(extractor, text)
    assert got and "Islamic State" in got[0] and any(n and n.startswith("Military Forces") for n in got[0]), got


def test_guard_between_with_a_parsed_second_side(extractor):
    got = _sides(extractor, "Clashes between regime forces and Daesh near Palmyra in Homs killed nine fighters.")
    assert got and "Islamic State" in got[0], got
