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
