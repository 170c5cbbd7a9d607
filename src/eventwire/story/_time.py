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


def infer_reference(spacy_doc: Any) -> str | None:
    """The first day-precise date in the headline or lede, as ISO text (documents without ``published``)."""
    for n, sent in enumerate(spacy_doc.sents):
        if n >= LEDE_SENTENCES:
            break
        found = resolve_date(sent, None)
        if found.text and found.precision == 1 and found.start:
            return found.start
    return None


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


def long_stretch(when: DateSpan, reference: str | None, window_days: int, stretch: re.Pattern[str]) -> bool:
    """Told over a stretch that began well before the window ("since June", "in recent months"),
    not just imprecisely ("in 2020" holds the reference day and may be news)."""
    ref = parse_published(reference)
    start, end = parse_published(when.start), parse_published(when.end)
    if ref is None or start is None or end is None or not when.text or not stretch.search(when.text):
        return False
    return (end - start).days > window_days and start < ref - timedelta(days=window_days)


def day(text: str | None) -> date | None:
    return parse_published(text)


def nominal_year(phrase: Any) -> DateSpan:
    """A year that modifies an event noun ("the 2013 bombing", "the 1995 attack"), as a year span."""
    from eventwire.records import Span

    for tok in phrase:
        if tok.like_num and len(tok.text) == 4 and tok.text.isdigit() and 1900 <= int(tok.text) <= 2100 \
                and tok.dep_ in ("nummod", "compound", "amod", "npadvmod", "nmod"):
            year = tok.text
            return DateSpan(f"{year}-01-01", f"{year}-12-31", 3, year, Span(tok.idx, tok.idx + 4, year))
    return DateSpan()




def days_after(text: str, patterns: Any) -> tuple[int, int, int] | None:
    """(days, start, end) of a phrase that dates a happening from the one told before it ("The next
    day", "two days later", "hours later"; "the day before", "three days earlier" count back), or None."""
    from eventwire.resolve.fatalities import count_value

    for pattern, days in patterns:
        found = pattern.search(text)
        if found:
            if days is None or days == "before":   # "two days later", "twelve days later", "three days earlier"
                number = count_value(found.group(1).lower())
                if not number or number > 60:
                    continue
                days = number * (-1 if days == "before" else 1)
            return days, found.start(), found.end()
    return None
