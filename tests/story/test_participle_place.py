"""Where a happening was, told by the clause its participle hangs on: "stormed a campus in northern Kenya ...
The attackers burst into Garissa University College, shooting dead two guards" is one happening at Garissa, not
at Kenya's centre: the town is named where the participle's clause hangs ("burst into ..."), not in the
participle's own words. Texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _news(extractor, text, published):
    got = extractor.extract([Document(id="t", raw_text=text, published=published)])
    return [(e.sub_event_type, e.location.name if e.location else None, e.location.geo_precision if e.location else None)
            for e in got]


@pytest.mark.parametrize("text, published, town", [
    ("NAIROBI, Kenya - Gunmen stormed a school in eastern Kenya before dawn on Friday, killing 12 pupils, "
     "officials said.\n\nThe attackers broke into a dormitory in Garissa at about 4 a.m., shooting dead a "
     "watchman at the gate, witnesses said.", "2024-05-10", "Garissa"),
    ("BAMAKO - Militants attacked a village in central Mali on Sunday, killing 20 people, local officials said.\n\n"
     "The gunmen rode into Bandiagara on motorbikes, setting fire to granaries and shooting at fleeing "
     "residents.", "2024-05-13", "Bandiagara"),
])
def test_the_town_a_participle_hangs_on_places_the_happening(extractor, text, published, town):
    got = _news(extractor, text, published)
    assert any(name == town for _, name, _ in got), got
    assert not any(precision == 3 and name in ("Kenya", "Mali") for _, name, precision in got), got


def test_a_headline_town_named_like_the_ledes_province_stands_for_the_province():
    """"Bandits abduct 23 students in Kaduna" - "in Kachia Local Government Area of Kaduna State": the headline's
    Kaduna is the state the lede's place lies in, not Kaduna city 90 km away; the happening is at Kachia."""
    from eventwire import extract

    text = ("Bandits abduct 23 students in Kaduna, kill school guard\n\n"
            "Armed bandits have abducted 23 students of Government Secondary School, Kachia, in Kachia Local "
            "Government Area of Kaduna State, after shooting dead a security guard at the school gate.\n\n"
            "The students were taken from their hostel, police said.")
    events = [e for e in extract(text, published="2022-03-09") if e["sub_event_type"].startswith("Abduction")]
    assert len(events) == 1 and events[0]["location"]["name"] == "Kachia", [e["location"] for e in events]
