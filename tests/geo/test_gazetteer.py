import time
from pathlib import Path

import pytest

from eventwire.geo.build import ALTERNATE, DEMONYM, PRIMARY, Row, write_index
from eventwire.geo.gazetteer import Gazetteer, distance_km, index_path


def _tiny(tmp_path: Path) -> Path:
    town = Row(1, "Qaryat Zaytun", 33.0, 36.0, "SY", "PPL", 4000, admin1="Rif Dimashq", admin1_code="SY.08")
    town.add("Qaryat Zaytun", PRIMARY)
    town.add("Qaryet ez-Zeitoun", ALTERNATE)
    land = Row(2, "Freedonia", 10.0, 10.0, "FD", "PCLI", 1_000_000)
    land.add("Freedonia", PRIMARY)
    land.add("Freedonian", DEMONYM)
    path = tmp_path / "g" / "tiny.sqlite"
    write_index({1: town, 2: land}, path, {"digest": "test"})
    return path


def test_index_is_written_atomically_and_reopened(tmp_path):
    path = _tiny(tmp_path)
    assert path.exists()
    assert not list(path.parent.glob("*.tmp"))
    gaz = Gazetteer(path)
    assert [e.name for e in gaz.lookup("Qaryat Zaytun")] == ["Qaryat Zaytun"]


def test_lookup_falls_back_to_transliteration_key(tmp_path):
    gaz = Gazetteer(_tiny(tmp_path))
    found = gaz.lookup("Qaryet al-Zaitoun")
    assert [e.gid for e in found] == [1] and found[0].loose
    assert gaz.lookup("Freedonian")[0].kind == DEMONYM
    assert gaz.lookup("Nowhere at all") == ()


def test_index_path_changes_with_build_options(settings, tmp_path):
    a = index_path(settings.replace("geo", cache_dir=str(tmp_path)))
    b = index_path(settings.replace("geo", cache_dir=str(tmp_path), min_population=1000))
    assert a.parent == tmp_path and a != b


def test_real_gazetteer_loads_fast_and_knows_conflict_places(gazetteer, settings):
    from eventwire.geo.gazetteer import Gazetteer as G
    from eventwire.geo.gazetteer import ensure_index

    start = time.perf_counter()
    G(ensure_index(settings)).lookup("Aleppo")
    assert time.perf_counter() - start < 1.0
    tadmur = [e for e in gazetteer.lookup("Palmyra") if e.country == "SY"]
    assert tadmur and tadmur[0].name == "Tadmur"
    assert {e.feature for e in gazetteer.lookup("Deir Ezzor")} >= {"PPL", "ADM1"}
    assert gazetteer.lookup("Gaza Strip") and gazetteer.lookup("Donbas")[0].country == "UA"
    assert gazetteer.lookup("Ga.")[0].admin1_code == "US.GA"


def test_distance_km():
    assert round(distance_km(0, 0, 0, 1)) == 111
    assert distance_km(34.56, 38.28, 34.56, 38.28) == 0


def test_ensure_index_builds_once_into_the_cache_dir(settings, tmp_path, monkeypatch):
    from eventwire.geo import gazetteer as gz

    calls = []
    monkeypatch.setattr(gz, "_build", lambda s, path: (calls.append(path), _tiny_at(path)))
    local = settings.replace("geo", cache_dir=str(tmp_path / "cache"))
    first = gz.ensure_index(local)
    second = gz.ensure_index(local)
    assert first == second and first.exists() and len(calls) == 1
    assert first.parent == tmp_path / "cache"


def _tiny_at(path: Path) -> None:
    row = Row(7, "Testville", 1.0, 2.0, "XX", "PPL", 900)
    row.add("Testville", PRIMARY)
    write_index({7: row}, path, {"digest": "t"})


