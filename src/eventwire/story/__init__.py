"""The story stage: an article read as a whole, the way a careful coder reads it.

After detection and location, ``StoryStage`` sees all candidate mentions of a
document together with its time and decides, recording its reasons on each
mention (``Mention.story``):

* **time**: a reference time (``published``, or the lede's date) and, for each
  mention, whether it is news or background: before the reporting window, told
  over a long stretch ("since June"), held by a history frame ("the trial over
  the 2013 bombing") or by a story about a trial or an anniversary; "the next
  day", "two days later" date a mention from the day told before it, "came a
  day after" from the day of what came after it; a section under a heading of
  the past ("Background") is background, and a heading ends the time told
  before it;
* **totals**: a sentence that sums many events ("so far this year", "a wave of
  attacks", "in total") gives no death toll, and no event unless it also names
  a time or place of its own;
* **talk**: statements, investigations, condemnations, claims and plans never
  make an event alone; they join the happening they talk about;
* **habits and descriptions**: a clause with an adverb of frequency ("regularly
  rallied followers") tells a habit, not a happening; a clause that describes an
  entity ("the region of Mosul, where ...", "a deal brokered by ...") is not
  anchored by the place inside it;
* **one happening, one event**: mentions that retell one happening become one
  mention (``_coref``); unanchored news mentions that join nothing are left out.

Word classes live in ``data/story.toml``; the stage owns them (no process-wide
caches). ``story.enabled = false`` in settings turns the stage into a pass-through.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from eventwire.config import Settings
from eventwire.pipeline import Stage
from eventwire.records import DateSpan, Document, Fatalities, Mention, Span
from eventwire.detect.view import clause_verb, reported
from eventwire.parse import text_of
from eventwire.resolve.dates import day_told_in, resolve_date, told_back, weekday_words
from eventwire.story._coref import VIOLENT, Happening, corefer, merge
from eventwire.story._read import (Cue, StoryLexicon, _pluperfect, headings, history_lede, history_sections,
                                   own_phrase, read_cues, trigger_token)
from eventwire.story._time import (
    after_happening,
    after_window,
    came_after,
    before_window,
    earlier_in_month,
    day,
    days_after,
    infer_reference,
    long_stretch,
    over_months,
    elapsed,
    nominal_year,
    redate,
)



class StoryStage(Stage):
    """Sets ``doc.mentions`` to one mention per happening, each flagged news or background."""

    name = "story"
    requires = ("nlp", "mentions", "mentions.location")
    provides = ("mentions.story", "mentions.happening", "mentions.is_background", "mentions.date")

    def __init__(self, settings: Settings, *, lexicon: StoryLexicon | None = None) -> None:
        self.enabled = settings.story.enabled
        self.window = settings.story.window_days
        self.lexicon = lexicon or StoryLexicon.load()

    def __call__(self, doc: Document) -> Document:
        if self.enabled and doc.nlp is not None and doc.mentions:
            doc.mentions = tell(doc, self.lexicon, self.window)
        return doc


def tell(doc: Document, lex: StoryLexicon, window: int) -> list[Mention]:
    """The document's mentions after the story decisions (clean-text offsets)."""
    reference = doc.published
    text = text_of(doc.nlp)
    heads = headings(text)
    sections = history_sections(text, lex, heads)
    if reference is None:
        reference, told_days = infer_reference(doc.nlp, lex.relative_days, sections)
        window += told_days   # a lede told by month or year: its every day is the story's time
        for m in doc.mentions if reference else ():
            redate(doc.nlp, m, reference)
    cues = read_cues(doc.nlp, doc.mentions, lex)
    _kind_told_before(cues, doc, lex)
    named = _countries_named(doc)
    for cue in cues:
        _foreign_capture(cue, named)
    history_story = history_lede(doc.nlp, lex, _telling(cues, doc))
    for cue in cues:
        cue.history_section = any(start <= cue.mention.trigger.start < end for start, end in sections)
    weekday_story = reference is None and _weekday_lede(doc, lex)
    if weekday_story:
        _weekdays(cues, doc)
    _dated_from_before(cues, lex, reference, [start for start, _ in heads])
    _held_by_paragraph(cues, doc, text, reference, window, lex)
    sums = {(c.mention.sentence.start, c.mention.sentence.end): c.total for c in cues if c.total}
    for cue in cues:
        _nominal_year(cue, doc, reference, lex)
        _place_in_time(cue, doc, reference, window, history_story, lex)
        if weekday_story:
            _calendar_dated(cue, lex)
        _totals(cue)
        _life_told(cue, doc)
        _toll_told_elsewhere(cue, doc, lex, sums)
        _untold_past(cue, reference)
    # the detector's doubts: kept only where their own sentence tells history (not for the story's genre
    # or a trial frame) and names no total ("a crisis that has left thousands dead since 2012")
    cues = [c for c in cues if not c.mention.doubted or (c.own_history and c.total is None
                                                          and not _reported_undated(c, doc))]
    for cue in (c for c in cues if c.mention.doubted and c.has_toll):
        cue.mention.fatalities = Fatalities()   # kept as history, but a count told where the detector
        cue.has_toll = False                     # reads no event is a summary, not one happening's dead
        cue.reasons.append("the detector doubts this mention: its number is no death toll")
    groups, _ = corefer(cues, lex, history_story=history_story)
    return [m for g in groups if not _response(g, groups, lex) for m in merge(g, lex)]


