"""The story stage reads an article as a whole: behaviour a coder relies on, on short texts of our own.

Each test gives a small article (written for these tests) and says what the events must and must
not be, and why. Paraphrases of one mechanism are parametrised, so that no case is a rule for one
sentence.
"""

from __future__ import annotations

import pytest

from eventwire.config import defaults
from eventwire.records import Document

pytestmark = pytest.mark.slow



def events(extractor, text, published="2024-05-14"):
    return [e.to_dict() for e in extractor.extract([Document(id="t", raw_text=text, published=published)],
                                                   include_background=True)]


def news(evts):
    return [e for e in evts if not e["is_background"]]


@pytest.mark.parametrize("text", [
    "A car bomb exploded outside a police station in Kirkuk on Sunday, killing seven people. The blast "
    "also damaged nearby shops. Police said the explosion was heard across the city. The bombing was the "
    "deadliest in the city this month.",
    "Seven people were killed when a car bomb went off near a police station in Kirkuk on Sunday. "
    "Witnesses said the explosion shattered windows. The attack was not claimed.",
])
def test_one_happening_told_several_times_is_one_event(extractor, text):
    found = news(events(extractor, text))
    assert len(found) == 1, found
    assert found[0]["sub_event_type"] == "Remote explosive/landmine/IED"
    assert found[0]["fatalities"]["best"] == 7


def test_the_same_attack_in_two_towns_is_two_events(extractor):
    text = ("A roadside bomb killed four soldiers near Baquba on Sunday. In another attack, a roadside bomb "
            "killed two policemen in Tikrit on Sunday.")
    places = sorted(e["location"]["name"] for e in news(events(extractor, text)) if e["location"])
    assert len(places) == 2 and places[0] != places[1], places


@pytest.mark.parametrize("text", [
    "A court in Nairobi on Monday sentenced two men for their role in a bus bombing in Mandera that killed "
    "eight people in June 2017. The judge said the attack had been planned for months.",
    "Jurors in Boston heard testimony on Monday in the trial of a man accused of the 2013 bombing that "
    "killed three people at a street festival.",
])
def test_the_attack_behind_a_trial_is_background(extractor, text):
    evts = events(extractor, text)
    assert not [e for e in news(evts) if e["event_type"] == "Explosions/Remote violence"], evts
    assert [e for e in evts if e["is_background"] and e["event_date"] and e["event_date"] < "2024"], evts


@pytest.mark.parametrize("text", [
    "The war in the region has killed more than 300,000 people since 2011, according to monitors. On "
    "Monday an air strike hit a market in Ariha, killing seven civilians.",
    "More than 700 people were killed in violence across the country in April, according to a United "
    "Nations tally. On Monday an air strike hit a market in Ariha, killing seven civilians.",
    "At least 31 people were killed on Monday in separate attacks across three districts of Idlib province. "
    "In Ariha, an air strike hit a market, killing seven civilians.",
    "The insurgency began in 2017. It has since killed more than 700 people. On Monday an air strike hit a "
    "market in Ariha, killing seven civilians.",
    # a killing by happenings of different kinds sums them (a roundup lede), in a few phrasings
    "Shelling and air strikes killed 31 people across southern Idlib on Monday, monitors said. In Ariha, an "
    "air strike hit a market, killing seven civilians.",
    "Bombings, clashes have killed 31 people in Idlib province since Monday. In Ariha, an air strike hit a "
    "market on Monday, killing seven civilians.",
    # a count over a stretch of the calendar sums the stretch's events
    "Shelling in the occupied east killed at least 31 people during the month, monitors said. On Monday an "
    "air strike hit a market in Ariha, killing seven civilians.",
    "Air strikes killed at least 31 civilians in Idlib province in the four months to March, a monitor said. "
    "On Monday an air strike hit a market in Ariha, killing seven civilians.",
    "Two days of fighting around Saraqeb left at least 31 fighters dead last month. On Monday an air strike "
    "hit a market in Ariha, killing seven civilians.",
    "Rebels: army kills 31 in week of raids on Idlib villages\n\nOn Monday an air strike hit a market in Ariha, "
    "killing seven civilians.",
    # "in all", "the wave of unrest", a killing told across a named country
    "In all, 31 people were killed in clashes with security forces during the protests of 2022. On Monday an "
    "air strike hit a market in Ariha, killing seven civilians.",
    "At least 31 people died during a wave of unrest that followed the vote. On Monday an air strike hit a "
    "market in Ariha, killing seven civilians.",
    "Government attacks killed at least 31 civilians across Syria on Sunday, monitors said. On Monday an air "
    "strike hit a market in Ariha, killing seven civilians.",
    # "have been killed ... since" with words between: a count since a happening or a date long past
    "Monitors say at least 31 people have been killed in Saraqeb since the siege began. On Monday an "
    "air strike hit a market in Ariha, killing seven civilians.",
    "More than 700 civilians have been killed by government forces since the coup, a rights group says. On "
    "Monday an air strike hit a market in Ariha, killing seven civilians.",
    # the fighting's dead so far are a total; a fight's own dead are not (below)
    "At least 31 people have been killed in the fighting, the UN says. On Monday an air strike hit a market in "
    "Ariha, killing seven civilians.",
    # a repeat the detector merged brings its toll from a sentence that sums many events
    "Militia fighters battle the army near Idlib\n\nOn Monday an air strike hit a market in Ariha, killing "
    "seven civilians. More than 31 fighters have been killed since then in clashes with the army.",
])
def test_totals_are_no_events_toll(extractor, text):
    evts = events(extractor, text)
    tolls = {e["fatalities"]["best"] for e in evts} | {e["fatalities"]["high"] for e in evts}
    assert not tolls & {300000, 700, 31}, evts
    assert [e for e in news(evts) if e["fatalities"]["best"] == 7]


@pytest.mark.parametrize(("text", "toll"), [
    ("Eleven guerrillas and two soldiers were killed in the fighting near Suaza on Wednesday, the army said.", 13),
    ("Troops clashed with rebels outside Beni on Friday. Nine rebels died in the fighting, a spokesman said.", 9),
    ("Heavy fighting broke out in Gao on Sunday. Four soldiers were killed during the fighting.", 4),
])
def test_the_dead_of_the_fighting_just_told_are_its_toll(extractor, text, toll):
    """"were killed in the fighting" tells the dead of one fight; only "have been killed in the fighting"
    (so far) sums many."""
    assert [e["fatalities"]["best"] for e in news(events(extractor, text))] == [toll]


@pytest.mark.parametrize("text", [
    "The government on Monday condemned the attack and promised an investigation. Officials warned that "
    "those responsible would be hunted down.",
    "The minister said the army was ready to fight the rebels and vowed to retake the town.",
])
def test_talk_alone_makes_no_event(extractor, text):
    assert news(events(extractor, text)) == []


def test_a_protest_whose_people_are_arrested_is_one_protest_with_intervention(extractor):
    text = ("Hundreds of students rallied in Makassar on Monday against fuel price rises. Police fired tear "
            "gas to disperse them. Officers arrested 14 students, police said.")
    found = news(events(extractor, text))
    assert [e["sub_event_type"] for e in found] == ["Protest with intervention"], found


def test_reasons_are_recorded_on_mentions(extractor):
    doc = Document(id="r", raw_text="A car bomb exploded in Kirkuk on Sunday, killing seven people. "
                                     "The explosion destroyed shops.", published="2024-05-14")
    [done] = list(extractor.process([doc]))
    assert all(m.happening for m in done.mentions)
    assert any("happening" in reason for m in done.mentions for reason in m.story)


def test_the_window_is_a_setting():
    from eventwire.extract import Extractor

    text = "A car bomb exploded in Kirkuk on 1 May 2024, killing seven people."
    narrow = Extractor(defaults().replace("story", window_days=3))
    wide = Extractor(defaults().replace("story", window_days=30))
    doc = lambda: [Document(id="w", raw_text=text, published="2024-05-14")]  # noqa: E731
    assert all(e.is_background for e in narrow.extract(doc(), include_background=True))
    assert not any(e.is_background for e in wide.extract(doc(), include_background=True))


@pytest.mark.parametrize("text", [
    "A suicide bomber killed 12 people at a wedding in Khogyani district on Sunday. The wounded were rushed "
    "to hospitals in Jalalabad, officials said.",
    "A suicide bomber killed 12 people at a wedding in Khogyani district on Sunday. Officials in Jalalabad "
    "said the wounded were transported to the provincial hospital.",
])
def test_where_the_wounded_were_taken_or_officials_spoke_is_not_the_place(extractor, text):
    places = {e["location"]["name"] for e in news(events(extractor, text)) if e["location"]}
    assert places and "Jalalabad" not in places, places


@pytest.mark.parametrize("text", [
    "Residents said the 2015 bombing of the market in Kano killed 20 people.",
    "The 1998 attack on the embassy killed 213 people, officials recalled on Monday.",
])
def test_a_year_in_the_happenings_own_phrase_dates_it_as_history(extractor, text):
    evts = events(extractor, text)
    assert evts and all(e["is_background"] and e["event_date"][:2] in ("19", "20") and e["event_date"] < "2016"
                        for e in evts), evts


@pytest.mark.parametrize("later", ["Twelve days later", "Three days later", "The next day", "Two weeks later"])
def test_days_counted_from_a_month_told_before_stay_in_that_month(extractor, later):
    """"In February 2019, a suicide bomber ... Twelve days later warplanes struck ...": the count runs from
    the month told before, not from a day of this week; the strike is history."""
    text = ("Troops exchanged fire with militants near Kupwara on Friday, the army said. In February 2019, a suicide "
            f"bomber killed 40 police officers at Lethpora in Pulwama district. {later} Indian warplanes struck a "
            "camp near Balakot.")
    strikes = [e for e in events(extractor, text, published="2025-04-27") if e["sub_event_type"] == "Air/drone strike"]
    assert strikes and all(e["is_background"] and e["event_date"][:4] == "2019" for e in strikes), strikes


@pytest.mark.parametrize("text, town", [
    ("A mob beat a man to death in a village in Assam's Kokrajhar district on Tuesday, police said.", "Kokrajhar"),
    ("Gunmen looted the cattle market of Zalingei in Central Darfur on Tuesday, traders said.", "Zalinjay"),
])
def test_the_town_inside_the_province_is_the_place_not_the_province(extractor, text, town):
    """The syntax names the province ("in Assam's Kokrajhar district"); the town inside it is the more
    precise place of the same happening."""
    found = news(events(extractor, text))
    assert found and found[0]["location"]["name"] == town, found


@pytest.mark.parametrize("text", [
    "Rebels ambushed an army convoy near Tumaco on Sunday in a war that has killed more than 260,000 people.",
    "Rebels ambushed an army convoy near Tumaco on Sunday, prolonging decades of war that have killed more than "
    "260,000 people.",
    "Rebels ambushed an army convoy near Tumaco on Sunday. The insurgency, which has killed 260,000 people "
    "since 1964, shows no sign of ending.",
])
def test_the_dead_of_a_whole_war_are_no_events_toll(extractor, text):
    """A number whose killer is a war, a conflict or an insurgency (also through a relative clause or "half a
    century of war") sums many events: the ambush is news, with no death toll."""
    found = news(events(extractor, text, published="2022-06-20"))
    assert [e["sub_event_type"] for e in found] == ["Armed clash"], found
    assert found[0]["fatalities"]["best"] is None, found


