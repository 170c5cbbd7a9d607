"""Roles from syntax beyond the trigger's own clause, through ``eventwire.extract``.

Each mechanism is asserted on sentences written for these tests, in paraphrase: the doer told by a
coordinated clause or nominalisation, the owner of a weapon, the claimant of an attack, the named
subset of the dead as the victims' side (and its own toll), the subject of "die" as the dead.
"""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def _events(text: str) -> list[dict]:
    return eventwire.extract(text, published="2018-03-14")


def _name(actor: dict | None) -> str | None:
    return actor["name"] if actor else None


def _only(text: str, sub_event: str | None = None) -> dict:
    events = [e for e in _events(text) if sub_event is None or e["sub_event_type"] == sub_event]
    assert events, f"no event in {text!r}"
    return events[0]


@pytest.mark.parametrize("text, doer", [
    ("The army took two villages near Idlib and heavy shelling hit the surrounding farmland.",
     "Military Forces of Syria"),
    ("Regime troops push towards the airbase in Hama province and intense shelling pounds the nearby hills",
     "Military Forces of Syria"),
    ("Shelling by government forces on the villages of northern Homs and airstrikes on the town of Rastan",
     "Military Forces of Syria"),
    ("Islamic State fighters stormed the outskirts of Deir Ezzor and heavy shelling followed on the airport",
     "Islamic State"),
    ("Regime forces control the southern suburbs of Daraa and intensive air and rocket strikes target the old "
     "town", "Military Forces of Syria"),
    ("Fresh airstrikes on farms in the western countryside of Idlib and the regime forces push north of the "
     "highway", "Military Forces of Syria"),
])
def test_a_doerless_attack_takes_the_doer_of_a_coordinated_clause(text, doer):
    event = _only(text)
    assert _name(event["actor1"]) == doer, event["actor1"]


def test_a_coordinated_clause_about_another_happening_lends_no_doer():
    event = _only("Police arrested two men in the morning and a bomb exploded in the market of Kano.",
                  "Remote explosive/landmine/IED")
    assert event["actor1"] is None or "Police" not in event["actor1"]["name"]


@pytest.mark.parametrize("text, doer", [
    ("The regime's warplanes bombed a clinic in Idlib on Monday.", "Military Forces of Syria"),
    ("Regime aircraft struck the market in Douma, Syria.", "Military Forces of Syria"),
    ("The coalition's jets pounded Islamic State positions near Raqqa.", "International Coalition"),
    ("Hezbollah's shelling of a border village in Lebanon wounded three people.", "Hezbollah"),
    # "Fighters of the SDF": the common head (capitalised only as the sentence's first word) is no name
    ("Fighters of the Syrian Democratic Forces clashed with Islamic State militants near Hajin on Monday.",
     "Syrian Democratic Forces"),
    ("Militants of al-Shabaab stormed an army base in Lower Shabelle on Monday, residents said.", "Al Shabaab"),
    ("Gunmen of Boko Haram killed nine farmers near Maiduguri on Sunday.", "Boko Haram"),
])
def test_the_owner_of_a_weapon_or_act_or_the_group_of_its_fighters_is_its_doer(text, doer):
    event = _only(text)
    assert _name(event["actor1"]) == doer, event["actor1"]


@pytest.mark.parametrize("text, doer", [
    ("A car bomb went off at a checkpoint in Mogadishu, killing six people; al-Shabaab claimed responsibility.",
     "Al Shabaab"),
    ("A roadside device killed three soldiers in Helmand and the Taliban claimed responsibility.", "Taliban"),
])
def test_the_claimant_is_the_doer_when_no_other_is_named(text, doer):
    event = _only(text)
    assert _name(event["actor1"]) == doer, event["actor1"]