def _response(group: Happening, groups: list[Happening], lex: StoryLexicon) -> bool:
    """A development told as news after a violent happening of the story ("Clashes killed five on Sunday ...
    On Monday army units moved armoured vehicles into the area") is its aftermath, not an event of its own;
    told first, it is the story's news ("The SDF forwarded more fighters to al-Amr oilfield ... after tens of
    its fighters were killed")."""
    types = {c.mention.sub_event_type for c in group.cues}
    if group.background or not types <= lex.responses:
        return False
    first = min(c.position for c in group.cues)
    if not any(not g.background and any(c.mention.event_type in VIOLENT and c.position < first for c in g.cues)
               for g in groups):
        return False
    for c in group.cues:
        c.mention.story = [*c.mention.story, "the aftermath of a violent happening told before: no event of its own"]
    return True


def _telling(cues: list[Cue], doc: Document) -> frozenset[int]:
    """The token indices of the mentions' triggers and of their clauses' verbs ("a bomb ... exploded")."""
    from eventwire.detect.view import clause_verb

    toks = [t for c in cues if (t := trigger_token(doc.nlp, c.mention)) is not None]
    return frozenset(t.i for t in toks) | frozenset(clause_verb(t).i for t in toks)


def _dated_from_before(cues: list[Cue], lex: StoryLexicon, reference: str | None,
                       heads: list[int] = ()) -> None:
    """"On Jan. 9, 2023, police opened fire ... The next day, a police officer was beaten to death": a
    mention without a date of its own whose sentence says "the next day", "two days later" or "hours
    later" happened that long after the last day-precise date told in an earlier sentence, or earlier in
    its own ("The army said on Thursday that a drone strike the previous day ..."); "the day before",
    "three days earlier" count back. A date the resolver read from such a phrase against the publication
    day is read again this way. A section heading (``heads``: their offsets) ends the time told before: "About
    fifteen minutes later" under "Bombings" does not count from the last date of the "Background"."""
    last: Cue | None = None
    happened: Cue | None = None   # the latest violent happening told with its own day
    for cue in cues:   # in text order
        m = cue.mention
        if last is not None and any(last.mention.sentence.end <= h < m.sentence.start for h in heads):
            last = happened = None
        # "the day before"; not "that night" dated from the time its paragraph told before it (not a mention's)
        relative = not m.date.text or (days_after(m.date.text, lex.days_after) is not None and not told_back(m.date))
        after = after_happening(m.sentence.text, lex.after_happening) if relative else None
        if after is not None and happened is not None and happened.sentence < cue.sentence:
            # "Tamerlan died after a gunfight with police three days after the bombing": from the bombing's day
            base, (days, start, end) = day(happened.mention.date.start), after
            if base is not None and (reference is None or base + timedelta(days=days) <= day(reference)):
                _count_from(cue, base, base, days, start, end, f"the day of the happening it names "
                                                              f"({happened.mention.date.text})")
                cue.own_time = True   # its own time, told from another happening's
                continue
        before = came_after(m.sentence.text, lex.came_after) if relative else None
        # "The commemorations came a day after Russian warplanes struck Kansafra": the strike's own time, from
        # the day told before it, else the story's day ("The report's release came a day after a jet bombed")
        told_day = last.mention.date if last is not None and last.mention.date.precision == 1 else None
        base = day(told_day.start if told_day is not None else reference) if before is not None else None
        if base is not None and m.trigger.start - m.sentence.start > before[2]:
            _count_from(cue, base, base, *before, f"the day told before it ({told_day.text})" if told_day is not None
                        else "the story's day")
            cue.own_time = cue.clause_time = True
            continue
        found = days_after(m.sentence.text, lex.days_after) if relative else None             # read as yesterday
        told = day_told_in(m.sentence.text[:found[1]], reference) if found is not None else None
        if found is not None and (told is not None or (last is not None and last.sentence < cue.sentence)):
            days, start, end = found   # from a day told before it in its own sentence ("said on Thursday
            base = day(told or last.mention.date.start)   # that a strike the previous day"), else before it
            # a month told before ("in February 2019 ... Twelve days later") gives that month, shifted
            until = day(last.mention.date.end) if told is None and last.mention.date.precision != 1 else base
            if base is not None and until is not None and \
                    (reference is None or base + timedelta(days=days) <= day(reference)):
                _count_from(cue, base, until, days, start, end,
                            f"the time told before it ({told or last.mention.date.text})")
                cue.clause_time = True   # "A day earlier, shelling had killed five soldiers": a time of its own
        if m.date.text and m.date.start and m.date.end and not lex.stretch.search(m.date.text) and \
                (m.date.precision == 1 or not over_months(m.date)) and not cue.spoken:
            last = cue   # a day, or a month ("in February 2019"), told in its own words (not the day it was said)
            if cue.own_time and m.date.precision == 1 and m.event_type in VIOLENT:
                happened = cue


