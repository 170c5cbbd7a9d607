"""Tokenisation the stock model gets wrong on news as it is scraped or joined."""

from __future__ import annotations

import pytest

from eventwire.config import defaults
from eventwire.parse import load_nlp

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "Soldier killed in attack in northern Syria;Three soldiers killed in attack in al-Bab",
    "Two dead in Kabul;Five wounded in Herat",
])
def test_a_semicolon_glued_between_words_is_a_token_of_its_own(text):
    doc = load_nlp(defaults())(text)
    assert ";" in [t.text for t in doc]
    assert not any(";" in t.text and t.text != ";" for t in doc)


def test_a_number_after_a_glued_semicolon_is_a_toll():
    from eventwire.extract import Extractor
    from eventwire.records import Document

    text = "Soldier killed in Islamic State attack in northern Syria;Three Turkish soldiers killed in al-Bab"
    events = Extractor(defaults()).extract([Document(id="glued", raw_text=text, published="2017-01-01")])
    assert 3 in [e.fatalities.best for e in events]


def test_an_html_entity_before_a_semicolon_is_left_whole():
    """"Darfur&#8217;s" (an escaped apostrophe left in scraped text) is not cut at its semicolon."""
    doc = load_nlp(defaults())("Armed men kill a family of 5 in Darfur&#8217;s Kutum locality")
    assert ";" not in [t.text for t in doc]


@pytest.mark.parametrize("text", [
    "Taliban overrun police outposts in Kunduz as peace talks stall\n\nKabul (AFP) - Taliban fighters overran two "
    "police outposts. Officials confirmed the attack.",
    "Nine killed in attack on displacement site\n\nKINSHASA, 13 July 2023 - At least nine displaced persons were "
    "killed on Tuesday evening. Officials confirmed the attack.",
])
def test_a_paragraph_break_ends_a_sentence_and_a_dateline_stays_with_its_lede(text):
    """The headline is a sentence of its own; the dateline is not cut off from the lede it opens."""
    sents = [s.text.strip() for s in load_nlp(defaults())(text).sents]
    headline, body = text.split("\n\n")
    assert sents[0] == headline, sents
    assert sents[1].startswith(body[:12]) and sents[1].endswith("."), sents
    assert sents[2] == "Officials confirmed the attack.", sents


# A page as web pages and feeds give it: one paragraph per line, the headline and standfirst without a stop.
PAGE = ("Army jets bomb village in Sagaing, killing 11\n"
        "Air raid in Shwebo township comes as resistance fighters press attacks and the military reels from losses\n"
        "BANGKOK \u2014 A Myanmar military jet bombed a village in Shwebo township on Monday, killing at least 11 "
        "people, according to a local resistance group.\n"
        "Residents said the aircraft dropped two bombs shortly after midday.\n")


def test_a_line_of_its_own_is_a_paragraph_where_the_text_writes_one_per_line():
    """The headline and the standfirst are sentences of their own; the dateline still opens the lede's."""
    sents = [s.text.strip() for s in load_nlp(defaults())(PAGE).sents]
    lines = PAGE.strip().split("\n")
    assert sents[:2] == lines[:2], sents
    assert sents[2] == lines[2], sents


def test_hard_wrapped_prose_is_not_cut_at_its_line_breaks():
    """Guard: lines wrapped mid-sentence ("in Central\\n Anatolia, was") are one sentence."""
    text = ("Officials said the blast in Kayseri, a usually calm industrial hub in Central\n"
            "Anatolia, was carried out by a suicide bomber parked next to the bus near the entrance to Erciyes\n"
            "University. The soldiers were said to be on leave from a nearby military base.\n")
    sents = [s.text.strip() for s in load_nlp(defaults())(text).sents]
    assert sents[0].startswith("Officials said") and sents[0].endswith("Erciyes\nUniversity."), sents


def test_the_doer_after_a_dateline_is_the_subject_of_the_lede():
    """"BANGKOK \u2014 A Myanmar military jet bombed ...": the parser makes the dateline's place the subject and
    the jet its apposition; the jet is the subject (so the aircraft is the doer of the strike)."""
    doc = load_nlp(defaults())("BANGKOK \u2014 A Myanmar military jet bombed a village in Shwebo township on Monday.")
    jet = next(t for t in doc if t.text == "jet")
    assert jet.dep_ == "nsubj" and jet.head.text == "bombed"
    assert next(t for t in doc if t.text == "BANGKOK").dep_ not in ("nsubj", "nsubjpass")


def test_a_page_with_a_dateline_codes_the_air_strike_it_leads_with(extractor):
    from eventwire.records import Document

    events = extractor.extract([Document(id="page", raw_text=PAGE, published="2024-08-23")])
    news = [e for e in events if not e.is_background]
    assert [e.sub_event_type for e in news] == ["Air/drone strike"], [(e.sub_event_type, e.notes) for e in news]
    assert news[0].location.name == "Shwebo" and news[0].event_date == "2024-08-19"
    assert news[0].actor1.name == "Military Forces of Myanmar"