@pytest.mark.parametrize("text, before", [
    ("Ten years after the sarin attack on Zamalka in eastern Ghouta, survivors say the world has moved on.", "2014-06"),
    ("A year after the car bomb in Kirkuk that killed 20 people, families still wait for answers.", "2023-06"),
    ("Months after the massacre in the village of Solhan, the homes stand empty.", "2024-04"),
])
def test_time_told_as_elapsed_since_a_happening_dates_it_as_history(extractor, text, before):
    """"Ten years after the attack, survivors say": told from today, the attack lies that long before
    publication (14 May 2024): history, not today's news."""
    evts = events(extractor, text)
    assert evts and all(e["is_background"] and e["event_date"] < before for e in evts), evts


def test_time_elapsed_from_a_past_clause_counts_from_that_clause(extractor):
    """"Three months after the bombing, police arrested two men": the arrest is dated by its own day."""
    text = "On Sunday, three months after the bombing of a market in Kirkuk, police arrested two men in the city."
    found = news(events(extractor, text))
    assert [e["sub_event_type"] for e in found] == ["Arrests"], found


@pytest.mark.parametrize("text", [
    "Police arrested a journalist in Lahore on Monday. In Helmand, militants often ambushed army convoys "
    "on the road north of Lashkar Gah.",
    "Police arrested a journalist in Lahore on Monday. Security forces routinely detain activists in "
    "Karachi before such gatherings, residents said.",
    "Police arrested a journalist in Lahore on Monday. In Quetta, gunmen frequently attack police "
    "checkpoints at night.",
])
def test_a_habit_is_not_a_happening(extractor, text):
    """An adverb of frequency ("often", "routinely", "frequently") tells what someone does, not what
    happened, even with a place of its own: only the arrest is news."""
    found = news(events(extractor, text))
    assert [e["sub_event_type"] for e in found] == ["Arrests"], found


@pytest.mark.parametrize("text", [
    "Rebels shelled a market in Idlib on Monday, killing nine people. Opposition fighters who surrendered "
    "to the army elsewhere in the country have been bussed to the province.",
    "Rebels shelled a market in Idlib on Monday, killing nine people. Gunmen who surrendered to the army "
    "elsewhere in Syria were moved to the province, officials said.",
])
def test_elsewhere_inside_a_phrase_opens_no_new_happening(extractor, text):
    """"Elsewhere" announces another happening only where it opens a sentence or a clause ("Elsewhere,
    ..."); inside a phrase ("elsewhere in Syria") it makes no unanchored mention a news event."""
    found = news(events(extractor, text))
    assert [e["sub_event_type"] for e in found] == ["Shelling/artillery/missile attack"], found


def test_elsewhere_opening_a_sentence_is_another_happening(extractor):
    text = ("A roadside bomb killed four soldiers near Baquba on Sunday. Elsewhere, a roadside bomb killed "
            "two policemen on the same day.")
    found = news(events(extractor, text))
    assert len(found) == 2, found


@pytest.mark.parametrize("text", [
    "BELFAST - Four people were killed and more than 30 injured last night when a bomb exploded in a crowded bar on "
    "the Shankill Road. The bombing came hours after a Catholic man was shot dead on his doorstep in the Ardoyne "
    "district of north Belfast.",
    "A car bomb killed nine people at a market in Kirkuk on Tuesday. The blast came just hours after gunmen shot dead "
    "a police officer at his home in the city.",
    "Twelve people were killed and 40 wounded when a suicide bomber struck a mosque in Quetta on Friday. The attack "
    "came a day after a roadside bomb hit a police van in the city, killing two officers.",
])
def test_what_a_happening_came_after_is_another_happening(extractor, text):
    """"The bombing came hours after a man was shot dead": what the told happening came after is another
    happening (story.toml, new_happening), not a retelling of it, however near its place; and the wounded of
    "Four people were killed and more than 30 injured ... when a bomb exploded" are the bombing's, not a
    second happening of their own."""
    found = news(events(extractor, text, published=None))
    assert len(found) == 2, found
    assert len({e["sub_event_type"] for e in found}) == 2, found


@pytest.mark.parametrize("text", [
    "Thousands of students marched through Dhaka on Sunday demanding safer roads. On Tuesday police arrested two "
    "student leaders at their homes in Dhaka.",
    "Hundreds of garment workers protested outside the factory in Gazipur on Monday. Police arrested 12 union "
    "organisers in Gazipur on Thursday.",
])
def test_an_undated_storys_two_weekdays_are_two_happenings(extractor, text):
    """In a story without a publication day told by weekdays, a march "on Sunday" and arrests "On Tuesday" are two
    happenings, not one protest with intervention (which only their two types together make)."""
    found = news(events(extractor, text, published=None))
    kinds = sorted(e["sub_event_type"] for e in found)
    assert "Protest with intervention" not in kinds and len(found) == 2, found


@pytest.mark.parametrize(("text", "described"), [
    ("Gunmen killed four traders on the road to Gao on Monday. Mali's army has patrolled the region of "
     "Timbuktu, where the government is retaking villages from the jihadists.", "Government regains territory"),
    ("Gunmen killed four traders on the road to Gao on Monday. The group is not party to a ceasefire "
     "brokered by Algeria for the towns of Kidal province.", "Agreement"),
    ("Gunmen killed four traders on the road to Gao on Monday. Refugees fled to Mopti, a town where "
     "soldiers have been fighting jihadists.", "Armed clash"),
])
def test_a_clause_that_describes_a_place_or_a_thing_is_no_news_of_its_own(extractor, text, described):
    """A relative or participial clause describes what it hangs on ("the region of X, where ...", "a
    ceasefire brokered by ..."): the place in it is that entity's, not a news event's anchor. Only the
    killing is news; what the clause tells may come out as background, never as news."""
    found = news(events(extractor, text))
    assert described not in [e["sub_event_type"] for e in found], found
    assert [e["sub_event_type"] for e in found] == ["Attack"], found


def test_history_retold_with_the_same_count_of_dead_is_one_happening(extractor):
    """The lede's "bomb attack ... that killed eight people" and the later "the bomb ... killing eight
    people" are one bombing, placed where it happened, not at the dateline or the bus's destination."""
    text = ("GARISSA, Nov 22 - A court on Tuesday convicted three men of helping to plan a 2017 bomb attack on "
            "a bus in the town of Wajir that killed eight people.\n\n"
            "The judge told the court that the men bought the explosives in the days before the attack on "
            "June 14, 2017.\n\n"
            "The bomb, hidden under a seat, exploded as the bus was loading passengers for the journey to "
            "Garissa, killing eight people and wounding 19.")
    bombs = [e for e in events(extractor, text, "2023-11-22") if e["event_type"] == "Explosions/Remote violence"]
    assert len(bombs) == 1, bombs
    assert bombs[0]["is_background"] and bombs[0]["fatalities"]["best"] == 8
    assert bombs[0]["location"]["name"] == "Wajir", bombs[0]["location"]


def test_a_commemoration_retells_one_past_bombing_as_one_background_event(extractor):
    """"Gathered to mark seven years since a suicide truck bombing" makes the story a commemoration;
    the lede's bombing, the dated paragraph ("the explosives") and "where the truck exploded" are one
    past suicide bombing, not news of the ceremony's day."""
    text = ("BAIDOA, Somalia - Hundreds gathered on Saturday in the town of Wajid to mark six years since a suicide "
            "truck bombing tore through its cattle market.\n\n"
            "Relatives read out the names of those killed on April 2, 2018, when a bomber drove a truck packed "
            "with explosives into the market.\n\n"
            "Elders laid wreaths at a memorial built where the truck exploded.")
    evts = events(extractor, text, "2024-04-06")
    assert not news(evts), evts
    bombs = [e for e in evts if e["event_type"] == "Explosions/Remote violence"]
    assert len(bombs) == 1 and bombs[0]["sub_event_type"] == "Suicide bomb", bombs
    assert bombs[0]["event_date"] == "2018-04-02", bombs


def test_a_doubted_word_is_not_made_history_by_a_trial_story(extractor):
    """"The court for the fight against terrorism" is no battle: the detector doubts it, and a trial
    story (its genre, its frame) does not turn a doubted word into a past event. The attack the trial is
    about stays, as background with its own date."""
    text = ("BAMAKO - The special court for the fight against terrorism delivered its verdict on Thursday in the "
            "trial over the attack on the fair of Dioura.\n\n"
            "On the morning of 23 October 2018, armed men on motorcycles burst into the market of Dioura and "
            "opened fire on traders, killing 11 civilians.")
    evts = events(extractor, text, "2024-03-15")
    assert [e["sub_event_type"] for e in evts] == ["Attack"], evts
    assert evts[0]["is_background"] and evts[0]["event_date"] == "2018-10-23"


def test_sanctions_are_talk_even_in_the_lede(extractor):
    """"Sanctions on Monday on commanders linked to mass killings": sanctions, like statements, are
    talk about a happening; a story with no anchored news does not make its lede's talk the news."""
    text = ("BRUSSELS - The European Union on Monday imposed sanctions on three commanders of the Rapid "
            "Support Forces linked to mass killings in West Darfur.\n\n"
            "The EU said the measures freeze their assets and ban them from travelling to the bloc.")
    assert not [e for e in news(events(extractor, text, "2024-06-24")) if e["event_date"] == "2024-06-24"]


def test_two_neighbouring_towns_are_two_places(extractor):
    """Bucha and Irpin lie a few km apart: what happened in each is its own event, and one town's
    count is not the other's toll."""
    text = ("Russian mortar fire struck civilians fleeing across a bridge in Irpin on Sunday, killing four people. "
            "In neighbouring Bucha, troops killed 12 civilians on Sunday.")
    evts = news(events(extractor, text, "2022-03-08"))
    by_place = {e["location"]["name"]: e["fatalities"]["best"] for e in evts if e["location"]}
    assert by_place.get("Irpin") == 4 and by_place.get("Bucha") == 12, evts


def test_the_dateline_is_where_the_story_was_filed_not_where_the_bomb_went_off(extractor):
    text = ("MAIDUGURI, Nigeria \u2014 A roadside bomb tore through a commercial bus in Nigeria's northeastern Borno "
            "state on Monday, killing eight passengers, police said.\n\n"
            "Police initially reported five dead, but the toll rose overnight.")
    found = news(events(extractor, text, "2021-07-20"))
    assert len(found) == 1, found                      # "five dead" retells the bombing
    assert found[0]["location"]["name"] != "Maiduguri", found[0]["location"]
    assert found[0]["fatalities"]["best"] == 8


@pytest.mark.parametrize("text", [
    "Maoists killed\n\nRaipur: Six Maoists were killed in an encounter with security forces in the forests near "
    "Kopri in Chhattisgarh's Sukma district on Tuesday, police said.",
    "Raipur: Six Maoists were killed in an encounter with security forces near Kopri village in Sukma district "
    "on Tuesday, police said.",
])
def test_a_colon_dateline_is_where_the_story_was_filed(extractor, text):
    """South Asian papers open the body with "City:" - where the story was filed, not the happening's place."""
    found = [e for e in news(events(extractor, text, "2024-05-14")) if e["fatalities"]["best"] == 6]
    assert found and all((e["location"] or {}).get("name") != "Raipur" for e in found), found