def _count_from(cue: Cue, first: Any, last: Any, days: int, start: int, end: int, source: str) -> None:
    """Dates the cue ``days`` after the time from ``first`` to ``last``, told by its sentence's ``[start, end)``."""
    m = cue.mention
    when, end_day = (first + timedelta(days=days)).isoformat(), (last + timedelta(days=days)).isoformat()
    text = m.sentence.text[start:end]
    m.date = DateSpan(when, end_day, 1 if when == end_day else 3, text,
                      Span(m.sentence.start + start, m.sentence.start + end, text))
    cue.has_time = True
    cue.reasons.append(f"'{text}': dated from {source}")


PARAGRAPH_REACH = 3   # sentences after a past anchor that its time still holds (texts without paragraphs)


def _held_by_paragraph(cues: list[Cue], doc: Document, text: str, reference: str | None, window: int,
                       lex: StoryLexicon) -> None:
    """"On 26 June 2015, a gunman opened fire on a beach near Sousse. Thirty-eight people were killed":
    a paragraph anchored in the past stays there until a new anchor. A mention told in the simple past
    with no time of its own takes the time of the nearest earlier sentence of its paragraph that names
    one (a point in time, not a stretch): when that time lies before the reporting window it is history;
    inside the window it is only its day (it does not become an anchored happening of its own)."""
    from eventwire.detect.stage import sentences

    if reference is None or not any(not c.has_time and not c.mention.is_background for c in cues):
        return
    sents = sentences(doc.nlp)
    dates: dict[int, DateSpan] = {}

    def date_of(i: int) -> DateSpan:
        if i not in dates:
            dates[i] = resolve_date(sents[i], reference)
        return dates[i]

    for cue in cues:
        m = cue.mention
        if cue.has_time or m.is_background or m.doubted or cue.sentence >= len(sents) or cue.sentence == 0:
            continue
        tok = trigger_token(doc.nlp, m)
        if tok is None or not _simple_past(tok):
            continue
        for i in range(cue.sentence - 1, max(-1, cue.sentence - 1 - PARAGRAPH_REACH), -1):
            if "\n" in text[sents[i].end_char:sents[i + 1].start_char]:
                break   # a new paragraph: its anchor does not reach
            found = date_of(i)
            if not found.text:
                continue
            if lex.stretch.search(found.text) or _pluperfect(sents[i].root):   # a flashback ("had seized the
                break                               # town in December") ends where the story's own time picks up
            m.date = found
            if before_window(found, reference, window):
                cue.has_time = True
                _background(cue, f"background: its paragraph is anchored in the past ('{found.text}')")
            else:   # "For a few hours on Tuesday afternoon, the meadow looked ... 26 people were dead": its day
                cue.reasons.append(f"dated by its paragraph's time ('{found.text}')")
            break


