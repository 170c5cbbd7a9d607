"""Toponym resolution: pick one gazetteer entry per candidate using document context.

Score of an entry = prior (feature type, population, how the name matched)
+ country context (share of the document's other country evidence: country
names, demonyms, unambiguous places) + province context (share of the other
places' probable provinces/states) + admin context (its state/province is
named in the text, strongest right next to it: "Gainesville, Ga.",
"Tadmur, Homs") + proximity (in a second pass, near the other places' first
choices) - foreignness (when several names make the story's country clear, a
place in a country nothing else in the text points to is penalised, the more
the smaller it is: "Dublin" in an Ohio story is Dublin, Ohio) + a bonus for the
capital of a country the text names. The reported
score is the softmax probability of the winner. A small place abroad that
still wins against a clear story country is left unresolved rather than
misread ("Lido Beach" in a Somalia story is not the New York hamlet).
"""

from __future__ import annotations

import math
from collections import Counter
from difflib import SequenceMatcher
from typing import Any

from eventwire.geo.gazetteer import Entry, distance_km
from eventwire.geo.lexicon import geo_lexicon
from eventwire.geo.normalize import plain_key
from eventwire.geo.recognize import Candidate

FEATURE_PRIOR = {"PCLI": 3.0, "CONT": 2.5, "RGN": 2.0, "ADM1": 1.6, "PPLC": 1.0, "ADM2": 0.2,
                 "AIRB": 1.0, "PSTB": 1.0, "MILB": 1.0}
KIND_PRIOR = (0.5, 0.0, 0.6, 0.0)
COUNTRY_WEIGHT = 2.5
ADJACENT_ADMIN = 3.0
ADMIN_IN_DOC = 1.0
LOOSE_PENALTY = 0.8
BIG_TOWN = 100_000
ADMIN_SHARE = 1.5
FOREIGN_PENALTY = 3.0      # for a hamlet abroad; halved per tenfold population above 1,000
CLEAR_NAMES = 2            # distinct names that must point to the story's country
CLEAR_SHARE = 0.5          # its share of the country evidence
SMALL_TOWN = 20_000
ABROAD_SHARE = 0.15        # a country with less of the place evidence than this is abroad
SPELLING_RATIO = 0.8       # two spellings of one name, by difflib's ratio
HAMLET_RATIO = 50          # a place this many times smaller than a town of the same name ...
HAMLET_MARGIN = 2.5        # ... needs this much more score to be the one meant: what the text naming its
                           # province beside it gives (ADJACENT_ADMIN), not what the other places of the story do
NAMED_CAPITAL = 1.0        # the capital of a country the text names ("Washington" when "the U.S." is)


def _population(entry: Entry) -> int:
    """A district's population (summed over its towns, or its province's when it has none of its
    own) counts at most as a small town's: a bare name in the news is rarely a district."""
    return min(entry.population, SMALL_TOWN) if entry.feature == "ADM2" else entry.population


def prior(entry: Entry) -> float:
    population = _population(entry) or (1000 if entry.feature in ("PPL", "PPLC") else 0)
    score = FEATURE_PRIOR.get(entry.feature, 0.0) + math.log10(population + 1) * 0.35 + KIND_PRIOR[entry.kind]
    return score - (LOOSE_PENALTY if entry.loose else 0.0)


def _softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def _evidence(cand: Candidate, scores: list[float]) -> tuple[Counter, Counter]:
    """Country and (country, admin1) votes of one candidate, weighted by its entries' probability."""
    countries: Counter = Counter()
    admins: Counter = Counter()
    for e, p in zip(cand.entries, _softmax(scores)):
        if e.country:
            countries[e.country] += p
        if e.admin1_code and e.feature not in ("PCLI", "ADM1"):
            admins[(e.country, e.admin1_code)] += p
    return countries, admins


def _country_by_another_name(e: Entry, entries: tuple[Entry, ...]) -> bool:
    """A country the name spells only as one of its other names ("Uman" for Oman) that a town bears as its own
    ("the central city of Uman", Ukraine): news names a country by its usual name, so the name is no evidence that
    it is a country (it keeps what its population and the story's other places give it)."""
    return e.feature == "PCLI" and e.kind == 1 and any(x.kind == 0 and x.feature in ("PPL", "PPLC") for x in entries)


