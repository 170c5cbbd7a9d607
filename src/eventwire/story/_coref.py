"""One happening, one event: within-document event coreference.

Mentions are grouped in two passes, as a coder reads:

1. Anchored mentions (an explicit time, a place named below country level, or
   a toll) in text order: one joins the latest happening of a related type that
   it contradicts in nothing (another day, another place), unless its sentence
   announces another happening ("Separately, ...", "In another attack").
   Otherwise it is a happening of its own: the same kind of attack in two towns,
   or on two days, is two events.
2. The other mentions ("the attack", "the blast", talk about a happening,
   mentions with no anchor of their own) join the nearest related happening.
   A news mention that finds none is not coded when the story has anchored
   news (it is commentary or generic: "the fight against IS"); when the story
   has none, mentions of the headline and lede are what the story is about.

Each group becomes one mention: the most specific type the text supports, the
most precise date and place, the largest toll reported for it, the union of
evidence, and the reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from eventwire.detect.roles import UNIDENTIFIED
from eventwire.fuse import haversine_km
from eventwire.geo.locate import coarseness, holds
from eventwire.geo.normalize import plain_key
from eventwire.records import Fatalities, Mention, Place
from eventwire.resolve.actors import ARMED_TYPES, STATE
from eventwire.resolve.attribution import BELLIGERENT, armed_group_source
from eventwire.resolve.dates import names_weekday
from eventwire.resolve.fatalities import vague
from eventwire.story._read import VIOLENT, Cue, StoryLexicon

SAME_PLACE_KM = 25.0
TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
TOWN_KM = 3.0     # two gazetteer towns closer than this may be one place's quarters
FAR = 1e6
LEDE = 3          # sentences that make the headline and lede
REACH = 3         # sentences around it in which a mention that is no anaphor looks for its happening
# Event types whose words are also used figuratively or generically ("the fight against IS",
# "under assault", "a march to Idlib"): unanchored, they need the news beside them.
FIGURATIVE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots"})


@dataclass
class Happening:
    cues: list[Cue] = field(default_factory=list)

    @property
    def background(self) -> bool:
        return self.cues[0].mention.is_background

    @property
    def anchored(self) -> bool:
        return any(c.anchored for c in self.cues)

    @property
    def last_sentence(self) -> int:
        return max(c.sentence for c in self.cues)

    @property
    def first_sentence(self) -> int:
        return min(c.sentence for c in self.cues)


OCCURRING_APART_DAYS = 31   # an anaphor dated by "opened", "took place" this far from a happening is another one


def _day_gap(a: Cue, b: Cue, *, spans: bool = False) -> int | None:
    """Days between the days the two tell; with ``spans``, a time told as a month or a year covers its days
    ("a 2017 bomb attack" and "the attack on June 14, 2017" lie 0 days apart); without, only a year that
    names a happening does (``_told_end``)."""
    from eventwire.story._time import day

    x, y = day(a.day), day(b.day)
    if x is None or y is None:
        return None
    x_end, y_end = (_told_end(c, start, spans) for c, start in ((a, x), (b, y)))
    return max((x - y_end).days, (y - x_end).days, 0)


def _told_end(cue: Cue, start: Any, spans: bool) -> Any:
    """The last day a time covers: with ``spans``, any month or year; otherwise only a year that names
    the happening ("the 2001 Gandia car bomb" is the one "in September 2001"), not a year told as a
    stretch ("10,000 were killed in El Geneina in 2023" is no one killing of that year), and the time of the
    text's first sentence, a headline or title that sums up the happening its lede tells by the day ("Al-Mahfad
    drone strike (October 2012)" - "a drone strike on 14 October 2012")."""
    from eventwire.story._time import day

    end = day(cue.mention.date.end)
    if end is None or not (spans or cue.sentence == 0 or _NAMING_YEAR.fullmatch(cue.mention.date.text or "")):
        return start
    return end