def test_a_new_build_removes_older_indexes_with_the_same_options(tmp_path):
    from eventwire.geo.gazetteer import _remove_stale

    old, other_options, new = (tmp_path / f"gazetteer-{n}.sqlite" for n in ("old", "other", "new"))
    row = Row(7, "Testville", 1.0, 2.0, "XX", "PPL", 900)
    row.add("Testville", PRIMARY)
    write_index({7: row}, old, {"min_population": "500"})
    write_index({7: row}, other_options, {"min_population": "1000"})
    write_index({7: row}, new, {"min_population": "500"})
    _remove_stale(new, 500)
    assert new.exists() and other_options.exists() and not old.exists()


def test_compass_compounds_match_in_either_spelling(gazetteer):
    """"Northwest region" in a Cameroon story is the North-West region: the spellings "Northwest",
    "North-West" and "North West" find the same places."""
    joined = {(e.name, e.country) for e in gazetteer.lookup("Northwest")}
    assert ("North-West", "CM") in joined
    assert {(e.name, e.country) for e in gazetteer.lookup("North West")} >= {("North-West", "CM")}


@pytest.mark.parametrize(("name", "town", "country"), [
    ("West Beirut", "Beirut", "LB"), ("East Mosul", "Mosul", "IQ"), ("West Mosul", "Mosul", "IQ"),
])
def test_a_compass_part_of_a_town_is_that_town(gazetteer, name, town, country):
    """"the United States embassy in West Beirut", "fighting in East Mosul": the gazetteer has no such place;
    it is a part of the town it names (not nothing, which left the event without coordinates)."""
    assert (town, country) in {(e.name, e.country) for e in gazetteer.lookup(name)}


def test_a_compass_name_the_gazetteer_knows_stays_itself(gazetteer):
    """The guard: "West Bank", "North Waziristan", "South Sudan" are places of their own."""
    for name in ("West Bank", "North Waziristan", "South Sudan"):
        assert any(e.name == name for e in gazetteer.lookup(name)), name


def test_the_hand_kept_places_are_well_formed():
    """Every row of data/places_extra.tsv has its nine columns, coordinates on the globe, a two-letter country
    (or none for a region across borders) and no name given twice in one country."""
    from importlib import resources

    seen = set()
    text = resources.files("eventwire.data").joinpath("places_extra.tsv").read_text("utf-8")
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) == 9, (n, line)
        name, aliases, lat, lon, country = cols[:5]
        assert name.strip() and -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, (n, line)
        assert country == "" or (len(country) == 2 and country.isupper()), (n, line)
        keys = {(key.strip().lower(), country) for key in [name, *filter(None, aliases.split(";"))]}
        assert not keys & seen, (n, keys & seen)
        seen |= keys


@pytest.mark.parametrize(("name", "country", "lat", "lon"), [
    ("Baghuz", "SY", 34.46, 40.95), ("Palma", "MZ", -10.78, 40.47), ("Solhan", "BF", 13.38, 0.46),
    ("Puthukkudiyiruppu", "LK", 9.31, 80.72), ("Mir Ali", "PK", 32.97, 70.27),
])
def test_sites_of_conflict_the_geonames_towns_lack_are_known(gazetteer, name, country, lat, lon):
    """Villages known from conflict news that GeoNames cities500 lacks, or holds only as a namesake abroad
    (Palma in Spain, Solhan in Turkey), are in the gazetteer in their own country."""
    here = [e for e in gazetteer.lookup(name) if e.country == country]
    assert here and distance_km(here[0].lat, here[0].lon, lat, lon) < 10, here


@pytest.mark.parametrize(("name", "country"), [
    ("Puntland", "SO"), ("Somaliland", "SO"), ("Jubaland", "SO"), ("Galmudug", "SO"), ("Hirshabelle", "SO"),
    ("South West State", "SO"), ("Casamance", "SN"), ("Mindanao", "PH"), ("Waziristan", "PK"),
])
def test_regions_of_long_conflicts_are_known(gazetteer, name, country):
    """Federal member states, historic regions and islands that conflict news names every day: without
    them "Puntland forces" had no country and a village near them went to a namesake abroad."""
    entries = gazetteer.lookup(name)
    assert entries and entries[0].country == country and entries[0].is_area
