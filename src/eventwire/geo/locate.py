"""Event location: which resolved place each event mention happened at.

For a mention (trigger + sentence, clean-text spans) the candidates are the
sentence's ``place`` toponyms (not demonyms, not metonymic actors, not places
inside organisation names), minus destinations and origins of movement
("retreated to Sukhnah", "fled from Aleppo"). The winner is the one most
tightly bound to the trigger (in its dependency subtree, after a locative
preposition, closest in tokens). ACLED precision: 1 town; 2 near / outskirts /
north of a town, crossings and bases; 3 region, province ("in the countryside
of Homs", "Homs province": the admin1 area), country. Without a place in the
sentence, a definite "the town" / "the city" / "the province" in the trigger's
clause names again the latest town (province) told before; else the dateline
place (precision >= 2) or the document's main place (precision >= 2) is used
with a lower score.

A place the gazetteer lacks ("the Lushagala camp", "Mugunga") keeps its surface
name and takes its coordinates from a resolved place of the same sentence
(precision 2 next to a town, 3 otherwise) or else from the story's country
(the country most of the document's places and demonyms point to; its
province when the places agree on one), precision 3: a location always has a
country when the story's country is clear.
"""

from __future__ import annotations

import re

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from eventwire.config import Settings
from eventwire.detect.view import clause_chain, clause_verb, same_clause
from eventwire.geo.gazetteer import AREA_FEATURES, Gazetteer, distance_km, load_gazetteer
from eventwire.geo.lexicon import GeoLexicon, geo_lexicon
from eventwire.geo.normalize import plain_key
from eventwire.geo.toponyms import place_of
from eventwire.pipeline import Stage
from eventwire.records import Document, Mention, Place, Span, Toponym
from eventwire.resolve.dates import compared

DATELINE_CHARS = 60
FAR_FROM_CONTAINER_KM = 100
ROAD_PREPS = frozenset({"on", "along", "near", "off", "at", "in", "beside", "by"})   # a happening on a road
FINER_MARGIN = 1.0   # how much less well a town inside the chosen area may be bound to the event and still be chosen
NOT_PLACE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"})
CUE_WINDOW = 4
STORY_COUNTRY_SHARE = 0.5
STORY_ADMIN_SHARE = 0.6
KNOWN_TOWN = 100_000


def story_country(places: list[Place]) -> str | None:
    """The country most resolved places and demonyms of a document point to (None if unclear:
    no place, or no country with at least half of them)."""
    counts = Counter(p.country for p in places if p.country)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n / sum(counts.values()) >= STORY_COUNTRY_SHARE else None


def _group_name(text: str) -> bool:
    """The whole name is an armed group's ("Islamic State West Africa Province", "Sinai Province"): a place noun
    closes it, but it names no place."""
    from eventwire.resolve.actors import ARMED_TYPES, load_actor_dictionary

    actor = load_actor_dictionary().resolve(text)
    return actor is not None and actor.type in ARMED_TYPES and actor.mention == text


def _tokens(spacy_doc: Any, start: int, end: int) -> Any:
    return spacy_doc.char_span(start, end, alignment_mode="expand")


_AREA_RANK = {"CONT": 6.0, "PCLI": 5.0, "ADM1": 4.0, "RGN": 3.5, "ADM2": 3.0}


def coarseness(place: Place | None) -> float:
    """How coarse a place is: country > province > district > big town > small town > unknown."""
    if place is None:
        return 0.0
    if place.feature in _AREA_RANK:
        return _AREA_RANK[place.feature]
    return 1.0 + (2.0 if place.feature == "PPLC" else 0.0)


_COLON_TAIL = re.compile(r"(?:,[^:\n]{1,25})?:\s+(?=[A-Z\"\u201c])")   # "Raipur:", "Srinagar, Sept 4:"
_PARAGRAPH_WORDS = 15   # a line this long ending in a full stop is a paragraph: datelines come before
_DATELINE_REACH = 800   # characters of title, standfirst and byline a colon or title-case dateline may follow
# a country or province may follow the town ("BAQUBA, Iraq -"), and with a day ("ADEN, April 7 (Reuters) -",
# "KABUL, Afghanistan, Sept. 5 (AP) -"); then the agency in brackets and a dash
_NAME = r"[A-Z][\w.'-]*"
_AGENCY_DASH = r"\s*(?:\([^()\n]{1,40}\)\s*)?[-\u2013\u2014]"
_DATELINE_TAIL = re.compile(rf"(?:\s*,\s*{_NAME}(?:\s[A-Z0-9][\w.'-]*){{0,3}}){{0,2}}{_AGENCY_DASH}")
_DATELINE_TAIL_PLAIN = re.compile(rf"(?:\s*,\s*{_NAME}(?:\s{_NAME}){{0,3}})?{_AGENCY_DASH}")


def _inside_any(top: Toponym, areas: list[Toponym]) -> bool:
    """A town (precision 1) in the province of one of ``areas``."""
    p = top.place
    return p is not None and p.geo_precision == 1 and p.feature not in AREA_FEATURES and any(
        a.place is not None and a.place.feature == "ADM1" and a.place.country == p.country and
        a.place.admin1 and a.place.admin1 == p.admin1 for a in areas)


def holds(area: Place, place: Place) -> bool:
    """The place lies in the wider one: its country, its province or its district (by the gazetteer's codes: an
    area's centre may lie far away), or within ``FAR_FROM_CONTAINER_KM`` of it."""
    if area.feature == "PCLI":
        return area.country == place.country
    if area.feature == "ADM1" and area.admin1:
        return area.country == place.country and area.admin1 == place.admin1
    if area.feature == "ADM2" and area.admin2 and place.admin2:
        return area.country == place.country and area.admin2 == place.admin2
    if area.feature == "ADM2" and area.admin1 and place.admin1:   # a town the gazetteer links to its province only
        return area.country == place.country and area.admin1 == place.admin1
    return None not in (place.lat, area.lat) and \
        distance_km(place.lat, place.lon, area.lat, area.lon) <= FAR_FROM_CONTAINER_KM


_BYLINE = re.compile(r"[ \t]*By[ \t]+[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){0,3}"
                     r"(?:[ \t]*,[ \t]*[A-Z][\w'-]*(?:[ \t]+[A-Z][\w'-]*){0,2})?[ \t]*$")


def _told_after(trigger: Any, verb: Any) -> bool:
    """The trigger's clause is a later conjunct of the movement ``verb``: they went there, then did it."""
    act = clause_verb(trigger)
    return act.i > verb.i and any(c.i == act.i for c in verb.conjuncts)