_NAMING_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _calendar_day(cue: Cue) -> bool:
    """Its sentence tells its day as a calendar day ("on 22 May", "May 22, 2014"), not by a weekday or a day
    word whose day may be off by one (a night, another time zone, "yesterday" told the next morning)."""
    date = cue.mention.date
    return cue.has_time and date.precision == 1 and bool(date.text) and any(ch.isdigit() for ch in date.text)


def _weekday_told(cue: Cue) -> bool:
    """Its own clause tells its day by a weekday ("On Tuesday morning, gunmen shot dead ...", "stormed a village on
    Saturday night, killing four farmers"), and it tells a happening of a type (not deaths alone, which may be
    counted or found on a later day: "four more bodies were found in the bush on Tuesday"), not when it was said,
    nor by an anaphor."""
    date = cue.mention.date
    return cue.has_time and cue.time_up and not (cue.dying or cue.spoken or cue.anaphoric) and \
        date.precision == 1 and names_weekday(date.text)


def _km(a: Cue, b: Cue) -> float | None:
    p, q = a.mention.location, b.mention.location
    if p is None or q is None:
        return None
    if None in (p.lat, p.lon, q.lat, q.lon):
        return 0.0 if p.name == q.name else FAR
    return haversine_km(p.lat, p.lon, q.lat, q.lon)


def _other_place(a: Cue, b: Cue) -> bool:
    """Places named in both sentences that cannot be one: towns more than ``SAME_PLACE_KM`` apart,
    or places in another country or another province."""
    p, q = a.mention.location, b.mention.location
    if not (a.named_place and b.named_place) or p is None or q is None:
        return False
    if p.country and q.country and p.country != q.country:
        return True
    if a.has_place and b.has_place and p.admin1 and q.admin1 and p.admin1 != q.admin1:
        return True
    headline_and_lede = _headline(a if a.sentence == 0 else b) and max(a.sentence, b.sentence) < LEDE
    told, there = (p, q) if a.sentence == 0 else (q, p)
    if headline_and_lede and there.admin1 and told.name == there.admin1:
        return False   # the headline's province: "Taliban overrun police outposts in Kunduz" - "in the Imam Sahib
                       # district of Kunduz province" (not another district: "... in Bijapur; ... in Sukma")
    if 3 in (p.geo_precision, q.geo_precision) and p.admin2 and q.admin2 and p.admin2 != q.admin2 and \
            p.admin1 == q.admin1:
        return True   # a district, and a town or a district in another one ("in Sukma district" - "in Bijapur")
    if (p.geo_precision or 3) < 3 and (q.geo_precision or 3) < 3 and p.geonameid is None and \
            q.geonameid is None and p.name and q.name and plain_key(p.name) != plain_key(q.name) and \
            not headline_and_lede and not (a.pluperfect or b.pluperfect):   # "had shelled ...": told again in more detail
        return True   # two quarters or villages the gazetteer lacks, each put at the town it lies by: "a car bomb
                      # went off near a bus stop in Kadhimiya" and "a car bomb outside a restaurant in Karrada"
    if (p.geo_precision or 3) < 3 and (q.geo_precision or 3) < 3:
        km = _km(a, b)
        if km is not None and km > SAME_PLACE_KM:
            return True
        # two towns the gazetteer knows apart are two places, however close ("in Bucha" and
        # "in neighbouring Irpin"); the distance only forgives spellings of one place. A headline names
        # the town its readers know for the suburb or village the lede names ("Clashes in Tripoli suburb
        # kill nine" - "Fighting in Tajoura ... killed nine people")
        if headline_and_lede:
            return False
        return p.geo_precision == 1 == q.geo_precision and None not in (p.geonameid, q.geonameid) \
            and p.geonameid != q.geonameid and km is not None and km > TOWN_KM
    return False


def _headline(cue: Cue) -> bool:
    """The document's first line, told as a headline: no sentence's closing stop."""
    return cue.sentence == 0 and not cue.mention.sentence.text.rstrip().endswith((".", "!", "?", '"', "\u201d"))


