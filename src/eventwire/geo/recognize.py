"""Toponym recognition: spaCy entities plus gazetteer matching of capitalised spans.

Each candidate span carries its gazetteer entries (possibly none for a GPE
the gazetteer lacks) and a role:

- ``place``: a place name;
- ``demonym``: "Syrian", "Russians" (evidence for the country, not an event place);
- ``org``: a place opening an organisation's name ("the Texas Forest Service");
- ``actor``: metonymy, a country or capital standing for its government
  ("Moscow said", "Russia's defence ministry").

Filters keep out person names (multi-word PERSON entities, titles, surnames
seen elsewhere in the text), organisations ("Islamic State"), and common words
that are also small towns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Span

from eventwire.geo.gazetteer import Entry, Gazetteer
from eventwire.geo.lexicon import GeoLexicon
from eventwire.parse import DATELINE

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Names the recogniser may have misread: a place is often tagged as a person, an organisation, or a law,
# product or work of art ("the Shayrat air base": LAW); each is a place only by the tests of _name_entity.
NAME_LABELS = frozenset({"PERSON", "ORG", "LAW", "PRODUCT", "WORK_OF_ART"})
CONNECTORS = frozenset({"of", "de", "del", "da", "al", "el", "la", "le", "-", "ez", "ad", "as", "ar", "an",
                        "es", "az", "and"})
MAX_TOKENS = 5
WIDEN_TOKENS = 4   # words around an entity the recogniser cut short that may belong to its name
STRONG_POPULATION = 20_000
LOCATIVE = frozenset({"in", "near", "at", "outside", "into", "around", "through"})
PLACE_PREPS = LOCATIVE | {"of", "from", "to", "toward", "towards", "across", "inside"}
LOCATIVE_POPULATION = 10_000
PERSON_POPULATION = 100_000  # a PERSON-tagged name outside a place phrase must be a big town


@dataclass(slots=True)
class Candidate:
    """A recognised toponym: token range, character span (clean text), entries, role."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    label: str
    entries: tuple[Entry, ...]
    role: str = "place"
    region_cue: bool = False
    person: bool = False    # a weak place name the text also tags as a person


def _notable(e: Entry, population: int) -> bool:
    """An area, a capital, a town of that size, or a site kept by hand (data/places_extra.tsv: conflict sites
    such as air bases and camps, which GeoNames lacks and which have no population)."""
    return e.is_area or e.feature == "PPLC" or e.population >= population or e.geonameid is None


def _strong(entries: tuple[Entry, ...], population: int = STRONG_POPULATION) -> bool:
    return any(e.kind <= 2 and _notable(e, population) for e in entries)


POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
TOWN_WORDS = frozenset({"city", "town"})


def _article_name(ent: Any, lex: GeoLexicon) -> bool:
    """A name opened by a lower-case article and a hyphen ("al-Qaim", "el-Fasher"), which the small model tags
    PERSON."""
    return len(ent) >= 3 and ent[0].lower_ in lex.name_articles and ent[1].text == "-" and ent[2].is_title


def _variants(span: Any, lex: GeoLexicon) -> Iterator[tuple[Any, bool]]:
    """The span (without "the" and a possessive "'s"), then without a trailing admin word ("Hama
    province") or a trailing "city"/"town" ("Nagpur city")."""
    if len(span) > 1 and span[-1].lower_ in POSSESSIVE:  # "New York's Plaza Hotel"
        span = span[:-1]
    first, last = span[0], span[-1]
    if len(span) > 1 and first.lower_ == "the":
        yield span[1:], False
    yield span, False
    if len(span) > 1 and last.lower_ in lex.region_words:
        inner = span[1:-1] if first.lower_ == "the" and len(span) > 2 else span[:-1]
        if len(inner) > 2 and inner[-2].lower_ == "local" and inner[-1].lower_ == "government":
            inner = inner[:-2]   # "Tsafe Local Government Area"
        yield inner, True
    elif len(span) > 1 and last.lower_ in TOWN_WORDS:
        yield (span[1:-1] if first.lower_ == "the" and len(span) > 2 else span[:-1]), False


def _without_direction(span: Any, lex: GeoLexicon) -> Any:
    """The span without the lower-case compass words that open it ("north-east Nigeria", "west Nigeria" of a
    cut "north-west Nigeria"), when the gazetteer holds no region by the whole name: the direction tells a part
    of the place, which is no other place (the capitalised "North-West" of a province's name stays)."""
    directions = lex.compass_words | lex.compass_adjectives
    i = 0
    while i < len(span) and (span[i].text == "-" or
                             span[i].text.islower() and span[i].lower_.rstrip("-") in directions):
        i += 1
    return span[i:] if i else span


