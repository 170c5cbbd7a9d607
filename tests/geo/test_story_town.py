"""A quarter or village the gazetteer lacks lies by the one town of the story's province where the text
puts things, or by the middle one of several that lie close together, not at the province's centre (often
100 km or more from any of the story's places); when the story names towns far apart there, or its town is
only where the wounded were taken, where officials spoke or the dateline, the province stays (precision 3):
which town it lies by would be a guess."""

import pytest

from eventwire.geo.gazetteer import distance_km

ARREST = ("Strategic developments", "Arrests")
KARACHI = (24.86, 67.01)
NAIROBI = (-1.28, 36.82)


@pytest.mark.parametrize("story, trigger, sentence, town", [
    ("Gunmen on motorbikes shot dead two party workers in Karachi on Monday, police said. ",
     "detained", "On Wednesday Rangers searched houses in Lyari and detained 30 suspects.", KARACHI),
    ("Three people were killed when rival groups clashed in Karachi's old city overnight. ",
     "rounded up", "Police later rounded up dozens of young men in Orangi.", KARACHI),
    ("Police fired tear gas at stone-throwing youths at several places in Nairobi on Tuesday. ",
     "arrested", "Officers arrested 40 people in Mathare, residents said.", NAIROBI),
])
def test_a_lacking_quarter_lies_by_the_story_town(locate_in, story, trigger, sentence, town):
    place = locate_in(story + sentence, trigger, sentence, ARREST)
    assert place.geo_precision == 2 and distance_km(place.lat, place.lon, *town) < 25


@pytest.mark.parametrize("told", [
    "The wounded were flown to Mopti for treatment. ",
    "The governor told reporters in Mopti that the army would hunt the attackers down. ",
])
def test_where_the_wounded_were_taken_or_officials_spoke_is_no_story_town(locate_in, told):
    """A town named only as a destination or as where officials spoke leaves the lacking village in its
    province (the destination case is a guard)."""
    text = "Gunmen killed eleven herders in the village of Tagabiet on Sunday. " + told
    sentence = "On Monday soldiers detained eight suspects in Tagabiet."
    place = locate_in(text + sentence, "detained", sentence, ARREST)
    assert place.geo_precision == 3 and distance_km(place.lat, place.lon, 14.49, -4.18) > 25


OICHA = (0.70, 29.52)
HEADLINE = "ADF rebels kill 20 in eastern Congo\n"


def _village(extractor, text):
    """Where the extractor puts the event at Mabasele Kahindo, a village the gazetteer lacks."""
    from eventwire.records import Document

    got = extractor.extract([Document(id="t", raw_text=HEADLINE + text, published="2024-06-14")],
                            include_background=True)
    return [e.location for e in got if e.location is not None and e.location.name == "Mabasele Kahindo"]


def test_a_lacking_village_lies_among_the_story_s_close_towns(extractor):
    village = _village(extractor, (
        "BENI, Congo - Rebels of the Allied Democratic Forces killed 11 civilians in an attack on Oicha on Monday, "
        "local officials said. On Tuesday the rebels attacked a health centre in Beni, killing three patients. On "
        "Wednesday, the rebels killed six farmers in the village of Mabasele Kahindo, a civil society leader said."))
    assert village and distance_km(village[0].lat, village[0].lon, *OICHA) < 50, village


def test_guard_towns_far_apart_leave_the_village_in_the_province(extractor):
    village = _village(extractor, (
        "BENI, Congo - Rebels killed 11 civilians in an attack on Oicha on Monday, local officials said. On "
        "Tuesday gunmen attacked a market in Rutshuru, killing three traders. On Wednesday, soldiers detained "
        "eight suspects in the village of Mabasele Kahindo, a civil society leader said."))
    assert village and village[0].geo_precision == 3, village
