"""The capital of a demonym two countries share is the one the story's places point to (texts written for this
test): "the Congolese capital" named no capital, since "Congolese" is the demonym of both Congos; in a story of
Goma it is Kinshasa, in a story of Brazzaville's outskirts it is Brazzaville. Alone, it stays unresolved."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "capital"), [
    ("M23 rebels seized the town of Rubaya in North Kivu on Monday, officials said. On Tuesday, a bomb exploded "
     "outside a police station in the Congolese capital, killing two officers.", "Kinshasa"),
    ("Ninja militiamen attacked an army post near Brazzaville on Monday, officials said. On Tuesday, a bomb exploded "
     "outside a police station in the Congolese capital, killing two officers.", "Brazzaville"),
])
def test_the_capital_of_a_shared_demonym_is_the_story_countrys(text, capital):
    events = eventwire.extract(text, published="2023-05-06", include_background=True)
    bombs = [e for e in events if e["sub_event_type"] == "Remote explosive/landmine/IED"]
    assert [e["location"]["name"] for e in bombs] == [capital], events


def test_guard_alone_the_shared_demonym_names_no_capital():
    text = "A bomb exploded outside a police station in the Congolese capital on Tuesday, killing two officers."
    events = eventwire.extract(text, published="2023-05-06", include_background=True)
    assert events and all(e["location"] is None for e in events), events