def _town_by_a_country_name(e: Entry, entries: tuple[Entry, ...]) -> bool:
    """A town that bears a country's own name only as one of its other names ("Mexico" for Mexico City, "Kuwait"
    for Kuwait City, "Guatemala" for Guatemala City): news names the town by its usual name, so the bare name is the
    country's, however near the text's other places the town lies ("MEXICO CITY - Gunmen killed 19 in Mexico")."""
    return e.kind != 0 and e.feature in ("PPL", "PPLC") and any(
        x.feature == "PCLI" and x.kind == 0 for x in entries)


def _seats(entries: tuple[Entry, ...]) -> set[tuple[str, str]]:
    """Admin areas that have a same-named town among the entries ("Homs" the city and province)."""
    return {(e.country, e.admin1_code) for e in entries if e.feature in ("PPL", "PPLC")}


def _town_beats_admin(admin: Entry, entries: tuple[Entry, ...]) -> bool:
    """A capital or a large town of exactly this name ("Washington", "Aleppo", "Gaza"): news means
    the town, not a same-named admin area, unless that area is a much bigger one abroad
    ("Ontario" the province, not Ontario, California)."""
    for e in entries:
        if e.kind != 0 or e.loose or e.feature not in ("PPL", "PPLC"):
            continue
        if e.feature == "PPLC":
            return True
        if e.population >= BIG_TOWN and (e.country == admin.country or _population(admin) < 5 * e.population):
            return True
    return False


class Resolver:
    """Chooses an entry for each candidate; returns (entry, probability) or None."""

    def __call__(self, doc: Any, cands: list[Candidate]) -> list[tuple[Entry, float] | None]:
        neighbours = [_adjacent(doc, cands, i) for i in range(len(cands))]   # read once, used by every pass
        scores = [self._scores(doc, cands, i, None, None, ()) for i in range(len(cands))]
        ctx = _Context(cands, scores)
        scores = [self._scores(doc, cands, i, ctx, None, neighbours[i]) for i in range(len(cands))]
        second = [_best(c, s) for c, s in zip(cands, scores)]
        points = [(plain_key(cands[i].text), r[0].lat, r[0].lon) for i, r in enumerate(second)
                  if r is not None and not r[0].is_area and cands[i].role == "place" and r[1] > 0.5]
        ctx = _Context(cands, scores)
        scores = [self._scores(doc, cands, i, ctx, points, neighbours[i]) for i in range(len(cands))]
        best = [_best(c, s) for c, s in zip(cands, scores)]
        chosen = [b if _vouched(b, neighbours[i]) else
                  _plausible(b, *ctx.story(i), region=c.region_cue or _area_noun_after(doc, c),
                             name=plain_key(c.text), introduced=_introduced(doc, c), person=c.person)
                  for i, (c, b) in enumerate(zip(cands, best))]
        return _one_sense(cands, best, chosen)

    def _scores(self, doc: Any, cands: list[Candidate], i: int, ctx: _Context | None,
                points: list | None, neighbour: tuple[Entry, ...]) -> list[float]:
        cand = cands[i]
        seats = _seats(cand.entries)
        scores = []
        for e in cand.entries:
            s = prior(e) - (FEATURE_PRIOR["PCLI"] if _country_by_another_name(e, cand.entries) or
                            _town_by_a_country_name(e, cand.entries) else 0.0)
            if e.feature in ("ADM1", "ADM2") and ((e.country, e.admin1_code) in seats or
                                                  _town_beats_admin(e, cand.entries)):
                s += 1.0 if cand.region_cue else -2.0
            scores.append(s)
        if ctx is None:
            return scores
        votes, admins = ctx.without(i)
        story = ctx.story(i)
        n, n_admin = sum(votes.values()), sum(admins.values())
        key = plain_key(cand.text)
        for k, e in enumerate(cand.entries):
            scores[k] += COUNTRY_WEIGHT * votes[e.country] / n if n and e.country else 0.0
            scores[k] += _admin_bonus(e, ctx.admin1, admins, neighbour)
            if n_admin and e.feature not in ("PCLI", "ADM1"):
                scores[k] += ADMIN_SHARE * admins[(e.country, e.admin1_code)] / n_admin
            scores[k] += _proximity(e, key, points) if points else 0.0
            scores[k] -= _foreignness(e, *story)
            scores[k] += NAMED_CAPITAL if e.feature == "PPLC" and story[0][e.country] > 0.5 else 0.0
        return scores


