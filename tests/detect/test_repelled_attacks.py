"""An attack fended off, fought off or beaten back is a battle: the side that repels it fights ("The militants' attack on
the army's positions was fended off by the troops"). Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _types(extractor, text, published="2019-09-12"):
    got = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
    return [e.sub_event_type for e in got]


@pytest.mark.parametrize("text", [
    "The militants' attack on the army's positions near Deir Ezzor airbase was fended off by the troops on Tuesday.",
    "The jihadists' large-scale attack to capture the army's positions near the airbase was fended off by the "
    "troops.",
    "Soldiers fought off an attack by militants on their base near Diffa on Sunday.",
    "Police beat back an assault by gunmen on the station in Wana overnight.",
])
def test_a_repelled_attack_is_an_armed_clash(extractor, text):
    assert "Armed clash" in _types(extractor, text), _types(extractor, text)


def test_guard_fighting_off_an_illness_is_no_battle(extractor):
    assert _types(extractor, "The minister fought off a bout of flu before the summit in Geneva on Tuesday.") == []