@pytest.mark.parametrize(("text", "dateline"), [
    ("Raipur: Six Maoists were killed in an encounter near Kopri village on Tuesday, police said.", True),
    ("Attack on patrol\n\nBy Our Correspondent\n\nPESHAWAR: Gunmen attacked a police post on the edge of "
     "the city on Sunday night, killing two constables.", True),
    # a heading deep in a roundup names where its items happened (guard)
    ("Weekly roundup\n\nOur round-up of the week's violence across the east of the country, with reports "
     "from our correspondents.\n\nBunia: Militiamen killed six people in an attack on a camp on Tuesday, "
     "camp officials said.", False),
    ("Our weekly roundup\n\nSOUTH KIVU: BUKAVU CHANGES HANDS", False),   # a heading, not a sentence (guard)
])
def test_colon_datelines_only_open_the_body(text, dateline):
    from types import SimpleNamespace

    from eventwire.geo.locate import is_dateline

    name = next(w for w in ("Raipur", "PESHAWAR", "Bunia", "SOUTH KIVU") if w in text)
    start = text.index(name)
    assert is_dateline(text, SimpleNamespace(start=start, end=start + len(name))) is dateline


@pytest.mark.parametrize("text", [
    "In a separate incident on Monday, a soldier was wounded when he stepped on a mine planted by rebels near "
    "a village in Sukma district. Police said the rebels shot dead a farmer in the Usoor area of Bijapur on "
    "Sunday night.",
    "On Monday a policeman was hurt by a roadside bomb in Sukma district. The rebels also killed a trader in "
    "Bijapur district on Sunday night, police said.",
])
def test_happenings_in_two_districts_are_two_events(extractor, text):
    """Two districts of one province are two places: a happening told in one does not retell one in the other."""
    found = news(events(extractor, text, "2024-09-04"))
    places = {e["location"]["admin2"] for e in found if e["location"]}
    assert {"Sukma", "Bijapur"} <= places, found


def test_a_headline_is_not_the_subject_of_its_lede(extractor):
    """A paragraph break ends the headline's sentence, and a dateline ("Ghazni (AFP) -") is no doer: the
    parser ran the headline into the lede and made "army checkpoints" the subject of "overran"."""
    text = ("Taliban overrun army checkpoints in Ghazni as peace talks stall\n\nGhazni (AFP) - Taliban fighters "
            "overran three army checkpoints in eastern Afghanistan, killing at least eight soldiers, officials "
            "said Tuesday.")
    found = news(events(extractor, text, "2020-10-13"))
    assert [e["sub_event_type"] for e in found] == ["Non-state actor overtakes territory"], found
    assert found[0]["actor1"]["name"] == "Taliban", found[0]["actor1"]


@pytest.mark.parametrize(("text", "total"), [
    ("Shelling kills 18 in 48 hours in Donetsk region\n\nKYIV - Russian artillery hit a bus stop in "
     "Kostiantynivka on Tuesday, killing seven people, officials said.", 18),
    ("Airstrikes kill 31 in a single day across Idlib\n\nBEIRUT - Russian warplanes struck a market in "
     "Maarat al-Numan on Sunday, killing 14 people, the Observatory said.", 31),
])
def test_a_count_over_a_span_of_time_is_no_toll(extractor, text, total):
    """"kill 18 in 48 hours", "in a single day": a sum over the happenings of that span, no event's toll."""
    evts = events(extractor, text, "2020-10-13")
    assert total not in {(e["fatalities"] or {}).get("best") for e in evts}, evts
    assert any((e["fatalities"] or {}).get("best") in (7, 14) for e in evts), evts


def test_a_night_time_attack_is_no_count_over_a_night(extractor):
    """Guard: "in a night-time machete attack" tells when the attack was, not a span its toll sums."""
    text = ("Rebels killed 11 civilians in a night-time machete attack on the village of Eringeti in Beni "
            "territory on Saturday, local officials said.")
    assert 11 in {(e["fatalities"] or {}).get("best") for e in news(events(extractor, text, "2022-11-07"))}


@pytest.mark.parametrize("text", [
    "KINSHASA, 14 March 2024 - At least nine displaced persons were killed and several others wounded on Tuesday "
    "evening, 12 March, in an attack attributed to CODECO militiamen on a displacement site in Djugu territory, "
    "Ituri province.",
    # guard: the same lede after a headline
    "Nine killed in attack on camp\n\nGOMA, 14 March 2024 - At least nine people were killed on Tuesday evening, "
    "12 March, when militiamen attacked a displacement camp near Rutshuru, officials said.",
])
def test_a_datelines_date_yields_to_the_ledes_own(extractor, text):
    """The dateline's date is the day the story was filed; the lede's "Tuesday evening, 12 March" is its news."""
    found = news(events(extractor, text, "2024-03-14"))
    assert [e["event_date"] for e in found] == ["2024-03-12"], found


def test_a_dateline_after_the_headline_is_still_a_place(extractor):
    """"ADRE, Chad — ..." opens the lede's sentence: a capitalised first word is usually no name, but a
    dateline's place is, and it stays the fallback of a happening told "on the edge of the town"."""
    text = ("Three refugees killed in camp attack\n\nADRE, Chad \u2014 Gunmen killed three refugees in a camp on the "
            "edge of the town on Sunday, officials said.")
    found = news(events(extractor, text, "2024-05-14"))
    assert [e["location"]["name"] for e in found] == ["Adre"], found


@pytest.mark.parametrize(("text", "town"), [
    ("Artillery shells struck the main market of the Zamzam displacement camp on the northern edge of El Fasher "
     "on Monday, killing at least 14 people.", "El Fasher"),
    ("Gunmen attacked a checkpoint on the outskirts of Wad Madani on Sunday, killing three soldiers.", "Wad Medani"),
])
def test_a_town_tagged_as_an_organisation_after_edge_of_is_a_place(extractor, text, town):
    """"the northern edge of El Fasher": the tagger reads the name as an organisation; after "of" and a word
    of a place's surroundings, a town the gazetteer knows well is the place."""
    found = news(events(extractor, text, "2025-02-20"))
    assert [(e["location"] or {}).get("name") for e in found] == [town], found


def test_repeated_ambushes_are_a_habit_not_a_happening(extractor):
    text = ("A roadside bomb killed three soldiers near Damboa on Monday. The Maiduguri-Damboa road has been the "
            "scene of repeated ambushes and frequent bombings.")
    found = news(events(extractor, text, "2021-07-20"))
    assert [e["sub_event_type"] for e in found] == ["Remote explosive/landmine/IED"], found


def test_a_doubted_history_mention_carries_no_toll(extractor):
    """"A UN panel has estimated that between 10,000 and 15,000 people were killed in El Geneina in 2023":
    the detector reads no single event there; kept as history, its numbers are no event's death toll."""
    text = ("The European Union on Monday froze the assets of two commanders.\n\n"
            "A UN panel of experts has estimated that between 10,000 and 15,000 people were killed in El Geneina "
            "in 2023.")
    tolls = {(e["fatalities"] or {}).get("best") for e in events(extractor, text, "2024-06-24")}
    assert not tolls & {10000, 15000}, tolls


@pytest.mark.parametrize("setting", [
    "The government has deployed some 5,000 soldiers to the province.",
    "Several of the group's factions have pledged allegiance to the Islamic State.",
    "Relations soured after the government moved to disband the regional police units.",
    "The army has set up new bases along the border.",
])
def test_developments_without_a_time_of_their_own_are_the_setting(extractor, setting):
    """A strategic development told without a time of its own and not as going on now is context: only
    the dated attack is news."""
    text = ("Gunmen attacked a police post in Bali on Saturday, killing four officers, the governor said. "
            f"{setting} The attackers fled into the forest.")
    found = news(events(extractor, text))
    assert found and "Strategic developments" not in {e["event_type"] for e in found}, found


@pytest.mark.parametrize("now", [
    "Army engineers are clearing mines planted around the town.",
    "Troops are defusing dozens of bombs left in the old city.",
])
def test_a_development_going_on_now_is_news(extractor, now):
    text = f"Government forces recaptured the town of Tadmur on Sunday, the army said. {now}"
    found = news(events(extractor, text, published="2016-03-27"))
    assert "Disrupted weapons use" in {e["sub_event_type"] for e in found}, found


@pytest.mark.parametrize("text", [
    "A roadside bomb killed six soldiers near Gao on Monday. A leader of the militia that fights alongside "
    "the army said the device had been buried overnight.",
    "A roadside bomb killed six soldiers near Gao on Monday, said a spokesman for the coalition, which "
    "battles jihadists across the region.",
])
def test_what_a_group_does_is_no_happening(extractor, text):
    """A simple-present relative clause ("the militia that fights alongside the army") describes a group:
    no clash, news or background, comes of it."""
    evts = events(extractor, text)
    assert "Battles" not in {e["event_type"] for e in evts}, evts
    assert [e for e in news(evts) if e["sub_event_type"] == "Remote explosive/landmine/IED"]


@pytest.mark.parametrize("text", [
    "A bomb exploded inside a mosque in Kunduz on Friday, killing nine worshippers, police said. The "
    "explosion tore through the Sultan mosque in the east of the town at around 2 p.m., when the hall was "
    "packed with worshippers, said a police spokesman.",
    "A bomb went off at a shrine in Kunduz on Friday, killing nine people, police said. The explosion "
    "tore through the old shrine in the north of the city at about noon, when it was crowded, a witness said.",
])
def test_the_explosion_retells_the_bombing_whatever_its_sentence_reads_as(extractor, text):
    """"The explosion tore through the hall" reads like property destruction on its own; as an anaphor it
    retells the bombing: one event."""
    found = news(events(extractor, text))
    assert len(found) == 1 and found[0]["event_type"] == "Explosions/Remote violence", found


def test_a_happening_does_not_join_a_word_the_detector_doubts(extractor):
    """In a trial story the past is retold and mentions join what was told before; but a word the detector
    reads as no event ("entered Norway in 2009") tells no happening of another type: the gunfight
    that follows is its own happening, of its own type, not a retelling of it."""
    text = ("OSLO - A court on Tuesday convicted a taxi driver of helping the men behind the 2011 shooting at a "
            "youth camp.\n\n"
            "His lawyer said he entered Norway in 2009 on a work permit and was later granted asylum.\n\n"
            "The older gunman died in a shootout with police two days later.")
    found = events(extractor, text, "2014-06-03")
    clashes = [e for e in found if e["sub_event_type"] == "Armed clash"]
    assert clashes and all(e["is_background"] for e in clashes), found
    assert not [e for e in found if e["sub_event_type"] == "Non-state actor overtakes territory"
                and e["event_date"] == "2009"]   # the doubted word takes no one's type, toll or date



@pytest.mark.parametrize(("text", "toll"), [
    ("A gunman opened fire on a beach in Sousse on Friday. Thirty-eight people were killed, 30 of them "
     "tourists, in the deadliest attack since 2002.", 38),
    ("A car bomb exploded at a market in Kirkuk on Monday, killing 12 people, five of whom were children.", 12),
    ("Militants stormed a school in Peshawar on Tuesday. At least 40 people were killed, 31 among them pupils.", 40),
])
def test_a_part_of_the_dead_adds_nothing_to_the_toll(extractor, text, toll):
    """"38 killed, 30 of them tourists": the number before "of them" / "of whom" is a part of the dead
    already counted, not more dead; and "the deadliest attack since 2002" is no total."""
    found = news(events(extractor, text, "2024-05-14"))
    assert [e["fatalities"]["best"] for e in found] == [toll], found