class Recognizer:
    """Finds toponym candidates in a parsed spaCy ``Doc``."""

    def __init__(self, gazetteer: Gazetteer, lexicon: GeoLexicon) -> None:
        self.gaz = gazetteer
        self.lex = lexicon
        self._surnames: set[str] = set()
        self._countries: set[str] = set()
        self._filed: set[str] = set()

    def __call__(self, doc: Any) -> list[Candidate]:
        blocked = [False] * len(doc)
        found = self._dateline(doc, blocked)
        self._filed = {c.text.lower() for c in found}   # "EL TARRA, Norte de Santander - ... families of El Tarra"
        found += self._from_entities(doc, blocked)
        found += self._from_gazetteer(doc, blocked)
        found += self._capitals(doc, blocked, found)
        found = [self._compass_region(doc, c) or c for c in found
                 if not self._compass_of_name(doc, c) and not self._water_of_country(doc, c)
                 and not self._title_of_name(doc, c)]
        found.sort(key=lambda c: c.start)
        for cand in found:
            cand.role = self._role(doc, cand)
        return found

    def _compass_of_name(self, doc: Any, cand: Candidate) -> bool:
        """A compass word opening a longer name ("Eastern Samar", "North Kivu" where the gazetteer holds only
        "Samar", "Kivu") is part of that name, not a place of its own (Uganda's Eastern Region)."""
        return cand.end - cand.start == 1 and doc[cand.start].lower_ in self.lex.compass_adjectives and \
            cand.end < len(doc) and doc[cand.end].pos_ == "PROPN" and doc[cand.end].is_title

    def _title_of_name(self, doc: Any, cand: Candidate) -> bool:
        """A person's title opening a name ("its spokesman, Sheikh Ali Mohamud Rage", where the gazetteer holds a
        district "Sheikh") is the person's, not a place."""
        return cand.end - cand.start == 1 and doc[cand.start].lower_.rstrip(".") in self.lex.person_titles and \
            cand.end < len(doc) and doc[cand.end].pos_ == "PROPN" and doc[cand.end].is_title

    def _water_of_country(self, doc: Any, cand: Candidate) -> bool:
        """A name before a word for a river or lake names the water ("near Ansongo, on the Niger river", "shelled
        Nikopol, across the Dnipro river"), not the country or the town of that name; so does a country's name
        after one ("the River Niger", "Lake Chad")."""
        after = doc[cand.end].lower_ if cand.end < len(doc) else ""
        if after in self.lex.water_words:
            return True
        before = doc[cand.start - 1].lower_ if cand.start > 0 else ""
        return before in self.lex.water_words and any(e.feature == "PCLI" for e in cand.entries)

    def _dateline(self, doc: Any, blocked: list[bool]) -> list[Candidate]:
        """An upper-case dateline place opening the text: "MOSUL, Iraq (Reuters) -"."""
        end = 0
        while end < min(len(doc), 4) and doc[end].is_upper and doc[end].is_alpha:
            end += 1
        if not end or end >= len(doc) or doc[end].text not in (",", "-", "(", "\u2014", "\u2013"):
            return []
        span = doc[0:end]
        entries = tuple(e for e in self.gaz.lookup(span.text.title()) if not e.loose)
        if not _strong(entries):
            return []
        for i in range(end):
            blocked[i] = True
        return [Candidate(0, end, span.start_char, span.end_char, span.text, "DATELINE", entries)]

    # --- spaCy entities -------------------------------------------------
    def _from_entities(self, doc: Any, blocked: list[bool]) -> list[Candidate]:
        surnames: dict[str, set[str]] = {}
        for e in doc.ents:  # last names of people, with the names they close
            if e.label_ == "PERSON" and len(e) > 1:
                surnames.setdefault(e[-1].lower_, set()).add(e.text)
        # one-word names the text uses for a person, alone or closing a full name
        persons = set(surnames) | {e.text.lower() for e in doc.ents if e.label_ == "PERSON" and len(e) == 1}
        ents = self._widened(doc, [e for e in doc.ents if "\n" not in e.text and not blocked[e.start]])
        found: dict[int, Candidate] = {}
        for ent in ents:  # place entities first: they tell which countries the story is about
            if ent.label_ not in NAME_LABELS:
                cand = self._entity(ent, surnames)
                if cand is not None and len(ent) == 1 and ent.text.lower() in persons and not _strong(cand.entries):
                    cand.person = True   # "Petro" (Gustavo Petro, tagged PERSON elsewhere): see resolve._plausible
                if cand is not None:
                    found[ent.start] = cand
        self._countries = {e.country for c in found.values() for e in c.entries
                           if e.feature == "PCLI" or len({x.country for x in c.entries}) == 1}
        for ent in ents:
            if ent.label_ in NAME_LABELS:
                cand = self._demonym(ent) if self._demonym_only(ent) else self._name_entity(ent, surnames)
                if cand is not None:
                    found[ent.start] = cand
        named = {c.text for c in found.values() if c.entries and not c.person}
        told = {n.lower() for n in named} | self._filed   # in any case: "EL TARRA, Norte de Santander"
        for ent in ents:  # a name the text also uses as a place elsewhere ("the Palmyra citadel"; "El Fasher" read as
            # ORG), its dateline included ("EL TARRA - ... the families of El Tarra")
            if ent.label_ in NAME_LABELS and ent.start not in found and ent.text.lower() in told \
                    and ent[-1].lower_ not in surnames:
                found[ent.start] = Candidate(ent.start, ent.end, ent.start_char, ent.end_char, ent.text,
                                             ent.label_, self.gaz.lookup(ent.text))
        for ent in ents:
            if ent.start not in found and _misread_date(ent):
                continue   # "in Mayadeen" read as a DATE: the gazetteer may still know the name
            if ent.start in found or ent.label_ != "NORP":
                for i in range(ent.start, ent.end):
                    blocked[i] = True
            if ent.start not in found and len(ent) > 1 and ent.label_ not in ("PERSON", "NORP", "DATE"):
                cand = self._org_prefix(ent, named) or self._place_closing(ent, named)
                if cand is not None:
                    found[cand.start] = cand
        return list(found.values())

    def _widened(self, doc: Any, ents: list[Any]) -> list[Any]:
        """Entities the small model cut short, made whole: an entity inside a longer name the gazetteer knows as a
        place ("Finote" of "Finote Selam", "Markos" of "Debre Markos", "Croix" of "Croix-des-Bouquets": capitalised
        words or words joined on by hyphens around it) becomes that name. An entity it runs into gives way."""
        out: list[Any] = []
        taken = 0
        for ent in ents:
            if ent.start < taken:
                continue
            left, stop = ent.start, ent.end
            while left > taken and ent.start - left < WIDEN_TOKENS and (
                    _capitalised(doc[left - 1]) or _hyphen_joined(doc, left)) and "\n" not in doc[left - 1].whitespace_:
                left -= 1
            while stop < len(doc) and stop - ent.end < WIDEN_TOKENS and (
                    _capitalised(doc[stop]) or _hyphen_joined(doc, stop)) and "\n" not in doc[stop - 1].whitespace_:
                stop += 1
            spans = sorted(((a, b) for a in range(left, ent.start + 1) for b in range(ent.end, stop + 1)
                            if (a, b) != (ent.start, ent.end)), key=lambda ab: ab[0] - ab[1])
            for a, b in spans:
                span = doc[a:b]
                if span[0].is_punct or span[-1].is_punct or span[0].lower_ in CONNECTORS or \
                        span[-1].lower_ in CONNECTORS:
                    continue
                if any(not e.loose and e.kind in (0, 1) and e.feature not in ("PCLI", "CONT")
                       for e in self.gaz.lookup(span.text)):
                    ent = Span(doc, a, b, label="GPE")
                    break
            out.append(ent)
            taken = ent.end
        return out

    def _place_closing(self, ent: Any, named: set[str]) -> Candidate | None:
        """A place the tagger ran into a name before it: "the Central Bank in Colombo", "the Grand Mosque
        in Kano" (one ORG or FAC entity). The words after "in" or "at" are the place where the name is."""
        cut = next((t.i for t in ent[1:-1] if t.lower_ in ("in", "at")), None)
        if cut is None:
            return None
        span = ent.doc[cut + 1:ent.end]
        if len(span) > 3 or not all(_capitalised(t) for t in span) or span.text.lower() in self.lex.stopwords:
            return None
        entries = tuple(e for e in self.gaz.lookup(span.text) if not e.loose)
        if entries and (span.text in named or self._known_country(entries, 5_000)):
            return Candidate(span.start, span.end, span.start_char, span.end_char, span.text, "GAZ", entries,
                             role="place")
        return None

    def _org_prefix(self, ent: Any, named: set[str]) -> Candidate | None:
        """A place opening an organisation's name: "the Texas Forest Service", "U.S. Army".

        Accepted when it is a country or state, a demonym, a big town of a country the story
        names, or a place the text names on its own elsewhere (``named``)."""
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        for stop in range(min(ent.end - 1, start + 3), start, -1):
            span = ent.doc[start:stop]
            if not all(_capitalised(t) for t in span) or span[-1].whitespace_ == "" and \
                    ent.doc[stop].text == "-" or span.text.lower() in self.lex.stopwords:
                continue
            entries = tuple(e for e in self.gaz.lookup(span.text) if not e.loose)
            if entries and (span.text in named or self._known_country(entries, 100_000)):
                role = "demonym" if entries[0].kind == 3 else \
                    "place" if ent[-1].lower_ in self.lex.facility_heads else "org"
                return Candidate(span.start, span.end, span.start_char, span.end_char, span.text,
                                 ent.label_, entries, role=role)
        return None

    def _entity(self, ent: Any, surnames: dict[str, set[str]]) -> Candidate | None:
        label = ent.label_
        if label == "NORP":
            return self._demonym(ent)
        if label in NAME_LABELS:
            return self._name_entity(ent, surnames)
        if label not in PLACE_LABELS or ent.text.lower().removeprefix("the ") in self.lex.never_places:
            return None
        cand = self._match_span(ent, label)
        if cand is not None:
            cand = self._compass_region(ent.doc, cand) or cand
        if cand is None and ent[0].is_title and ent.text.lower() not in self.lex.stopwords and \
                not any(ch.isdigit() for ch in ent.text) and not self._person_name(ent) and \
                not (len(ent) == 1 and ent[0].is_sent_start and ent[0].tag_ in ("NN", "NNS")):
            # "M23", "Route 6" are no unknown places; nor is "Tamerlan" of "Tamerlan Tsarnaev"; nor a common
            # noun capitalised only because it opens the sentence ("Vigilantes killed 14 herders")
            return Candidate(ent.start, ent.end, ent.start_char, ent.end_char, ent.text, label, ())
        return cand

    def _compass_region(self, doc: Any, cand: Candidate) -> Candidate | None:
        """"eastern Syria", "north-east Syria", "southern Lebanon": the region the gazetteer holds by that
        name, when a compass adjective opens the name of a country or province."""
        if not any(e.is_area for e in cand.entries):
            return None
        for k in (3, 1):   # "north - east Syria"; "eastern Syria"
            start = cand.start - k
            if start < 0:
                continue
            words = doc[start:cand.start]
            if not words[0].is_alpha or not all(t.lower_ in self.lex.compass_adjectives or t.text == "-"
                                                for t in words):
                continue
            entries = tuple(e for e in self.gaz.lookup(doc[start:cand.end].text) if e.is_area)
            if entries:
                return Candidate(start, cand.end, doc[start].idx, cand.end_char, doc[start:cand.end].text,
                                 cand.label, entries)
        return None

    def _match_span(self, span: Any, label: str) -> Candidate | None:
        span = _without_direction(span, self.lex)
        if not len(span):
            return None   # a direction alone ("north-west" the tagger took for a name) is no place
        for variant, region in _variants(span, self.lex):
            entries = self.gaz.lookup(variant.text)
            if entries:
                return Candidate(variant.start, variant.end, variant.start_char, variant.end_char,
                                 variant.text, label, entries, region_cue=region)
        return None

    def _demonym_only(self, ent: Any) -> bool:
        """One word the tagger took for a name that the gazetteer knows only as a demonym ("the Ugandan capital",
        "Burkinabe troops", tagged ORG)."""
        entries = self.gaz.lookup(ent.text) if len(ent) == 1 else ()
        return bool(entries) and all(e.kind == 3 for e in entries)

    def _demonym(self, ent: Any) -> Candidate | None:
        entries = tuple(e for e in self.gaz.lookup(ent.text) if e.kind == 3 or e.feature == "PCLI")
        if not entries:
            return None
        return Candidate(ent.start, ent.end, ent.start_char, ent.end_char, ent.text, "NORP", entries,
                         role="demonym")

    def _name_entity(self, ent: Any, surnames: dict[str, set[str]]) -> Candidate | None:
        """A PERSON/ORG span that is really a place ("Palmyra" tagged PERSON)."""
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if ent[0].lower_ == "the" and 1 < len(ent) <= 4:   # "a sarin attack on the Eastern Ghouta" (tagged ORG)
            rest = ent[1:]
            areas = tuple(e for e in self.gaz.lookup(rest.text) if not e.loose and e.is_area)
            if rest[0].is_title and areas and self._known_country(areas, STRONG_POPULATION):
                return Candidate(rest.start, rest.end, rest.start_char, rest.end_char, rest.text, ent.label_, areas)
        if not (ent[0].is_title or _article_name(ent, self.lex)) or \
                surnames.get(ent[-1].lower_, {ent.text}) - {ent.text} or ent.text.lower() in self.lex.stopwords:
            return None
        if prev is not None and prev.lower_.rstrip(".") in self.lex.person_titles:
            return None
        area = self._admin_area(ent)
        if area is not None:
            return area
        entries = self.gaz.lookup(ent.text)
        if self._place_apposition(ent):   # "Khan Sheikhoun, a town in Idlib province" names a place
            return Candidate(ent.start, ent.end, ent.start_char, ent.end_char, ent.text, ent.label_, entries)
        exact = tuple(e for e in entries if not e.loose)
        taken = self._placed_by_verb(ent.root)
        # "next to Sanaa international airport", "the Kabul prison": a name that opens a site's name is its town
        opens_site = len(ent) == 1 and ent.root.dep_ == "compound" and ent.root.head.lower_ in self.lex.facility_heads
        if opens_site and prev is not None and prev.lower_ not in LOCATIVE:
            # a person's name also opens a site's name ("Kennedy airport"): a big town only
            return Candidate(ent.start, ent.end, ent.start_char, ent.end_char, ent.text, ent.label_, entries) \
                if _strong(exact, PERSON_POPULATION) else None
        if prev is not None and len(ent) <= 3 and (prev.lower_ in LOCATIVE or _of_a_place_noun(ent, self.lex) or taken
                                                     or _apposed_to_place_noun(ent, self.lex)):
            # "protested in Banja Luka", "the northern edge of El Fasher", "forces recaptured Mocímboa da Praia";
            # a village of a country the story names, whatever its size ("fighting near Musa Qala")
            ok = _strong(exact, LOCATIVE_POPULATION) or self._known_country(exact, 0)
        elif len(ent) > 1:
            return None
        else:
            tok = ent[0]
            in_phrase = (tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS) or self._placed_by_verb(tok)
            ok = self._known_country(entries, STRONG_POPULATION if ent.label_ != "PERSON" or in_phrase
                                     else PERSON_POPULATION)
        return Candidate(ent.start, ent.end, ent.start_char, ent.end_char, ent.text, ent.label_, entries) if ok else None

    def _placed_by_verb(self, tok: Any) -> bool:
        """The word is what a verb of places acts on ("forces recaptured Palmyra", "Kanbalu was bombed") or what
        falls ("Avdiivka fell in February"; not "Kabul fell silent")."""
        verb = tok.head.lemma_.lower()
        if tok.dep_ == "dobj":
            return verb in self.lex.place_object_verbs
        if tok.dep_ == "nsubjpass":
            return verb in self.lex.place_passive_verbs
        return tok.dep_ == "nsubj" and verb in self.lex.place_subject_verbs and \
            not any(c.dep_ in ("acomp", "oprd", "dobj") for c in tok.head.children)

    def _admin_area(self, ent: Any) -> Candidate | None:
        """A name closed by a word of an administrative area that the tagger read as a name ("Tsafe Local
        Government Area", "Tsafe LGA", "Sarobi District" tagged ORG, "Bassa Local Government Area of Plateau
        State" as one ORG): the area's name, when the gazetteer has it in the province named after "of", else in a
        country the story names, else in one country only (the designator already says it is a place). Words
        that also close organisations' names ("Islamic State", "the State Department") are left to the name
        rules."""
        cut = next((t.i for t in ent[1:-1] if t.lower_ == "of"), ent.end)
        head = ent.doc[ent.start:cut]
        last = head[-1].lower_
        if len(head) < 2 or last not in self.lex.region_words:
            return None
        cand = self._match_span(head, ent.label_)
        if cand is None or not (cand.region_cue or last in self.lex.org_words):
            return None
        exact = tuple(e for e in cand.entries if not e.loose)
        if last in self.lex.org_words:
            # "Bauchi State", "Unity State" name a province ("Islamic State" and "the State Department" name
            # none): only the province of that name is meant
            exact = tuple(e for e in exact if e.feature == "ADM1")
            if not exact:
                return None
        outer = self._match_span(ent.doc[cut + 1:ent.end], ent.label_) if cut < ent.end else None
        if outer is not None:
            provinces = {(e.country, e.admin1) for e in outer.entries if e.feature == "ADM1"}
            exact = tuple(e for e in exact if (e.country, e.admin1) in provinces)
            known = bool(exact)
        else:
            known = bool(exact) and (self._known_country(exact, 0) or len({e.country for e in exact}) == 1)
        return replace(cand, entries=exact) if known else None

    @staticmethod
    def _person_name(ent: Any) -> bool:
        """Every word of the name is a word of a person the text names in full."""
        words = {t.lower_ for e in ent.doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
        return all(t.lower_ in words for t in ent if not t.is_punct)

    def _place_apposition(self, ent: Any) -> bool:
        """The name is followed by an apposition headed by a place noun: "X, a town in ...", "X, the
        village near ...", "X, a small border town", "X, the capital of Gezira state"."""
        doc, i = ent.doc, ent.end
        if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an", "the"):
            return False
        for tok in doc[i + 2:min(i + 6, len(doc))]:
            if (tok.lower_ in self.lex.place_nouns or tok.lower_ in self.lex.apposition_place_heads) and \
                    tok.pos_ == "NOUN" and tok.dep_ != "compound":
                return True   # not "John Smith, a town councillor"
            if tok.pos_ not in ("ADJ", "NOUN", "PROPN") or tok.is_punct:
                return False
        return False

    def _known_country(self, entries: tuple[Entry, ...], population: int, *, loose: bool = False) -> bool:
        """A strong entry that is a country/state, or lies in a country the story names."""
        return any(e.kind <= 2 and (loose or not e.loose) and (e.feature in ("PCLI", "ADM1") or (
            e.country in self._countries and _notable(e, population)))
            for e in entries)

    # --- gazetteer matching of capitalised spans -----------------------------
    def _from_gazetteer(self, doc: Any, blocked: list[bool]) -> list[Candidate]:
        self._surnames = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        known = set(self._countries)
        found = self._gazetteer_pass(doc, blocked)
        if self._countries != known:   # a country named after a town of it ("near Dori in Burkina Faso")
            taken = {i for c in found for i in range(c.start, c.end)}
            found += self._gazetteer_pass(doc, [b or i in taken for i, b in enumerate(blocked)])
        return found

    def _gazetteer_pass(self, doc: Any, blocked: list[bool]) -> list[Candidate]:
        found = []
        for start, end in self._capitalised_runs(doc, blocked):
            i = start
            while i < end:
                cand = self._longest_match(doc, i, end)
                if cand is None:
                    i += 1
                    continue
                found.append(cand)
                # a country named where the tagger saw none ("BURKINA FASO: An explosive device killed three
                # soldiers near Dori"): its towns are the story's from here on, as those of a tagged one are
                self._countries |= {e.country for e in cand.entries if e.feature == "PCLI" and not e.loose}
                i = cand.end
        return found

    @staticmethod
    def _capitalised_runs(doc: Any, blocked: list[bool]) -> Iterator[tuple[int, int]]:
        i, n = 0, len(doc)
        while i < n:
            if blocked[i] or not _capitalised(doc[i]):
                i += 1
                continue
            j = i + 1
            while j < n and not blocked[j] and (_capitalised(doc[j]) or doc[j].lower_ in CONNECTORS):
                j += 1
            yield i, j
            i = j

    def _longest_match(self, doc: Any, start: int, end: int) -> Candidate | None:
        for stop in range(min(end, start + MAX_TOKENS), start, -1):
            span = doc[start:stop]
            if span[-1].lower_ in CONNECTORS or span[-1].is_punct:
                continue
            entries = self.gaz.lookup(span.text)
            if entries and self._accept_gazetteer(span, entries):
                return Candidate(span.start, span.end, span.start_char, span.end_char, span.text, "GAZ",
                                 entries, role="demonym" if entries[0].kind == 3 else "place")
        return None

    def _accept_gazetteer(self, span: Any, entries: tuple[Entry, ...]) -> bool:
        exact = tuple(e for e in entries if not e.loose)
        if len(span) == 1:
            tok = span[0]
            if tok.lower_.rstrip(".") in self.lex.stopwords or tok.pos_ != "PROPN" or len(tok) < 3:
                return False
            if tok.lower_ in self._surnames:
                return False
            if not self._known_country(exact, 5_000):
                # a village of the story's country in a place phrase ("clashes near Talipao"), or another
                # spelling of a town of it ("in Mayadeen")
                return tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE and self._known_country(exact, 0) or \
                    tok.dep_ == "pobj" and tok.head.lower_ in PLACE_PREPS and \
                    self._known_country(tuple(e for e in entries if e.loose), STRONG_POPULATION, loose=True)
            if tok.is_sent_start and not _strong(exact, 100_000) and not _opens_dateline(tok):
                return False   # a capitalised first word is no name, unless it opens a dateline
        prev = span.doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_.rstrip(".") in self.lex.person_titles:
            return False
        return _strong(exact, 5_000) or _strong(entries, 100_000)

    # --- "the capital" ------------------------------------------------------------
    def _capitals(self, doc: Any, blocked: list[bool], found: list[Candidate]) -> list[Candidate]:
        """"In the capital, a magnetic bomb killed a prosecutor", "Burundi's capital", "the Somali capital":
        the capital of the country its possessor, adjective or "of" phrase names (one toponym with it),
        else of the country the story's places point to most. Not "the state capital", "the commercial
        capital", "capital punishment", nor a capital the text names beside it ("the capital, Kabul")."""
        from spacy.attrs import LOWER

        where = (doc.to_array([LOWER]) == doc.vocab.strings["capital"]).nonzero()[0].tolist() if len(doc) else []
        at = {c.start: c for c in found}
        out = []
        for tok in (doc[i] for i in where):
            if tok.tag_ != "NN" or blocked[tok.i] or tok.dep_ in ("compound", "amod"):
                continue
            if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" or self._named_beside(doc, tok, at):
                continue
            country, named_by = self._capital_country(tok, at)
            entry = self.gaz.capital(country) if country is not None else None
            if entry is None:
                continue
            start = named_by.start if named_by is not None and named_by.start < tok.i else tok.i
            if self._named_before(doc, min(start, tok.left_edge.i), found):
                continue   # "Ouagadougou, Burkina Faso's capital", "Kinshasa, the Congolese capital"
            if named_by is not None:
                found.remove(named_by)   # "Burundi's capital" is one place: Bujumbura
                del at[named_by.start]
            span = doc[start:tok.i + 1]
            out.append(Candidate(start, tok.i + 1, span.start_char, span.end_char, span.text, "CAPITAL", (entry,)))
        return out

    @staticmethod
    def _named_before(doc: Any, start: int, found: list[Candidate]) -> bool:
        """The capital's phrase follows a place name and a comma: it describes that place."""
        i = start - 1
        if i < 1 or doc[i].text not in (",", "\u2014", "-", "("):
            return False
        return any(c.end == i and c.role == "place" for c in found)

    @staticmethod
    def _named_beside(doc: Any, tok: Any, at: dict[int, Candidate]) -> bool:
        """"the capital, Kabul", "the capital Mogadishu": the name is told beside it."""
        i = tok.i + 1
        while i < len(doc) and doc[i].text in (",", "\u2014", "-"):
            i += 1
        return i < len(doc) and (i in at or doc[i].pos_ == "PROPN" and doc[i].dep_ == "appos")

    def _capital_country(self, tok: Any, at: dict[int, Candidate]) -> tuple[str | None, Candidate | None]:
        """The country whose capital ``tok`` is, and the toponym that names it (None when the story tells it)."""
        def country_of(word: Any) -> tuple[str | None, Candidate | None]:
            cand = next((c for c in at.values() if c.start <= word.i < c.end), None)
            codes = {e.country for e in cand.entries if e.feature == "PCLI" or e.kind == 3} if cand else set()
            if len(codes) > 1:   # "the Congolese capital": the country among them that the story's places name
                told = {code for c in at.values() if c is not cand and c.role == "place"
                        for code in {e.country for e in c.entries[:1]}} & codes
                codes = told if len(told) == 1 else codes
            return (codes.pop(), cand) if len(codes) == 1 else (None, None)

        named: tuple[str | None, Candidate | None] = (None, None)
        for mod in (c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")):
            found = country_of(mod)
            if found[0] is not None and named[0] is None:
                named = found
            elif found[0] is None and not (mod.dep_ == "poss" and mod.lower_ in ("its", "their", "country", "nation")):
                return None, None   # "the state capital", "Malawi's commercial capital", "the rebels' capital"
        if named[0] is not None:
            return named
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            obj = next((c for c in of.children if c.dep_ == "pobj"), None)
            return country_of(obj)[0] if obj is not None else None, None
        if not any(c.dep_ in ("det", "poss") for c in tok.children):
            return None, None
        # the places of its own sentence first ("Moscow's mayor said air defences shot down two drones approaching
        # the capital", in a story of Ukraine), then the story's
        sent = tok.sent
        own = {e.country for c in at.values() if sent.start <= c.start < sent.end and c.role == "place"
               for e in c.entries[:1] if e.kind != 1}   # not a town known by the name only as another of its names
                                                         # ("Gulshan" of Dhaka is also a name of Tabas in Iran)
        if len(own) == 1:
            return own.pop(), None
        votes: dict[str, int] = {}
        for cand in at.values():
            codes = {e.country for e in cand.entries}
            if len(codes) == 1 and cand.role in ("place", "demonym"):
                code = codes.pop()
                votes[code] = votes.get(code, 0) + 1
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if not ranked or len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]:
            return None, None   # no country, or no clear one
        return ranked[0][0], None

    # --- roles ------------------------------------------------------------------
    def _role(self, doc: Any, cand: Candidate) -> str:
        if cand.role == "place" and self._in_org_name(doc, cand.start):
            return "org"
        if cand.role == "place" and (_qualifies_actor(doc, cand.end) or _sponsor(doc[cand.start:cand.end].root)):
            return "actor"   # "United States-backed fighters", "a coalition led by Saudi Arabia": a sponsor, no place
        if cand.role != "place" or not any(e.feature in ("PCLI", "PPLC") for e in cand.entries):
            return cand.role
        root = doc[cand.start:cand.end].root
        head = root.head
        if root.dep_ == "nsubj" and head.lemma_.lower() in self.lex.metonymy_verbs:
            return "actor"
        if root.dep_ == "poss" and head.lower_ in self.lex.actor_heads:
            return "actor"
        first = root   # "French and US aircraft": the second of two qualifiers qualifies the same noun
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        head = first.head
        if first.dep_ in ("compound", "amod") and head.lower_ in self.lex.actor_heads and head.i > first.i:
            return "actor"
        return "place"


    def _in_org_name(self, doc: Any, start: int) -> bool:
        """ "the Islamic State of Iraq", "Front for the Liberation of Palestine": part of a name."""
        i = start - 1
        while i >= 0 and doc[i].lower_ in ("the", "and"):
            i -= 1
        if i < 1 or doc[i].lower_ not in ("of", "for"):
            return False
        prev = doc[i - 1]
        return prev.is_title and prev.lower_ in self.lex.org_words


ACTOR_QUALIFIERS = frozenset({"backed", "led", "supported", "funded", "allied", "aligned", "sponsored",
                              "trained", "armed", "controlled", "run", "based", "born", "made", "linked"})


ALLEGIANCE_WORDS = frozenset({"loyal", "allied", "aligned", "affiliated", "linked", "close", "answerable"})


def _sponsor(root: Any) -> bool:
    """The name is the agent of an actor's qualifier ("a coalition led by Saudi Arabia", "militias backed by
    Iran") or what an actor is loyal to ("fighters loyal to Damascus"): whose side, not where."""
    prep = root.head
    if root.dep_ != "pobj" or prep.i == root.i:
        return False
    word = prep.head.lower_
    return (prep.lower_ == "by" and word in ACTOR_QUALIFIERS) or (prep.lower_ in ("to", "with") and
                                                                   word in ALLEGIANCE_WORDS)


def _qualifies_actor(doc: Any, end: int) -> bool:
    """The name is the first part of a hyphenated qualifier of an actor ("US-backed", "Turkey-led")."""
    return end + 1 < len(doc) and doc[end].text in ("-", "\u2010", "\u2011") \
        and doc[end + 1].lower_ in ACTOR_QUALIFIERS


def _misread_date(ent: Any) -> bool:
    """A DATE or TIME entity of capitalised names without a digit or a calendar word ("Mayadeen"
    tagged DATE by a small model): no date at all."""
    from eventwire.resolve.dates import calendar_words

    words = calendar_words()
    return ent.label_ in ("DATE", "TIME") and all(
        t.pos_ == "PROPN" and t.is_title and t.lower_.rstrip(".") not in words for t in ent)


def _hyphen_joined(doc: Any, i: int) -> bool:
    """Token ``i`` belongs to the word before it through a hyphen with no space ("Croix-des-Bouquets")."""
    tok, prev = doc[i], doc[i - 1]
    return (tok.text == "-" and not prev.whitespace_) or (prev.text == "-" and not prev.whitespace_ and
                                                           i >= 2 and not doc[i - 2].whitespace_)


def _capitalised(tok: Any) -> bool:
    text = tok.text
    return bool(text) and text[0].isupper() and not tok.is_punct and (len(text) > 1 or text == "I")


def _opens_dateline(tok: Any) -> bool:
    """"ADRE, Chad \u2014 Mariam ...", "Baquba (Reuters) -": the place opening a paragraph's dateline (a
    paragraph break ends the headline's sentence, so the dateline's place starts the lede's)."""
    return DATELINE.match(tok.doc[tok.i:tok.i + 12].text) is not None


def _of_a_place_noun(ent: Any, lex: Any) -> bool:
    """The name follows "of" after a word of a place or its surroundings: "on the northern edge of El Fasher",
    "the outskirts of Ras Kamboni", "the city of Wad Madani" (tagged ORG there, and nowhere a place)."""
    if ent.start < 2 or ent.doc[ent.start - 1].lower_ != "of":
        return False
    head = ent.doc[ent.start - 2].lower_
    return head in lex.near_words or head in lex.place_nouns


def _apposed_to_place_noun(ent: Any, lex: Any) -> bool:
    """The name stands in apposition to a word of a place before it: "in the country's largest city, Karachi",
    "the town, Balcad" (the name tagged ORG there)."""
    root = ent.root
    return root.dep_ == "appos" and root.head.i < ent.start and root.head.pos_ == "NOUN" and \
        root.head.lower_ in lex.place_nouns
