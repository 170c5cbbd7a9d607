"""What protesters avoid or fear did not happen to them (sentences written for this test): "dispersing quickly to
avoid arrest" and "for fear of arrest" tell a peaceful protest, not one met with force; arrests made and tear gas
fired still do (guards)."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    ("A few dozen young protesters staged a flash march in Yangon's Hlaing Township early on Tuesday, holding "
     "banners, before dispersing quickly to avoid arrest.", "Peaceful protest"),
    ("Students marched through Mandalay on Friday, covering their faces for fear of arrest.", "Peaceful protest"),
    ("Hundreds of teachers rallied outside parliament in Harare on Monday, risking arrest under the new law.",
     "Peaceful protest"),
    # guards: the force was used
    ("Students marched through Mandalay on Friday; police arrested 12 of them.", "Protest with intervention"),
    ("Police fired tear gas to disperse hundreds of protesters in Nairobi on Tuesday.", "Protest with intervention"),
])
def test_an_intervention_avoided_or_feared_did_not_happen(text, expected):
    events = eventwire.extract(text, published="2022-10-07")
    assert [e["sub_event_type"] for e in events] == [expected], events