def test_a_commemorative_march_is_news_and_what_it_marks_is_not(extractor):
    """"Thousands marched through Kisumu on Saturday to mark five years since police shot dead 12
    protesters": the march is the news (a peaceful protest on Saturday, in Kisumu); the killing it marks
    is neither its type nor its toll. In a commemoration story the day's other gatherings are news too,
    not the past the story is about."""
    text = ("Kenyans march to mark five years since Kisumu killings\n\n"
            "NAIROBI (AP) - Thousands of people marched through Kisumu on Saturday to mark five years since "
            "police shot dead 12 protesters in the city.\n\n"
            "In Nairobi, several hundred demonstrators gathered outside parliament, waving photographs of the "
            "dead.\n\n"
            "The killings in August 2019 followed a disputed election.")
    found = news(events(extractor, text, "2024-08-12"))
    kinds = {(e["sub_event_type"], (e["location"] or {}).get("name")) for e in found}
    assert ("Peaceful protest", "Kisumu") in kinds and ("Peaceful protest", "Nairobi") in kinds, found
    assert not [e for e in found if e["fatalities"]["best"] == 12 or e["event_type"] != "Protests"], found


@pytest.mark.parametrize(("relative", "day"), [
    ("The next day", "2023-01-10"), ("Two days later", "2023-01-11"), ("Hours later", "2023-01-09"),
    ("Earlier on the same day", "2023-01-09"), ("Hours earlier", "2023-01-09"), ("Later that night", "2023-01-09"),
    ("The same morning", "2023-01-09"),
])
def test_the_next_day_is_dated_from_the_day_told_before(extractor, relative, day):
    """"On Jan. 9, 2023, police opened fire ... The next day, a mob beat a policeman to death": the second
    happening took place the day after the first, long before the anniversary being reported."""
    text = ("Peruvians mark two years since the Juliaca killings\n\n"
            "LIMA - Thousands marched in Juliaca on Thursday to mark two years since the killings.\n\n"
            "On Jan. 9, 2023, police opened fire on protesters near the airport in Juliaca, killing 17.\n\n"
            f"{relative}, a police officer was beaten and burned to death by a mob in the city.")
    mobs = [e for e in events(extractor, text, "2025-01-10") if e["sub_event_type"] == "Mob violence"]
    assert mobs and all(e["is_background"] and e["event_date"] == day for e in mobs), mobs


@pytest.mark.parametrize(("relative", "day"), [
    ("The first night's strikes on Sanaa", "2015-03-26"), ("On the first day, strikes on Sanaa", "2015-03-26"),
    ("On the second day, strikes on Sanaa", "2015-03"), ("On the third morning, warplanes striking Sanaa", "2015-03"),
])
def test_the_days_of_something_begun_count_from_the_day_it_began(extractor, relative, day):
    """"On 26 March 2015, a coalition began a campaign of air strikes ... The first night's strikes on Sanaa
    killed 18 civilians": the first night is the day the campaign began (history), not a retelling of this
    week's news strikes; the second day the day after."""
    text = ("US strikes on Yemen's Ras Isa port kill dozens\n\n"
            "United States air strikes on the Ras Isa fuel port on Thursday night killed at least 74 people, the "
            "Houthi health ministry said.\n\n"
            "On 26 March 2015, a coalition led by Saudi Arabia began a campaign of air strikes on the Houthis. "
            f"{relative} hit a residential neighbourhood near the airport, killing at least 18 civilians.")
    found = events(extractor, text, "2025-04-20")
    old = [e for e in found if e["fatalities"]["best"] == 18]
    assert old and all(e["is_background"] and e["event_date"].startswith(day) for e in old), found
    assert not [e for e in news(found) if e["fatalities"]["best"] == 18], found


def test_a_weapon_adjective_is_the_happenings_own_word(extractor):
    """"A Russian ballistic missile struck a container ship in the port of Odesa, killing three": the
    trigger is the weapon's adjective; unlike a participle that describes a noun ("executed hostages"),
    it tells the happening, anchored by its place and toll."""
    text = ("War live: Ballistic missile hits cargo ship in Mykolaiv port, killing two\n\n"
            "07:15 BST\nMykolaiv: A Russian Iskander-M ballistic missile struck a civilian cargo ship being loaded "
            "in the port of Mykolaiv at about 06:10 local time, killing two people, the regional governor said on "
            "Telegram.\n\n"
            "09:40 BST\nRussia: Ukrainian drones set fire to an oil depot in the Bryansk region on Wednesday "
            "morning, the governor said. Nobody was hurt.")
    found = news(events(extractor, text, "2024-10-09"))
    mykolaiv = [e for e in found if (e["location"] or {}).get("name") == "Mykolayiv"]
    assert [e["sub_event_type"] for e in mykolaiv] == ["Shelling/artillery/missile attack"], found
    assert mykolaiv[0]["fatalities"]["best"] == 2, found


@pytest.mark.parametrize("fresh", [
    "Late on Sunday, two men on a motorbike threw a hand grenade at a police post in Dera, wounding two "
    "constables, police said.",
    "Three soldiers were killed on Sunday when their truck struck a roadside bomb near Dera, police said.",
    "Separately, police said they had arrested two suspected militants in Dera and seized a rifle.",
    # the time opens a coordination: it is the time of each of its verbs ("... was found ... and was made safe")
    "On Sunday morning, a pipe bomb was found beside a road in Dera and was made safe by army bomb disposal "
    "officers, police said.",
    "On Sunday, gunmen stormed a checkpoint in Dera and killed two constables, police said.",
])
def test_a_fresh_incident_in_a_trial_story_is_news(extractor, fresh):
    """A trial story tells its past as background, but not a new incident told with its own time ("Late on
    Sunday, two men threw a grenade": the time is the incident's own, even where the parse hangs it on
    "police said") or announced as another piece of news ("Separately, ...")."""
    text = ("PESHAWAR - A court on Tuesday sentenced two men to death for their part in the 2014 attack on a "
            "school in the city that killed 132 children.\n\n"
            f"{fresh}")
    found = news(events(extractor, text, "2024-12-17"))
    assert [e for e in found if (e["location"] or {}).get("name", "").startswith("Dera")], events(
        extractor, text, "2024-12-17")



@pytest.mark.parametrize("lede", [
    "The Enniskillen bombing, also known as the Remembrance Day bombing, took place on 8 November 1987 in "
    "Enniskillen, when a bomb planted by the IRA exploded near the town's war memorial as people gathered for "
    "a Remembrance Sunday ceremony.",
    "On 8 November 1987 an IRA bomb exploded near the war memorial in Enniskillen, where a crowd had gathered for "
    "the Remembrance Sunday service.",
])
def test_words_of_remembrance_in_the_telling_of_a_bombing_make_no_commemoration_story(extractor, lede):
    """An encyclopedic text about a bombing is about the bombing: "the Remembrance Day bombing", "near the
    war memorial as people gathered for a ceremony", "at a vigil" say where and when the bomb went off; they
    do not make the text a commemoration whose past is background. Without a publication date, the lede's
    day is the story's time: the bombing is what the text is about (news), with its date."""
    text = (f"Enniskillen bombing\n\n{lede}\n\n"
            "Eleven people were killed and 63 were injured. A second bomb was found and defused in Tullyhommon "
            "later that day.")
    evts = events(extractor, text, None)
    bombs = [e for e in news(evts) if e["sub_event_type"] == "Remote explosive/landmine/IED"]
    assert bombs and bombs[0]["event_date"] == "1987-11-08", evts


def test_a_commemoration_story_still_tells_its_past_as_background(extractor):
    """The guard: a lede whose frame is the remembrance ("Hundreds attended a memorial service on Sunday for
    the victims of ...") keeps the bombing it remembers in the past."""
    text = ("Hundreds attended a memorial service in Enniskillen on Sunday for the eleven people killed when an IRA "
            "bomb exploded at the town's war memorial in November 1987.\n\n"
            "The bomb had been hidden in a hall beside the cenotaph.")
    evts = events(extractor, text, "2024-11-11")
    assert not [e for e in news(evts) if e["event_type"] == "Explosions/Remote violence"], evts


@pytest.mark.parametrize("heading", ["Background", "Context", "Earlier attacks", "HISTORY"])
def test_what_is_told_under_a_heading_of_the_past_is_background(extractor, heading):
    """A section headed "Background" (or "Context", "Earlier attacks") tells the past the text stands on:
    its happenings are background, even in a text without a publication date where no window can place
    them; the next heading ends the section, and what follows is the text's own story again."""
    text = ("Battle of Kadugli\n\n"
            "The battle of Kadugli was fought between the army and rebels in June 2024.\n\n"
            f"{heading}\n\n"
            "Rebels overran the town of Dilling on 3 March 2019, killing 40 soldiers. On the same day, gunmen "
            "shot dead twelve traders at a market in Talodi.\n\n"
            "The battle\n\n"
            "On 12 June 2024, rebels shelled the army's headquarters in Kadugli, killing nine soldiers.")
    evts = events(extractor, text, None)
    past = [e for e in evts if (e["event_date"] or "").startswith("2019")]
    assert past and all(e["is_background"] for e in past), evts
    assert [e for e in news(evts) if e["event_date"] == "2024-06-12"], evts


@pytest.mark.parametrize(("phrase", "day"), [
    ("The commemorations came a day after", "2023-08-20"),
    ("The ceremony followed two days after", "2023-08-19"),
])
def test_what_the_story_came_after_is_dated_before_it(extractor, phrase, day):
    """"The commemorations came a day after Russian warplanes struck Kansafra": the strike is the day before
    the commemoration told before it, in its own words: news of the last days, not the past that a
    commemoration story is about."""
    text = ("Survivors mark ten years since the sarin attack as bombs keep falling on Idlib\n\n"
            "AZAZ, Syria - Hundreds of Syrians gathered in Azaz on Monday to mark the tenth anniversary of the sarin "
            "attack on eastern Ghouta.\n\n"
            f"{phrase} Russian warplanes struck the outskirts of Kansafra in southern Idlib, killing three "
            "civilians, rescuers said.")
    found = [e for e in news(events(extractor, text, "2023-08-22")) if e["event_type"] == "Explosions/Remote violence"]
    assert [e["event_date"] for e in found] == [day], events(extractor, text, "2023-08-22")


@pytest.mark.parametrize("headline", [
    "Andriy Kovalchuk, commander who fought from Ilovaisk to Bakhmut, dies at 44",
    "Oleh Marchenko, a sniper who fought at Avdiivka, killed at 31",
])
def test_the_past_of_a_person_in_an_obituary_headline_is_no_news(extractor, headline):
    """A relative clause about a person ("commander who fought from Ilovaisk to Bakhmut") tells his past; the
    death the main clause tells is not that fighting's toll, and the headline makes no news battle: the news is
    the strike that killed him."""
    text = (f"{headline}\n\n"
            "The battalion commander was killed on Sunday when a Russian drone struck his vehicle near Chasiv Yar, "
            "his unit said.")
    found = news(events(extractor, text, "2024-03-07"))
    assert [e["sub_event_type"] for e in found] == ["Air/drone strike"], found


def test_a_section_heading_ends_the_time_told_before(extractor):
    """"About fifteen minutes later a second bomb went off" under the heading "Bombings" counts from the
    bombing the text is about, not from the last date of the "Background" section above it (2001)."""
    text = ("2005 Delhi bombings\n\n"
            "The 2005 Delhi bombings were explosions that struck crowded markets in Delhi on the evening of "
            "29 October 2005.\n\n"
            "Background\n"
            "The most serious earlier attack had been the attack on the Indian Parliament on 13 December 2001, in "
            "which five gunmen killed nine people.\n\n"
            "Bombings\n"
            "The first bomb exploded at about 5:38 p.m. near a sweet shop in Paharganj. About fifteen minutes "
            "later a second bomb went off at the entrance to Sarojini Nagar market in south Delhi, killing 50 "
            "people.")
    evts = events(extractor, text, None)
    assert not [e for e in evts if e["event_type"] == "Explosions/Remote violence"
                and (e["event_date"] or "").startswith("2001")], evts


