"""A hand-kept place (data/places_extra.tsv) names its province as the gazetteer's own towns of that province do:
places compare provinces by name (one happening or two, the story's towns), and "North Kivu" beside "Nord-Kivu"
had made a capture of Bunagana told three times three events."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(("kept", "town"), [
    ("Bunagana", "Goma"),        # "North Kivu" in the hand-kept table
    ("Baghuz", "Abu Kamal"),     # "Deir ez-Zor"
    ("Robotyne", "Zaporizhzhia"),
    ("Barawe", "Marka"),         # fixed by hand in the table: no name of the province matched it
])
def test_a_hand_kept_place_names_its_province_as_the_gazetteer_does(gazetteer, kept, town):
    place = gazetteer.lookup(kept)[0]
    other = next(e for e in gazetteer.lookup(town) if e.country == place.country)
    assert place.admin1 == other.admin1, (place, other)


def test_every_hand_kept_province_is_one_the_gazetteer_knows(gazetteer):
    import sqlite3

    from eventwire.config import defaults
    from eventwire.geo.gazetteer import index_path

    con = sqlite3.connect(index_path(defaults()))
    provinces = set(con.execute("SELECT country, name FROM place WHERE feature = 'ADM1'"))
    kept = list(con.execute("SELECT name, country, admin1 FROM place WHERE gid < 0 AND admin1 != ''"))
    # Iraqi Kurdistan's provinces are missing from the gazetteer's sources: Erbil stays as written
    unknown = [k for k in kept if (k[1], k[2]) not in provinces and k[2] != "Erbil"]
    assert not unknown, unknown
