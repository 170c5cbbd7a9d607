"""An attack fended off, fought off or beaten back is a battle: the side that repels it fights ("The militants' attack on
the army's positions was fended off by the troops"). Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

PUBLISHED = "2019-09-12"


@pytest.mark.parametrize("text", [
    "The militants' attack on the army's positions near Deir Ezzor airbase was fended off by the troops on Tuesday.",
    "The jihadists' large-scale attack to capture the army's positions near the airbase was fended off by the "
    "troops.",
    "Soldiers fought off an attack by militants on their base near Diffa on Sunday.",
    "Police beat back an assault by gunmen on the station in Wana overnight.",
])
def test_a_repelled_attack_is_an_armed_clash(kinds, text):
    assert "Armed clash" in kinds(text, PUBLISHED), kinds(text, PUBLISHED)


def test_guard_fighting_off_an_illness_is_no_battle(kinds):
    assert kinds("The minister fought off a bout of flu before the summit in Geneva on Tuesday.", PUBLISHED) == []