def _idle_talk(cue: Cue, lex: StoryLexicon) -> bool:
    """Talk that tells no happening of its own: threats, plans, sanctions, condemnations. A blame ("the
    army blames the regime for a deadly air strike") presupposes the happening it blames someone for.
    (Claims of responsibility were tried as well: CASE check lost 0.009.)"""
    return cue.frame == "talk" and (cue.frame_word or "").lower() not in lex.blame


def _harmful(m: Mention) -> bool:
    """A violent type that kills or wounds (not a change of territory)."""
    return m.event_type in VIOLENT and m.sub_event_type not in TERRITORY


def _fits(cue: Cue, group: Happening, lex: StoryLexicon, *, anchored: bool = False, spans: bool = False,
          any_flag: bool = False) -> bool:
    """Related types (retellings, for an ``anchored`` mention), same flag (unless ``any_flag``), and no member in the
    same sentence, on another day (the date of an anaphor's clause may be a later consequence: "died
    in 1977 of injuries suffered in the attack") or at another place."""
    if cue.mention.is_background != group.background and not any_flag:
        return False
    if not cue.mention.doubted and any(other.mention.sub_event_type != cue.mention.sub_event_type
                                       for other in group.cues if other.mention.doubted) \
            and all(other.mention.doubted for other in group.cues):
        return False   # what the detector doubts tells no happening of another type for others to join
    relation = lex.retells if anchored else lex.related
    if cue.mention.sub_event_type == "Arrests" and cue.names_violence and \
            any(o.mention.event_type == "Protests" for o in group.cues):
        return False   # "police arrested 42 people identified from videos of the killing": suspects, not protesters
    for other in group.cues:
        if other.sentence == cue.sentence:   # the detector told two happenings apart in one sentence
            return False
        if not relation(cue.mention.sub_event_type, other.mention.sub_event_type) and not (
                (cue.harm_only or other.harm_only) and _harmful(cue.mention) and _harmful(other.mention)) and not (
                cue.violent_anaphor and _harmful(other.mention)):
            return False   # "12 dead", "died" tell no type: they may retell any violent happening
        # an anaphor's date told in its own phrase is its happening's ("revived memories of the abduction
        # of 276 schoolgirls from Chibok in April 2014"): another day there is another happening
        gap = None if cue.anaphoric and not cue.own_time else _day_gap(cue, other, spans=spans)
        if cue.anaphoric and cue.occurring_time:   # "The offensive opened in June 2014": a time of its own when
            far = _day_gap(cue, other, spans=True)   # a month or more from the other's (days apart may be a
            gap = far if far is not None and far > OCCURRING_APART_DAYS else None   # lede's day of saying)
        if (gap is not None and gap > 1) or _other_place(cue, other):
            return False
        if gap == 1 and _calendar_day(cue) and _calendar_day(other):
            return False   # "on 21 May ..." and "The following day, 22 May, ... struck Kafr Zita again": two days
        if gap == 1 and _weekday_told(cue) and _weekday_told(other):
            return False   # "at about 7 p.m. on Monday at a market ... threw a grenade" and "On Tuesday morning,
                           # gunmen shot dead a village headman": two weekdays each clause tells are two days
        pair = {cue.mention.sub_event_type, other.mention.sub_event_type}
        other_day = gap or (cue.weekday and other.weekday and cue.weekday != other.weekday)
        if other_day and any(parts == pair for parts in lex.combined):
            return False   # types that make a third only together are one happening on one day (an undated
                           # story's "on Saturday" and "On Sunday" are two): arrests told on another day than a
                           # march ("On 13 February police arrested two suspects ... On 14 February 100,000
                           # workers marched") did not meet it
    return True


