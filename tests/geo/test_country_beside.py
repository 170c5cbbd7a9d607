"""A town the text places in another country than the story's, right by its name ("arrested in the town of Bayonne, in
the French Basque country", "in the French town of Perpignan"), is that country's town: the story's country does not
overrule what the sentence says. A town abroad introduced with no such word still yields to the story's country.
Stories written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow

SPAIN = ("Spanish court jails two over 2004 bombing\n"
         "MADRID - Spain's National Court on Thursday jailed two men for a bomb that wounded three people outside a "
         "barracks in Valencia in 2004. Prosecutors in Madrid said the men had trained in Bilbao and Pamplona. "
         "Relatives of the victims gathered outside the court in Madrid.\n")


def _places(extractor, text, published="2012-03-16"):
    got = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
    return {(e.sub_event_type, e.location.name, e.location.country) for e in got if e.location is not None}


@pytest.mark.parametrize(("sentence", "town"), [
    ("Two days earlier French police arrested a third suspect in the town of Bayonne, in the French Basque country.",
     "Bayonne"),
    ("On Tuesday police arrested a third suspect in the French town of Perpignan.", "Perpignan"),
])
def test_a_town_the_sentence_places_abroad_is_abroad(extractor, sentence, town):
    got = _places(extractor, SPAIN + sentence)
    assert ("Arrests", town, "FR") in got, got


def test_guard_a_settlement_abroad_with_no_country_beside_it_yields_to_the_story(extractor):
    text = ("Insurgents attack Mozambique town\n"
            "PEMBA, Mozambique - Insurgents attacked the town of Palma in Cabo Delgado province on Wednesday, killing "
            "at least 12 people, police in Mozambique said. Residents fled to Mocimboa da Praia and Pemba.")
    got = _places(extractor, text, "2021-03-26")
    assert {country for _, name, country in got if name == "Palma"} == {"MZ"}, got