@pytest.mark.parametrize("text, side", [
    ("41 people were killed on Sunday, among them 12 members of the regime forces, across Syria",
     "Military Forces of Syria"),
    ("In Syria, 75 persons died yesterday including 20 fighters of the Islamic State", "Islamic State"),
])
def test_the_named_subset_of_the_dead_is_the_victims_side(text, side):
    event = _only(text)
    assert _name(event["actor2"]) == side, event["actor2"]
    assert _name(event["actor1"]) != side


def test_a_combined_toll_is_split_when_the_text_counts_the_rest_apart():
    event = _only("In Syria, 64 people were killed yesterday, including 9 members of the regime forces and 30 "
                  "civilians")
    assert _name(event["actor2"]) == "Military Forces of Syria"
    assert event["fatalities"]["best"] == 9


def test_a_toll_of_one_happening_in_one_place_is_not_split():
    event = _only("Eleven people were killed in a blast at the bus station in Kabul, among them 4 policemen.")
    assert event["fatalities"]["best"] == 11


@pytest.mark.parametrize("text", [
    "Twelve civilians died in bombing by regime aircraft on Douma, Syria.",
    "Nine villagers perished in shelling by government forces on a village near Hama, Syria.",
])
def test_the_subject_of_die_is_the_dead_not_the_doer(text):
    event = _only(text)
    assert event["actor1"] is None or event["actor1"]["type"] != "Civilians", event["actor1"]
    assert _name(event["actor1"]) == "Military Forces of Syria", event["actor1"]


@pytest.mark.parametrize("text, target", [
    ("Rebels shelled villages held by government forces near Hama, Syria.", "Military Forces of Syria"),
    ("Unknown aircraft struck a hill controlled by Hezbollah near the Lebanese border in Syria", "Hezbollah"),
])
def test_the_side_holding_a_targeted_place_is_the_target(text, target):
    event = _only(text)
    assert _name(event["actor2"]) == target, event["actor2"]


@pytest.mark.parametrize("text, doer", [
    ("Rebel fighters resumed their bombardment of the army base near Idlib in Syria.",
     "Unidentified Armed Group (Syria)"),
    ("Government troops stepped up their shelling of the rebel-held suburbs of Hama, Syria",
     "Military Forces of Syria"),
])
def test_a_possessive_pronoun_on_the_act_is_the_clause_subject(text, doer):
    event = _only(text)
    assert _name(event["actor1"]) == doer, event["actor1"]


@pytest.mark.parametrize("text, victims", [
    ("The militia ambushed a patrol and killed nine of the soldiers near Kidal, Mali.", "Military Forces of Mali"),
    ("An Islamic State raid near Palmyra killed at least 20 of the regime forces in Syria",
     "Military Forces of Syria"),
])
def test_n_of_x_among_the_dead_makes_x_the_victims_side(text, victims):
    event = _only(text)
    assert _name(event["actor2"]) == victims, event["actor2"]


def test_the_doer_of_a_nested_act_under_a_toll():
    event = _only("Six dead in the ongoing bombardment by government forces of the town of Ariha, Syria")
    assert _name(event["actor1"]) == "Military Forces of Syria", event["actor1"]


@pytest.mark.parametrize("text, doer", [
    ("Continuous shelling by Turkey on the villages around Tal Rifaat", "Military Forces of Turkey"),
    ("Israel struck a convoy on the road south of Beirut, killing two men.", "Military Forces of Israel"),
])
def test_a_country_that_does_a_violent_act_stands_for_its_forces(text, doer):
    event = _only(text)
    assert _name(event["actor1"]) == doer, event["actor1"]


def test_a_country_that_only_speaks_is_not_a_doer():
    for event in _events("Turkey condemned the bombing of a market in Aleppo that killed nine civilians."):
        assert _name(event["actor1"]) != "Military Forces of Turkey"


def test_air_power_borrows_no_rebel_doer():
    event = _only("Rebel factions attack army posts near Latakia and airstrikes on the town of Ariha kill four people",
                  "Air/drone strike")
    assert event["actor1"] is None or event["actor1"]["type"] in ("State forces", "External/Other")
    assert _name(event["actor2"]) == "Unidentified Armed Group (Syria)"  # the air power's opponent


