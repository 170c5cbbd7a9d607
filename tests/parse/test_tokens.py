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