def test_history_without_a_told_date_is_not_dated_the_story_day(extractor):
    """"The market had previously been attacked by jihadists, who killed 12 people": background, and its
    date is unknown, not the day the story was filed."""
    text = ("Gunmen killed four traders at a market in Gao on Monday, officials said.\n\n"
            "The market had previously been attacked by jihadists, who killed 12 people.")
    evts = events(extractor, text, "2024-05-14")
    past = [e for e in evts if e["is_background"]]
    assert past and all(e["event_date"] is None for e in past), evts
    assert [e["fatalities"]["best"] for e in news(evts)] == [4], evts


def test_arrests_of_suspects_in_a_killing_are_no_protests_intervention(extractor):
    """A protest on Monday, and "police said they had arrested 42 people identified from videos of the
    killing": the arrested are suspects of the lynching the story told, not protesters; the protest stays
    peaceful."""
    text = ("A mob beat a man to death in the town of Talagang on Sunday after accusing him of blasphemy, police "
            "said.\n\n"
            "On Monday, around 200 lawyers held a peaceful protest outside the Lahore Press Club in Pakistan, "
            "demanding that the officers on duty be suspended.\n\n"
            "Police said they had arrested 42 people identified from videos of the killing.")
    found = news(events(extractor, text, "2024-09-17"))
    protests = [e for e in found if e["event_type"] == "Protests"]
    assert [e["sub_event_type"] for e in protests] == ["Peaceful protest"], found


@pytest.mark.parametrize("text", [
    "More than 220 people have been killed in the state since May 2023, officials say. On Friday militants "
    "ambushed an army patrol near Moltuh, killing a soldier.",
    "Air strikes have killed at least 160 civilians in the region in recent months, a monitor said. On Friday "
    "militants ambushed an army patrol near Moltuh, killing a soldier.",
])
def test_a_total_over_a_long_stretch_is_no_event_of_the_past(extractor, text):
    """A count told over a long stretch of time and a whole region is a sum of many happenings: not a
    news event, and not one happening of the past either (only the ambush is coded)."""
    found = events(extractor, text, "2024-08-17")
    assert [e["sub_event_type"] for e in found] == ["Armed clash"], found


@pytest.mark.parametrize(("past", "toll_sentence"), [
    ("On 26 June 2015, a gunman opened fire on tourists at a beach hotel near Sousse.",
     "Thirty-eight people were shot dead, most of them foreigners."),
    ("In March 2019, militiamen raided the Fulani village of Ogossagou.",
     "The attackers burned huts and shot villagers as they fled."),
    ("In August 2014, fighters stormed the town of Sinjar.",
     "Thousands of Yazidi men were executed and women were abducted."),
    # a passive whose auxiliary belongs to the verb before it ("was found ... and killed") is a simple past too
    ("On 20 October 2011, aircraft struck a convoy carrying the leader as he fled Sirte.",
     "He was found hiding in a drainage pipe and killed by rebel fighters within the hour."),
    ("In May 2015, gunmen raided the village of Kudu.",
     "Eleven farmers were rounded up at the market and shot by the raiders."),
])
def test_a_paragraph_anchored_in_the_past_stays_there(extractor, past, toll_sentence):
    """"On 26 June 2015, a gunman opened fire ... Thirty-eight people were shot dead": a paragraph anchored
    in the past stays there until a new anchor; the second sentence is history, not news of the story's day."""
    text = ("Survivors return for memorial years after massacre\n\n"
            "Hundreds of people gathered on Friday to remember the victims.\n\n"
            f"{past} {toll_sentence}")
    found = events(extractor, text, "2024-06-29")
    assert found and not news(found), found


def test_a_flashback_does_not_anchor_what_follows(extractor):
    """"The rebels had captured the town in October. An army spokesman said 14 rebels were killed": the
    pluperfect is a flashback; the next sentence is back in the story's time, and its toll is the news
    event's."""
    text = ("Government troops retook the town of Kidal on Monday after heavy fighting with rebels, officials "
            "said. The rebels had captured the town in October. An army spokesman said 14 rebels were killed.")
    found = news(events(extractor, text, "2024-01-17"))
    assert [e["fatalities"]["best"] for e in found] == [14], found


@pytest.mark.parametrize("plural", ["The attacks", "The bombings", "These blasts"])
def test_a_plural_retelling_of_happenings_in_many_towns_sums_them(extractor, plural):
    """"... bombed churches in Colombo, Negombo and Batticaloa. The attacks killed 269 people": the plural
    refers back to happenings at several places; its number sums them and is no single event's toll."""
    text = ("Inquiry blames officials over the 2019 church bombings\n\n"
            "A commission said on Tuesday that officials had ignored warnings.\n\n"
            "On April 21, 2019, suicide bombers struck churches in Colombo, Negombo and Batticaloa during Easter "
            f"services. {plural} killed 269 people and wounded about 500.")
    found = events(extractor, text, "2021-02-24")
    assert not [e for e in found if 269 in (e["fatalities"]["low"], e["fatalities"]["best"], e["fatalities"]["high"])], found


@pytest.mark.parametrize("later", [
    "By Tuesday evening the fighters had taken control of the town and its border post.",
    "By nightfall on Tuesday the rebels had seized the town's market and police station.",
])
def test_a_pluperfect_with_its_own_recent_time_is_news(extractor, later):
    """"By Tuesday evening the fighters had taken control of the town": the pluperfect tells how far the
    story's own day had gone, not history; it retells the capture, which stays one news event."""
    text = ("Rebels capture border town of Kiwanja, officials say\n\n"
            "Rebels captured the town of Kiwanja in eastern Congo on Tuesday after a day of heavy fighting, "
            f"local officials said. {later}")
    found = events(extractor, text, "2022-06-15")
    captures = [e for e in found if e["sub_event_type"] == "Non-state actor overtakes territory"]
    assert len(captures) == 1 and not captures[0]["is_background"], found


@pytest.mark.parametrize("text", [
    "On Saturday, gunmen attacked farmers who had been ordered to dig trenches outside the town of Barsalogho, "
    "killing at least 40 people, a security source said.",
    "On Sunday, militants ambushed a convoy that had been escorting fuel trucks near Djibo, killing nine "
    "soldiers, officials said.",
    # the day tells the scene of the clause's subject: "four women collecting firewood on Thursday had been raped"
    "Women in the camp told aid workers that four women collecting firewood outside Tawila on Thursday had "
    "been raped by armed men.",
])
def test_had_been_in_another_clause_does_not_make_todays_attack_history(extractor, text):
    """"On Saturday, gunmen attacked farmers who had been ordered to dig trenches": the pluperfect belongs to
    the relative clause; the attack has its own time inside the window and is news."""
    found = events(extractor, text, "2024-08-27")
    assert [e["is_background"] for e in found if e["event_type"] != "Protests"][:1] == [False], found


def test_a_count_said_today_of_the_past_stays_history(extractor):
    """"Officials said on Monday that 2,000 people had been killed in the war": the day is the day of the
    saying, not of the killings; no news event carries the number."""
    text = ("Gunmen killed three villagers in Kaduna on Sunday, police said. Officials said on Monday that "
            "2,000 people had been killed in the war.")
    found = news(events(extractor, text, "2024-08-27"))
    assert not [e for e in found if e["fatalities"]["best"] == 2000], found


@pytest.mark.parametrize(("relative", "day"), [
    ("The day before", "2023-11-25"), ("Two days earlier", "2023-11-24"), ("The previous night", "2023-11-25"),
])
def test_the_day_before_is_dated_from_the_day_told_before(extractor, relative, day):
    """"Jihadists attacked a base in Djibo on Sunday. The day before, they ambushed a patrol near Arbinda":
    the ambush was on Saturday, counted back from the day told before it, not from the day of publication."""
    text = ("Hundreds of jihadists attacked a military base in Djibo on Sunday, the army said. "
            f"{relative}, suspected jihadists ambushed a patrol near the town of Arbinda, killing six volunteers.")
    found = [e for e in events(extractor, text, "2023-11-28") if (e["location"] or {}).get("name") == "Aribinda"]
    assert [e["event_date"] for e in found] == [day], found


def test_the_previous_day_counts_from_the_day_told_in_its_sentence(extractor):
    """"The army said on Thursday that a drone strike the previous day had killed dozens": Wednesday."""
    text = ("The army said on Thursday that a drone strike the previous day had killed dozens of fighters on "
            "the outskirts of Djibo.")
    found = events(extractor, text, "2023-05-19")
    assert [e["event_date"] for e in found if e["sub_event_type"] == "Air/drone strike"] == ["2023-05-17"], found


def test_an_overnight_massacre_is_no_date(extractor):
    """"In June 2021 gunmen killed 132 people in an overnight massacre": "overnight" describes the massacre;
    its time is June 2021 (history), not the night before publication."""
    text = ("The area has been a target before. In June 2021 gunmen killed at least 132 people in an overnight "
            "massacre in the village of Solhan.")
    found = events(extractor, text, "2023-05-19")
    assert found and all(e["is_background"] and (e["event_date"] or "").startswith("2021-06") for e in found), found


@pytest.mark.parametrize("scene", [
    "For a few hours on Tuesday afternoon, the meadow above the town of Pahalgam was calm.",
    "On Tuesday afternoon the market in the town of Pahalgam was crowded with shoppers.",
])
def test_a_paragraph_s_recent_day_dates_what_follows(extractor, scene):
    """"For a few hours on Tuesday afternoon, the meadow was calm. Then gunmen emerged and began shooting":
    the shooting has no time of its own; its paragraph's day is its day, not the day of publication."""
    text = f"{scene} Then gunmen emerged from the forest and began shooting, killing 26 tourists."
    found = news(events(extractor, text, "2025-04-27"))
    assert [e["event_date"] for e in found] == ["2025-04-22"], found


def test_twelve_days_later_counts_from_the_day_told_before(extractor):
    """"In February 2019 a suicide bomber struck a convoy at Lethpora ... Twelve days later warplanes struck
    near Balakot": the strike is history too, twelve days after the bombing, not news of the story's day."""
    text = ("On 14 February 2019 a suicide bomber drove a car into a police convoy at Lethpora, killing 40. "
            "Twelve days later, Indian warplanes struck a camp near Balakot.")
    found = [e for e in events(extractor, text, "2025-04-27") if e["sub_event_type"] == "Air/drone strike"]
    assert [(e["is_background"], e["event_date"]) for e in found] == [(True, "2019-02-26")], found


def test_a_day_counted_from_before_never_lies_after_publication(extractor):
    """"Twelve days later" counted from a recent day would fall after the story was published: the count
    is from something else (here, the 2019 bombing the text told earlier), so no event is dated in the future."""
    text = ("In February 2019 a suicide bomber struck a police convoy at Lethpora. Militants attacked a checkpoint "
            "near Kupwara on Thursday, police said. Twelve days later, Indian warplanes struck a camp near Balakot.")
    found = events(extractor, text, "2025-04-27")
    assert found and all((e["event_date"] or "") <= "2025-04-27" for e in found), found


@pytest.mark.parametrize("held", [
    "Mobs rampaged through Tamil neighbourhoods of the capital for days, burning homes.",
    "Gunmen went from house to house for hours, shooting men in the streets.",
])
def test_how_long_a_happening_lasted_is_no_time_of_its_own(extractor, held):
    """"On 23 July 1983, the Tigers ambushed an army patrol. Mobs rampaged through ... for days": "for days"
    tells how long, not when; the paragraph's past time still holds the sentence, which is history."""
    text = ("Tamils remember the war's dead\n\n"
            "Families will gather on Saturday to light lamps in Jaffna.\n\n"
            f"On 23 July 1983, the Tigers ambushed an army patrol near Jaffna, killing 13 soldiers. {held}")
    found = events(extractor, text, "2019-05-18")
    assert found and not news(found), found