def _simple_past(tok: object) -> bool:
    """The trigger's clause is in the simple past, active or passive ("opened fire", "were killed"),
    not a perfect ("have been killed"), a present or a plan."""
    from eventwire.detect.view import clause_verb

    verb = clause_verb(tok)
    while verb.head.i != verb.i and (verb.dep_ == "xcomp" or (  # "began shooting", "tried to storm"
            verb.dep_ == "conj" and verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))):
        verb = verb.head   # "was found hiding ... and killed", "had stormed ... and burned": the auxiliary
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]   # before a conjoined participle is its own
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBN" and bool(aux) and all(a.tag_ == "VBD" and a.lower_ in ("was", "were") for a in aux)


def _untold_past(cue: Cue, reference: str | None) -> None:
    """History whose time the text does not tell is not dated the day of the story: without a told date
    it has no date (the publication day stood in for it)."""
    m = cue.mention
    if m.is_background and not m.date.text and (m.date.start is None or m.date.start == reference):
        m.date = DateSpan()
        cue.has_time = False
        cue.reasons.append("history without a told date: undated")


def _kind_told_before(cues: list[Cue], doc: Document, lex: StoryLexicon) -> None:
    """"United States air strikes on the Ras Isa port killed 74 ... Further strikes hit the Bani Matar district,
    killing four": a clause whose doer is a word for a happening the story has told with a more specific kind
    ("strikes" of "air strikes") tells a happening of that kind, not a bare attack."""
    from eventwire.detect.taxonomy import sub_event
    from eventwire.detect.view import clause_verb, subjects

    told: dict[str, str] = {}   # the head word of a happening's trigger -> its kind
    for cue in cues:   # in text order
        m = cue.mention
        tok = trigger_token(doc.nlp, m)
        if tok is None:
            continue
        if m.sub_event_type == "Attack":
            active, passive = subjects(clause_verb(tok))   # "Further strikes hit the district, killing four"
            subject = next(iter(active + passive), None)
            kind = told.get(subject.lemma_.lower()) if subject is not None and \
                subject.lower_ in lex.violent_anaphora else None
            if kind is not None and not any(c.dep_ == "compound" for c in subject.children):
                found = sub_event(kind)
                m.event_type, m.sub_event_type, m.cameo, m.plover = found.event_type, found.name, found.cameo, \
                    found.plover
                cue.reasons.append(f"'{subject.text}' are the {kind.lower()} told before")
        elif lex.retells("Attack", m.sub_event_type) and tok.pos_ == "NOUN":
            told.setdefault(tok.lemma_.lower(), m.sub_event_type)


CAPTURED_BY_STATE = "territory.captured-by-state"


def _countries_named(doc: Document) -> frozenset[str]:
    """The countries the text names by name or demonym ("Ukraine", "the Syrian town of Afrin")."""
    return frozenset(t.place.country for t in doc.toponyms or () if t.place is not None and t.place.country and
                     (t.role == "demonym" or (t.place.feature or "").startswith("PCL")))