def _first_pass(cues: list[Cue], lex: StoryLexicon) -> list[Happening]:
    """Anchored mentions join the latest related happening they contradict in nothing, unless
    their sentence announces another one ("Separately, ..."); otherwise they start one."""
    groups: list[Happening] = []
    for cue in cues:
        toll_only = cue.has_toll and not (cue.has_time or cue.has_place)   # "They killed 23 soldiers"
        fitting = [] if cue.other_happening else [
            g for g in groups if _fits(cue, g, lex, anchored=not toll_only)]
        target = max(fitting, key=lambda g: g.last_sentence) if fitting else None
        if target is None:
            target = Happening()
            groups.append(target)
        else:
            cue.reasons.append("retells a happening told before")
        target.cues.append(cue)
    return groups


def _distance(cue: Cue, group: Happening) -> int:
    return min(abs(c.sentence - cue.sentence) for c in group.cues)


def _nearest(cue: Cue, groups: list[Happening], lex: StoryLexicon) -> Happening | None:
    """The nearest related happening; a mention that is no anaphor ("the attack") only looks
    ``REACH`` sentences around it (a generic word far from the news is not about it)."""
    reach = len(groups) * 10**6 if cue.anaphoric else REACH
    fitting = [g for g in groups if _distance(cue, g) <= reach and _fits(cue, g, lex)]
    # an anaphor with no time of its own ("The bomb that killed them was precision-guided") refers to a happening
    # told before it: when the story has told none of its flag yet, the one it has told, news or history
    if cue.anaphoric and not cue.has_time and not cue.own_time and not cue.mention.date.text and not any(
            g.first_sentence < cue.sentence for g in fitting):
        told_before = [g for g in groups if g.first_sentence < cue.sentence and _fits(cue, g, lex, any_flag=True)]
        fitting = told_before or fitting
    if not fitting:
        return None
    return min(fitting, key=lambda g: (min(abs(c.sentence - cue.sentence) for c in g.cues),
                                       min(c.sentence for c in g.cues) > cue.sentence))


def _toll(group: Happening) -> int | None:
    tolls = [c.mention.fatalities.best for c in group.cues if c.mention.fatalities.best is not None]
    return max(tolls) if tolls else None


def _join_same_toll(groups: list[Happening], lex: StoryLexicon) -> list[Happening]:
    """A happening told twice with the same count of dead ("a 2017 bomb attack that killed eight
    people" ... "the bomb ... exploded, killing eight people") is one, when nothing else (flag,
    type, day, place) tells them apart and no third happening has that count; a year or a month covers
    its days here ("a 2017 bomb attack" - "on June 14, 2017")."""
    out: list[Happening] = []
    for group in groups:
        toll = _toll(group)
        same = [g for g in out if g.background == group.background and toll is not None and toll >= 2
                and _toll(g) == toll]
        if len(same) == 1 and all(_fits(c, same[0], lex, spans=True) for c in group.cues):
            same[0].cues.extend(group.cues)
            group.cues[0].reasons.append("the same happening as one told with the same count of dead")
        else:
            out.append(group)
    return out