@pytest.mark.parametrize("text, target", [
    ("A booby-trapped car exploded at a checkpoint of the Kurdish YPG near Qamishli", "Syrian Democratic Forces"),
    ("A car bomb went off outside a base of the Afghan army in Kandahar", "Military Forces of Afghanistan"),
    ("A suicide bomber blew himself up at a police station in Kabul", "Police Forces of Afghanistan"),
])
def test_the_holder_of_the_place_a_bomb_hit_is_the_target(text, target):
    event = _only(text)
    assert _name(event["actor2"]) == target, event["actor2"]



@pytest.mark.parametrize("text, doer", [
    ("Karamojong raiders accused of killing nine herdsmen near Kotido, Karamoja region",
     "Karamojong Ethnic Militia"),
    ("Soldiers are accused of torching 30 homes in Kalay village in Sagaing on Tuesday.",
     "Military Forces of Myanmar"),
    ("Rebels were blamed for abducting 40 pupils from a boarding school in Jangebe, Zamfara state.",
     "Unidentified Armed Group (Nigeria)"),
    ("Police were blamed for shooting dead four demonstrators in Kisumu on Friday.",
     "Police Forces of Kenya"),
    ("The army retaliated by shelling rebel positions outside Kidal on Sunday.", "Military Forces of Mali"),
])
def test_who_is_accused_of_or_blamed_for_an_act_is_its_doer(text, doer):
    """"X accused of killing", "X blamed for abducting", "X responded by shelling": the subject of the verb
    whose preposition the act completes is the act's doer, in passive or active alike (and what follows a
    clause on the doer, "..., Karamoja region", is no part of its name). An accusation may tell the past:
    the act's doer is the same, news or background."""
    found = eventwire.extract(text, published="2018-03-14", include_background=True)
    assert found and _name(found[0]["actor1"]) == doer, found


@pytest.mark.parametrize("text", [
    "At least 4 people killed in shelling on the outskirts of Homs, activists say",
    "Six civilians were wounded during fighting in the old city of Marawi.",
])
def test_who_suffered_in_an_act_is_not_its_doer(text):
    """"killed in shelling", "wounded during fighting": a passive's subject suffered the act, it did not do it."""
    event = _only(text)
    assert event["actor1"] is None or event["actor1"]["type"] != "Civilians", event["actor1"]


@pytest.mark.parametrize("text, doer", [
    ("Maoist rebels storm police post in Rolpa; 11 policemen killed", "CPN-Maoist: Communist Party of Nepal (Maoist)"),
    ("Al-Shabaab fighters storm army base near Kismayo; 23 soldiers killed", "Al Shabaab"),
    ("Soldiers torch houses in Sagaing village; four villagers burned alive, witnesses say", "Military Forces of Myanmar"),
    ("Militiamen raid village in Djugu; six women burned alive", "Unidentified Armed Group (Democratic Republic of Congo)"),
])
def test_a_headline_clause_before_a_semicolon_names_the_doer_of_what_follows(text, doer):
    """"X storm Y; 11 killed": a headline tells the deed, then after a semicolon what it left. The actor that opens
    the first clause is the doer of the deaths after it (and those "burned alive" are its victims, not its doers)."""
    assert _name(_only(text)["actor1"]) == doer


def test_a_country_opening_a_headline_is_no_doer_of_what_follows():
    """"Colombia budget battle heats up as peso slides; drone attack hits Cauca police station": a country named in
    an unrelated clause is not the drone's owner."""
    event = _only("Colombia budget battle heats up as peso slides; drone attack hits Cauca police station")
    assert event["actor1"] is None, event["actor1"]