def _foreign_capture(cue: Cue, named: frozenset[str]) -> None:
    """"Russian troops captured Vovchansk", "Turkish forces seized Afrin", "Ukrainian units seized Sudzha": state
    forces that capture (not retake, not drive out) a place in another country are a foreign state acquiring
    territory, which ACLED codes as Non-state actor overtakes territory; Government regains territory is the
    territory's own government. A foreign force that helps the host retakes or drives out ("Rwandan troops
    recaptured Mocimboa da Praia", "French troops drove the jihadists out of Timbuktu"), takes the place with
    the host's own forces named beside it, or takes it from an armed group ("captured the town from insurgents":
    the host's affiliate, as far as the text tells), keeps the government's type. The place's country must be one
    the text names (``named``): a town the gazetteer put abroad is no foreign capture."""
    from eventwire.detect.taxonomy import sub_event
    from eventwire.resolve.actors import ARMED_TYPES, STATE

    m = cue.mention
    doer, place = m.actor1, m.location
    if m.rule != CAPTURED_BY_STATE or doer is None or doer.type != STATE or place is None:
        return
    if not doer.country or place.country not in named or doer.country == place.country or \
            any(a.type == STATE and a.country == place.country for a in m.assoc_actor_1) or \
            (m.actor2 is not None and m.actor2.type in ARMED_TYPES):
        return
    found = sub_event("Non-state actor overtakes territory")
    m.event_type, m.sub_event_type, m.cameo, m.plover = found.event_type, found.name, found.cameo, found.plover
    cue.reasons.append(f"{doer.name} take a place in another country ({place.country}): a foreign state's capture")


def _weekday_lede(doc: Document, lex: StoryLexicon) -> bool:
    """The story's lede tells its time by the day of the week or a day word ("a device that exploded on
    Friday"). Asked only of a story with no reference day (no publication date, no dated lede)."""
    from eventwire.story._time import LEDE_SENTENCES

    lede = [s.text for _, s in zip(range(LEDE_SENTENCES), doc.nlp.sents)]
    return any(lex.relative_days.search(t) for t in lede)


_SOME_MONDAY = "2001-01-01"   # any day: weekdays are read against it only to learn which one a sentence tells


def _weekdays(cues: list[Cue], doc: Document) -> None:
    """In an undated story told by weekdays, the weekday each mention's own clause tells ("attacked the police
    station on Saturday", "On Sunday ... marched")."""
    for cue in cues:
        m = cue.mention
        sent = doc.nlp.char_span(m.sentence.start, m.sentence.end, alignment_mode="expand")
        found = resolve_date(sent, _SOME_MONDAY, anchor=m.trigger.start) if sent is not None else None
        words = found.text.lower().split() if found is not None and found.text else ()
        cue.weekday = next((w for w in weekday_words() if w in words), None)


def _calendar_dated(cue: Cue, lex: StoryLexicon) -> None:
    """In an undated story told by weekdays, a happening told by a calendar date ("Five people were killed on
    11 December in an attack on the Christmas market in Strasbourg", "In May, she was arrested") lies before
    the days of the news: background. Not when its own sentence also names such a day ("on Thursday
    morning (Oct. 12)")."""
    m = cue.mention
    # without a year or a publication day the resolver may read no date from "on 11 December": the sentence
    told = lex.calendar_date.search(m.date.text) if m.date.text else lex.calendar_date.search(m.sentence.text)
    if m.is_background or told is None or lex.relative_days.search(m.sentence.text):
        return
    cue.own_history = True
    _background(cue, f"background: '{m.date.text or told.group(0)}' is a calendar date in a story told by weekdays")


def _background(cue: Cue, reason: str) -> None:
    cue.mention.is_background = True
    cue.reasons.append(reason)