WHILE_WORDS = frozenset({"as", "while", "when"})   # a movement told as the time of the happening


def _while_it_happened(verb: Any, clause: Any) -> bool:
    """A movement told as the time of the happening ("exploded as a train pulled into Lyon"), however the parse hangs
    it: 'as' the movement's mark, or a preposition of the happening's verb with the vehicle as its object."""
    if not ((verb.dep_ == "advcl" and verb.head.i == clause.i) or
            (verb.dep_ == "acl" and verb.head.dep_ == "pobj" and verb.head.head.head.i == clause.i)):
        return False
    lo, hi = sorted((clause.i, verb.i))
    return any(t.lower_ in WHILE_WORDS and t.dep_ in ("mark", "prep", "advmod") and t.head.i in (verb.i, clause.i)
               for t in verb.doc[lo + 1:hi])


def _origin(spacy_doc: Any, top: Toponym) -> bool:
    """The place is told as where someone or something came from ("reinforcements from Bauchi")."""
    span = _tokens(spacy_doc, top.start, top.end)
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ == "from"


def is_dateline(text: str, top: Toponym, *, with_day: bool = False) -> bool:
    """The toponym is a dateline or inside one ("MAIDUGURI, Nigeria \u2014 ...", "BAQUBA, Iraq (Reuters) -", in title
    case only where it opens the body: "Bangkok - ...", "Raipur: ...") or
    in a byline ("By Ahmed Sani, Gusau", "By Our Correspondent, Lahore"): where the story was filed, not a
    place of its sentence's event. ``with_day``: a day may follow the town ("ADEN, April 7 (Reuters) -"), as
    asked where "the city" points back to a town named before (never the town filed from). The lede's own
    places, the story's town and the fallback keep the dateline without a day: read with the day there too, the
    article sets lost a check half (t13: a bulletin's events filed from where they happened)."""
    line_start = text.rfind("\n", 0, top.start) + 1
    line_end = text.find("\n", top.end)
    if _BYLINE.match(text, line_start, line_end if line_end >= 0 else len(text)):
        return True
    head = re.match(r"\s*[A-Z][\w.'-]*(?:\s[A-Z][\w.'-]*){0,3}", text[line_start:line_start + DATELINE_CHARS])
    if head is None:
        return False
    tail = (_DATELINE_TAIL if with_day else _DATELINE_TAIL_PLAIN).match(text, line_start + head.end())
    if tail is None:
        return _colon_dateline(text, line_start, head.end()) and top.end <= line_start + head.end()
    if not (head.group().strip().isupper() or "(" in tail.group()) and not (
            head.group().split()[0].lower() not in STOP_WORDS and _opens_body(text, line_start, tail.end())):
        return False   # "BAQUBA, Iraq -", "Baquba (Reuters) -", "Bangkok - " opening the body; not "In Kabul - ..."
    return top.end <= tail.end()


def _colon_dateline(text: str, line_start: int, head_end: int) -> bool:
    """"Raipur: Eight Maoists were killed ...", "PESHAWAR: Four policemen ...": the dateline of South Asian
    papers, a place and a colon opening the first paragraph of the body (only the title, a standfirst or
    a byline before it), the paragraph a sentence, not a heading ("SOUTH KIVU: BUKAVU CHANGES HANDS")."""
    line_end = text.find("\n", line_start)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    rest = _COLON_TAIL.match(line, head_end)
    return rest is not None and _opens_body(text, line_start, line_start + rest.end())


def _opens_body(text: str, line_start: int, rest: int) -> bool:
    """The line opens the body (only a title, a standfirst or a byline come before it) and goes on, from ``rest``,
    as a sentence, not a heading ("SOUTH KIVU: BUKAVU CHANGES HANDS", a round-up's "Ituri - " further down)."""
    if line_start > _DATELINE_REACH:
        return False
    line_end = text.find("\n", rest)
    after = text[rest:len(text) if line_end < 0 else line_end]
    if len(after.split()) < 8 or after.isupper():
        return False
    return not any(len(before.split()) >= _PARAGRAPH_WORDS and before.rstrip().endswith((".", '"', "\u201d"))
                   for before in text[:line_start].split("\n"))


TOWN_IN_REGION_KM = 100.0   # a town this near a region's point is taken to lie in it


_BESIDE_DEPS = frozenset({"advcl", "parataxis"})


def _within(top: Toponym, spans: list[tuple[int, int]]) -> bool:
    return any(a <= top.start and top.end <= b for a, b in spans)


def _told_beside(clause: Any, own: Any) -> bool:
    """The clause is told beside the other one, as a clause of its own ("..., while a bomb tore through a minibus
    near Dori", "..., as a roadside bomb killed two in Bajaur"), not embedded in one of its phrases nor conjoined
    with it ("stormed a village in Zamfara and abducted 20 people": one place for both)."""
    above = {a.i for a in own.ancestors} | {own.i}
    cur = clause
    while cur.i not in above:
        if cur.dep_ not in _BESIDE_DEPS or cur.head.i == cur.i:
            return False
        cur = cur.head
    return True