def test_an_anaphor_with_a_year_of_its_own_is_another_happening(extractor):
    """"The raid revived memories of the 2014 abduction of 276 schoolgirls": the definite noun points back,
    but its own year says it is another happening, not the February raid retold."""
    text = ("Bandits abduct 40 in Zamfara\n\n"
            "GUSAU, Nigeria - In February, bandits abducted 279 schoolgirls from a school in Jangebe, Zamfara "
            "State. The raid revived memories of the 2014 abduction of 276 schoolgirls by Boko Haram.")
    found = [e for e in events(extractor, text, "2021-11-16") if e["is_background"]]
    assert sorted(e["event_date"][:4] for e in found) == ["2014", "2021"], found


@pytest.mark.parametrize("headline,lede", [
    ("Clashes in Tripoli suburb kill nine",
     "TRIPOLI - Fighting between two militias in Tajoura, on the eastern edge of the capital, killed nine people "
     "on Sunday night, medics said."),
    ("Nine killed as militias clash near Tripoli",
     "Rival armed groups fought with machine guns in Tajoura on Sunday night, and nine people were killed, the "
     "health ministry said."),
])
def test_a_headline_names_the_known_town_for_the_ledes_suburb(extractor, headline, lede):
    """The headline says "Tripoli", the lede "Tajoura", a town at its edge: one clash, told twice, not two."""
    found = news(events(extractor, f"{headline}\n\n{lede}", "2024-08-13"))
    assert len(found) == 1, found
    assert found[0]["sub_event_type"] == "Armed clash" and found[0]["fatalities"]["best"] == 9


@pytest.mark.parametrize("text", [
    "Fighting between two armed groups in Tajoura killed nine people on Sunday, among them two civilians caught "
    "in crossfire.",
    "Soldiers and rebels fought for hours in Beni on Sunday; a woman and her son died in the crossfire.",
    "A boy was killed in crossfire between police and a gang in Port-au-Prince on Sunday.",
])
def test_people_caught_in_crossfire_are_dead_of_the_fight(extractor, text):
    """Crossfire is two sides firing: its victims are the clash's dead, not a second event, an attack on them."""
    found = news(events(extractor, text, "2024-08-13"))
    assert [e["sub_event_type"] for e in found] == ["Armed clash"], found


@pytest.mark.parametrize("detail", [
    "Officials said some 30 militants carrying night-vision devices attacked the check post from three sides at "
    "around 2am. The policemen fired back for nearly an hour, and one attacker was killed, they said.",
    "Police said the militants attacked the post at 2.30am from two sides. The officers fired back until "
    "reinforcements came, and one attacker died, police said.",
])
def test_a_clock_time_tells_when_in_the_day_not_another_day(extractor, detail):
    """"at around 2am" places the attack the lede told (early Monday) in its day; it is no day of its own,
    so the sentence retells that attack instead of becoming a second one dated on the publication day."""
    text = ("Four policemen martyred as militants storm check post in DI Khan\n\n"
            "DERA ISMAIL KHAN: Four policemen were martyred and three others injured when heavily armed militants "
            f"attacked a police check post in Kulachi tehsil in the early hours of Monday, police said.\n\n{detail}")
    found = news(events(extractor, text, "2024-10-08"))
    assert len(found) == 1, found
    assert found[0]["event_date"] == "2024-10-07"


@pytest.mark.parametrize("copular", [
    "The city's deadliest attack remains the car bombing at a busy intersection on Oct. 14, 2017, which killed "
    "more than 500 people.",
    "The worst attack in the city's history was the car bombing near the port on 3 March 2016, which killed 80.",
])
def test_what_an_attack_is_said_to_be_carries_its_own_date(extractor, copular):
    """"The deadliest attack remains the car bombing ... on Oct. 14, 2017": subject and attribute of the copula
    are one thing, so the date in the attribute is the subject's own, and "attack" is no anaphor of the
    October bombing told just before it: another happening, in its own year."""
    text = ("Car bomb kills nine at Mogadishu checkpoint\n\n"
            "MOGADISHU - A car bomb exploded at a checkpoint in Mogadishu on Monday, killing nine people, police said. "
            "It was the deadliest attack in Mogadishu since October, when twin car bombs at the education ministry "
            f"killed at least 121 people. {copular}")
    found = events(extractor, text, "2023-07-11")
    years = sorted(e["event_date"][:4] for e in found if e["is_background"] and e["event_date"])
    assert len(years) == 2 and years[0] in ("2016", "2017"), found


@pytest.mark.parametrize("when", [
    "It was the deadliest attack in Mogadishu since October, when twin car bombs at the education ministry killed "
    "at least 121 people.",
    "It was the city's worst bombing since October, when two car bombs killed 121 people outside a ministry.",
])
def test_a_when_clause_tells_what_happened_at_the_time_it_hangs_on(extractor, when):
    """"the deadliest attack since October, when twin car bombs killed 121 people": the car bombs went off in
    October; they are neither Monday's bombing nor a stretch since October, and their 121 dead are not
    Monday's."""
    text = ("Car bomb kills nine at Mogadishu checkpoint\n\n"
            "MOGADISHU - A car bomb exploded at a checkpoint in Mogadishu on Monday, killing nine people, police "
            f"said. {when}")
    found = events(extractor, text, "2023-07-11")
    now = news(found)
    assert len(now) == 1 and now[0]["fatalities"]["best"] == 9, found
    past = [e for e in found if e["is_background"]]
    assert len(past) == 1 and past[0]["event_date"].startswith("2022-10"), found
    assert past[0]["fatalities"]["best"] == 121, found


@pytest.mark.parametrize("text", [
    "Rebels overrun army posts in Ituri as talks falter\n\n"
    "BUNIA, Congo (AP) - CODECO fighters overran two army positions in Djugu territory on Sunday, killing at least "
    "nine soldiers, officials said.\n\n"
    "A CODECO spokesman said the group's fighters had captured the positions and killed 40 soldiers, a figure the "
    "militia routinely inflates.",
    "Militants seize border posts in Kunar\n\n"
    "Taliban fighters overran three border posts in the Dangam district of Kunar province on Sunday, killing nine "
    "policemen, officials said.\n\n"
    "Taliban spokesman Zabihullah Mujahid said the group's fighters had seized the posts and killed 35 police.",
])
def test_the_headlines_province_and_the_doers_claim(extractor, text):
    """The headline names the province ("in Ituri", "in Kunar") the lede's district lies in: one place. The
    attackers' spokesman retells the capture with the count of dead his side claims: one happening, whose dead
    are the officials' nine, not the claim."""
    found = news(events(extractor, text, "2024-03-04"))
    assert [e["sub_event_type"] for e in found] == ["Non-state actor overtakes territory"], found
    assert found[0]["fatalities"]["best"] == 9, found


@pytest.mark.parametrize(("text", "best"), [
    # a number told as such beats the headline's vague word
    ("Air strikes kill dozens in Yemen's Hodeidah\n\n"
     "Air strikes on a fuel depot in Hodeidah on Thursday night killed eight people, medics said.", 8),
    ("Shelling kills scores in Sudan's El Fasher\n\n"
     "Artillery shells fired by the RSF hit a market in El Fasher on Monday, killing 31 people, medics said.", 31),
    # an armed group counting what a state's forces did to its side is no claim of success
    ("US strikes on Yemen's Ras Isa port kill 20\n\n"
     "United States air strikes on the Ras Isa fuel port on Thursday night killed at least 74 people, according to "
     "the health ministry of the Houthi movement, which controls the port.", 74),
])
def test_a_told_count_beats_a_vague_word_and_a_victims_count_is_no_claim(extractor, text, best):
    """One happening told with several counts: a count told as a number wins over a vague word in the
    headline ("kill dozens" is a lower bound of 12), and an armed group's count of what a state's forces
    did to its side (the Houthi health ministry on US strikes) counts like anyone's."""
    found = news(events(extractor, text, "2025-04-20"))
    assert len(found) == 1 and found[0]["fatalities"]["best"] == best, found


def test_a_count_over_a_period_told_before_is_a_total(extractor):
    """"since the campaign was stepped up on 15 March ... more than 200 people have been killed in that
    period": a sum over a stretch, no news event's toll."""
    text = ("Further strikes hit the Bani Matar district, west of Sanaa, before dawn on Saturday, killing four people, "
            "the Houthis said. The Pentagon says it has struck more than 800 targets since the US campaign was stepped "
            "up on 15 March. The Houthis say more than 200 people have been killed in that period.")
    found = news(events(extractor, text, "2025-04-20"))
    assert found and not [e for e in found if e["fatalities"]["best"] == 200], found
    assert 4 in [e["fatalities"]["best"] for e in found], found


@pytest.mark.parametrize("old", [
    "Five people were killed on 11 December in an attack on a Christmas market in the city.",
    "In March, gunmen shot dead two teachers at a school in the same district.",
    "Militants ambushed a patrol near the town in 2019, killing four soldiers.",
])
def test_a_calendar_date_in_an_undated_story_told_by_weekdays_is_history(extractor, old):
    """An undated story whose lede tells its time by weekday ("exploded on Friday"): what it tells by a
    calendar date lies before the news (wire style names the day of the week for the last days), so it is
    background; a sentence that names the weekday with its date ("on Thursday (Oct. 12)") stays news."""
    text = ("Bomb wounds 13 in Kaduna market\n\n"
            "A bomb hidden in a paper bag exploded on Friday in a busy market in Kaduna, wounding 13 people, police "
            "said.\n\n"
            f"{old}\n\n"
            "On Saturday (Oct. 14), gunmen abducted six farmers near Kaduna, residents said.")
    found = events(extractor, text, None)
    dead = [e for e in found if e["fatalities"]["best"] in (5, 2, 4)]
    assert dead and all(e["is_background"] for e in dead), found
    assert [e for e in news(found) if e["sub_event_type"] == "Abduction/forced disappearance"], found


def test_a_weekday_story_stays_news_when_a_sentence_only_sounds_like_a_month(extractor):
    """"the toll may rise", "a march on the capital": no calendar date; the undated weekday story's news stays
    news."""
    text = ("Bomb kills five in Kaduna market\n\n"
            "A bomb exploded on Friday in a busy market in Kaduna, killing five people, police said.\n\n"
            "Gunmen also shot dead two traders at the market's gate, and police said the toll may rise.")
    found = events(extractor, text, None)
    assert found and not [e for e in found if e["is_background"]], found


@pytest.mark.parametrize(("second", "kind"), [
    ("Further strikes hit the Bani Matar district before dawn on Saturday, killing four people, the Houthis said.",
     "Air/drone strike"),
    ("On Saturday, more strikes hit a village near Hodeidah, killing four fishermen, residents said.",
     "Air/drone strike"),
    # other doers keep their own kind: gunmen attacking soldiers fight them
    ("Gunmen attacked a checkpoint near Hodeidah on Saturday, killing four soldiers, residents said.", "Armed clash"),
])
def test_a_word_for_a_happening_told_before_keeps_its_kind(extractor, second, kind):
    """"United States air strikes ... killed 74 ... Further strikes hit the Bani Matar district, killing four":
    the later strikes are air strikes (the kind the story told), not a bare attack."""
    text = ("United States air strikes on the Ras Isa fuel port on Thursday night killed at least 74 people, the "
            f"Houthi health ministry said.\n\n{second}")
    found = news(events(extractor, text, "2025-04-20"))
    assert [e["sub_event_type"] for e in found if e["fatalities"]["best"] == 4] == [kind], found