def _place_in_time(cue: Cue, doc: Document, reference: str | None, window: int, history_story: bool,
                   lex: StoryLexicon) -> None:
    """News or background, from the mention's own time, its frame and the story's genre."""
    m = cue.mention
    if m.is_background:
        cue.own_history = True
        cue.reasons.append("background: told as history in its sentence")
    elif cue.has_time and before_window(m.date, reference, window):
        cue.own_history = True
        _background(cue, f"background: '{m.date.text}' is before the reporting window")
    elif cue.has_time and earlier_in_month(m.date, reference, window, lex.earlier_in_month):
        cue.own_history = True
        _background(cue, f"background: '{m.date.text}' lies mostly before the reporting window")
    elif cue.has_time and doc.published is None and cue.frame != "history" and after_window(m.date, reference, window):
        cue.own_history = True
        _background(cue, f"background: '{m.date.text}' comes after the time the undated story tells")
    elif long_stretch(m.date, reference, window, lex.stretch):
        cue.own_history = cue.stretch = True
        _background(cue, f"background: told over a long stretch ('{m.date.text}')")
        _no_toll(cue, m.date.text or "")   # a number told over months is a sum of many events
    elif cue.history_section and not (cue.has_time and reference is not None):
        cue.own_history = True   # within the window, its own time would have kept it news
        _background(cue, "background: told under a heading of the past")
    elif cue.pluperfect and not cue.clause_time:
        cue.own_history = True
        _background(cue, "background: told in the pluperfect, before the story's time")
    elif cue.frame == "history" and not cue.own_time:
        _not_its_time(cue, doc, reference)
        # its own phrase dates it before the window ("sentenced on Tuesday ... for an attack that killed a mayor
        # in the town of Neiva in August 2005"): history its own sentence tells, not only the trial's frame
        cue.own_history = cue.own_history or (cue.has_time and before_window(m.date, reference, window))
        _background(cue, f"background: the past behind '{cue.frame_word}'")
    elif history_story and (not cue.clause_time or doc.published is None) and m.event_type not in lex.present_types \
            and not lex.news_opener.search(m.sentence.text):   # "Separately, police said they had arrested ..."
        # a trial or an anniversary comes after what it is about: without a publication date to
        # place the window, even a dated happening it tells is its past
        _not_its_time(cue, doc, reference)
        _background(cue, "background: the past a trial or commemoration story is about")


def _nominal_year(cue: Cue, doc: Document, reference: str | None, lex: StoryLexicon) -> None:
    """"the 2013 bombing", "the 1995 attack": a year in the happening's own phrase is its time; so is the
    time told as elapsed since it ("Ten years after the Ghouta sarin attack, survivors say")."""
    if cue.own_time:
        return

    tok = trigger_token(doc.nlp, cue.mention)
    found = nominal_year(own_phrase(tok)) if tok is not None else DateSpan()
    if not found.text:
        found = elapsed(tok, reference, lex.elapsed_units, lex.elapsed_preps)
    if found.text:
        cue.mention.date = found
        cue.has_time = cue.own_time = True
        cue.reasons.append(f"its own phrase dates it: '{found.text}'")


def _toll_told_elsewhere(cue: Cue, doc: Document, lex: StoryLexicon, sums: dict[tuple[int, int], str]) -> None:
    """A toll the detector took from another sentence (a repeat it merged: the headline's "battles" and
    "More than 200 fighters have been killed since then") is judged by the sentence that tells it: a sum
    over many events there (``sums``: the totals the cues of other sentences read, by sentence span) is no
    death toll here either."""
    m = cue.mention
    span = m.fatalities.span
    if not cue.has_toll or span is None or m.sentence.start <= span.start < m.sentence.end:
        return
    told = next((total for (start, end), total in sums.items() if start <= span.start < end), None)
    sent = doc.nlp.char_span(span.start, span.end, alignment_mode="expand")
    found = lex.totals.search(sent.sent.text) if sent is not None else None
    if found:
        _no_toll(cue, found.group(0).lower())
    elif told:
        _no_toll(cue, told)


def _no_toll(cue: Cue, why: str) -> None:
    if cue.has_toll:
        cue.mention.fatalities = Fatalities()
        cue.has_toll = False
        cue.reasons.append(f"total ('{why}'): its number is no event's death toll")


def _not_its_time(cue: Cue, doc: Document, reference: str | None) -> None:
    """The sentence's time is the trial's or the ceremony's, not the happening's: its own phrase may
    hold its time ("the 2013 bombing that killed three"), else it is undated. So is its place: "a court
    in Sarajevo acquitted an officer of ordering the attack" tells where the trial sat, not where the
    attack was ("the 2013 bombing in Jos" keeps its town)."""
    tok = trigger_token(doc.nlp, cue.mention)
    phrase = own_phrase(tok) if tok is not None else None
    _not_its_place(cue, phrase)
    if not cue.has_time or cue.own_time:
        return

    own = resolve_date(phrase, reference) if phrase is not None else DateSpan()
    own = own if own.text or phrase is None else nominal_year(phrase)
    if not own.text and phrase is not None:
        own = _time_after(phrase, cue.mention, reference)
    cue.mention.date = own if own.text else DateSpan()
    cue.has_time = bool(own.text)
    cue.reasons.append("its sentence's time belongs to the trial or ceremony, not to it")