class Locator:
    """Chooses ``mention.location`` from a document's toponyms."""

    def __init__(self, gazetteer: Gazetteer, lexicon: GeoLexicon | None = None) -> None:
        self.gaz = gazetteer
        self.lex = lexicon or geo_lexicon()

    def __call__(self, doc: Document, mention: Mention, happened_at: Sequence[Place] = ()) -> Place | None:
        """The mention's place: named in its own sentence, else named again, else the story's (``happened_at``:
        the places the document's other news mentions name in their own sentences)."""
        away = self.other_clauses(doc, mention)
        chosen = self.own_place(doc, mention, away)
        return chosen if chosen is not None else self.borrowed_place(doc, mention, happened_at, away)

    def own_place(self, doc: Document, mention: Mention, away: list[tuple[int, int]] | None = None) -> Place | None:
        """The place the mention's own sentence names for it, or None (``away``: the other happenings' clauses,
        when the caller has read them already)."""
        away = self.other_clauses(doc, mention) if away is None else away
        return self._in_sentence(doc.nlp, self._tops(doc, away), mention, doc.clean_text, away)

    def borrowed_place(self, doc: Document, mention: Mention, happened_at: Sequence[Place] = (),
                       away: list[tuple[int, int]] | None = None) -> Place | None:
        """The place of a mention whose sentence names none: a place named again ("the town"), else the dateline or
        the story's place."""
        tops = self._tops(doc, self.other_clauses(doc, mention) if away is None else away)
        rejected = self._rejected(doc.nlp, tops, mention)   # not taken back by the fallback
        usable = [t for t in tops if t.place is not None and t not in rejected]
        # "the city" may point back to where someone went in its own sentence ("moved to Raqqa ...; the city
        # fell"), not to where someone spoke ("Speaking in Geneva, the envoy said the town was shelled")
        went = [t for t in rejected if t.place is not None and self._went_to(doc.nlp, t, mention)]
        told = self._named_again(doc.nlp, usable + went, mention)
        if told is not None:
            return told
        return self._fallback(doc.clean_text, usable, history=mention.is_background, happened_at=happened_at)

    @staticmethod
    def _tops(doc: Document, away: list[tuple[int, int]]) -> list[Toponym]:
        """The document's toponyms outside the clauses of other happenings (``away``)."""
        return [t for t in doc.toponyms if not _within(t, away)]

    @staticmethod
    def other_clauses(doc: Document, m: Mention) -> list[tuple[int, int]]:
        """Character spans of the clauses of other happenings the mention's sentence tells: "18 soldiers died in
        an assault on a base in the centre-north, while a bomb tore through a minibus on the road out of Dori"
        tells the bombing at Dori, not the assault. Their places are not the mention's."""
        others = [o for o in doc.mentions if o is not m and o.sentence.start == m.sentence.start
                  and o.trigger.start != m.trigger.start]
        if not others or doc.nlp is None:
            return []
        own = _tokens(doc.nlp, m.trigger.start, m.trigger.end)
        if own is None:
            return []
        own_clause = clause_verb(own.root)
        spans = []
        for o in others:
            trigger = _tokens(doc.nlp, o.trigger.start, o.trigger.end)
            if trigger is None:
                continue
            # "after a motorcycle packed with explosives blew up ...": the clause that holds what the phrase describes
            clause = clause_chain(clause_verb(trigger.root))[-1]
            if clause.i == own_clause.i or clause.left_edge.i <= own.root.i <= clause.right_edge.i:
                continue   # one clause, or the other happening's clause holds this one's
            if not _told_beside(clause, own_clause):
                continue   # a clause that describes something ("the government ousted from Sanaa") tells no
                           # happening beside this one: its places may still be this one's
            spans.append((doc.nlp[clause.left_edge.i].idx, doc.nlp[clause.right_edge.i].idx + len(clause.right_edge)))
        return spans

    def _named_again(self, spacy_doc: Any, tops: list[Toponym], m: Mention) -> Place | None:
        """A sentence without a place name of its own that names a place again ("The town was the target
        of a sarin attack in April"): the latest town (or province) named before the anaphor."""
        sentence = _tokens(spacy_doc, m.sentence.start, m.sentence.end) if spacy_doc is not None else None
        if sentence is None:
            return None
        trigger = _tokens(spacy_doc, m.trigger.start, m.trigger.end)
        if trigger is None:
            return None
        clause = clause_verb(trigger.root)
        country = story_country([t.place for t in tops if t.place is not None])
        text: str | None = None
        for tok in sentence:
            town = tok.lower_ in self.lex.town_anaphors
            if not (town or tok.lower_ in self.lex.province_anaphors) or tok.pos_ != "NOUN" or \
                    tok.dep_ == "compound" or not any(c.dep_ == "det" and c.lower_ in self.lex.anaphor_determiners
                                                      for c in tok.children) or \
                    any(c.dep_ in ("compound", "poss", "appos") or c.lower_ == "of" for c in tok.children):
                continue   # "the town of X", "the border town", "the city's X" name or own their place
            if not same_clause(clause_verb(tok), clause):
                continue   # "the city" of another clause is not where this happened ("stormed the school in
                # the city, killing 147" is one clause: the participle tells the same happening)
            text = text if text is not None else spacy_doc.text   # spaCy joins every token for it: read once
            before = [t for t in tops if t.role == "place" and t.end <= tok.idx
                      and not is_dateline(text, t, with_day=True)   # the town a story was filed from
                      and self._is_town(spacy_doc, t) == town
                      and not _origin(spacy_doc, t)]   # "Police reinforcements from Bauchi": where they came from
            # one named earlier in its own sentence, as a place or where someone went ("moved to Raqqa ...; the city
            # fell"); else the latest of the sentences before, of the story's country (the story's city, not Kabul)
            own = [t for t in before if t.start >= m.sentence.start]
            before = own or [t for t in before if t.end <= m.sentence.start
                             and (country is None or t.place.country == country)]
            if before:
                return self._lowered(max(own, key=lambda t: t.start) if own else _topic(spacy_doc, before),
                                     1 if town else 3, 0.6)
        return None

    def _went_to(self, spacy_doc: Any, top: Toponym, m: Mention) -> bool:
        """The place is named as where someone went or fled, and for no other role than the happening's."""
        trigger = _tokens(spacy_doc, m.trigger.start, m.trigger.end)
        span = _tokens(spacy_doc, top.start, top.end)
        return trigger is not None and span is not None and self._is_destination(span, trigger) and \
            not self._where_spoken(span, trigger) and not self._seat(span, trigger)

    def _rejected(self, spacy_doc: Any, tops: list[Toponym], m: Mention) -> list[Toponym]:
        trigger = _tokens(spacy_doc, m.trigger.start, m.trigger.end) if spacy_doc is not None else None
        if trigger is None:
            return []
        out = []
        for t in tops:
            if m.sentence.start <= t.start and t.end <= m.sentence.end:
                span = _tokens(spacy_doc, t.start, t.end)
                if span is not None and self._not_where(span, trigger, t):
                    out.append(t)
        return out

    def _not_where(self, span: Any, trigger: Any, top: Toponym) -> bool:
        """The sentence names the place for another role than where its happening was: where someone spoke,
        went or came from, the standard of a comparison ("the worst attack since the London bombings"), the
        area of a town told before ("in this municipality of the Catatumbo"), an organisation's seat."""
        return self._where_spoken(span, trigger) or self._is_destination(span, trigger) or \
            compared(span.root, trigger.root) or self._area_of_a_town(span, top) or self._seat(span, trigger) or \
            self._names_a_route(span)

    def _names_a_route(self, span: Any) -> bool:
        """The name names a road ("entered the market from the Biu road end"), not where anything happened there;
        a road the event is on stays ("a bomb on the Kabul-Jalalabad highway")."""
        root, doc = span.root, span.doc
        road = doc[span.end] if span.end < len(doc) else None
        if root.dep_ != "compound" or road is None or road.lower_ not in self.lex.route_nouns:
            return False
        phrase = road.head if road.dep_ == "compound" else road   # "the Biu road end"
        return not (phrase.dep_ == "pobj" and phrase.head.lower_ in ROAD_PREPS)

    def _seat(self, span: Any, trigger: Any) -> bool:
        """"the Syrian Observatory, a monitoring group based in Coventry", "the London-based Observatory":
        the place an organisation sits in (a seat word between the place and what it describes)."""
        tok = span.root
        for _ in range(4):   # Coventry <- in <- based; England <- Coventry <- in <- based
            head = tok.head
            if head.i == tok.i or trigger.start <= head.i < trigger.end:
                return False
            if head.lower_ in self.lex.seat_words:
                return True
            if tok.dep_ not in ("pobj", "prep", "npadvmod", "compound", "appos", "conj") and head.pos_ != "ADP":
                return False
            tok = head
        return False

    def _area_of_a_town(self, span: Any, top: Toponym) -> bool:
        """An area named as the wider area of a town the sentence does not name: "the massacre committed in
        this municipality of the Catatumbo" happened in the municipality (told before), not across the region."""
        root, place = span.root, top.place
        if place is None or place.feature not in AREA_FEATURES or root.dep_ != "pobj" or root.head.lower_ != "of":
            return False
        noun = root.head.head
        if noun.pos_ != "NOUN" or noun.lower_ not in self.lex.town_anaphors:
            return False
        # "the town of Adan Yabaal" names the town (a district's name too); "this municipality of the
        # Catatumbo", "a town of the Sahel" name its area
        the_area = span.start > 0 and span.doc[span.start - 1].lower_ == "the"
        det = next((c.lower_ for c in noun.children if c.dep_ == "det"), None)
        if not the_area and det == "the":
            return False
        # "this city of Aleppo" names the town that shares its province's name
        return not any(e.country == place.country and not e.is_area for e in self.gaz.lookup(top.text))

    # --- places in the sentence -------------------------------------------------
    def _in_sentence(self, spacy_doc: Any, tops: list[Toponym], m: Mention, text: str = "",
                     away: list[tuple[int, int]] = ()) -> Place | None:
        inside = [t for t in tops if t.role == "place" and m.sentence.start <= t.start and t.end <= m.sentence.end
                  and not is_dateline(text, t)]   # where it was filed
        if spacy_doc is not None:
            inside += [t for t in self._pattern_toponyms(spacy_doc, m.sentence, inside)
                       if not _within(t, away)]   # nor in another happening's clause
        resolved = [t for t in inside if t.place is not None]   # anchors for a name the gazetteer lacks
        sentence_places = inside
        if m.location_text is not None:
            named = [t for t in inside if t.start < m.location_text.end and m.location_text.start < t.end]
            # a province the syntax names keeps the towns of the sentence inside it in the running: "In the
            # department of Arauca, rebels blew up a pylon outside the town of Saravena" happened at Saravena
            areas = [self._area_named(spacy_doc, t) for t in named]   # "in Kupiansk in the Kharkiv region"
            within = [t for t in inside if t not in named and _inside_any(t, areas)]
            # ... as does a place of a country it names: "attacked the Kuweires air base in Syria"
            # ... and so does a district or province for a name the gazetteer lacks, a village it may hold: "at an
            # IDP camp in Ortese, also in Guma LGA"
            if any(a.place is not None and a.place.feature in ("ADM1", "ADM2") for a in areas):
                within += [t for t in inside if t not in named and t.place is None]
            # ... and a region the gazetteer lacks keeps the towns it knows: "near Wanlaweyn, in the Lower Shabelle
            # region"
            regions = [t for t in named if spacy_doc is not None and t.place is None
                       and (s := _tokens(spacy_doc, t.start, t.end)) is not None and self._named_as_area(s)]
            within += [t for t in inside if regions and t not in named and t.place is not None
                       and t.place.feature not in AREA_FEATURES
                       and not any(self._of_region(spacy_doc, t, r) for r in regions)]   # not "... of Damascus"
            within += [t for t in inside if t not in named and t not in within and t.place is not None
                       and t.place.feature != "PCLI" and any(n.place is not None and n.place.feature == "PCLI"
                                                            and n.place.country == t.place.country for n in named)]
            # ... and a town of a region it names: "captured the town of Afrin in north-western Syria"
            within += [t for t in inside if t not in named and t not in within and t.place is not None
                       and t.place.feature not in AREA_FEATURES and any(
                           n.place is not None and n.place.feature == "RGN" and holds(n.place, t.place) for n in named)]
            inside = (named + within) or inside
        trigger = _tokens(spacy_doc, m.trigger.start, m.trigger.end) if spacy_doc is not None else None
        scored = []
        for t in inside:
            span = _tokens(spacy_doc, t.start, t.end) if spacy_doc is not None else None
            if span is None or trigger is None:
                scored.append((0.0, t, None))
            elif not self._not_where(span, trigger, t):
                scored.append((self._binding(span, trigger, t, inside), t, span))
        if not scored:
            return None
        top_score, best, span = max(scored, key=lambda x: x[0])
        if best.place is not None and best.place.feature in AREA_FEATURES:
            # the most specific place the text names: a town of the sentence inside the chosen area, bound nearly as
            # well to the event ("captured the town of Afrin in north-western Syria" happened at Afrin)
            finer = [x for x in scored if x[1].place is not None and x[1].place.feature not in AREA_FEATURES
                     and x[0] >= top_score - FINER_MARGIN and holds(best.place, x[1].place)]
            if finer:
                _, best, span = max(finer, key=lambda x: x[0])
        elif best.place is None and span is not None and self._named_as_area(span):
            # a region the gazetteer lacks ("near Wanlaweyn, in the Lower Shabelle region") is coarser than a town
            # it knows in the sentence, bound nearly as well to the event
            finer = [x for x in scored if x[1].place is not None and x[1].place.feature not in AREA_FEATURES
                     and x[0] >= top_score - FINER_MARGIN and not self._of_region(spacy_doc, x[1], best)]
            if finer:
                _, best, span = max(finer, key=lambda x: x[0])
        if best.place is None:
            if not resolved:   # "RSF artillery struck the Abu Shouk camp on the city's northern edge"
                told = self._named_again(spacy_doc, [t for t in tops if t.place is not None], m)
                if told is not None:
                    return self._unresolved(best, [replace(best, place=told)], tops, text, spacy_doc)
            return self._unresolved(best, resolved, tops, text, spacy_doc)
        # the place that contains the chosen one, named or not by the detector: "exploded at the Erawan shrine in
        # central Bangkok" is in Bangkok, not in the town Erawan 400 km north
        container = self._container_of(spacy_doc, best, sentence_places)
        if container is not None and not holds(container.place, best.place):
            return self._unresolved(best, [container], tops)  # "the Zuhur quarter of Baghdad" is in Baghdad
        return self._with_precision(best, span)

    def _of_region(self, spacy_doc: Any, town: Toponym, region: Toponym) -> bool:
        """The town is what the region is of: "the Western Mountains region of rural Damascus" (a container)."""
        span, name = _tokens(spacy_doc, town.start, town.end), _tokens(spacy_doc, region.start, region.end)
        if span is None or name is None:
            return False
        root = span.root
        word = name.doc[name.end] if name.end < len(name.doc) else name[-1]   # "region" after the name, or its end
        return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i in (word.i, name[-1].i)

    def _named_as_area(self, span: Any) -> bool:
        """The name is told as a region wider than a town: closed or followed by such a word ("the Lower Shabelle
        region"; not "the Zafaraniyah district of Baghdad", "the Eidgah area", which are quarters and villages)."""
        after = span.doc[span.end] if span.end < len(span.doc) else None
        wide = self.lex.wide_region_words
        return span[-1].lower_ in wide or (after is not None and after.lower_ in wide)

    def _contains(self, spacy_doc: Any, area: Toponym, top: Toponym) -> bool:
        """The sentence names ``area`` as the wider place of ``top``."""
        span = _tokens(spacy_doc, area.start, area.end)
        return span is not None and self._is_container(span.root, [top], area)

    def _container_of(self, spacy_doc: Any, top: Toponym, places: list[Toponym]) -> Toponym | None:
        if spacy_doc is None:
            return None
        return next((other for other in places if other is not top and other.place is not None and
                     other.place.lat is not None and self._contains(spacy_doc, other, top)), None)

    def _pattern_toponyms(self, spacy_doc: Any, sentence: Span, known: list[Toponym]) -> list[Toponym]:
        """Capitalised names after a place noun ("the village of Aynha", "the Mayo district") or in
        "in/near X" that the gazetteer lacks: unresolved toponyms."""
        sent = _tokens(spacy_doc, sentence.start, sentence.end)
        if sent is None:
            return []
        taken = {i for t in known for i in range(t.start, t.end)}
        found = []
        i = sent.start
        while i < sent.end:
            j = i
            while j < sent.end and spacy_doc[j].is_title and spacy_doc[j].pos_ == "PROPN" and \
                    spacy_doc[j].ent_type_ not in NOT_PLACE_ENTS:
                j += 1
            if j > i + 1 and spacy_doc[j - 1].lower_ in self.lex.place_nouns:
                # "Islamic State" (ORG, ending in a word that also names organisations) is a group;
                # "Qaryatayn Cement Plant" (ORG too) and "Borno State" (GPE) are places
                organisation = (spacy_doc[j - 1].lower_ in self.lex.org_words and
                                all(t.ent_type_ == "ORG" for t in spacy_doc[i:j])) or \
                    _group_name(spacy_doc[i:j].text)   # "blamed on Islamic State West Africa Province"
                if spacy_doc[i].idx not in taken and not organisation:  # "Sheikh Saeed District", "Tishreen Dam"
                    span = spacy_doc[i:j]
                    found.append(Toponym(span.start_char, span.end_char, span.text, None))
                i = j
                continue
            if j > i and spacy_doc[i].idx not in taken:
                context = self._place_context(spacy_doc, i, j)
                names = {t.ent_type_ for t in spacy_doc[i:j]} & {"PERSON", "ORG", "NORP"}
                if context == "strong" or (context == "weak" and not names):
                    span = spacy_doc[i:j]
                    found.append(Toponym(span.start_char, span.end_char, span.text, None))
            i = max(j, i + 1)
        return found

    def _place_context(self, spacy_doc: Any, i: int, j: int) -> str:
        prev = spacy_doc[i - 1].lower_ if i > 0 else ""
        prev2 = spacy_doc[i - 2].lower_ if i > 1 else ""
        nxt = spacy_doc[j].lower_ if j < len(spacy_doc) else ""
        if prev == "of" and prev2 in self.lex.place_nouns or nxt in self.lex.place_nouns:
            return "strong"
        weak = prev in ("in", "near", "outside", "through") or (prev == "the" and prev2 in ("in", "near", "outside"))
        return "weak" if weak else ""

    def _unresolved(self, top: Toponym, resolved: list[Toponym], tops: list[Toponym], text: str = "",
                    spacy_doc: Any = None) -> Place:
        """A place the gazetteer lacks, put at the best resolved place of the sentence (precision 2-3),
        else in the story's country (precision 3)."""
        anchor = min(resolved, key=lambda t: (t.place.feature == "PCLI", abs(t.start - top.start)), default=None)
        if anchor is None:
            return self._in_story_country(top, tops, text, spacy_doc)
        entry = self._near(top.text, anchor.place)
        if entry is not None:   # a name the recogniser left out ("the town of Khan Sheikhoun in Idlib province")
            return place_of(entry, Span(top.start, top.end, top.text), 0.3)
        place = replace(anchor.place, name=top.text, geonameid=None, span=Span(top.start, top.end, top.text))
        place.geo_precision = 2 if anchor.place.geo_precision == 1 else 3
        place.score = round((anchor.place.score or 0.5) * 0.5, 3)
        return place

    def _in_story_country(self, top: Toponym, tops: list[Toponym], text: str = "", spacy_doc: Any = None) -> Place:
        """An unresolved name placed in the document's main country (its province if the text's
        places agree on one), precision 3; no country at all only when the story has none."""
        span = Span(top.start, top.end, top.text)
        country = story_country([t.place for t in tops if t.place is not None])
        entry = self._looked_up(top.text, country)
        if entry is not None:
            return place_of(entry, span, 0.3)
        places = [t.place for t in tops if t.place is not None]
        area = self._story_area(country, places) if country else None
        if area is None:
            return Place(name=top.text, country=country, geo_precision=3, score=0.1, span=span)
        town = _story_town(area, [t for t in tops if t.place is not None and not is_dateline(text, t)
                                       and self._happens_at(spacy_doc, t)])
        if town is not None:   # a quarter or village of the story's town: "cordoned off parts of Liaquatabad"
            return replace(town, name=top.text, geonameid=None, geo_precision=2, score=0.1, span=span)
        return replace(place_of(area, span, 0.1), name=top.text, geonameid=None, geo_precision=3)

    def _near(self, name: str, anchor: Place) -> Any:
        """A gazetteer place of this name by the sentence's resolved place: the only one in that province,
        or the nearest within ``FAR_FROM_CONTAINER_KM`` of that town."""
        if anchor.feature == "PCLI":
            return None   # a country is too wide to vouch for a name the recogniser did not take
        entries = [e for e in self.gaz.lookup(name) if not e.loose and e.kind <= 2 and e.country == anchor.country
                   and e.lat is not None and not e.is_area]
        if anchor.feature == "ADM1":
            inside = [e for e in entries if e.admin1 and e.admin1 == anchor.admin1]
            return inside[0] if len(inside) == 1 else None
        if anchor.lat is None:
            return None
        near = [e for e in entries if distance_km(e.lat, e.lon, anchor.lat, anchor.lon) <= FAR_FROM_CONTAINER_KM]
        return min(near, key=lambda e: distance_km(e.lat, e.lon, anchor.lat, anchor.lon), default=None)

    def _happens_at(self, spacy_doc: Any, top: Toponym) -> bool:
        """The text puts something at this town ("clashes in Karachi", "a raid near Sukma"), not someone
        going to or coming from it ("evacuated to Mopti") nor speaking in it ("said in Raipur")."""
        span = _tokens(spacy_doc, top.start, top.end) if spacy_doc is not None else None
        if span is None:
            return False
        root = span.root
        while root.dep_ in ("conj", "appos", "poss") and root.head.i != root.i:
            root = root.head   # "in Sukma and Dornapal", "in Karachi's old city"
        prep = root.head
        if root.dep_ != "pobj" or prep.lower_ not in self.lex.locative_preps:
            return False
        if prep.lower_ == "of" and prep.head.lower_ in self.lex.town_anaphors:
            prep = prep.head.head   # "in the town of Mocimboa da Praia"
            if prep.lower_ not in self.lex.locative_preps:
                return False
        if prep.lower_ == "of":
            return False
        verb = prep.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return verb.lemma_.lower() not in self.lex.speech_verbs   # "told reporters in Raipur"

    def _looked_up(self, name: str, country: str | None) -> Any:
        """A gazetteer place of this name the recogniser left out ("the town of Omagh"): one in the
        story's country (or the one there spelled one letter apart: ``Gazetteer.spelled_like``), or, when
        the story has none, a well-known one (a region, a capital, a town of 100,000 or more)."""
        entries = [e for e in self.gaz.lookup(name) if not e.loose and e.kind <= 2]
        if country is not None:
            return next((e for e in entries if e.country == country), None) or self.gaz.spelled_like(name, country)
        return next((e for e in entries if e.is_area or e.feature == "PPLC" or e.population >= KNOWN_TOWN), None)

    def _story_area(self, country: str, places: list[Place]) -> Any:
        """The province most of the country's places lie in (when at least 60% do), else the country."""
        admins = Counter(p.admin1 for p in places if p.country == country and p.admin1 and
                         p.feature not in ("PCLI", "CONT"))
        total = sum(admins.values())
        if total:
            name, n = admins.most_common(1)[0]
            area = next((e for e in self.gaz.lookup(name) if e.feature == "ADM1" and e.country == country), None)
            if area is not None and n / total >= STORY_ADMIN_SHARE:
                return area
        return self.gaz.country(country)

    def _is_destination(self, span: Any, trigger: Any) -> bool:
        """"retreated to X", "fled from X", "the towns of X, Y and Z" after such a verb. When the
        movement is the event itself, "marched towards X" and "withdrew from X" are kept,
        "retreated to X" is not."""
        tok = span.root
        for _ in range(8):
            head = tok.head
            if head.i == tok.i:
                return False
            if tok.dep_ == "pobj" and head.lower_ in self.lex.destination_preps:
                if head.lower_ == "into" and tok.lemma_.lower() in self.lex.struck_objects and \
                        head.head.lemma_.lower() not in self.lex.retreat_verbs:
                    return False   # "drove a car bomb into a convoy at Lethpora": what it hit, and where
                return self._movement(head, trigger)
            if head.pos_ in ("VERB", "AUX"):
                return False
            tok = head
        return False

    def _where_spoken(self, span: Any, trigger: Any) -> bool:
        """The place belongs to a clause of speaking, not to the happening spoken of: "told the court
        in Nairobi that the men planted the bomb", "speaking in Geneva, the envoy said the town was
        shelled", "a bomb exploded, the governor told reporters in Kabul". A place in the speaker's
        own name ("officials in Kandahar said") may still be where it happened, unless the speaker is one who
        reports from there ("SANA reporter in Hama said that ...")."""
        root, trig = span.root, trigger.root
        verb = root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.lemma_.lower() not in self.lex.speech_verbs:
            return False
        inside = lambda tok, top: top.left_edge.i <= tok.i <= top.right_edge.i  # noqa: E731
        speaker = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and inside(root, c)), None)
        if speaker is not None:   # a reporter's place is where the report comes from
            return speaker.lemma_.lower() in self.lex.reporting_speakers or \
                speaker.lower_ in self.lex.reporting_speakers
        if not inside(trig, verb):
            return True
        return any(c.dep_ in ("ccomp", "xcomp", "parataxis") and inside(trig, c) and not inside(root, c)
                   for c in verb.children)

    def _movement(self, prep: Any, trigger: Any) -> bool:
        verb = prep.head
        lemma = verb.lemma_.lower()
        if verb.pos_ == "NOUN" and verb.lower_ in self.lex.route_nouns:
            return True   # "on the road to Maiduguri"
        if lemma not in self.lex.destination_verbs and verb.lower_ not in self.lex.destination_verbs:
            return False
        if prep.lower_ == "into" and _while_it_happened(verb, clause_verb(trigger.root)):
            return False   # arriving there as it happened: "exploded as a train pulled into Lyon"
        if not trigger.start <= verb.i < trigger.end:
            # "drove into Anuradhapura and opened fire": where they went and then did it, not where they fled
            # afterwards ("opened fire and fled into the forest")
            return not (prep.lower_ != "from" and lemma not in self.lex.retreat_verbs and
                        _told_after(trigger.root, verb))
        return prep.lower_ != "from" and lemma in self.lex.retreat_verbs

    def _binding(self, span: Any, trigger: Any, top: Toponym, others: list[Toponym]) -> float:
        root, trig = span.root, trigger.root
        score = -0.05 * min(abs(root.i - trig.i), 40)
        ancestors = {a.i for a in root.ancestors}
        if trig.i in ancestors:
            score += 2.0
        elif any(trig.i in {x.i for x in a.ancestors} or a.i == trig.head.i for a in root.ancestors):
            score += 0.8
        if root.dep_ == "nsubj" and root.head.i == trig.i:
            score -= 1.5  # the subject of the trigger acts; it is not where ("the U.S. withdrew")
        before = [t.lower_ for t in span.doc[max(span.start - 5, 0):span.start]]
        if "of" in before and any(w in self.lex.compass_words for w in before):
            score -= 1.2  # a reference point: "30 km north of Mallawi"
        if self._is_container(root, others, top):
            score -= 1.0  # "Akhaura in Brahmanbaria district", "Mayo district of Pattani province"
        elif top.place is not None and top.place.feature in ("ADM1", "ADM2") and \
                any(o.place is None for o in others if o is not top):
            score -= 1.0  # an area beside a village the gazetteer lacks holds it: "at a camp in Ortese, also in Guma LGA"
        if top.text.lower() == "capital":
            score -= 1.0  # a place told by name beats one told by description: "the rivers surrounding the capital"
        if root.dep_ in ("compound", "amod", "poss") and root.head.pos_ == "NOUN" and \
                root.head.lower_ not in self.lex.place_nouns:
            score -= 0.6  # an attribute of a person or thing: "a Utah architect", "U.N. forces"
        prev = span.doc[span.start - 1] if span.start > 0 else None
        if prev is not None and prev.lower_ in self.lex.locative_preps:
            score += 0.5
            if root.dep_ == "pobj" and root.head.i == prev.i and prev.head.i == trig.i:
                score += 0.7  # "captured in Afghanistan": the trigger's own place phrase
        feature = top.place.feature if top.place is not None else "PPL"
        score += {"PPL": 0.5, "PPLC": 0.5, "ADM2": 0.1, "ADM1": -0.3, "PCLI": -0.7}.get(feature, 0.0)
        return score + (top.place.score or 0.0) * 0.3 if top.place is not None else score - 0.3

    def _is_container(self, root: Any, others: list[Toponym], me: Toponym | None = None) -> bool:
        """The place is named as the wider area of another place of the sentence: "Akhaura in
        Brahmanbaria district", "the Shaab neighbourhood of Baghdad", "Baghdad's district of Baiyaa".
        Of two linked places the coarser one (country > province > big town > small town > unknown)
        is the container."""
        linked = self._linked(root, others)
        mine = coarseness(me.place if me is not None else None)
        return any(coarseness(t.place) < mine for t in linked) if me is not None else bool(linked)

    def _linked(self, root: Any, others: list[Toponym]) -> list[Toponym]:
        """Other toponyms tied to this one through "in"/"of", a possessive, a place noun or a facility it names
        ("the Erawan shrine in central Bangkok": the shrine is in Bangkok, not in the town Erawan)."""
        mine = [t for t in others if t.start <= root.idx < t.end]
        rest = [t for t in others if t not in mine]
        tok = root
        for _ in range(4):
            if tok.dep_ not in ("pobj", "poss", "compound", "appos", "prep", "nmod") and tok is not root:
                return []
            head = tok.head
            if head.i == tok.i or head.pos_ in ("VERB", "AUX"):
                return []
            hit = [t for t in rest if t.start <= head.idx < t.end]
            if not hit and (head.lower_ in self.lex.place_nouns or head.lower_ in self.lex.facility_heads):
                hit = [t for t in rest if head.left_edge.idx <= t.start <= head.right_edge.idx]
            if hit:
                return hit
            tok = head
        return []

    # --- precision ---------------------------------------------------------------
    def _with_precision(self, top: Toponym, span: Any) -> Place:
        place = replace(top.place, span=Span(top.start, top.end, top.text))
        if span is None:
            return place
        before = [t.lower_ for t in span.doc[max(span.start - CUE_WINDOW, 0):span.start]]
        after = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
        if any(w in self.lex.region_words for w in before) or after in self.lex.region_words:
            return self._as_region(place, top.text)
        if any(w in self.lex.near_words for w in before) and (place.geo_precision or 1) < 2:
            place.geo_precision = 2
        return place

    def _area_named(self, spacy_doc: Any, top: Toponym) -> Toponym:
        """"the Kharkiv region", "Kherson oblast": the province a town's name opens with a region word after it;
        else the toponym as it is."""
        span = _tokens(spacy_doc, top.start, top.end) if spacy_doc is not None else None
        if top.place is None or span is None or span.end >= len(spacy_doc) or \
                spacy_doc[span.end].lower_ not in self.lex.region_words:
            return top
        return replace(top, place=self._as_region(replace(top.place), top.text))

    def _as_region(self, place: Place, text: str) -> Place:
        """The province a town names ("the countryside of Homs" -> Homs governorate), precision 3."""
        if place.feature not in ("ADM1", "ADM2", "PCLI", "RGN", "CONT"):
            for e in self.gaz.lookup(text):
                if e.feature == "ADM1" and e.country == place.country and plain_key(e.name) == plain_key(place.admin1 or ""):
                    return place_of(e, place.span, place.score)
        place.geo_precision = 3
        return place

    # --- fallback --------------------------------------------------------------------
    def _is_town(self, spacy_doc: Any, top: Toponym) -> bool | None:
        """True for a town named as such, False for a province ("Idlib province" is no town), None else."""
        span = _tokens(spacy_doc, top.start, top.end)
        wider = span is not None and span.end < len(spacy_doc) and spacy_doc[span.end].lower_ in self.lex.region_words
        if top.place.feature == "ADM1" or (wider and top.place.feature != "PCLI"):
            return False
        return None if not top.place.feature or top.place.feature in AREA_FEATURES else True

    def _fallback(self, text: str, tops: list[Toponym], *, history: bool = False,
                  happened_at: Sequence[Place] = ()) -> Place | None:
        """The dateline, else the story's most named place. History is not placed at the dateline alone (where
        the story was filed today says nothing of where a past happening took place), but the town of the
        dateline that the body names again is the story's town: it beats the region around it ("EL TARRA -
        ... the families of El Tarra remembered the massacre committed in this municipality of the Catatumbo").
        Nor is news placed at the dateline when the story's other news happenings are told at another place
        (``happened_at``): "NAIROBI - ... stormed a university campus in Garissa ... The siege ended at dusk
        when police cornered the four attackers" happened where the story's happenings did."""
        places = [t for t in tops if t.role == "place"]
        if not places:
            return None
        first, town = places[0], None
        if first.start < DATELINE_CHARS and text[first.end:first.end + 40].lstrip(" ,)").startswith(
                ("-", "\u2014", "\u2013", "(")) or text[:first.start].strip().isupper() or is_dateline(text, first):
            filed = first.place.geonameid or first.place.name
            if not history:
                here = Counter(p.geonameid or p.name for p in happened_at if p.feature != "PCLI")
                key, most = here.most_common(1)[0] if here else (filed, 0)
                if here.get(filed, 0) >= most:   # the dateline's town is where most of the news happened
                    return self._lowered(first, 2, 0.5)
                place = next(p for p in happened_at if (p.geonameid or p.name) == key)
                return replace(place, geo_precision=max(place.geo_precision or 1, 2),
                               score=round((place.score or 0.5) * 0.3, 3))
            again = [t for t in places[1:] if (t.place.geonameid or t.place.name) == filed]
            town = again[0] if again and first.place.feature not in AREA_FEATURES else None
            places = [t for t in places if (t.place.geonameid or t.place.name) != filed]
            if not places:
                return None
        counts = Counter(t.place.geonameid or t.place.name for t in places if t.place.feature != "PCLI")
        if not counts:
            counts = Counter(t.place.geonameid or t.place.name for t in places)
        key = counts.most_common(1)[0][0]
        main = next(t for t in places if (t.place.geonameid or t.place.name) == key)
        if town is not None and main.place.feature in AREA_FEATURES and main.place.lat is not None and \
                distance_km(town.place.lat, town.place.lon, main.place.lat, main.place.lon) <= TOWN_IN_REGION_KM:
            main = town
        return self._lowered(main, 2, 0.3)

    @staticmethod
    def _lowered(top: Toponym, precision: int, factor: float) -> Place:
        place = replace(top.place, span=Span(top.start, top.end, top.text))
        place.geo_precision = max(place.geo_precision or 1, precision)
        place.score = round((place.score or 0.5) * factor, 3)
        return place


