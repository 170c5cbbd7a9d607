"""One sentence, two happenings of one kind on two dates; "the town" pointing back to the place a sentence is about.
Articles written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow



def events(extractor, text, published="2019-06-01"):
    return [e.to_dict() for e in extractor.extract([Document(id="t", raw_text=text, published=published)],
                                                   include_background=True)]


# Two clauses of one event type, each with its own date, are two happenings (ACLED: one event per day and place).
@pytest.mark.parametrize(("text", "expected"), [
    ("In July 2014, Boko Haram fighters overran the town of Gwoza, before troops recaptured it in March 2015.",
     {("Non-state actor overtakes territory", "2014-07"), ("Government regains territory", "2015-03")}),
    ("Kunduz fell to the Taliban in September 2015, and their fighters overran parts of the city again in "
     "October 2016.",
     {("Non-state actor overtakes territory", "2015-09"), ("Non-state actor overtakes territory", "2016-10")}),
    ("Rebels seized the town of Menaka in northern Mali in January 2013, and the army recaptured it on 14 May 2013.",
     {("Non-state actor overtakes territory", "2013-01"), ("Government regains territory", "2013-05")}),
])
def test_two_dates_in_one_sentence_are_two_happenings(extractor, text, expected):
    found = {(e["sub_event_type"], (e["event_date"] or "")[:7]) for e in events(extractor, text)}
    assert expected <= found, found


@pytest.mark.parametrize("text", [
    # guards: one date, one happening told in two clauses
    "Troops clashed with the rebels on Monday and retook the town of Menaka by nightfall.",
    "Fighters stormed the army base outside Gao on 3 May 2019, and they held it for several hours.",
])
def test_one_date_stays_one_happening(extractor, text):
    found = [e for e in events(extractor, text) if e["event_type"] == "Battles"]
    assert len(found) == 1, found


# "the town" in a later sentence points back to the place the sentence before is about (its subject), not to the
# last town named in passing inside it.
@pytest.mark.parametrize(("text", "place"), [
    ("Damboa, which lies on the road between Maiduguri and Biu, has been attacked repeatedly since 2009. In July "
     "2014, Boko Haram fighters overran the town.", "Damboa"),
    # guard, passes either way (Tessalit is not read as a town of the story here)
    ("Kidal, which lies on the road from Gao to Tessalit, has changed hands several times. In 2012, rebels seized "
     "the town after a week of fighting.", "Kidal"),
])
def test_the_town_is_the_place_the_sentence_before_is_about(extractor, text, place):
    found = [e for e in events(extractor, text) if e["sub_event_type"] == "Non-state actor overtakes territory"]
    assert found and (found[0]["location"] or {}).get("name") == place, found


def test_a_total_of_past_attacks_joins_none_of_them(extractor):
    # A commemoration story: the total ("more than 300 chemical attacks over the course of the war") must not
    # join the missile strikes told before it and turn them into a chemical attack.
    text = ("Syrians mark five years since the Douma attack\n\n"
            "Hundreds gathered in Idlib on Friday to mark five years since the chlorine attack on Douma. On 7 April "
            "2018, a chlorine cylinder dropped from a helicopter on a building in Douma killed at least 43 people. A "
            "week later, on 14 April, the United States, Britain and France fired missiles at the Barzeh research "
            "centre in Damascus. Investigators have documented more than 300 chemical attacks in Syria over the "
            "course of the war, most of them by government forces.")
    found = events(extractor, text, "2023-04-08")
    strikes = [e for e in found if (e["event_date"] or "").startswith("2018-04-14")]
    assert strikes and all(e["sub_event_type"] == "Shelling/artillery/missile attack" for e in strikes), found
    assert all(e["fatalities"]["best"] != 300 for e in found), found


# Two weekdays, each told in its own clause, are two days: a grenade thrown on Monday evening and a man shot dead on
# Tuesday morning are two happenings even where the story names no place that keeps them apart.
@pytest.mark.parametrize("text", [
    "PATTANI, Thailand - A grenade killed a vendor at a night market, police said.\n\n"
    "The attack happened at about 7 p.m. on Monday at a market in Rueso district when two men on a motorcycle "
    "threw a grenade at food stalls, a police colonel said.\n\n"
    "On Tuesday morning, gunmen shot dead a village headman as he rode to a mosque in the same district, police "
    "said.",
    "KANO, Nigeria - Gunmen stormed a village in the north on Saturday night, killing four farmers, residents "
    "said.\n\nOn Sunday, suspected militants shot dead a trader on the road outside the village, police said.",
])
def test_two_weekdays_each_clause_tells_are_two_happenings(extractor, text):
    found = [e for e in events(extractor, text, published="2016-10-25")
             if not e["is_background"] and e["event_type"] in ("Violence against civilians", "Explosions/Remote violence")]
    assert len({e["event_date"] for e in found}) == 2, [(e["sub_event_type"], e["event_date"]) for e in found]


def test_deaths_told_on_a_later_day_stay_with_their_happening(extractor):
    # guard: deaths alone ("a woman died later in hospital, it said on Monday") may be told a day later
    text = ("MEXICO CITY - Armed men burst into a bar in Salamanca early on Sunday and opened fire on customers, "
            "killing nine people, prosecutors said.\n\nEight people died at the scene and a woman died later in "
            "hospital, the prosecutors' office said on Monday.")
    found = [e for e in events(extractor, text, published="2024-06-10") if not e["is_background"]]
    assert len(found) == 1, [(e["sub_event_type"], e["event_date"]) for e in found]
