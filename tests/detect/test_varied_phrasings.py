"""The same acts told in the words other newsrooms use: firing at an armed post is a battle; a bomber who detonates
herself, or girls strapped with explosives, is a suicide bombing; control handed to government troops, or a group
establishing control, changes who holds a place; bases and checkpoints installed are bases; a crowd beating people
to death is mob violence; a cessation of hostilities concluded is an agreement; homes put to the torch are destroyed
property; torches carried in a march are not; rockets that rain down and missiles that slam into a building are
a missile attack; a killing in a personal quarrel ("after an argument over the fare") is crime unless armed men did
it. Sentences written for these tests (not taken from any evaluation set)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

PUBLISHED = "2024-05-15"


@pytest.mark.parametrize(("text", "kind"), [
    # the target of "fired at" is an armed side
    ("Suspected BIFF gunmen fired at an army detachment in Shariff Aguak on Monday night.", "Armed clash"),
    ("Gunmen fired at a police checkpoint on the outskirts of Quetta on Monday.", "Armed clash"),
    # the bomber detonates herself; the group's own word for a suicide attack
    ("A young woman detonated herself at a checkpoint in Gwoza on Monday, killing four vigilantes.", "Suicide bomb"),
    ("Two teenage girls strapped with explosives blew up at a fish market in Konduga on Monday.", "Suicide bomb"),
    # control handed to state forces; a group establishing control
    ("Control of the airport was handed back to government troops on Sunday after the militants fled.",
     "Government regains territory"),
    ("Fighters of the Ta'ang National Liberation Army established full control over the town of Namhsan on Monday.",
     "Non-state actor overtakes territory"),
    # bases and checkpoints installed
    ("Militants installed a checkpoint on the Kabul-Jalalabad road on Monday.", "Headquarters or base established"),
    ("The rebels installed their headquarters in the prefecture building of Bria on Monday.",
     "Headquarters or base established"),
    # a crowd beating people to death
    ("A crowd pulled a man from a bus in Jharkhand on Monday and beat him to death.", "Mob violence"),
    # a cessation of hostilities concluded
    ("The government and the rebels concluded a cessation of hostilities in Addis Ababa on Monday.", "Agreement"),
    # projectiles told by the force they land with
    ("Rockets rained down on Sderot on Monday.", "Shelling/artillery/missile attack"),
    ("A missile slammed into an apartment block in Dnipro on Monday.", "Shelling/artillery/missile attack"),
    # homes put to the torch
    ("Troops put more than 50 homes to the torch in Kani township on Sunday.", "Looting/property destruction"),
])
def test_other_words_for_the_same_acts(kinds, text, kind):
    assert kind in kinds(text, PUBLISHED), kinds(text, PUBLISHED)


def test_torches_carried_in_a_march_destroy_nothing(kinds):
    got = kinds("Thousands of people marched through Tbilisi on Monday carrying torches and flags.", PUBLISHED)
    assert "Peaceful protest" in got and "Violent demonstration" not in got, got


@pytest.mark.parametrize(("text", "kind"), [
    # guards: readings these changes keep (some the model made before the rules did)
    ("Gunmen fired at a wedding party in Quetta on Monday, killing two guests.", "Attack"),
    ("Militants have set up checkposts on the road to Dir, residents said on Monday.",
     "Headquarters or base established"),
    ("A crowd beat two suspected kidnappers to death in Ibadan on Sunday.", "Mob violence"),
    ("Protesters beat a policeman to death in Dhaka on Monday.", "Violent demonstration"),
    ("A student died of her injuries in hospital on Wednesday, a day after the blast at the market in Kano.",
     "Remote explosive/landmine/IED"),
    ("Heavy fighting raged around Goma on Monday despite calls for a cessation of hostilities.", "Armed clash"),
])
def test_guards(kinds, text, kind):
    assert kind in kinds(text, PUBLISHED), kinds(text, PUBLISHED)


@pytest.mark.parametrize("text", [
    "A taxi driver shot dead a passenger after an argument over the fare in Lagos on Sunday, police said.",
    "Two brothers were killed in an altercation with a shopkeeper in Karachi on Monday, police said.",
])
def test_a_killing_in_a_personal_quarrel_is_crime(kinds, text):
    assert kinds(text, PUBLISHED) == [], kinds(text, PUBLISHED)


def test_armed_men_who_kill_after_an_argument_still_attack(kinds):
    got = kinds("Gunmen shot dead two traders after an argument at a checkpoint in Kano on Monday.", PUBLISHED)
    assert "Attack" in got, got


def test_markets_that_crash_fire_no_missile(kinds):
    assert kinds("Oil prices crashed and shares tore lower as missile fears rained on markets.", PUBLISHED) == []
