"""A weapon named among the arms of an assault is its means: the fight is the event, and the learned scorer may not
make it an attack of that weapon (it read 'rocket-propelled grenades' as a grenade attack, over the rules' armed
clash). Sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_an_assault_with_several_arms_stays_a_fight(kinds):
    text = ("The militants attacked the base from two directions shortly before dawn, using machine guns and "
            "rocket-propelled grenades, residents said.")
    assert kinds(text) == ["Armed clash"]


@pytest.mark.parametrize(("text", "kind"), [
    # guards: the weapon alone is the attack's own; the rules' reading of arms together stands
    ("Gunmen fired rocket-propelled grenades at a police station in Kandahar on Monday.", "Grenade"),
    ("Insurgents assaulted the checkpoint with rifles and rocket-propelled grenades before dawn on Sunday.",
     "Armed clash"),
])
def test_the_weapon_alone_or_the_rules_reading(kinds, text, kind):
    assert kinds(text) == [kind]