class LocateStage(Stage):
    """Sets ``mention.location`` for each mention from ``doc.toponyms``."""

    name = "locate"
    requires = ("mentions", "toponyms", "nlp")
    provides = ("mentions.location",)

    def __init__(self, settings: Settings, *, gazetteer: Gazetteer | None = None) -> None:
        self.locator = Locator(gazetteer or load_gazetteer(settings))

    def __call__(self, doc: Document) -> Document:
        aways = [self.locator.other_clauses(doc, m) for m in doc.mentions]   # read once for both passes
        own = [self.locator.own_place(doc, m, away) for m, away in zip(doc.mentions, aways)]
        happened_at = [p for m, p in zip(doc.mentions, own) if p is not None and not m.is_background]
        for m, place, away in zip(doc.mentions, own, aways):
            m.location = place if place is not None else self.locator.borrowed_place(doc, m, happened_at, away)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


def locate(doc: Document, mention: Mention, settings: Settings) -> Place | None:
    """The place ``mention`` happened at (``doc`` parsed, with ``doc.toponyms`` set)."""
    return Locator(load_gazetteer(settings))(doc, mention)


def locate_records(records: list[dict], settings: Settings) -> dict[str, dict | None]:
    """Format C helper: for each ``{"id", "text", "trigger"}`` the chosen place span (or None)."""
    from eventwire.geo.toponyms import Geoparser
    from eventwire.parse import load_nlp

    gaz = load_gazetteer(settings)
    nlp, geoparser, locator = load_nlp(settings), Geoparser(gaz), Locator(gaz)
    chosen: dict[str, dict | None] = {}
    for rec, spacy_doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=64)):
        doc = Document(id=rec["id"], raw_text=rec["text"], nlp=spacy_doc)
        doc.toponyms = geoparser(spacy_doc)
        trig = rec["trigger"]
        mention = Mention(document_id=doc.id, event_type="", sub_event_type="",
                          trigger=Span(trig["start"], trig["end"], trig["text"]),
                          sentence=Span(0, len(rec["text"]), rec["text"]))
        place = locator._in_sentence(spacy_doc, doc.toponyms, mention, rec["text"])
        chosen[rec["id"]] = place.span.to_dict() if place is not None and place.span else None
    return chosen