class _Context:
    """Document evidence from every candidate, with one candidate's own share removable."""

    def __init__(self, cands: list[Candidate], scores: list[list[float]]) -> None:
        self.keys = [plain_key(c.text) for c in cands]
        # "the capital" is read from the places around it: it echoes their countries and is no evidence of its own
        self.parts = [_evidence(c, s) if c.entries and c.role != "actor" and not c.person and c.label != "CAPITAL"
                      else (Counter(), Counter()) for c, s in zip(cands, scores)]
        self.votes: Counter = Counter()
        self.admins: Counter = Counter()
        for votes, admins in self.parts:
            self.votes.update(votes)
            self.admins.update(admins)
        self._stories: dict[str, tuple[Counter, float]] = {}
        self._without: dict[str, tuple[Counter, Counter]] = {}
        self._actor_parts = [(k, _evidence(c, s)[0]) for k, c, s in zip(self.keys, cands, scores)
                             if c.entries and c.role == "actor"]   # metonymic actors ("Moscow said"): few names
        self.admin1 = Counter((e.country, e.admin1_code) for c in cands for e in c.entries
                              if e.feature == "ADM1")

    def without(self, i: int) -> tuple[Counter, Counter]:
        """Evidence from every other name (other mentions of the same name do not vote); the same for
        every mention of one name, so found once per name. Callers only read the counters."""
        own = self.keys[i]
        if own not in self._without:
            votes, admins = Counter(), Counter()
            for key, (v, a) in zip(self.keys, self.parts):
                if key == own:
                    votes.update(v)
                    admins.update(a)
            self._without[own] = (self.votes - votes, self.admins - admins)
        return self._without[own]

    def story(self, i: int) -> tuple[Counter, float]:
        """Countries the text names, seen from candidate ``i`` (its own name left out; metonymic
        actors such as "Moscow said" count), and how clear the story's country is: 1 when one
        country has at least ``CLEAR_SHARE`` of the place evidence from at least ``CLEAR_NAMES``
        distinct names, 0.5 when that many names point to countries at all."""
        key = self.keys[i]
        if key not in self._stories:  # the same for every mention of one name
            votes, _ = self.without(i)
            actors: Counter = Counter()
            for k, a in self._actor_parts:
                if k != key:
                    actors.update(a)
            named = votes + actors
            self._stories[key] = (named, self._clarity(i, votes))
        return self._stories[key]

    def _clarity(self, i: int, votes: Counter) -> float:
        total = sum(votes.values())
        if not total:
            return 0.0
        others = [(k, v) for k, (v, _) in zip(self.keys, self.parts) if k != self.keys[i]]
        country, weight = votes.most_common(1)[0]
        if weight / total >= CLEAR_SHARE and len({k for k, v in others if v[country] > 0.5}) >= CLEAR_NAMES:
            return 1.0
        return 0.5 if len({k for k, v in others if sum(v.values()) > 0.5}) >= CLEAR_NAMES else 0.0


def _one_sense(cands: list[Candidate], best: list, chosen: list) -> list[tuple[Entry, float] | None]:
    """One name, one place in a text: a place the text refuses for one mention of a name (its context tells
    it is no such town there: "a village in Kani Township, Sagaing Region" is no town in Japan) is refused for
    the name's other mentions too ("junta jets hit Kani village" in the headline)."""
    refused = {(plain_key(c.text), b[0].gid) for c, b, ch in zip(cands, best, chosen)
               if b is not None and ch is None and c.role == "place"}
    if not refused:
        return chosen
    return [None if ch is not None and c.role == "place" and (plain_key(c.text), ch[0].gid) in refused else ch
            for c, ch in zip(cands, chosen)]


