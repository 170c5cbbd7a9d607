"""The story's time: a reference time for the document and each mention's place in it.

The reference time is ``published``; without it, the first full date the
headline or lede gives ("On the morning of 1 March 2019, ..."), and the
mentions' dates are resolved again against it. A mention is background when its
time lies before the reporting window (``story.window_days`` before the
reference time), when it is told over a long stretch that began before it
("has been raging since June"), or when a history frame or a history story
holds it (the attack behind a trial).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from eventwire.records import DateSpan
from eventwire.resolve.dates import parse_published, resolve_date

LEDE_SENTENCES = 3
_STRETCH_START = re.compile(r"(?i)(?:since|from)\b")   # "Since 2012, ..." opens a stretch, not the story's time


def infer_reference(spacy_doc: Any, relative_days: re.Pattern[str] | None = None,
                    past: list[tuple[int, int]] | None = None) -> tuple[str | None, int]:
    """The first day-precise date in the headline or lede, as ISO text (documents without ``published``); else
    the end of the first month or year the lede tells (an undated account of "the July 2007 ambush" is told
    from then: what it dates years before is its background), unless the lede tells its time by weekday
    (``relative_days``: a wire story of the last days, whose calendar dates are its past). With it, the days
    that month or year holds before its end: all of them are the story's own time ("The battle was fought in
    June 2024" makes 12 June news, not 18 days before the story). A lede that tells no time at all leaves the
    first day-precise date of the text outside its sections of the past (``past``: character ranges, such as
    a "Background" section): an encyclopedic account opens with what happened and tells when further down
    ("The kidnapping of Carlo Ferrandi was ... Background ... Abduction: On the morning of 8 February 1979")."""
    def told_as_past(sent: Any) -> bool:
        return any(start <= sent.start_char < end for start, end in past or ())

    coarse: tuple[str | None, int] = (None, 0)
    sents = list(spacy_doc.sents)
    for sent in sents[:LEDE_SENTENCES]:
        if told_as_past(sent):
            break   # a short lede, and its "Background" section already
        found = resolve_date(sent, None)
        if found.text and found.precision == 1 and found.start:
            return found.start, 0
        if relative_days is not None and relative_days.search(sent.text):
            return None, 0
        if coarse[0] is None and found.text and found.end and not _STRETCH_START.match(found.text):
            # "In July 2007, a column of marines was ambushed": the end of that month, and its days
            start, end = parse_published(found.start), parse_published(found.end)
            coarse = (found.end, (end - start).days if start is not None and end is not None else 0)
    if coarse[0] is not None or past is None:
        return coarse
    for sent in sents[LEDE_SENTENCES:]:
        if told_as_past(sent):
            continue
        found = resolve_date(sent, None)
        if found.text and found.precision == 1 and found.start:
            return found.start, 0
    return coarse


def redate(spacy_doc: Any, mention: Any, reference: str) -> None:
    """Resolve a mention's date again against an inferred reference time; undated ones take it."""
    sent = spacy_doc.char_span(mention.sentence.start, mention.sentence.end, alignment_mode="expand")
    found = resolve_date(sent, reference, anchor=mention.trigger.start) if sent is not None else None
    if found is not None and found.text:
        mention.date = found
    elif not mention.date.text:
        mention.date = DateSpan(reference, reference, 2, None, None)


def before_window(when: DateSpan, reference: str | None, window_days: int) -> bool:
    """The time ends before the reporting window opens."""
    ref = parse_published(reference)
    end = parse_published(when.end or when.start)
    return ref is not None and end is not None and end < ref - timedelta(days=window_days)


def earlier_in_month(when: DateSpan, reference: str | None, window_days: int, earlier: re.Pattern[str]) -> bool:
    """Told as the earlier part of the reference's month ("earlier this month") when more than twice the window has
    passed since the month began: most of that part lies before the window."""
    ref = parse_published(reference)
    start = parse_published(when.start)
    if ref is None or start is None or not when.text or not earlier.search(when.text):
        return False
    return (start.year, start.month) == (ref.year, ref.month) and (ref - start).days > 2 * window_days