def corefer(cues: list[Cue], lex: StoryLexicon, *, history_story: bool = False) -> tuple[list[Happening], list[Cue]]:
    """Happenings of a document, and the news mentions left out (with their reason). In a story about
    a trial or a commemoration the past is retold, not listed: its mentions join as news ones do."""
    dropped = [c for c in cues if c.drop is not None]
    cues = [c for c in cues if c.drop is None]
    primary = [c for c in cues if (c.anchored or c.other_happening) and not c.anaphoric
               and not (c.frame == "talk" and not c.own_time)]
    groups = _first_pass(primary, lex)
    news_anchored = any(not g.background for g in groups)
    for cue in (c for c in cues if c not in primary):
        if cue.total is not None and cue.mention.is_background:
            # a sum of many past happenings retells none of them ("researchers have documented more than 330
            # chemical attacks over the course of the war" in a story of one chemical attack): its own, if any
            cue.reasons.append(f"a total ('{cue.total}') of past happenings joins none of them")
            groups.append(Happening([cue]))
            continue
        # history is told one happening at a time, unless the story is about one past happening
        joins = not cue.mention.is_background or cue.anaphoric or history_story
        target = _nearest(cue, groups, lex) if joins else None
        if target is not None:
            cue.reasons.append("refers to a happening told in the story")
            if target.background != cue.mention.is_background:
                cue.mention.is_background = target.background
                cue.flag_taken = True
                cue.reasons.append("background: the happening it refers to is history" if target.background
                                   else "news: the happening it refers to is news")
            target.cues.append(cue)
        elif cue.mention.is_background or (not news_anchored and cue.sentence < LEDE and not _idle_talk(cue, lex)):
            groups.append(Happening([cue]))
        elif cue.anaphoric and cue.mention.date.text and cue.has_toll and cue.frame != "talk" and not cue.descriptive \
                and not any(c.sentence == cue.sentence for g in groups for c in g.cues):
            # a definite telling with its own time and dead that retells no happening told before is the
            # first full telling of one ("The Salquil Grande massacre was the killing of at least 74
            # villagers ... in March 1982" under the title "Salquil Grande massacre")
            cue.reasons.append("news: a definite telling with its own time and toll, of no happening told before")
            groups.append(Happening([cue]))
        elif cue.past and cue.frame != "talk" and not cue.descriptive and cue.describes:
            cue.mention.is_background = True
            cue.reasons.append("background: the past of someone or something the story names")
            groups.append(Happening([cue]))
        elif cue.frame != "talk" and not cue.descriptive and (cue.has_time or cue.ongoing) and (
                cue.mention.event_type not in FIGURATIVE):
            cue.reasons.append("news: a literal happening told in the story, at its time and place")
            groups.append(Happening([cue]))
        else:
            # a development told without a time of its own, and not as going on now ("The government
            # has sent 10,000 soldiers to the region", "factions have pledged allegiance to IS", "the
            # government moved to dissolve the special forces"), is the story's setting
            cue.reasons.append("talk about a happening" if cue.frame == "talk" else
                               "no time, place or toll of its own and no happening to join"
                               if cue.mention.event_type in FIGURATIVE or cue.descriptive else
                               "a development without a time of its own, not going on now: the setting, not news")
            dropped.append(cue)
    return _join_same_toll(groups, lex), dropped


SURE = 0.5   # a telling the detector is at least this confident of leads its news happening before any it doubts


def _rank(cue: Cue, lex: StoryLexicon, news: bool = True) -> tuple[bool, int, int, float, int]:
    """A news happening's lead is a telling the detector is sure of, then the most specific type; history is read
    by a model of news (it doubts what is told as history), so its confidence ranks no history telling."""
    m = cue.mention
    anchors = cue.has_time + cue.has_place + cue.has_toll
    return news and m.confidence >= SURE, lex.rank.get(m.sub_event_type, 1), anchors, m.confidence, -cue.position


def _associates(actor1: Any, actor2: Any, found: list[Any]) -> list[Any]:
    """Associated actors of all mentions, once each, without the main sides."""
    taken = {a.name for a in (actor1, actor2) if a is not None}
    out = []
    for a in found:
        if a.name not in taken:
            taken.add(a.name)
            out.append(a)
    return out


def merge(group: Happening, lex: StoryLexicon) -> list[Mention]:
    """The happening's mentions, told as one event: the lead (the most specific type) takes the most
    precise date and place and the largest toll of any of them; every mention keeps its own trigger,
    evidence and source, takes the lead's type, date, place and flag, and carries the happening's key,
    so that fusion makes them one event with one source per attribution."""
    cues = sorted(group.cues, key=lambda c: c.position)
    # an anaphor that took the happening's flag only retells it: it leads no happening it joined across flags
    lead = max([c for c in cues if not c.flag_taken] or cues, key=lambda c: _rank(c, lex, not group.background))
    m = replace(lead.mention, happening=f"h{lead.mention.trigger.start}")
    _combine(m, {c.mention.sub_event_type for c in cues}, lex)
    m.story = [*m.story, *lead.reasons]
    if len(cues) == 1:
        _claimed(m, cues)
        return [m]
    _borrow(m, lead, cues)
    _claimed(m, cues)
    m.story.append(f"one happening told {len(cues)} times")
    others = [_follow(c, m) for c in cues if c is not lead]
    return [m, *others]