@pytest.mark.parametrize("text, doer", [
    ("Nine soldiers killed as militants ambush patrol in Khyber; TTP claims responsibility",
     "Tehreek-i-Taliban Pakistan"),
    ("Gunmen attack army post near Mopti, killing six soldiers; JNIM claims the attack",
     "JNIM: Group for Support of Islam and Muslims"),
])
def test_a_named_claimant_names_the_generic_doer(text, doer):
    """"militants ambush patrol; TTP claims responsibility": the group that claims the deed names the "militants"
    or "gunmen" who did it."""
    assert _name(_only(text)["actor1"]) == doer


@pytest.mark.parametrize("text", [
    "Two police officers found shot dead in their home in Mardin province",
    "Three farmers shot dead near their fields in Benue state, police say",
])
def test_people_shot_dead_are_victims_not_doers(text):
    """"found shot dead": the state the victims were left in ("dead", like "alive") is no object of the verb; the
    counted people before the participle are its victims, a headline's passive."""
    event = _only(text)
    assert event["actor1"] is None and event["actor2"] is not None, (event["actor1"], event["actor2"])


@pytest.mark.parametrize("text", [
    "The Nigerian Air Force bombed bandit hideouts in the Sububu forest in Zamfara on Tuesday.",
    "On Sunday the Sri Lanka Air Force bombed suspected rebel hideouts in the jungle near Trincomalee.",
])
def test_a_named_air_force_is_still_air_power(text):
    """"the Nigerian Air Force bombed ...": the force's own kind closing its name is still the cue of an air strike
    (words inside other names stay names: "Islamic State" is no state)."""
    assert [e["sub_event_type"] for e in _events(text)] == ["Air/drone strike"]


@pytest.mark.parametrize("text, doer", [
    ("A ballistic missile fired by the Houthis landed on a market in Marib, killing six civilians.", "Houthi Movement"),
    ("Rockets launched by Hamas hit Ashkelon on Tuesday, wounding three people.", "Hamas"),
    ("A drone operated by the RSF struck the main hospital in El Fasher on Friday, killing nine.",
     "Rapid Support Forces"),
])
def test_the_agent_of_a_weapon_participle_is_the_doer(text, doer):
    """"a missile fired by X", "rockets launched by X": the agent of a participle on the weapon or the act is its
    doer."""
    assert _name(_only(text)["actor1"]) == doer


@pytest.mark.parametrize("text, target", [
    ("Taliban attack police post in Helmand", "Police Forces of Afghanistan"),
    ("Syrian army shells Jaysh al-Islam positions in Douma", "Jaysh al-Islam"),
    ("Houthis attack Saudi army post in Jazan", "Military Forces of Saudi Arabia"),
])
def test_the_actor_right_after_a_misread_headline_verb_is_the_target(text, target):
    """A headline's verb the parser reads as a noun ("Taliban attack", "army shells") leaves its object as more of the
    noun phrase: an actor named right after the trigger, with no target from the syntax, is the target."""
    event = _only(text)
    assert _name(event["actor2"]) == target, event


def test_an_actor_after_the_trigger_that_says_something_is_no_target():
    """Guard: the subject of a clause of its own after the trigger ("after the attack police said ...") is no target."""
    event = _only("Two soldiers were killed in a bomb attack in Kandahar on Monday; police said the Taliban did it.")
    assert _name(event["actor2"]) != "Police Forces of Afghanistan", event


@pytest.mark.parametrize("text, victims", [
    ("Militants ambushed a patrol in Kupwara, killing four security personnel", "Military Forces of India"),
    ("A drone strike killed three US service members at a base in Jordan", "Military Forces of the United States"),
    ("Gunmen shot dead five employees of a mining company near Tillaberi", "Civilians (Niger)"),
])
def test_personnel_service_members_and_employees_are_sides(text, victims):
    """The words news uses for the dead of a force ("security personnel", "service members") and for civilians at
    work ("employees") name the victims' side (actors.toml data)."""
    assert _name(_only(text)["actor2"]) == victims