def after_window(when: DateSpan, reference: str | None, window_days: int) -> bool:
    """The time begins more than the window after the reference time: in an undated account, told from
    the time of its happening, what came years later is its later history."""
    ref = parse_published(reference)
    start = parse_published(when.start)
    return ref is not None and start is not None and start > ref + timedelta(days=window_days)


def long_stretch(when: DateSpan, reference: str | None, window_days: int, stretch: re.Pattern[str]) -> bool:
    """Told over a stretch that began well before the window ("since June", "in recent months"),
    not just imprecisely ("in 2020" holds the reference day and may be news)."""
    ref = parse_published(reference)
    start, end = parse_published(when.start), parse_published(when.end)
    if ref is None or start is None or end is None or not when.text or not stretch.search(when.text):
        return False
    return (end - start).days > window_days and start < ref - timedelta(days=window_days)


def over_years(when: DateSpan) -> bool:
    """A told time of more than a year ("between 1971 and the end of the decade"): a total told over it sums
    many happenings, even in the past (one happening told with its year, "in 2014", is not one)."""
    start, end = day(when.start), day(when.end)
    return bool(when.text) and start is not None and end is not None and (end - start).days > 366


def over_months(when: DateSpan) -> bool:
    """A told time longer than a month ("this year", "in 2023"): a total told over it sums many happenings, and it
    anchors no "two days later"."""
    start, end = day(when.start), day(when.end)
    return bool(when.text) and start is not None and end is not None and (end - start).days > 31


def day(text: str | None) -> date | None:
    return parse_published(text)


def nominal_year(phrase: Any) -> DateSpan:
    """A year that modifies an event noun ("the 2013 bombing", "the 1995 attack"), as a year span."""
    from eventwire.records import Span

    for tok in phrase:
        if tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100 \
                and tok.dep_ in ("nummod", "compound", "amod", "npadvmod", "nmod") \
                and not (tok.head.ent_type_ == "DATE" and tok.head.i != tok.i):   # "in September 2003": a date
            year = tok.text
            return DateSpan(f"{year}-01-01", f"{year}-12-31", 3, year, Span(tok.idx, tok.idx + 4, year))
    return DateSpan()




ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")
MAX_COUNTED_DAYS = 60   # "two days later", "three weeks before": longer counts are no day to date from


def _counted_days(word: str, weeks: bool) -> int | None:
    """The days a count of days or weeks tells ("two", "a", "one", "3"), or None beyond ``MAX_COUNTED_DAYS``."""
    from eventwire.resolve.fatalities import count_value

    word = word.lower()
    number = 1 if word in ("a", "one") else count_value(word)
    days = number * (7 if weeks else 1) if number else 0
    return days if 0 < days <= MAX_COUNTED_DAYS else None


def days_after(text: str, patterns: Any) -> tuple[int, int, int] | None:
    """(days, start, end) of a phrase that dates a happening from the one told before it ("The next
    day", "two days later", "hours later"; "the day before", "three days earlier" count back), or None."""
    for pattern, days in patterns:
        found = pattern.search(text)
        if found:
            if days == "ordinal":   # "the first night" is the day told before, "the second day" the day after
                days = ORDINALS.index(found.group(1).lower())
            elif days is None or isinstance(days, str):   # "two days later", "three days earlier", "two weeks later"
                counted = _counted_days(found.group(1), days is not None and days.startswith("weeks"))
                if counted is None:
                    continue
                days = counted * (-1 if days is not None and days.endswith("before") else 1)
            return days, found.start(), found.end()
    return None


def came_after(text: str, pattern: Any) -> tuple[int, int, int] | None:
    """(days, start, end) of "came a day after", "followed two weeks after": the happening the phrase opens lies
    that many days before the time told before it (days are negative), or None."""
    found = pattern.search(text)
    days = _counted_days(found.group("n"), bool(found.group("week"))) if found is not None else None
    return (-days, found.start(), found.end()) if days is not None else None


