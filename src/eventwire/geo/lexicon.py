"""Word lists used by the geo package, read once from ``data/geo_lexicon.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class GeoLexicon:
    stopwords: frozenset[str]
    metonymy_verbs: frozenset[str]
    destination_verbs: frozenset[str]
    destination_preps: frozenset[str]
    near_words: frozenset[str]
    region_words: frozenset[str]
    wide_region_words: frozenset[str]
    route_nouns: frozenset[str]
    locative_preps: frozenset[str]
    person_titles: frozenset[str]
    actor_heads: frozenset[str]
    compass_words: frozenset[str]
    compass_adjectives: frozenset[str]
    water_words: frozenset[str]
    place_nouns: frozenset[str]
    retreat_verbs: frozenset[str]
    place_object_verbs: frozenset[str]
    place_subject_verbs: frozenset[str]
    place_passive_verbs: frozenset[str]
    org_words: frozenset[str]
    speech_verbs: frozenset[str]
    reporting_speakers: frozenset[str]
    apposition_place_heads: frozenset[str]
    town_anaphors: frozenset[str]
    province_anaphors: frozenset[str]
    anaphor_determiners: frozenset[str]
    never_places: frozenset[str]
    facility_heads: frozenset[str]
    seat_words: frozenset[str]
    struck_objects: frozenset[str]
    name_articles: frozenset[str]


@lru_cache(maxsize=1)
def geo_lexicon() -> GeoLexicon:
    text = resources.files("eventwire").joinpath("data", "geo_lexicon.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return GeoLexicon(**{k: frozenset(w.lower() for w in v) for k, v in data.items()})