def _story_town(area: Any, tops: list[Toponym]) -> Place | None:
    """The one town of the story's province where the text puts things (never the dateline), or, when it names
    several that lie close together (within ``TOWNS_CLUSTER_KM`` of their middle), the one at their middle; None
    when it names none there or towns far apart (which one a lacking name lies by is then a guess). A quarter,
    street or village the gazetteer lacks lies by the story's towns far more often than at the province's centre."""
    if area.feature != "ADM1":
        return None
    towns = {(t.place.name, t.place.lat, t.place.lon): t.place for t in tops if t.role == "place"
             and t.place.country == area.country and t.place.admin1 == area.name and t.place.lat is not None
             and (t.place.feature or "").startswith("PPL")}
    if len(towns) <= 1:
        return next(iter(towns.values()), None)
    lat = sum(p.lat for p in towns.values()) / len(towns)
    lon = sum(p.lon for p in towns.values()) / len(towns)
    far = max(distance_km(lat, lon, p.lat, p.lon) for p in towns.values())
    if far > TOWNS_CLUSTER_KM:
        return None
    return min(towns.values(), key=lambda p: distance_km(lat, lon, p.lat, p.lon))


TOWNS_CLUSTER_KM = 25.0


def _topic(spacy_doc: Any, tops: list[Toponym]) -> Toponym:
    """The place "the town" points back to across sentences: of the latest sentence that names one, its subject
    ("Damboa, which lies on the road between Maiduguri and Biu, has been attacked. ... overran the town": Damboa,
    not Biu), else the latest named."""
    latest = max(tops, key=lambda t: t.start)
    span = _tokens(spacy_doc, latest.start, latest.end)
    if span is None:
        return latest
    sent = span.sent
    topics = [t for t in tops if sent.start_char <= t.start and t.end <= sent.end_char
              and (s := _tokens(spacy_doc, t.start, t.end)) is not None
              and s.root.dep_ in ("nsubj", "nsubjpass")]
    return topics[0] if topics else latest