@pytest.mark.parametrize(("expected", "text"), [
    # an agreement told in a clause of time is the time of another happening
    ("Non-state actor overtakes territory", "The separatists captured Debaltseve on 18 February, days after the Minsk "
                                            "ceasefire was supposed to take effect."),
    ("Shelling/artillery/missile attack", "Government artillery shelled the village of Kafr Nabl two hours before the "
                                          "truce was due to begin."),
    # an agreement in the main clause is the news
    ("Agreement", "The two sides signed a ceasefire in Juba on Monday after weeks of talks."),
])
def test_an_agreement_in_a_clause_of_time_is_no_agreement_of_its_own(extractor, expected, text):
    """"days after the Minsk ceasefire was supposed to take effect": the ceasefire dates the capture; it is
    no agreement event of its own."""
    assert [e["sub_event_type"] for e in events(extractor, text, "2024-03-07")] == [expected], text


@pytest.mark.parametrize(("text", "kind"), [
    ("M23 rebels seized Goma, the capital of North Kivu, on Monday after days of fighting in which some 3,000 "
     "people were killed, the UN said.",
     "Non-state actor overtakes territory"),
    ("Jihadists seized the town of Djibo on Sunday after a battle in which 40 soldiers were killed, officials said.",
     "Non-state actor overtakes territory"),
    # the guard: a capture verb whose own clause kills is an attack or a fight, as before
    ("Militants stormed an army base near Djibo on Sunday, killing 41 soldiers, officials said.", None),
])
def test_the_dead_of_the_fight_before_a_capture_do_not_unmake_it(extractor, text, kind):
    """"seized Goma after days of fighting in which 3,000 people were killed": the dead are the fighting's,
    told in a relative clause about it; the news is the capture."""
    found = news(events(extractor, text, "2025-02-18"))
    types = [e["sub_event_type"] for e in found]
    if kind is not None:
        assert types == [kind], found
    else:
        assert types and "Non-state actor overtakes territory" not in types, found


def test_a_pluperfect_of_reported_speech_with_its_own_day_is_no_flashback(extractor):
    """"Officials had said on Tuesday that 101 people had died in the blast": the tense of reported speech,
    dated by the saying's day; the blast is this week's bombing, not history (and does not join the 2014
    attack told later)."""
    text = ("Peshawar mosque bombing: death toll revised\n\n"
            "PESHAWAR, Pakistan - The suicide bomber who killed scores of people at a mosque inside the police "
            "headquarters on Monday was wearing a police uniform, the provincial police chief said on Wednesday.\n\n"
            "Officials had said on Tuesday that 101 people had died in the blast, which brought down the mosque's roof. "
            "On Wednesday, the provincial government revised the toll to 84.\n\n"
            "Peshawar has suffered some of the worst attacks of the insurgency. In December 2014, gunmen stormed the "
            "Army Public School in the city, killing 147 people.")
    found = events(extractor, text, "2023-02-01")
    old = [e for e in found if e["fatalities"]["best"] == 147]
    assert old and all(e["is_background"] and e["event_date"].startswith("2014-12") for e in old), found
    assert not [e for e in found if e["is_background"] and e["event_date"].startswith("2023")], found


@pytest.mark.parametrize(("text", "town"), [
    ("LAGOS, Nigeria - Gunmen killed eleven villagers in an attack in Nigeria's northwestern state of Zamfara, "
     "police said on Monday.\n\nThe attack took place late on Saturday in the village of Tsafe, where armed men "
     "on motorbikes opened fire on farmers, a police spokesman said.", "Tsafe"),
    ("Separatist fighters killed three soldiers in an attack in Cameroon's Southwest region at the weekend, "
     "the army said.\n\nThe army spokesman said the fighters attacked a checkpoint in Kumba, a town west of "
     "the regional capital Buea, before dawn on Sunday.", "Kumba"),
])
def test_a_happening_takes_the_most_specific_place_the_text_names(extractor, text, town):
    """The lede names the province ("in Nigeria's northwestern state of Zamfara"), a later telling the town
    inside it: one event, at the town (ACLED codes the most specific place the text names)."""
    found = news(events(extractor, text, "2024-05-14"))
    assert len(found) == 1 and (found[0]["location"] or {}).get("name") == town, found


@pytest.mark.parametrize(("relative", "day"), [
    ("two days after the bombing", "2021-03-05"),
    ("a week after the attack", "2021-03-10"),
    ("the day before the bombing", "2021-03-02"),
])
def test_a_happening_dated_from_the_happening_it_names(extractor, relative, day):
    """"A second suspect died in a shootout with police two days after the bombing": dated from the bombing's
    own day (told with its date earlier), not from the trial's time or the last date told before it."""
    text = ("JOS, Nigeria - The trial of a man accused of the March 3, 2021, bombing of a bus station in Jos, which "
            "killed nine people, opened on Monday.\n\n"
            "Prosecutors said the accused had bought the explosives in Kano on February 20, 2021.\n\n"
            f"A second suspect was killed in a shootout with police in Jos {relative}.")
    evts = events(extractor, text, "2024-05-14")
    shootout = [e for e in evts if e["sub_event_type"] == "Armed clash"]
    assert shootout and all(e["event_date"] == day and e["is_background"] for e in shootout), evts


@pytest.mark.parametrize("text", [
    "Gunmen killed six traders at a market in Gao on Monday, officials said.\n\nThe militia grew out of groups "
    "the government armed to crush a revolt in the north from 2012, in a campaign that killed thousands of people.",
    "Gunmen killed six traders at a market in Gao on Monday, officials said.\n\nFrom 2012, jihadists attacked "
    "army posts across the north, forcing the government to seek help abroad.",
])
def test_a_stretch_from_a_year_long_ago_is_no_news(extractor, text):
    """"from 2012" opens a stretch that began years before the story: what is told over it is background,
    not news dated by the stretch's first day (or running up to today)."""
    found = news(events(extractor, text, "2024-05-14"))
    assert [e["fatalities"]["best"] for e in found] == [6], found


def test_a_count_up_to_the_end_of_a_year_is_no_toll(extractor):
    """"By the end of 1972, 496 had been killed": a count of many happenings up to the end of a long stretch,
    no event's death toll (only the ambush's one dead is a toll)."""
    text = ("On Friday militants ambushed an army patrol near Moltuh, killing a soldier.\n\n"
            "The insurgency began in 2021. By the end of 2023, more than 200 people had been killed in the state.")
    tolls = [e["fatalities"]["best"] for e in events(extractor, text, "2024-08-17") if e["fatalities"]["best"]]
    assert tolls == [1], tolls


def test_an_undated_account_is_told_from_the_month_its_lede_names(extractor):
    """An undated encyclopedic account whose lede names a month ("In March 2016, gunmen ...") is told from then:
    the incident it is about is news, an incident it dates years earlier is its background."""
    text = ("In March 2016, gunmen from the group ambushed an army convoy near Dire in northern Mali, killing nine "
            "soldiers.\n\n"
            "The group had first come to notice in June 2012, when its fighters seized the town of Gao from the "
            "army.\n\n"
            "After the ambush, the army reinforced its posts along the river.")
    evts = [Document(id="t", raw_text=text, published=None)]
    found = [e.to_dict() for e in extractor.extract(evts, include_background=True)]
    gao = [e for e in found if (e["location"] or {}).get("name") == "Gao"]
    dire = [e for e in found if e["fatalities"]["best"] == 9]
    assert gao and all(e["is_background"] for e in gao), found
    assert dire and not any(e["is_background"] for e in dire), found


def test_a_sentence_that_tells_the_happening_before_naming_it_is_no_anaphor(extractor):
    """"Teachers marched through Lagos on 5 May ...; the march ended peacefully": the sentence tells the march at its
    own time, the noun after it is no reference to an earlier happening. Arrests of suspects three days later stay
    their own event; the march is no protest with intervention (a guard: in this text other cues keep them apart
    too; the encyclopedic accounts of articles_t6 showed the merge)."""
    text = ("Killing of Lagos union leader\n\n"
            "On the morning of 2 May 2023, the union leader was shot dead by gunmen outside his home in Surulere.\n\n"
            "On 5 May several thousand teachers marched from the union's headquarters to the State House in Lagos, "
            "carrying placards and demanding the arrest of the killers; the march ended peacefully.\n\n"
            "On 8 May police raided a house in Ikeja and arrested 12 suspects.")
    found = {(e["sub_event_type"], e["event_date"]) for e in events(extractor, text, None)}
    assert ("Peaceful protest", "2023-05-05") in found and ("Arrests", "2023-05-08") in found, found


def test_arrests_on_another_day_than_a_march_did_not_meet_it(extractor):
    """"On 13 February police arrested two suspects ... On 14 February 100,000 workers marched": arrests told on
    another day than a march are their own event, and the march a peaceful protest, not one with intervention."""
    text = ("Kidnapping of Kano businessman\n\n"
            "On the night of 2 June 2021 gunmen seized the businessman from his home in the Nassarawa district of Kano.\n\n"
            "On 6 June police raided a compound in the Dala district of Kano and arrested five suspected members of "
            "the gang. On 7 June an estimated 20,000 traders took part in a day-long strike and march through central "
            "Kano against kidnapping.")
    found = {(e["sub_event_type"], e["event_date"]) for e in events(extractor, text, None)}
    assert ("Arrests", "2021-06-06") in found and ("Peaceful protest", "2021-06-07") in found, found


def _gorazde(background: str, trial: str, *, lede: bool = False) -> str:
    """An encyclopedic account of a shelling with a background paragraph and a trial paragraph of the test's own."""
    return ("Gorazde market shelling\n\n"
            + ("The Gorazde market shelling was an artillery attack on civilians in the besieged town of Gorazde, in "
               "eastern Bosnia and Herzegovina, during the Bosnian War.\n\n" if lede else "")
            + "Background\n" + background + "\n\n"
            "Attack\n"
            "On 18 April 1994, two artillery shells landed in the market square of Gorazde, killing nine people.\n\n"
            "Trial\n" + trial)


@pytest.mark.parametrize("trial", [
    "In 2014 a court in Tuzla acquitted a former VRS artillery officer of ordering the attack, citing insufficient "
    "evidence that he had commanded the mortar unit.",
    "In 2016 the Court of Bosnia and Herzegovina in Sarajevo acquitted a former VRS artillery officer of ordering the "
    "attack, citing insufficient evidence that he had commanded the mortar unit.",
])
def test_the_court_that_tried_a_happening_is_not_its_place(extractor, trial):
    """An encyclopedic account: an earlier shelling told without a town of its own ("the town's school") lies in the
    town the article is about (Gorazde); the court that later tried an officer over an attack sat elsewhere, and its
    town is no happening's place (before, the earlier shelling took the court's town from the trial sentence)."""
    found = events(extractor, _gorazde("On 12 March 1994 a shell struck the town's school, killing four pupils.", trial,
                                       lede=True), None)
    school = [e for e in found if e["event_date"] == "1994-03-12"]
    assert school and all((e["location"] or {}).get("name") == "Gorazde" for e in school), found