def _best(cand: Candidate, scores: list[float]) -> tuple[Entry, float] | None:
    if not cand.entries:
        return None
    probs = _softmax(scores)
    k = max(range(len(probs)), key=probs.__getitem__)
    town = _town_over_hamlet(cand, scores, k)
    if town is not None:
        return cand.entries[town], probs[town]
    return cand.entries[k], probs[k]


def _town_over_hamlet(cand: Candidate, scores: list[float], k: int) -> int | None:
    """"Nikopol" is the city of 100,000, not a hamlet of 600 of that name in the province the story's other
    places lie in: a place ``HAMLET_RATIO`` times smaller than a town of the same name wins only with more than
    ``HAMLET_MARGIN`` of context over it (the text tying it to its province: "Nikopol, Kharkiv region")."""
    e = cand.entries[k]
    if e.feature != "PPL":
        return None
    towns = [i for i, x in enumerate(cand.entries) if i != k and x.kind == 0 and not x.loose
             and x.feature in ("PPL", "PPLC") and x.population >= BIG_TOWN and e.population * HAMLET_RATIO < x.population
             and scores[k] - scores[i] < HAMLET_MARGIN]
    return max(towns, key=scores.__getitem__) if towns else None


def _admin_bonus(e: Entry, admin1: Counter, places: Counter, neighbour: tuple[Entry, ...]) -> float:
    """Its state/province is named in the text, or (for a state) places inside it are."""
    bonus = 0.0
    if e.feature == "ADM1":
        bonus += ADMIN_IN_DOC * min(places.get((e.country, e.admin1_code), 0.0), 1.0)
    elif e.feature != "PCLI" and admin1.get((e.country, e.admin1_code)):
        bonus += ADMIN_IN_DOC
    for n in neighbour:
        if n.gid == e.gid:
            continue
        if (n.feature == "ADM1" and n.admin1_code == e.admin1_code and n.country == e.country) or \
           (n.feature == "PCLI" and n.country == e.country) or \
           (n.feature == "ADM2" and plain_key(n.name) == plain_key(e.admin2 or "-")):
            bonus = max(bonus, ADJACENT_ADMIN)
    return bonus


def _adjacent(doc: Any, cands: list[Candidate], i: int) -> tuple[Entry, ...]:
    """Entries of a toponym right after this one ("Gainesville, Ga.", "Tadmur in Homs", "Bayonne, in the French
    Basque country"), or of a country's people that introduces it ("the French town of Bayonne")."""
    found: tuple[Entry, ...] = ()
    if i + 1 < len(cands):
        nxt = cands[i + 1]
        between = doc[cands[i].end:nxt.start]
        if len(between) <= 3 and all(t.lower_ in (",", "(", "in", "-", "the") for t in between):
            found = nxt.entries
    if i > 0 and cands[i - 1].role == "demonym":
        between = doc[cands[i - 1].end:cands[i].start]
        if 2 <= len(between) <= 3 and between[-1].lower_ == "of" and \
                all(t.lower_ in geo_lexicon().town_anaphors for t in between[:-1]):
            found += tuple(e for e in cands[i - 1].entries if e.feature == "PCLI")
    return found


def _vouched(choice: tuple[Entry, float] | None, neighbour: tuple[Entry, ...]) -> bool:
    """The text names the chosen place's country right by it ("Bayonne, in the French Basque country")."""
    return choice is not None and any(n.feature == "PCLI" and n.country == choice[0].country for n in neighbour)


def _foreign(e: Entry, votes: Counter) -> bool:
    """In a country nothing else in the text points to (countries and continents never are)."""
    return bool(e.country) and votes[e.country] <= 0.05 and e.feature not in ("PCLI", "CONT")


def _abroad(e: Entry, votes: Counter) -> bool:
    """In a country with only a stray share of the text's place evidence (``ABROAD_SHARE``): the soft
    votes of ambiguous names ("Cali", "Santa Fe") leave every country a little."""
    total = sum(votes.values())
    return _foreign(e, votes) or (bool(e.country) and e.feature not in ("PCLI", "CONT") and total > 0
                                  and votes[e.country] / total < ABROAD_SHARE)