def after_happening(text: str, pattern: Any) -> tuple[int, int, int] | None:
    """(days, start, end) of a phrase that dates a happening from a violent one the story told ("died in a
    gunfight three days after the bombing", "a week before the attack"), or None."""
    found = pattern.search(text)
    if found is None:
        return None
    weeks = (found.group("unit") or found.group("one")).lower().startswith("week")
    days = _counted_days("one" if found.group("one") else found.group("n"), weeks)
    if days is None:
        return None
    return (-days if " before " in found.group(0).lower() else days), found.start(), found.end()


def elapsed(tok: Any, reference: str | None, units: dict[str, int], preps: frozenset[str]) -> DateSpan:
    """The time a happening lies before the reference time, told as the time elapsed since it from a
    present clause: "Ten years after the Ghouta sarin attack, survivors say ...", "Months after the
    massacre, the village is empty", "It has been two years since the bombing", "Five years on from the
    Manchester Arena bombing, the inquiry has published". A past clause counts from its own time ("Three
    days after the bombing, police arrested two men"): nothing. A count gives that day (precision 3);
    a bare plural ("months after") gives no later than two units before."""
    from eventwire.records import Span
    from eventwire.resolve.fatalities import count_value

    ref = parse_published(reference)
    if ref is None or tok is None:
        return DateSpan()
    head = tok
    while head.dep_ in ("compound", "amod", "nmod") and head.head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
        head = head.head
    if head.dep_ != "pobj" or head.head.lower_ not in preps:
        return DateSpan()
    prep = head.head
    anchor = prep.head if prep.lower_ == "from" and prep.head.lower_ == "on" else prep
    clause = anchor.head
    unit = next((c for c in anchor.children if c.dep_ == "npadvmod" and c.lemma_.lower() in units), None)
    if unit is None and anchor.head.lemma_.lower() in units and anchor.head.dep_ == "npadvmod":
        unit, clause = anchor.head, anchor.head.head   # "[A year [after the bombing]], families wait"
    if unit is None and prep.lower_ == "since":   # "It has been two years since the bombing"
        unit = next((c for c in clause.children if c.dep_ in ("attr", "npadvmod") and c.lemma_.lower() in units), None)
    if unit is None or not _present(clause):
        return DateSpan()
    number = next((c for c in unit.children if c.dep_ == "nummod"), None)
    if number is not None:
        count = count_value(number.text.lower())
    elif any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in unit.children) or unit.tag_ == "NN":
        count = 1
    else:
        count = None
    if count is not None and not 0 < count <= 100:
        return DateSpan()
    length = units[unit.lemma_.lower()]
    first = min(t.i for t in (unit, *unit.subtree))
    text = tok.doc[first:prep.i + 1]
    span = Span(text.start_char, text.end_char, text.text)
    if count is None:
        return DateSpan(None, _back(ref, 2, length).isoformat(), 3, text.text, span)
    when = _back(ref, count, length).isoformat()
    return DateSpan(when, when, 3, text.text, span)


def _back(ref: date, count: int, length: int) -> date:
    """``count`` units of ``length`` days before ``ref``; years and months on the calendar."""
    if length % 365 == 0 or length == 30:
        months = count * (12 * length // 365 if length % 365 == 0 else 1)
        year, month = divmod(ref.year * 12 + ref.month - 1 - months, 12)
        return date(year, month + 1, min(ref.day, 28))
    return ref - timedelta(days=count * length)


def _present(verb: Any) -> bool:
    """The clause is told in the present ("survivors say", "the village is empty", "has published") or
    has no verb (a headline: "Ten years after Ghouta: the survivors")."""
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ == "ROOT":
        return True
    return verb.tag_ in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ")
                                              for c in verb.children)
