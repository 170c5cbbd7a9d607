"""Texts that report no political violence stay silent; weak triggers need an actor, target or violence.

Sentences written for these tests: everyday senses of "rally", "march", "attack", "strike",
"fire", "clash", "storm", "hit", "blast" and "battle" next to the same words used for conflict.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

SILENT = [
    # markets
    "Shares rallied on Wednesday as investors cheered strong quarterly earnings.",
    "The benchmark index marched higher for a third straight session as bank stocks gained.",
    "Analysts said the battle between the two largest producers over output quotas was far from over.",
    # sport
    "The striker fired a shot past the goalkeeper in the final minute to clinch the cup.",
    "Both teams clashed in a bad-tempered final that ended with two red cards.",
    "Thousands of fans rallied outside the ground to celebrate the trophy.",
    # weather, disasters, accidents, disease
    "A powerful storm hit the coast on Tuesday, knocking down trees and power lines.",
    "A blast at a chemical plant in the industrial zone injured twelve employees.",
    "A magnitude 5.9 earthquake killed 40 people in the mountains, Taliban officials said.",
    "A cholera outbreak has killed 30 people in the delta since January, health officials said.",
    # rhetoric and fiction
    "The senator launched a blistering attack on the president's budget in a televised speech.",
    "The film depicts the battle for the capital and the bombing raids that levelled it.",
    # threats
    "The rebel leader threatened on Friday to fire rockets at any ship entering the port.",
]

EVENTS = [
    ("Peaceful protest", "Thousands of opposition supporters rallied in the capital on Saturday to demand new elections."),
    ("Peaceful protest", "Hundreds of nurses marched to the health ministry on Monday over unpaid wages."),
    ("Armed clash", "Rebels attacked an army post near the border, killing three soldiers."),
    ("Armed clash", "Government troops clashed with rebels near the town of Kamanyola on Monday."),
    ("Attack", "Gunmen stormed a village in the north and shot four farmers."),
    ("Air/drone strike", "An air strike hit a market in the rebel-held town, killing nine civilians."),
]


@pytest.mark.parametrize("text", SILENT)
def test_no_political_violence_yields_nothing(detect, text):
    assert [m.sub_event_type for m in detect(text) if not m.is_background] == [], text


@pytest.mark.parametrize(("expected", "text"), EVENTS)
def test_same_words_with_actors_and_violence_still_yield(detect, expected, text):
    assert [m.sub_event_type for m in detect(text)][:1] == [expected], text


def test_sports_story_stays_one(detect):
    text = ("City beat the visitors 3-1 after the goalkeeper was sent off before half-time. "
            "Their manager said his side had been killed by the pace of the attack.")
    assert detect(text) == []


def test_markets_sentence_does_not_silence_the_next(detect):
    text = ("Oil prices fell sharply on Monday. "
            "Militants attacked a police checkpoint in the oil town, killing two officers.")
    assert [m.sub_event_type for m in detect(text)] == ["Armed clash"]


def test_actors_take_the_story_country_from_place_names(detect):
    mentions = detect("The army shelled rebel positions in Aleppo and Idlib overnight.")
    assert mentions and mentions[0].actor1 is not None
    assert mentions[0].actor1.country == "SY"


def test_a_count_goes_to_the_event_it_is_told_with(detect):
    text = "Shelling killed 11 people in Idlib, while a suicide bomber killed 6 soldiers at a base in Homs."
    bombing = [m for m in detect(text) if m.sub_event_type == "Suicide bomb"]
    assert bombing and bombing[0].fatalities.best == 6


@pytest.mark.parametrize(("expected", "text"), [
    ("Other", "Investigators found a mass grave holding at least 40 bodies near the town of Sinjar on Tuesday."),
    ("Other", "Villagers led officials to two unmarked graves outside the village, where militants had buried their victims."),
    ("Excessive force against protesters", "Four marchers died on Friday when troops dispersed the demonstration in the capital."),
])
def test_strategic_other_and_protest_deaths(detect, expected, text):
    assert [m.sub_event_type for m in detect(text)][:1] == [expected], text


def test_a_grave_is_no_mass_grave(detect):
    assert detect("The grave of the poet was restored by volunteers last spring.") == []


def test_grave_found_today_and_the_old_killings_it_holds(detect):
    text = ("Police said on Monday they had uncovered a mass grave holding 25 bodies near the river, "
            "believed to be villagers killed by militiamen in March 2019.")
    found = {(m.sub_event_type, m.is_background) for m in detect(text, published="2023-06-13")}
    assert ("Other", False) in found
    assert ("Attack", True) in found


def test_reported_pluperfect_is_news_not_history(detect):
    text = "Officials said on Sunday that rebels had abducted six engineers from a road camp near the town."
    mentions = detect(text)
    assert [(m.sub_event_type, m.is_background) for m in mentions][:1] == [("Abduction/forced disappearance", False)]


@pytest.mark.parametrize(("expected", "text"), [
    ("Looting/property destruction",
     "Armed men tore down an old tomb with hammers in the market square on Friday, in an attack condemned by elders."),
    ("Protest with intervention",
     "Police detained forty teachers who tried to march to the ministry on Friday to demand their unpaid salaries."),
    ("Peaceful protest", "Thousands of drivers rallied in the port city on Monday over rising fuel prices."),
])
def test_property_destruction_and_protests_next_to_other_words(detect, expected, text):
    assert [m.sub_event_type for m in detect(text)][:1] == [expected], text


@pytest.mark.parametrize("text", [
    "THE NATIONAL LIBERATION FRONT SAID ON 25 MARCH THAT IT WOULD RESPECT THE VOTE.",
    "The Popular Liberation Army said in a statement that its leaders met in early March.",
])
def test_names_and_the_month_are_no_triggers(detect, text):
    assert [m.sub_event_type for m in detect(text) if not m.is_background] == [], text


def test_liberation_of_a_town_is_still_a_recapture(detect):
    mentions = detect("Iraqi forces completed the liberation of Mosul from Islamic State militants on Sunday.")
    assert [m.sub_event_type for m in mentions][:1] == ["Government regains territory"]


def test_prisoner_exchange_is_an_agreement_and_a_document_exchange_is_nothing(detect):
    swap = detect("The two warring sides exchanged 150 prisoners of war at the border crossing on Friday.")
    assert [m.sub_event_type for m in swap][:1] == ["Agreement"]
    assert detect("The two companies exchanged documents on the merger on Friday.") == []


def test_a_word_deep_in_a_conflict_story_does_not_make_it_a_sports_or_disaster_story(detect):
    """Only the headline and lede set a story's domain: a later "talks", "league" or "like rain"
    does not silence what follows."""
    text = ("Kurdish-led forces pressed their assault on the last village held by the militants. "
            "Commanders said the fighting had been fierce. "
            "Aid groups said the town was destroyed. "
            "The agreement comes after days of talks between the two sides. "
            "Bullets were flying through the sky like rain, one fighter said. "
            "The two men were captured in January.")
    captured = text.index("captured")
    assert any(m.sentence.start <= captured < m.sentence.end for m in detect(text))
