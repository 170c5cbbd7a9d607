"""Lines written in capitals (ALL-CAPS wire copy) are parsed in sentence case with their names restored, so that
their places, dates and actors are read as in ordinary text; the evidence stays the text as given."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from eventwire.parse._case import CaseRestorer, shouts

PLACES = {"Aleppo": "title", "North Kivu": "title", "Peshawar": "title", "Syrian": "title", "Us": "upper"}


def _restorer() -> CaseRestorer:
    return CaseRestorer(lambda name, supported: PLACES.get(name), frozenset({"PKK", "M23"}),
                        frozenset({"police", "north", "us", "killed"}), frozenset({"in", "on", "near", "of"}),
                        frozenset({"monday", "may"}))


@given(st.text(alphabet=st.sampled_from("ABCİ aeKILEDPOCN,.-\n'’1"), max_size=300))
@hsettings(max_examples=300, deadline=None)
def test_the_text_keeps_its_length_and_only_the_case_of_its_letters_changes(text):
    out = _restorer()(text)
    assert len(out) == len(text)
    assert out.lower() == text.lower() or out == text


def test_a_line_that_shouts_is_sentence_case_with_its_names_and_acronyms_restored():
    text = "Weekly report\nSYRIAN AIRCRAFT DROPPED BARREL BOMBS ON ALEPPO ON MONDAY, KILLING 15\nPKK AND M23 ARE NAMES."
    out = _restorer()(text)
    assert out.split("\n")[1] == "Syrian aircraft dropped barrel bombs on Aleppo on Monday, killing 15"
    assert out.split("\n")[2] == "PKK and M23 are names."
    assert out.split("\n")[0] == "Weekly report"   # a line in ordinary case is left as it is


@pytest.mark.parametrize(("line", "loud"), [
    ("GUNMEN KILLED 12 VILLAGERS IN ZAMFARA", True),
    ("Gunmen killed 12 villagers in Zamfara", False),
    ("UPDATE 2", False),                      # too short to be a sentence
    ("KABUL (Reuters) - A bomb killed five", False),
])
def test_what_shouts(line, loud):
    assert shouts(line) is loud


@pytest.mark.slow
@pytest.mark.parametrize(("text", "place", "actor"), [
    ("SUICIDE BOMBER KILLS 20 AT MOSQUE IN PESHAWAR", "Peshawar", None),
    ("SYRIAN GOVERNMENT AIRCRAFT DROPPED BARREL BOMBS ON ALEPPO ON MONDAY, KILLING 15 PEOPLE, ACTIVISTS SAY.",
     "Aleppo", "Military Forces of Syria"),
    ("PKK GUERRILLAS KILL 33 SOLDIERS IN SIIRT PROVINCE", "Siirt", "PKK: Kurdistan Workers' Party"),
    ("DRC ARMY SAYS IT KILLED 20 M23 REBELS IN NORTH KIVU", "Nord-Kivu", None),
])
def test_an_all_capitals_report_has_its_place_and_actor_and_evidence_as_written(text, place, actor):
    """The event of an ALL-CAPS line is placed where it happened (the parser read no place in capitals) and its
    evidence is the text as written, in capitals."""
    import eventwire

    [event] = eventwire.extract(text, published="2024-05-14")
    assert (event["location"] or {}).get("name", "").startswith(place.split()[0]), event["location"]
    if actor is not None:
        assert event["actor1"]["name"] == actor
    evidence = [e["text"] for s in event["sources"] for e in s["evidence"]]
    assert evidence and all(e in text for e in evidence), evidence