def _claimed(m: Mention, cues: list[Cue]) -> None:
    """A happening no telling names a doer for is done by the group a later sentence claims it for or blames
    ("A car bomb killed 21 at the police academy. The ELN claimed the attack three days later")."""
    claimant = next((c.mention.claimed_by for c in cues if c.mention.claimed_by is not None), None)
    if m.actor1 is None and claimant is not None and (m.actor2 is None or m.actor2.name != claimant.name):
        m.actor1 = claimant
        if claimant.span is not None:
            m.evidence = sorted([*m.evidence, claimant.span], key=lambda e: e.start)
        m.story.append(f"doer named by a later claim or blame: {claimant.name}")


def _combine(m: Mention, types: set[str], lex: StoryLexicon) -> None:
    """Types that together make another ("Peaceful protest + Arrests")."""
    from eventwire.detect.taxonomy import sub_event

    for parts, result in lex.combined.items():
        if parts <= types and m.sub_event_type in parts:
            kind = sub_event(result)
            m.event_type, m.sub_event_type, m.cameo, m.plover = kind.event_type, kind.name, kind.cameo, kind.plover
            m.story.append(f"{' + '.join(sorted(parts))} told of one happening: {result}")
            return


def _inside(place: Place | None, area: Place | None) -> bool:
    """A finer place within the area: a town or district in the lead's province, a town in its district; the
    area itself, not a name the gazetteer lacks put at an area ("the Kuyambana forest", placed in Zamfara)."""
    if place is None or area is None or area.feature not in ("ADM1", "ADM2") or \
            area.name not in (area.admin1, area.admin2) or coarseness(place) >= coarseness(area):
        return False
    return holds(area, place)


def _province_named_as_town(told: Place | None, place: Place | None) -> bool:
    """"Bandits abduct 23 students in Kaduna" - "in Kachia Local Government Area of Kaduna State": a town named
    like the province another telling's place lies in stands for that province; that place is the finer one."""
    return told is not None and place is not None and told.feature in ("PPL", "PPLC") and bool(place.admin1) and \
        told.country == place.country and told.geonameid != place.geonameid and \
        plain_key(told.name) == plain_key(place.admin1 or "") and place.feature not in ("PCLI", "ADM1", "RGN", "CONT")


def _finer_within(when: Any, span: Any) -> bool:
    """A time more precise than ``span`` that lies inside it (a day of the year the lead tells)."""
    return None not in (when.start, span.start, span.end) and (when.precision or 9) < (span.precision or 9) and \
        span.start <= when.start and (when.end or when.start) <= span.end


