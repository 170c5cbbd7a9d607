"""Who is hit and what hits: an armed group the actor dictionary names is armed whatever words its name is made of,
and so are its members; an explosive or a shell an aircraft carries is its load (sentences written for this test)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("text", "expected"), [
    # an attack on soldiers and a named militia is a battle
    ("Jihadist fighters attacked a military outpost in Tougouri on Monday, killing at least 18 soldiers and members "
     "of the Volunteers for the Defence of the Homeland (VDP), the civilian auxiliaries the junta has armed.",
     "Armed clash"),
    ("Insurgents attacked a checkpoint manned by the Civilian Joint Task Force near Konduga on Monday, killing six.",
     "Armed clash"),
    # a drone laden with explosives is an air strike
    ("Dissident guerrillas used explosive-laden drones to attack a police station in Suarez on Tuesday, killing one "
     "officer.", "Air/drone strike"),
    ("Militants flew a bomb-laden drone into an army post near Jamba on Tuesday, killing two soldiers.",
     "Air/drone strike"),
    # so is a drone that carries a mortar round or shells
    ("A small drone carrying a modified mortar round dropped its load on a police post near Tibu on Sunday, killing "
     "one officer.", "Air/drone strike"),
    ("A drone loaded with mortar shells struck a police station in Jamba on Monday, killing two officers.",
     "Air/drone strike"),
    # small and improvised drones by their other names
    ("A quadcopter dropped explosives on a house in Toretsk on Sunday, wounding three people.", "Air/drone strike"),
    ("Soldiers said a quadcopter dropped two explosive charges on their trench near Chasiv Yar on Friday, killing one "
     "of them.", "Air/drone strike"),
    # an explosive device, a grenade or a mine an aircraft drops is its load, whatever the load is called
    ("A drone dropped an explosive device on a car in Vovchansk on Thursday, wounding two people, the governor said.",
     "Air/drone strike"),
    ("Cartel gunmen used drone-dropped explosives to attack homes in Tepalcatepec on Sunday, killing two people.",
     "Air/drone strike"),
    ("A grenade dropped from a drone killed two soldiers near Marinka on Monday.", "Air/drone strike"),
    ("A grenade dropped by a quadcopter wounded two soldiers in their trench near Avdiivka on Monday.",
     "Air/drone strike"),
])
def test_the_target_or_weapon_named_gives_the_type(extractor, text, expected):
    assert _types(extractor, text) == [expected], text


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen attacked a village near Konduga on Monday, killing three members of a family.", "Attack"),
    ("Militants attacked a bus near Dori on Monday, killing seven passengers and a soldier.", "Attack"),
    ("A bomb planted near the drone base exploded on Tuesday, killing one officer.", "Remote explosive/landmine/IED"),
    ("A roadside bomb hit a convoy near Suarez on Tuesday, killing one officer.", "Remote explosive/landmine/IED"),
    ("Rebels fired mortar rounds at a police post near Tibu on Sunday, killing one officer.",
     "Shelling/artillery/missile attack"),
    # an aircraft word near a dropped grenade is no aircraft dropping it
    ("A soldier dropped a grenade near the helicopter pad in Tibu on Sunday, killing two officers.", "Grenade"),
])
def test_guard_civilians_stay_civilians_and_weapons_no_aircraft_carries_stay_theirs(extractor, text, expected):
    assert _types(extractor, text) == [expected], text


def _types(extractor, text):
    return [e.sub_event_type for _, evs in extractor.pipe([text], published="2024-03-08", include_background=True)
            for e in evs]