@pytest.mark.parametrize("trial", [
    "A court in Belgrade in 2011 jailed a former mortar unit commander for the shelling of the school.",
    "In 2013 a military court in Tuzla imprisoned two former officers for the shelling of the school.",
])
def test_a_prison_term_for_a_happening_is_no_news_of_it(extractor, trial):
    """A court that jails or imprisons someone for a shelling tells the shelling's past, like one that convicts or
    sentences: no news event in the trial's year (it may stay as undated background)."""
    found = events(extractor, _gorazde("On 12 March 1994 a shell struck the town's school in Gorazde, killing four "
                                       "pupils.", trial), None)
    assert not [e for e in found if (e["event_date"] or "") >= "2000" or not e["is_background"] and
                (e["location"] or {}).get("name") in ("Belgrade", "Tuzla")], found


@pytest.mark.parametrize("text", [
    "On 21 May government helicopters dropped barrel bombs on Kafr Nabudah, killing six people, residents "
    "said. On 22 May government aircraft struck Kafr Nabudah again, killing four people.",
    "Russian jets bombed a market in Maarat al-Numan on May 21, killing nine civilians. On May 22 warplanes "
    "hit the town again, killing five.",
])
def test_two_calendar_days_at_one_place_are_two_happenings(extractor, text):
    """Two calendar days told in full ("on 21 May", "on 22 May") are two strikes, however close: the one day's
    grace that two tellings get (a night, a time zone, "yesterday" told the next morning) is not for them."""
    days = sorted(e["event_date"] for e in news(events(extractor, text, published="2024-05-25")))
    assert len(days) == 2 and days[0] != days[1], days


def test_a_night_told_by_two_days_is_one_happening(extractor):
    """Guard: one strike told on the night of a day and again by the next day's word is one happening."""
    text = ("Jets bombed Ariha late on Sunday, killing seven people. The strike, which hit a market early on "
            "Monday, was the deadliest this month.")
    assert len(news(events(extractor, text))) == 1


def test_a_weapon_of_the_occupation_is_no_war_that_sums_the_dead():
    """"a drone of the occupation targeted a motorcycle": a doer named with "of the occupation" is one strike; only a
    stretch of time of war ("half a century of war that killed 260,000") sums many events."""
    from eventwire import extract

    events = extract("A drone of the occupation targeted a motorcycle on the road between Bint Jbeil and Ainata in "
                     "southern Lebanon, killing its two riders, according to local sources.", published="2024-06-15")
    assert [e["sub_event_type"] for e in events] == ["Air/drone strike"], events


def test_half_a_century_of_war_still_sums_the_dead():
    """The guard."""
    from eventwire import extract

    assert extract("Half a century of war that killed 260,000 people ended with the peace deal.",
                   published="2024-06-15") == []


@pytest.mark.parametrize(("text", "month"), [
    ("Six suspected cartel members were killed on Monday in a clash with the National Guard near Aguililla. "
     "Aguililla is the same town where cartel gunmen ambushed and killed 13 state police officers in October 2019.",
     "2019-10"),
    ("Police exchanged fire with armed robbers in Maiduguri on Sunday. Maiduguri is the city where Boko Haram "
     "fighters attacked a police station and freed dozens of prisoners in July 2009.", "2009-07"),
])
def test_history_in_a_clause_naming_an_earlier_year_is_background(extractor, text, month):
    """A happening told in a relative clause that names an earlier year ("the town where gunmen killed 13
    police officers in October 2019") is history: a background event with its own month, not dropped and not
    news."""
    found = events(extractor, text)
    assert len(news(found)) == 1, found
    old = [e for e in found if e["is_background"]]
    assert old and (old[0]["event_date"] or "").startswith(month), found


@pytest.mark.parametrize(("text", "toll"), [
    ("Gunmen killed 13 police officers in Aguililla on Monday, one of the deadliest attacks on security "
     "forces in the state in recent years.", 13),
    ("A car bomb killed 40 people at a market in Kirkuk on Friday, the worst attack in the city in recent "
     "months.", 40),
])
def test_a_time_that_bounds_a_ranking_is_no_total(extractor, text, toll):
    """"the deadliest attack in recent years" ranks the happening against others: its count stays its death
    toll (a count told "in recent years" without a ranking is a sum over many events, and is not)."""
    found = news(events(extractor, text))
    assert [e["fatalities"]["best"] for e in found] == [toll], found
    summed = news(events(extractor, "Gunmen have killed 130 police officers in the state in recent years."))
    assert all(e["fatalities"]["best"] is None for e in summed), summed


@pytest.mark.parametrize("text", [
    "Russia-Ukraine war live: Kherson shelled again; Kyiv prepares for Jeddah talks\n\n"
    "Odesa is still clearing up after the Russian missile strike on Sunday that badly damaged the city's "
    "cathedral and killed two people.",
    "Somalia live: suicide bombing in Mogadishu; leaders hold peace talks in Nairobi\n\n"
    "More than 20 people were killed in a blast at a market in Kismayo on Sunday.",
])
def test_a_headline_with_an_attack_and_talks_silences_nothing_after_it(extractor, text):
    """A headline that tells an attack sets no non-conflict domain for the story, even when it also names talks:
    the happenings told after it are events (the missile strike in Odesa, the blast in Kismayo)."""
    found = news(events(extractor, text))
    places = {(e["location"] or {}).get("name") for e in found}
    assert places & {"Odesa", "Kismayo"}, found


@pytest.mark.parametrize("text", [
    "The UN human rights mission says 181 civilians were killed and 1,010 injured in July.",
    "At least 40 people were killed in Sudan in July, the UN said.",
])
def test_a_count_of_the_dead_for_a_whole_month_is_no_event(extractor, text):
    """A count of the dead told for a calendar month, with no doer and no town, is a monthly toll: a sum of that
    month's happenings, no event (the guard: "In July, gunmen killed 12 villagers in Kuru" is one)."""
    assert events(extractor, text, published="2023-08-04") == []
    kept = events(extractor, "In July, gunmen killed 12 villagers in Kuru, police said.", published="2023-08-04")
    assert [e["fatalities"]["best"] for e in kept] == [12], kept


@pytest.mark.parametrize(("text", "published", "toll"), [
    ("Paramilitaries killed at least 27 people in La Gabarra in August 1999.", "2024-07-11", 27),
    ("Death squads killed 31 youths in the slums of Ciudad Bolivar in October 1992.", "2024-04-10", 31),
])
def test_a_months_count_with_a_doer_is_one_happening(extractor, text, published, toll):
    """A count of the dead for a month whose harm verb has a subject of its own is one happening, even when the
    subject is no actor the dictionary knows ("Paramilitaries", "Death squads") and the place no town of the
    gazetteer: the doer, not a resolved actor, makes it an event."""
    found = events(extractor, text, published=published)
    assert [e["fatalities"]["best"] for e in found] == [toll], found


@pytest.mark.parametrize(("text", "toll"), [
    ("Fano fighters attacked the town of Merawi, south of Bahir Dar, on 29 January this year, killing 45 civilians.",
     45),
    ("Gunmen attacked the market in Gusau on March 3 this year, killing five traders.", 5),
])
def test_this_year_after_a_calendar_date_completes_the_date(extractor, text, toll):
    """"on 29 January this year": "this year" completes the date told before it; it sums nothing, so the count
    stays the event's toll (a count told "this year" alone is a sum: the guard)."""
    found = events(extractor, text, published="2024-04-10")
    assert [e["fatalities"]["best"] for e in found] == [toll], found
    summed = events(extractor, "Gunmen have killed 300 people in the state this year.", published="2024-04-10")
    assert all(e["fatalities"]["best"] is None for e in summed), summed


@pytest.mark.parametrize("text", [
    "QUETTA, Pakistan - A suicide bomber blew himself up in a crowded vegetable market in Quetta on Monday morning, "
    "killing at least 14 people. Hospital spokesman Wasim Baig said 14 bodies had been received.",
    "A car bomb exploded near a checkpoint in Khalis on Sunday night, killing nine people. A doctor at the town's "
    "hospital said eleven bodies had been brought in.",
])
def test_a_count_in_reported_speech_is_no_undated_history(extractor, text):
    """"said 14 bodies had been received": the pluperfect of reported speech, with no date of its own, tells the
    story's happening again, not an undated happening of the past (one event, no background one)."""
    found = events(extractor, text)
    assert len(found) == 1 and not found[0]["is_background"], found


@pytest.mark.parametrize("text", [
    "Abu Sayyaf gunmen abducted two fishermen off Jolo on Sunday. In the past year alone, the group has seized 26 "
    "people, most of them sailors and fishermen, and several have been beheaded.",
    "Al-Shabaab fighters abducted three aid workers near Baidoa on Sunday. Over the past year the militants have "
    "seized 31 people, mostly traders and drivers.",
])
def test_what_happened_over_the_past_year_or_month_is_a_sum(extractor, text):
    """A count told over the past year or month sums many happenings, as over the past years or months does
    (story.toml totals): no event of the past and no one event's count (the news abduction stays alone)."""
    found = events(extractor, text, published="2022-11-05")
    assert len(found) == 1 and not found[0]["is_background"], found   # the total is no background event either
    assert found[0]["fatalities"]["best"] not in (26, 31), found


def test_a_telling_with_its_own_day_dates_a_happening_the_standfirst_told_undated(extractor):
    """A headline or standfirst that tells a happening with only the story's time ("a car bomb kills two soldiers
    in Anbar ... in a turbulent week") yields its date to the telling that names its own day ("a car bomb
    exploded at an army checkpoint ... on Wednesday"): one event, dated Wednesday."""
    text = ("Protesters torch Iranian consulate in Basra\n\n"
            "Rockets land in Baghdad's Green Zone, a car bomb kills two soldiers in Anbar, and security forces round up "
            "suspects in Kirkuk in a turbulent week for Iraq\n\n"
            "Further west, a car bomb exploded at an army checkpoint near the Syrian border on Wednesday, killing two "
            "soldiers.")
    bombs = [e for e in events(extractor, text, published="2018-09-08")
             if e["sub_event_type"] == "Remote explosive/landmine/IED"]
    assert [e["event_date"] for e in bombs] == ["2018-09-05"], bombs


@pytest.mark.parametrize("text", [
    "The Syrian Network for Human Rights says more than 500 people have been detained in Daraa province since the "
    "summer.",
    "Rights groups say some 300 people have been arrested in Tigray since November.",
])
def test_a_count_of_people_held_since_a_time_is_a_sum(extractor, text):
    """"500 people have been detained since the summer": people held over a stretch are a sum of many arrests,
    no event (the guard: "Police arrested 12 people in Daraa on Monday" is one)."""
    assert events(extractor, text, published="2019-03-18") == []
    kept = events(extractor, "Police arrested 12 people in Daraa on Monday.", published="2019-03-18")
    assert [e["sub_event_type"] for e in kept] == ["Arrests"], kept


@pytest.mark.parametrize("text, kinds", [
    ("In Saraqib, HTS gunmen raided several homes late on Sunday and detained at least 10 men. Relatives said some "
     "of those detained were former members of rival rebel factions.\n\nOn Friday, hundreds of people demonstrated "
     "in Kafranbel in support of the Sochi deal. The protests passed off peacefully.",
     ["Abduction/forced disappearance", "Peaceful protest"]),
    ("Police arrested six men in a raid on a house in Kirkuk on Thursday. Officials said those arrested had planned "
     "attacks.\n\nOn Friday, hundreds of people marched peacefully through Nasiriyah.",
     ["Arrests", "Peaceful protest"]),
])
def test_those_detained_are_the_people_of_a_happening_told(extractor, text, kinds):
    """"some of those detained were former rebels": the people of a happening told, named again, tell no other
    happening and join none (they had made a peaceful march in another town a protest with arrests)."""
    found = news(events(extractor, text, published="2018-10-15"))
    assert sorted(e["sub_event_type"] for e in found) == sorted(kinds), found