def _borrow(m: Mention, lead: Cue, cues: list[Cue]) -> None:
    """The lead takes what other tellings know better: date, place, toll, sides."""
    borrowed = []
    timed = [c for c in cues if c.has_time]
    # a finer time another telling gives within the lead's ("the car bombing of 1985" - "on 26 November 1985")
    # (told in its own words or held from its paragraph's time)
    finer_time = [c for c in cues if lead.has_time and _finer_within(c.mention.date, m.date)]
    # a lead whose time is only the story's (a headline or standfirst "in a turbulent week") yields to a telling
    # that names its own ("a car bomb exploded at al-Qaim on Wednesday")
    told = [c for c in timed if c.mention.date.text] if lead.has_time and not m.date.text else []
    if timed and (finer_time or told or not lead.has_time):
        m.date = min(finer_time or told or timed, key=lambda c: (c.mention.date.precision or 9, c.position)).mention.date
        borrowed.append(m.date.span)
    # a court's or a ceremony's town is not the happening's ("a court in Sarajevo acquitted ... of the attack")
    placed = [c for c in cues if (c.has_place or c.place_up) and not c.place_elsewhere]
    # the most specific place the text names: a town that another telling places inside the lead's area
    # ("in India's northeastern state of Manipur" - "in Aigejang village in Imphal East district")
    finer = [c for c in placed if lead.has_place and (_inside(c.mention.location, m.location) or
                                                      _province_named_as_town(m.location, c.mention.location))]
    if placed and (finer or not lead.has_place):
        best = min(finer or placed, key=lambda c: (c.mention.location.geo_precision or 9, c.position))
        m.location, m.location_text = best.mention.location, best.mention.location_text
        borrowed.append(m.location_text)
    tolls = [c for c in cues if c.has_toll]
    # a count a party to the fight claims ("Taliban spokesman ... said the group's fighters had killed
    # '32 hirelings'") yields to one told by anyone else (officials, police, medics, witnesses)
    tolls = [c for c in tolls if not _doers_claim(c.mention)] or tolls
    if tolls:
        # a count told as a number beats a vague word ("kill dozens" in the headline, "killed at least 74")
        m.fatalities = max(tolls, key=lambda c: (not vague(c.mention.fatalities), c.mention.fatalities.best or 0,
                                                 -c.position)).mention.fatalities
        borrowed.append(m.fatalities.span)
    for c in cues:
        m.actor1 = m.actor1 or c.mention.actor1
        m.actor2 = m.actor2 or c.mention.actor2
    # unnamed attackers ("gunmen", "militants") are the group another telling names as the doer ("Gunmen killed
    # four soldiers ... JNIM claimed the attack"; "the attackers, who belonged to al-Shabaab")
    named = [c.mention.actor1 for c in cues if _named_armed(c.mention.actor1)]
    if m.actor1 is not None and _unnamed_armed(m.actor1) and named and \
            (m.actor2 is None or named[0].name != m.actor2.name):
        m.actor1 = named[0]
    m.assoc_actor_1 = _associates(m.actor1, m.actor2, [a for c in cues for a in c.mention.assoc_actor_1])
    m.assoc_actor_2 = _associates(m.actor1, m.actor2, [a for c in cues for a in c.mention.assoc_actor_2])
    spans = {(s.start, s.end): s for s in [*m.evidence, *borrowed] if s is not None}
    m.evidence = [spans[k] for k in sorted(spans)]
    m.tags = sorted({t for c in cues for t in c.mention.tags})
    m.confidence = max(c.mention.confidence for c in cues)
    m.civilian_targeting = any(c.mention.civilian_targeting for c in cues)


def _unnamed_armed(actor: Any) -> bool:
    return actor is not None and actor.type in ARMED_TYPES and actor.name.startswith(UNIDENTIFIED)


def _named_armed(actor: Any) -> bool:
    return actor is not None and actor.type in ARMED_TYPES and not actor.name.startswith(UNIDENTIFIED)


def _doers_claim(m: Mention) -> bool:
    """The count is claimed by an armed group, or by the side that did the killing (its source names the
    mention's doer): a claim of success, which armed groups routinely inflate."""
    source, doer = (m.attribution or "").lower(), m.actor1
    if m.attribution_type != BELLIGERENT or not source:
        return False
    if doer is not None and any(w and w.lower() in source for w in (doer.mention, doer.name)):
        return True
    # an armed group's count is its claim of success, unless a state's forces did the killing: then it counts
    # what was done to its side ("the health ministry of the Houthi movement" on US air strikes)
    return (doer is None or doer.type != STATE) and armed_group_source(m.attribution or "")


def _follow(cue: Cue, lead: Mention) -> Mention:
    """Another telling of the lead's happening, coded as the lead (its numbers stay in its evidence)."""
    own = cue.mention
    return replace(own, event_type=lead.event_type, sub_event_type=lead.sub_event_type, cameo=lead.cameo,
                   plover=lead.plover, date=lead.date, is_background=lead.is_background,
                   location=lead.location, location_text=lead.location_text, fatalities=Fatalities(),
                   tags=list(lead.tags), civilian_targeting=lead.civilian_targeting,
                   confidence=min(own.confidence, lead.confidence), happening=lead.happening,
                   story=[*own.story, *cue.reasons, "tells the same happening as its lead mention"])