@pytest.mark.parametrize("text, victims", [
    ("Three civilians were killed in Russian air strikes on the town of Ariha", "Civilians (Syria)"),
    ("Five people died in an Israeli strike on a house in Rafah", "Civilians (Palestine)"),
    ("Two farmers were killed when Turkish drones struck a village near Qamishli", "Civilians (Syria)"),
])
def test_civilians_belong_to_the_country_where_it_happened(text, victims):
    """The story's country is where its places are, before the nationality of a foreign force that struck there:
    civilians killed by Russian jets in Syria are Syria's, not Russia's."""
    assert _name(_only(text)["actor2"]) == victims


@pytest.mark.parametrize("text, kind", [
    ("POPAYAN, Colombia - Guerrillas of the Revolutionary Armed Forces of Colombia attacked the police station in "
     "the mountain town of Toribio on Saturday, raining mortars on the town centre, officials said.",
     "Shelling/artillery/missile attack"),
    ("MAIDUGURI, Nigeria - Fighters of Boko Haram attacked the police headquarters in Gwoza on Friday with "
     "rocket-propelled grenades.", "Grenade"),
    ("QUETTA, Pakistan - Militants of the Balochistan Liberation Army stormed a police post near Turbat, killing "
     "four policemen.", None),
])
def test_the_doer_after_a_dateline_is_no_apposition_of_the_place(text, kind):
    """The parser reads a dateline's place as the subject and the doer as its apposition ("POPAYAN, Colombia -
    Guerrillas ... attacked": the place attacked); the doer is the words after the dash, so armed men attacking
    the police are no rioters."""
    event = _only(text)
    assert event["sub_event_type"] not in ("Violent demonstration", "Mob violence", "Peaceful protest")
    if kind:
        assert event["sub_event_type"] == kind


@pytest.mark.parametrize("text, doer, dead", [
    ("The Nigerian army said 20 insurgents were killed in air strikes near Gwoza on Tuesday.",
     "Military Forces of Nigeria", "Unidentified Armed Group (Nigeria)"),
    ("Turkish army says 12 PKK militants neutralised in air strikes on northern Iraq",
     "Military Forces of Turkey", "PKK: Kurdistan Workers' Party"),
    # guards: the dead are the speaker's own, or civilians, or the speaker is no armed actor
    ("Police said 14 policemen were killed in an ambush near Tillaberi.", None, None),
    ("The army said 12 civilians were killed in shelling near Gwoza.", None, None),
    ("Residents said 20 insurgents were killed in air strikes near Gwoza.", None, None),
])
def test_a_force_telling_of_its_enemies_dead_is_the_doer(text, doer, dead):
    """A force that tells of its enemies' dead in a passive with no doer of its own is the doer ("the army said
    20 insurgents were killed in air strikes"; the headline "Turkish army says 12 PKK militants neutralised").
    The dead are the other side."""
    event = _only(text)
    assert _name(event["actor1"]) == doer, event["actor1"]
    if dead is not None:
        assert _name(event["actor2"]) == dead, event["actor2"]


@pytest.mark.parametrize("text, victims", [
    ("At least 60 Afghans were killed when a bomb exploded outside a school in Kabul on Saturday.",
     "Civilians (Afghanistan)"),
    ("Gunmen shot dead nine Syrians near the border crossing on Monday.", "Civilians (Syria)"),
    ("Gunmen killed five hostages in Kidal on Monday.", "Civilians (Mali)"),
    ("Insurgents raided the gas site near Palma, Mozambique, killing seven foreign contractors.",
     "Civilians (Mozambique)"),
])
def test_people_named_by_their_nation_or_as_hostages_are_civilian_victims(text, victims):
    """The dead named as a people ("60 Afghans", "nine Syrians": a plural demonym) are that country's civilians;
    hostages, captives and foreign contractors are civilians too."""
    event = _only(text)
    assert _name(event["actor2"]) == victims, event["actor2"]
