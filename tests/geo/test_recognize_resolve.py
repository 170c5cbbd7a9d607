"""Recognition filters and resolution in context (small texts written for these tests)."""

import pytest


def _by_text(tops):
    return {t.text: t for t in tops}


def test_palmyra_in_a_syrian_story_is_tadmur(geoparse):
    tops = _by_text(geoparse("Syrian army units entered Palmyra after a week of fighting east of Homs. "
                             "Government troops also shelled villages in the Syrian desert."))
    palmyra = tops["Palmyra"].place
    assert palmyra.name == "Tadmur" and palmyra.country == "SY" and palmyra.geonameid == 163808
    assert tops["Syrian"].role == "demonym"


def test_georgia_follows_the_story(geoparse):
    us = _by_text(geoparse("The mayor of Atlanta said the storm hit Savannah hard. Georgia will ask "
                           "for federal help."))
    caucasus = _by_text(geoparse("Protesters filled the streets of Tbilisi. Georgia has bordered Russia "
                                 "since the Soviet Union collapsed, and Armenia lies to the south."))
    assert us["Georgia"].place.country == "US" and us["Georgia"].place.feature == "ADM1"
    assert caucasus["Georgia"].place.country == "GE" and caucasus["Georgia"].place.feature == "PCLI"


def test_adjacent_state_abbreviation_decides_the_town(geoparse):
    tops = _by_text(geoparse("A warehouse burned down in Gainesville, Fla., late on Friday."))
    assert tops["Gainesville"].place.admin1 == "Florida"


def test_metonymy_marks_actors(geoparse):
    tops = _by_text(geoparse("Moscow said the strikes would continue. Russia's defence ministry "
                             "published a video from Idlib."))
    assert tops["Moscow"].role == "actor"
    assert tops["Russia"].role == "actor"
    assert tops["Idlib"].role == "place"


def test_organisations_and_people_are_not_places(geoparse):
    texts = {t.text for t in geoparse("Islamic State claimed the attack. Jordan Peterson spoke in "
                                      "Toronto about the Islamic State group.") if t.role == "place"}
    assert "Islamic State" not in texts and "Jordan" not in texts
    assert "Toronto" in texts


def test_every_resolution_has_a_score_and_coordinates(geoparse):
    for t in geoparse("Clashes broke out in Kirkuk and Mosul, while Baghdad stayed calm."):
        assert t.place is not None and 0 < t.place.score <= 1
        assert t.place.country == "IQ" and t.place.lat is not None


def test_a_name_the_text_uses_as_a_place_is_a_place_wherever_the_tagger_reads_an_organisation(geoparse):
    # one sense per discourse: "El Fasher" tagged ORG in the second sentence is the town of the first
    text = ("Fighting has intensified in El Fasher, the capital of North Darfur. As the RSF loses ground in the "
            "centre of the country, it has intensified its assault on El Fasher, the capital of North Darfur and "
            "the last major city in Darfur that it does not control.")
    towns = [t for t in geoparse(text) if t.text == "El Fasher"]
    assert len(towns) == 2 and all(t.place is not None and t.place.country == "SD" for t in towns), towns


def test_a_name_the_text_uses_for_a_person_is_no_hamlet_abroad(geoparse):
    # "Petro" is the president; Petros, Tennessee (583 people) knows him by an alternate name
    text = ("BOGOTÁ, Colombia - Gustavo Petro won Colombia's presidential runoff on Sunday. Petro, a former "
            "guerrilla, told supporters in Bogotá that peace would come. Rebels attacked a police post in "
            "Arauca, and Petro said he would talk to the ELN. In Cali, thousands celebrated.")
    tops = geoparse(text)
    assert all(t.place is None or t.place.country == "CO" for t in tops), [(t.text, t.place) for t in tops]


def test_a_stray_share_of_evidence_does_not_make_a_small_town_abroad_plausible(geoparse):
    # "Bogotá" and "Cali" also name small US towns: their soft votes do not make "Pacific" Pacific, Missouri
    text = ("Colombian police said a grenade was thrown at a police station in the Pacific port of Tumaco on "
            "Friday. In Bogotá, the government condemned the attack, and in Cali and Medellín police were put "
            "on alert. The army said rebels blew up a pylon near Saravena in Arauca.")
    tops = {t.text: t for t in geoparse(text)}
    assert tops["Tumaco"].place.country == "CO"
    assert "Pacific" not in tops or tops["Pacific"].place is None or tops["Pacific"].place.country != "US"


def _places(tops):
    return {t.text: t.place for t in tops if t.role == "place" and t.place is not None}


def test_a_place_the_tagger_ran_into_a_name_before_it_is_a_place(geoparse):
    """"the Central Bank in Colombo", "the Grand Mosque in Kano": one ORG entity that ends in a place."""
    bank = _places(geoparse("In Sri Lanka, a bomber drove a lorry into the Central Bank in Colombo."))
    mosque = _places(geoparse("In Nigeria, gunmen opened fire outside the Central Mosque in Kano."))
    assert bank["Colombo"].country == "LK" and mosque["Kano"].country == "NG"