def _time_after(phrase: Any, m: Mention, reference: str | None) -> DateSpan:
    """A time told after the happening's phrase, other than the trial's, is the happening's even where the parse
    hangs it on the trial's verb ("sentenced on Thursday ... for a car bomb that killed a sergeant and a
    passer-by in Gandia in September 2001")."""
    trial = m.date.span
    rest = phrase.doc.char_span(phrase.end_char, m.sentence.end, alignment_mode="contract")
    if rest is None or len(rest) == 0 or trial is None:
        return DateSpan()
    found = resolve_date(rest, reference)
    if not found.text or found.span is None or found.span.start <= trial.start < found.span.end:
        return DateSpan()
    return found


def _not_its_place(cue: Cue, phrase: Any) -> None:
    """The place the sentence names outside the happening's own phrase is the trial's or the ceremony's: it lends
    the happening nothing (``_coref._borrow``)."""
    span = cue.mention.location.span if cue.mention.location is not None else None
    if not cue.has_place or span is None or (phrase is not None and phrase.start_char <= span.start
                                                 and span.end <= phrase.end_char):
        return
    cue.place_elsewhere = True
    cue.reasons.append("its sentence's place belongs to the trial or ceremony, not to it")


def _life_told(cue: Cue, doc: Document) -> None:
    """"Andriy Kovalchuk, commander who fought from Ilovaisk to Bakhmut, dies at 44": a happening in a relative
    clause about a person is that person's past; the count the main clause tells (his death) is not its toll."""
    m = cue.mention
    span = m.fatalities.span
    tok = trigger_token(doc.nlp, m) if cue.has_toll and span is not None else None
    clause = tok
    while clause is not None and clause.dep_ != "relcl" and clause.head.i != clause.i and clause.pos_ != "VERB":
        clause = clause.head
    if clause is None or clause.dep_ != "relcl" or not _a_person(clause.head):
        return
    if not clause.left_edge.idx <= span.start < clause.right_edge.idx + len(clause.right_edge):
        _no_toll(cue, "the main clause's count, not the past of the person described")


def _a_person(noun: Any) -> bool:
    """A person named or titled: "Andriy Kovalchuk", "commander" in apposition to a name."""
    return noun.ent_type_ == "PERSON" or (noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON") or \
        any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in noun.children)


def _reported_undated(cue: Cue, doc: Document) -> bool:
    """A doubted mention with no date of its own, told in what a source said ("Hospital spokesman Wasim Baig said 14
    bodies had been received"): the tense of reported speech, not history."""
    if cue.mention.date.start is not None:
        return False
    tok = trigger_token(doc.nlp, cue.mention)
    return tok is not None and reported(clause_verb(tok))


def _totals(cue: Cue) -> None:
    """A sum over many events is no event's toll; without a time or place of its own, no event."""
    if cue.total is None:
        return
    _no_toll(cue, cue.total)
    m = cue.mention
    # a count of people held since a time is a sum too ("500 people have been detained since the summer")
    held_since = m.sub_event_type == "Arrests" and " since " in f" {cue.total} "
    if m.event_type not in VIOLENT and not held_since:
        return
    if not (cue.has_time or cue.has_place) and not m.is_background:
        cue.drop = f"total ('{cue.total}'): sums many events"
    elif cue.sum_only and m.date.span is None:
        # "a century of war, in which some 260,000 people died" in a sentence that names where talks were held,
        # "has carried out more than 1,000 air strikes in Sagaing": a war's dead or a count of happenings with no
        # date of their own are no happening, wherever the sentence is set
        cue.drop = f"total ('{cue.total}'): sums many events, with no date of its own"
    elif (cue.stretch or held_since or (over_months(m.date) and not m.is_background)) and \
            not (cue.has_place and m.location is not None and m.location.geo_precision == 1):
        # "more than 220 people have been killed in Manipur since May 2023": told over a long stretch and
        # no town of its own, it is a sum, not a happening of the past
        cue.drop = f"total ('{cue.total}') over a long stretch ('{m.date.text}'): sums many events"


__all__ = ["StoryStage", "tell"]