def _foreignness(e: Entry, votes: Counter, clarity: float) -> float:
    """Penalty for a place abroad (see ``_foreign``), scaled by how clear the story's country is;
    halved per tenfold population above 1,000, so big towns and capitals pay little."""
    if not clarity or not _foreign(e, votes):
        return 0.0
    size = math.log10(max(e.population, 1000)) - 3
    return clarity * FOREIGN_PENALTY * 0.5 ** size


def _area_noun_after(doc: Any, cand: Candidate) -> bool:
    """The name is followed by an area noun ("Kani township", "Mayo district")."""
    return doc is not None and cand.end < len(doc) and doc[cand.end].lower_ in geo_lexicon().region_words


def _introduced(doc: Any, cand: Candidate) -> bool:
    """The name is introduced as a settlement ("the town of Palma", "the village of Solhan"): a
    place the writer expects the reader not to know."""
    return doc is not None and cand.start >= 2 and doc[cand.start - 1].lower_ == "of" and \
        doc[cand.start - 2].lower_ in geo_lexicon().town_anaphors


def _plausible(choice: tuple[Entry, float] | None, votes: Counter, clarity: float, *,
               region: bool = False, name: str | None = None, introduced: bool = False,
               person: bool = False) -> tuple[Entry, float] | None:
    """None for a small town abroad chosen against a clear story country (nothing better known), for a
    weak name abroad the text also uses for a person, for
    a town abroad the text introduces as a settlement ("the town of Palma" in a Mozambique story is
    not Palma de Mallorca), or for a town abroad known by that name only as one of its other names
    ("Boni" is an old name of Bonn; in a Mali story it is a place in Mali)."""
    if choice is None:
        return None
    e = choice[0]
    if clarity >= 1.0 and _abroad(e, votes) and not e.is_area and e.feature != "PPLC" and \
            (e.population < SMALL_TOWN or introduced):
        return None
    if person and clarity >= 0.5 and _abroad(e, votes):
        return None   # "Petro" of President Gustavo Petro in a Colombia story is no hamlet in Tennessee
    if e.feature == "ADM2" and clarity >= 1.0 and _foreign(e, votes):
        return None   # "the Shabelle river" in a Somalia story is no district of Ethiopia
    if region and clarity >= 1.0 and _foreign(e, votes) and not e.is_area:
        return None   # "Kani township" in a Myanmar story names a township there, not a Japanese town
    if e.loose and clarity >= 1.0 and _foreign(e, votes):
        return None   # a loose spelling match abroad ("Lat Pan" for a village in Japan) against a clear story country
    if name and clarity >= 1.0 and not e.is_area and plain_key(e.name) != name and (
            _foreign(e, votes) or (_abroad(e, votes) and not _spelled_alike(plain_key(e.name), name))):
        return None   # "Kani" by Kanbalu in a Myanmar story is not Kearny, New Jersey ("Geneva" gave the US a share);
    # "Sabratha ... in Libya" in a Tunisia story is Sabratah, a spelling of that name
    if name and clarity >= 0.5 and not e.is_area and e.population < BIG_TOWN and _foreign(e, votes) and \
            not _spelled_alike(plain_key(e.name), name):
        return None   # "Gulshan" in a Dhaka story (where the victims' countries blur the story's) is no other name of
                      # Tabas in Iran: a town known by that name only as one of its others, in a country nothing
                      # else in the text points to
    return choice


def _spelled_alike(a: str, b: str) -> bool:
    """Two spellings of one name ("sabratah", "sabratha"), not two names ("kearny", "kani")."""
    return SequenceMatcher(None, a, b).ratio() >= SPELLING_RATIO


def _proximity(e: Entry, key: str, points: list) -> float:
    if e.is_area:
        return 0.0
    dists = [distance_km(e.lat, e.lon, lat, lon) for k, lat, lon in points if k != key]
    if not dists:
        return 0.0
    d = min(dists)
    return 1.0 if d < 50 else 0.6 if d < 200 else 0.2 if d < 500 else 0.0