def test_a_nigerian_local_government_area_is_its_town_as_an_area(geoparse):
    """"Talata Mafara LGA", "Tsafe Local Government Area": the area of the named town (precision 3)."""
    for text, name in [("Bandits raided a school in Talata Mafara LGA of Zamfara State, Nigeria.", "Talata Mafara"),
                       ("Bandits raided a mosque in Tsafe Local Government Area of Zamfara State, Nigeria.", "Tsafe")]:
        place = next(t.place for t in geoparse(text) if t.text.startswith(name))
        assert place is not None and place.name == name and place.country == "NG", text


@pytest.mark.parametrize("text, capital", [
    ("Kunduz fell to the Taliban. In the capital, a sticky bomb killed a prosecutor in Afghanistan.", "Kabul"),
    ("A suicide bomber hit a checkpoint in Somalia's capital.", "Mogadishu"),
    ("Gunmen stormed a hotel in the Somali capital on Friday.", "Mogadishu"),
    ("Clashes erupted in the capital of Libya on Sunday.", "Tripoli"),
])
def test_the_capital_is_the_capital_of_the_storys_country(geoparse, text, capital):
    """"In the capital", "Somalia's capital", "the Somali capital", "the capital of Libya": the capital of
    the country that a possessor, an adjective or an "of" phrase names, else of the story's country."""
    place = next(p for name, p in _places(geoparse(text)).items() if name.endswith("capital"))
    assert place.name == capital


@pytest.mark.parametrize("text", [
    "Protesters marched in Gusau, the state capital of Zamfara, Nigeria.",
    "The court in Nigeria handed down capital punishment.",
    "Rebels threatened the provincial capital of Kunduz in Afghanistan.",
    "Around 1,000 people marched through the streets of Malawi's commercial capital on Monday.",
])
def test_other_capitals_are_not_the_countrys(geoparse, text):
    """A state or provincial capital, capital punishment: not the capital of the country."""
    assert not [name for name in _places(geoparse(text)) if name.endswith("capital")]


def test_a_region_told_with_the_article_is_a_place_whatever_the_tagger_reads(geoparse):
    """"the Eastern Ghouta" tagged ORG is the region near Damascus, not "Eastern" (a province of
    Uganda) opening an organisation's name; "the Islamic State" stays no place."""
    tops = _by_text(geoparse("Syria marks an anniversary. In August 2013, a sarin attack on the Eastern Ghouta "
                             "killed hundreds of people. The Islamic State later seized Raqqa."))
    assert "Eastern" not in tops
    ghouta = tops["Eastern Ghouta"]
    assert ghouta.role == "place" and ghouta.place.country == "SY"
    assert "Islamic State" not in tops and "the Islamic State" not in tops


def test_a_name_the_dateline_tells_in_capitals_is_a_place_in_the_body(geoparse):
    """"EL TARRA, Norte de Santander - ... the families of El Tarra": the body's "El Tarra" (tagged ORG) is the
    town of the dateline, whatever its case."""
    text = ("(Translated from Spanish) EL TARRA, Norte de Santander. - With a Mass and white flowers, the families "
            "of El Tarra remembered on Wednesday the victims of the massacre.")
    towns = [t for t in geoparse(text) if t.text.lower() == "el tarra"]
    assert len(towns) == 2 and all(t.role == "place" and t.place is not None and t.place.country == "CO"
                                   for t in towns), towns


@pytest.mark.parametrize(("text", "name", "region"), [
    ("The group overran eastern Syria five years ago.", "eastern Syria", "Eastern Syria"),
    ("Shelling continued across north-east Syria on Monday.", "north-east Syria", "Northeast Syria"),
    ("Israeli jets struck targets in southern Lebanon overnight.", "southern Lebanon", "Southern Lebanon"),
    ("Convoys crossed into western Iraq at dawn.", "western Iraq", "Western Iraq"),
])
def test_a_compass_adjective_names_the_region(geoparse, text, name, region):
    """"eastern Syria" is the region the gazetteer holds (a centre in the east), not Syria's centre."""
    [top] = [t for t in geoparse(text) if t.place is not None and t.role == "place"]
    assert (top.text, top.place.name, top.place.feature) == (name, region, "RGN")


def test_a_compass_word_and_a_country_without_a_region_stays_the_country(geoparse):
    """Guard: with no such region in the gazetteer the country is told as before."""
    [top] = [t for t in geoparse("Floods hit northern Chad on Monday.") if t.place is not None]
    assert top.place.feature == "PCLI" and top.place.country == "TD"


@pytest.mark.parametrize("text", [
    "Gunmen killed 12 people in a village of neighbouring Bauchi State on Monday.",
    "Clashes between herders and farmers spread across Borno State and Unity State.",
])
def test_a_state_the_tagger_reads_as_an_organisation_is_the_province(geoparse, text):
    """"neighbouring Bauchi State" (tagged ORG) names the province, not an organisation that opens with the town
    of Bauchi; "State" still closes no place in "Islamic State" or "the State Department" (the test above)."""
    states = [t for t in geoparse(text) if t.text.endswith("State")]
    assert states and all(t.role == "place" and t.place.feature == "ADM1" for t in states), \
        [(t.text, t.role, t.place and t.place.feature) for t in geoparse(text)]


def test_the_state_department_is_no_place(geoparse):
    """The guard."""
    assert not [t for t in geoparse("The State Department and Islamic State both issued statements.")
                if t.role == "place"]
