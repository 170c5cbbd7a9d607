"""Event dates from a sentence, resolved against the publication date.

``resolve_date(sent, published)`` finds date expressions with precompiled
regular expressions (and, for the spaCy ``DATE`` entities they miss,
dateparser configured with ``RELATIVE_BASE`` = publication date and
``PREFER_DATES_FROM`` = past) and returns a ``DateSpan`` with ACLED's
``time_precision``: 1 a known day, 2 a range of days up to about a week,
3 a month or wider.

Conventions (documented choices):

* "on Sunday" is the last Sunday on or before publication; "last Sunday" the
  last one strictly before it.
* "overnight" and "last night" are the day before publication (precision 1).
* "last week" is the previous Monday-Sunday week (2); "this week" Monday of the
  publication week to publication (2); "earlier this month" the first of the
  month to publication (3); "since May 2015" 2015-05-01 to publication (3).
* A day and month without a year ("on March 26") take the publication year,
  or the year before when that would be more than a week after publication.
* No date cue at all: the publication day with precision 2 (reports without a
  date are usually about the last day or two), ``text`` None.
* Several expressions in one sentence: the one nearest ``anchor`` (a document
  char offset, e.g. the event trigger) when given, else the most precise one,
  then the first.
"""

from __future__ import annotations

import calendar
import re
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire.parse import DATELINE
from eventwire.records import DateSpan, Span
from eventwire.resolve._patterns import alternation, bounded, record_span

PAST_REFERENCE_DAYS = 10
Range = tuple[date | None, date | None, int]


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    range: Range


def parse_published(published: str | None) -> date | None:
    """The publication day of an ISO date or datetime string, or None."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def resolve_date(sent: Any, published: str | None, *, anchor: int | None = None) -> DateSpan:
    """The date of the event told in ``sent`` (a spaCy span), relative to ``published``."""
    pub = parse_published(published)
    trigger = _token_at(sent, anchor)
    before = _sentence_before(sent)
    paragraph = _paragraph_before(sent)   # read once: the year, the paragraph above and a heading look at it
    # the year a yearless day may lie in: the last told just before it, in the sentence before or, through a
    # sentence before that tells no time of its own, earlier in its paragraph ("on the night of Nov. 26, 2008 ...
    # Over the next 60 hours they killed 166 people ... Commandos killed the last of the attackers on Nov. 29")
    told = _last_year(before)
    if told is None and before:
        told = _last_year(paragraph)
        if told is not None and _rules().candidates(before, pub):
            told = None
    in_paragraph = _year_in_paragraph(paragraph)
    above = _paragraph_above(sent) if told is None and in_paragraph is None and \
        not _rules().candidates(paragraph, pub) else None
    candidates = [c for c in _rules().candidates(sent.text, pub, in_paragraph, told, before, above)
                  + _entity_candidates(sent, pub)
                  if not _comparison(sent, c, trigger) and not _describing(sent, c) and not _named_day(sent, c)]
    # the dateline's date is the day the story was filed: another time the sentence tells is its happening's
    candidates = [c for c in candidates if not _filed(sent, c, pub)] or candidates
    # a weekday that names a routine ("after Sunday service") yields to any other time the sentence tells
    # ("Last September, two suicide bombers blew themselves up ... after Sunday service")
    routine = [c for c in candidates if _routine_day(sent, c, trigger)]
    candidates = [c for c in candidates if c not in routine] or routine
    if not candidates:
        return _told_back(sent, paragraph, pub) or _heading_time(sent, pub, paragraph) or _undated(pub)
    best = _choose(candidates, anchor - sent.start_char if anchor is not None else None, sent)
    best = _when_of(sent, best, trigger, pub) or best
    start, end, precision = best.range
    span = record_span(sent, best.start, best.end)
    return DateSpan(_iso(start), _iso(end), precision, span.text, span)


def _told_back(sent: Any, paragraph: str, pub: date | None) -> DateSpan | None:
    """"The Peshmerga's grip on the city dates from June 2014. When Islamic State fighters overran Mosul that
    month, ...": a sentence that tells no time of its own but points back to one ("that day", "the same month",
    "later that year") happened in the time told last before it in its paragraph (``paragraph``; for a sentence
    that opens one, the paragraph above), at the unit it names; None when that tells no such time (a day for "that
    day")."""
    rules = _rules()
    found = rules.told_back.search(sent.text)
    if found is None:
        return None
    paragraph = paragraph or _paragraph_above(sent) or ""   # read only for a sentence that points back
    told = [c for c in rules.candidates(paragraph, pub) if c.range[0] and c.range[1]]
    if not told:
        return None
    first, _, precision = max(told, key=lambda c: c.start).range
    unit, after = found.lastgroup, 0
    if unit.startswith("next_"):   # "the following month", "a year later"
        unit, after = unit[5:], 1
    elif unit.endswith("s_later"):   # "three months later", "two years later"
        count = found.group().split()[0].lower()
        after = int(count) if count.isdigit() else rules.numbers.get(count)
        if not after:
            return None
        unit = unit[:-7]
    if unit == "day":
        if precision != 1:
            return None
        rng = (first, first, 1)
    elif unit == "month":   # the month a told time starts in ("from June 2014 ... that month"), or one after it
        year, month = divmod(first.year * 12 + first.month - 1 + after, 12)
        month += 1
        rng = (date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), 3)
    else:
        rng = (date(first.year + after, 1, 1), date(first.year + after, 12, 31), 3)
    if pub is not None and rng[0] > pub:   # counted on past the telling: not a time told back
        return None
    span = record_span(sent, found.start(), found.end())
    return DateSpan(_iso(rng[0]), _iso(rng[1]), rng[2], span.text, span)


def told_back(when: DateSpan) -> bool:
    """The date was read from a time told back to ("that night" after "On 4 July 2016, ..."; ``_told_back``)."""
    return bool(when.text and when.start and _rules().told_back.fullmatch(when.text))


_SINCE = re.compile(r"(?i)(?:since|from)\s+")


def _when_of(sent: Any, cand: _Candidate, trigger: Any, pub: date | None) -> _Candidate | None:
    """"the deadliest attack since October, when twin car bombs killed 121 people": a clause that "when"
    hangs on a time tells what happened at that time, not over the stretch since it."""
    found = _SINCE.match(sent.text, cand.start)
    head = _when_head(trigger) if found is not None and hasattr(sent, "doc") else None
    if head is None or not cand.start <= head.idx - sent.start_char < cand.end:
        return None
    inner = [c for c in _rules().candidates("in " + sent.text[found.end():cand.end], pub) if c.start == 0]
    if not inner:
        return None
    rng = max(inner, key=lambda c: c.end).range
    return _Candidate(found.end(), cand.end, rng)


def _when_head(trigger: Any) -> Any:
    """The time word a "when" clause holding the trigger hangs on ("since October, when ... killed"), or None."""
    if trigger is None:
        return None
    verb = trigger
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return verb.head
    return None


def is_past_reference(when: DateSpan | str | None, published: str | None, *,
                      days: int = PAST_REFERENCE_DAYS) -> bool:
    """True when ``when`` ends before the reporting window (more than ``days`` before publication;
    the pipeline passes the ``[story] window_days`` setting)."""
    pub = parse_published(published)
    end = when.end or when.start if isinstance(when, DateSpan) else when
    day = parse_published(end)
    if pub is None or day is None:
        return False
    return (pub - day).days > days


def _undated(pub: date | None) -> DateSpan:
    if pub is None:
        return DateSpan()
    return DateSpan(pub.isoformat(), pub.isoformat(), 2, None, None)


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _token_at(sent: Any, anchor: int | None) -> Any:
    """The token at a document char offset (the trigger), or None."""
    if anchor is None or not hasattr(sent, "doc"):
        return None
    span = sent.doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _filed(sent: Any, cand: _Candidate, pub: date | None) -> bool:
    """"KINSHASA, 13 July 2023 - At least nine ... were killed on Tuesday evening": a date in the dateline
    opening the sentence is when the story was filed, not when its happening was."""
    found = DATELINE.match(sent.text)
    return found is not None and cand.end <= found.end() and pub is not None and cand.range[0] == pub \
        and cand.range[2] == 1


def _comparison(sent: Any, cand: _Candidate, trigger: Any = None) -> bool:
    """"the deadliest attack since 2002", "the first protest since March": a time that a superlative or
    "first" measures against, not the time of what the sentence tells (unless what it tells is the
    standard itself: the ``trigger`` token in the same phrase)."""
    if not hasattr(sent, "doc"):
        return False
    span = sent.doc.char_span(sent.start_char + cand.start, sent.start_char + cand.end, alignment_mode="expand")
    if span is not None and (head := _when_head(trigger)) is not None and span.start <= head.i < span.end:
        return False   # "the deadliest attack since October, when twin car bombs killed 121": October's own
    return span is not None and len(span) > 0 and compared_time(span, trigger)


_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night", "dawn", "dusk", "noon", "midday",
                           "midnight", "day", "hour", "overnight"})


def _one_word(sent: Any, cand: _Candidate) -> Any:
    """The candidate's token when it is one word of a parsed sentence, else None."""
    if not hasattr(sent, "doc"):
        return None
    span = sent.doc.char_span(sent.start_char + cand.start, sent.start_char + cand.end, alignment_mode="expand")
    return span.root if span is not None and len(span) == 1 else None


def _describing(sent: Any, cand: _Candidate) -> bool:
    """"an overnight massacre", "a daylong battle": a time word that describes a noun tells how long or at
    what hour, not which day."""
    tok = _one_word(sent, cand)
    return tok is not None and tok.dep_ == "amod"


def _named_day(sent: Any, cand: _Candidate) -> bool:
    """A weekday that is part of a name ("Bloody Sunday", "Black Friday", "the Good Friday Agreement"): a name the
    tagger reads as something other than a time, or a capitalised word before the weekday that is not how a
    time is told ("Last Sunday", "On Friday" open a sentence)."""
    tok = _one_word(sent, cand)
    if tok is None or tok.lower_ not in _rules().weekdays:
        return False
    if tok.ent_type_ and tok.ent_type_ not in ("DATE", "TIME"):
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and not prev.is_sent_start and prev.is_title and prev.is_alpha and \
        prev.pos_ in ("ADJ", "PROPN")


def _routine_day(sent: Any, cand: _Candidate, trigger: Any = None) -> bool:
    """A weekday that names a routine ("after Sunday service", "Friday prayers"), not the happening itself
    ("the Sunday attack") or a part of the day ("Sunday morning")."""
    tok = _one_word(sent, cand)
    if tok is None or tok.dep_ != "compound" or tok.lower_ not in _rules().weekdays:
        return False
    head = tok.head
    return tok.ent_type_ == "DATE" and head.pos_ == "NOUN" and head.lemma_.lower() not in _PARTS_OF_DAY and \
        (trigger is None or head.i != trigger.i)


def compared_time(span: Any, trigger: Any = None) -> bool:
    """The time phrase (a spaCy span) is what a superlative or "first" is measured against ("the
    deadliest attack since 2002", "the worst attack since the London bombings of 2005")."""
    prep = span.root.head if span.root.dep_ == "pobj" else span.root if span.root.lower_ == "since" else None
    if prep is not None and prep.lower_ in ("since", "in") and _superlative(prep.head):
        return True
    if prep is not None and prep.lower_ == "since" and _described_superlative(prep):
        return True
    return compared(span.root, trigger)


_BREAKS = frozenset({",", ";", ".", ":", "(", ")", "—", "–", "-", "!", "?"})
_REACH = 8   # words from the superlative to "since"


def compared(tok: Any, trigger: Any = None) -> bool:
    """The word lies in the standard a superlative or "first" is measured against: "the worst attack on
    Britons since the London bombings of 2005" (London and 2005 are the standard's, not the attack's),
    unless the ``trigger`` token lies in that standard too ("the first vote since the town was captured
    in 1991": the capture's own place and time)."""
    since = standard_of(tok)
    if since is None or trigger is None or trigger.i < since:
        return since is not None
    return any(t.text in _BREAKS for t in tok.doc[since:trigger.i])   # the trigger's clause is the standard


def standard_of(tok: Any) -> int | None:
    """The index of the "since" that opens the comparison standard the word lies in, if any. Read along
    the words, not the parse, which often hangs "since" on the verb: the phrase runs from "since" to the
    next break or verb, and a superlative stands a few words before it, no verb between."""
    doc, sent = tok.doc, tok.sent
    for i in range(tok.i - 1, sent.start - 1, -1):
        word = doc[i]
        if word.lower_ == "since":
            near = any(_superlative_word(w) for w in _unbroken_before(doc, i, sent.start))
            return i if near or _described_superlative(word) else None
        if word.text in _BREAKS or word.pos_ in ("VERB", "AUX"):
            return None
    return None


def _described_superlative(since: Any) -> bool:
    """"the first police officer killed in Northern Ireland since 1998", "the deadliest attack to hit the city
    since 2016": "since" hangs on a clause that describes a noun a superlative or "first" qualifies, so the
    time is that noun's standard, however many words the clause puts between them."""
    verb = since.head
    for _ in range(3):
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        if verb.dep_ in ("acl", "relcl"):
            return _superlative(verb.head)
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _unbroken_before(doc: Any, i: int, start: int) -> Iterator[Any]:
    """The words before index ``i``, nearest first, up to ``_REACH`` and the first break or verb."""
    for j in range(i - 1, max(start, i - _REACH) - 1, -1):
        if doc[j].text in _BREAKS or doc[j].pos_ in ("VERB", "AUX"):
            return
        yield doc[j]


def _superlative_word(word: Any) -> bool:
    return word.tag_ == "JJS" or word.lower_ in ("first", "last", "worst") or (
        word.tag_ == "JJ" and word.lower_.endswith("iest"))   # the tagger's "bloodiest"/JJ


def _superlative(noun: Any) -> bool:
    return noun.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ in ("amod", "advmod") and _superlative_word(c) for c in noun.children)


def _choose(candidates: list[_Candidate], anchor: int | None, sent: Any = None) -> _Candidate:
    if anchor is None:
        return min(candidates, key=lambda c: (c.range[2], c.start))
    verb = _governing_verb(sent, anchor, anchor + 1) if sent is not None else None
    return min(candidates, key=lambda c: (_distance(c, anchor, sent, verb), c.range[2]))


def _distance(cand: _Candidate, anchor: int, sent: Any, verb: Any) -> int:
    """Char distance to the anchor; 0 when the expression modifies the anchor's verb,
    plus a penalty for each clause boundary (comma, semicolon) in between."""
    if cand.start <= anchor < cand.end:
        return 0
    own = _governing_verb(sent, cand.start, cand.end) if verb is not None else None
    if verb is not None and (own == verb or _antecedent_time(sent, cand, verb)):
        return 0
    lo, hi = sorted((anchor, cand.start if cand.start > anchor else cand.end))
    between = sent.text[lo:hi] if sent is not None else ""
    return hi - lo + 100 * sum(between.count(c) for c in ",;") + (DESCRIBED_NOUN if _of_a_described_noun(
        sent, own, anchor, verb) else 0)


DESCRIBED_NOUN = 1000   # a time that dates another noun yields to any other the sentence tells


def _of_a_described_noun(sent: Any, verb: int | None, anchor: int, trigger: int | None) -> bool:
    """"seized the town of Momauk after heavy fighting that began last week, the group said Monday": a time whose verb
    (``verb``) is a relative clause dates the noun that clause describes ("fighting"), not the happening around it
    (``trigger``, the anchor's verb)."""
    if verb is None or trigger is None or verb == trigger:
        return False
    clause = sent.doc[verb]
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return False
    own = sent.doc.char_span(sent.start_char + anchor, sent.start_char + anchor + 1, alignment_mode="expand")
    if own is None or len(own) == 0:
        return False
    # "the attack that killed 20 on Monday": the described noun is the trigger itself, and the time its own
    return not clause.left_edge.i <= own.root.i <= clause.right_edge.i and clause.head.i != own.root.i


def noun_chain(noun: Any) -> list[Any]:
    """The noun and the nouns whose prepositional phrases hold it, outwards: "Jos" in "the bombing of a bus
    station in Jos" gives Jos, station, bombing (a relative clause after "Jos" may describe any of them)."""
    chain = [noun]
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
        chain.append(noun)
    return chain


def _antecedent_time(sent: Any, cand: _Candidate, verb: int) -> bool:
    """The time told in the phrase of the noun a relative clause describes: "the March 3, 2021, bombing of a
    bus station, which killed nine people" (the bombing's day is the killing's)."""
    clause = sent.doc[verb]
    if clause.dep_ != "relcl" or clause.head.pos_ not in ("NOUN", "PROPN"):
        return False
    nouns = {n.i for n in noun_chain(clause.head)}   # "the bombing of a bus station in Jos, which killed"
    span = sent.doc.char_span(sent.start_char + cand.start, sent.start_char + cand.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    for _ in range(4):
        if token.i in nouns:
            return True
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return False
        token = token.head
    return False


def _governing_verb(sent: Any, start: int, end: int) -> Any:
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token.i
        token = token.head
    return None


# ---------------------------------------------------------------- calendar helpers
def month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _last_weekday(pub: date, weekday: int, *, strict: bool) -> date:
    back = (pub.weekday() - weekday) % 7
    if back == 0 and strict:
        back = 7
    return pub - timedelta(days=back)


def _recent_month(pub: date, month: int) -> int:
    """The year of the most recent ``month`` on or before ``pub``."""
    return pub.year if month <= pub.month else pub.year - 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- rules
@lru_cache(maxsize=1)
def _rules() -> _Rules:
    text = resources.files("eventwire.data").joinpath("dates.toml").read_text("utf-8")
    return _Rules(tomllib.loads(text))


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Month names, their abbreviations and weekdays of ``data/dates.toml`` (lower case)."""
    rules = _rules()
    return frozenset(rules.months) | frozenset(rules.weekdays)


@lru_cache(maxsize=1)
def weekday_words() -> tuple[str, ...]:
    """The weekdays of ``data/dates.toml`` (lower case), Monday first."""
    return tuple(_rules().weekdays)


@lru_cache(maxsize=1)
def _weekday_pattern() -> re.Pattern[str]:
    return re.compile(rf"(?i)\b(?:{'|'.join(weekday_words())})\b")


def names_weekday(text: str | None) -> bool:
    """The text names a weekday ("On Tuesday morning", "Tuesday's raid")."""
    return bool(text) and bool(_weekday_pattern().search(text))


class _Rules:
    """Precompiled date-expression regexes, each with a handler to a date range."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.months = {m: i + 1 for i, m in enumerate(data["months"])}
        self.months |= {m: i + 1 for i, m in enumerate(data["month_abbreviations"])}
        self.months["sept"] = 9
        self.weekdays = {d: i for i, d in enumerate(data["weekdays"])}
        self.day_words = data["day_words"]
        self.numbers = data["numbers"]
        self.fixed_days = {k: tuple(v) for k, v in data["fixed_days"].items()}
        self.seasons = {k: tuple(v) for k, v in data["seasons"].items()}
        self.rules = self._compile(data)
        self.told_back = re.compile("|".join(rf"(?P<{unit}>\b(?:{'|'.join(forms)})\b)"
                                             for unit, forms in data["told_back"].items()), re.I)
        # "that year" told back: "in November of that year", "later that year", "in June that year"
        self.that_year = re.compile(rf"\b(?:(?:of|in|later|earlier|during|{alternation(self.months)})\s+that\s+"
                                    rf"(?:same\s+)?year|the\s+same\s+year)\b", re.I)

    def _compile(self, data: dict[str, Any]) -> list[tuple[re.Pattern[str], Callable[..., Range | None]]]:
        mon = rf"(?P<mon>{alternation(self.months)})(?:\.(?=\s*\d))?"
        wd = rf"(?P<wd>{alternation(self.weekdays)})"
        part = rf"(?:\s+(?:{alternation(data['parts_of_day'])}))?"
        num = rf"(?P<n>\d{{1,2}}|{alternation(self.numbers)})"
        day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
        year = r"(?P<year>(?:19|20)\d\d)"
        day2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
        mon2 = rf"(?P<mon2>{alternation(self.months)})"
        rel_year = r"\s+(?:of\s+)?(?P<rel>last|this|next)\s+year"   # "on April 4 last year", "in May this year"
        rules = [
            (r"(?P<y>(?:19|20)\d\d)([-/.])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)", self._iso),
            (rf"(?:between|from)?\s*{mon}\s+{day}\s*(?:-|–|to|and|until)\s*(?:{mon2}\s+)?{day2}"
             rf"(?:,?\s+{year})?", self._day_range),
            (rf"(?:between|from)?\s*{day}\s*(?:-|–|to|and|until)\s*{day2}\s+{mon}(?:,?\s+{year})?",
             self._day_range),
            (r"(?P<which>over|during|at|on|this|last)\s+(?:the\s+)?weekend", self._weekend),
            (r"(?:in|over|during)\s+(?:the\s+)?recent\s+(?P<unit>day|week|month)s", self._recent),
            (rf"(?P<feast>{alternation(self.fixed_days)})(?:,?\s+{year}|{rel_year})?", self._month_day),
            (rf"(?:{wd},?\s+)?{mon}\s+{day}(?:,?\s+{year}|{rel_year})?", self._month_day),
            (rf"(?:{wd},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{mon}(?:,?\s+{year}|{rel_year})?", self._month_day),
            (rf"(?P<prep>since|from|in|during|by|until|of|last|this)?\s*"
             rf"(?P<part>early|mid|late|mid-|the\s+end\s+of|the\s+beginning\s+of)?\s*{mon}"
             rf"(?:,?\s+{year}|{rel_year})?",   # "in January last year"
             self._month),
            # a stretch of years: "between 1971 and the end of the decade", "from 2014 to 2017"
            (rf"(?:between|from)\s+(?:early\s+|mid-|late\s+)?{year}\s*(?:and|to|until|-|–)\s*(?:early\s+|mid-|late\s+)?"
             rf"(?:(?P<year2>(?:19|20)\d\d)|the\s+end\s+of\s+(?:the|that)\s+decade)", self._years),
            (rf"(?P<prep>since|in|during|from|of)\s+(?:early\s+|mid-|late\s+)?{year}", self._year),
            (rf"(?P<which>last|this|past|previous)\s+(?P<season>{alternation(self.seasons)})", self._season),
            (rf"(?P<prep>since|in|during|by|until|of)\s+(?:the\s+)?(?:early\s+|mid-|late\s+)?"
             rf"(?P<season>{alternation(self.seasons)})(?:\s+of)?,?\s+{year}", self._season),
            (rf"(?P<which>last|on|this|past|previous|early|late)?\s*{wd}{part}", self._weekday),
            (alternation(self.day_words), self._day_word),
            (r"(?P<which>last|this|earlier\s+this|later\s+this|earlier\s+in\s+the|later\s+in\s+the|the\s+past|"
             r"the\s+previous|previous|past|next|early\s+last|late\s+last)\s+(?P<unit>week|weekend|month|year)",
             self._period),
            (rf"{num}\s+(?P<unit>day|week|month|year)s?\s+ago", self._ago),
            (rf"(?:in|over|during)\s+the\s+(?:past|last)\s+(?:{num}\s+)?(?P<unit>day|hour|week|month|year)s?",
             self._past_n),
        ]
        return [(re.compile(bounded(p), re.I), h) for p, h in rules]

    def candidates(self, text: str, pub: date | None, year_before: int | None = None,
                   year_prev: int | None = None, sentence_before: str | None = None,
                   above: str | None = None) -> list[_Candidate]:
        told = _year_told_before(text) or ((-1, year_before) if year_before and self.that_year.search(text) else None)
        dated = self._months_with_year(text)
        found = []
        for regex, handler in self.rules:
            for m in regex.finditer(text):
                rng = handler(m, pub)
                if handler in (self._month, self._month_day) and not m["year"] and not m.groupdict().get("rel"):
                    before = [d for d in dated if d[0] < m.start()]
                    if told is not None and m.start() > told[0]:   # "rose up in 2012 and seized Goma in
                        rng = handler(m, date(told[1], 12, 31))      # November of that year"
                    elif before and rng is not None and rng[1] is not None and before[-1][1] < rng[1].year \
                            and self._month_of(m) >= before[-1][2]:
                        # the year is left out once told: "collapsed in December 2017, and Saleh was killed
                        # on 4 December" (that month or a later one of that year)
                        rng = handler(m, date(before[-1][1], 12, 31))
                    elif (own := _nominal_year(text[:m.start()])) is not None and _in_told_year(rng, pub, own):
                        # "the 2019 Pulwama bombing, when a suicide bomber rammed a car into a convoy on February
                        # 14": the year of the happening its own sentence named before the yearless day (not a
                        # year of another clause: "Despite its defeat in 2017, ... the bombing in January")
                        rng = handler(m, date(own, 12, 31))
                    elif _in_told_year(rng, pub, year_prev) or self._told_forward(m, rng, pub, year_prev,
                                                                                     sentence_before):
                        year = year_prev
                        told_month = self._month_told_with(sentence_before or "", year_prev)
                        if told_month is not None and self._month_of(m) < told_month and \
                                date(year_prev + 1, self._month_of(m), 1) < pub:   # type: ignore[operator]
                            # told after "2 November 2022", "In early August" is the August after it, when that one
                            # is past: a paragraph tells its time forward
                            year = year_prev + 1   # type: ignore[operator]
                        rng = handler(m, date(year, 12, 31))  # type: ignore[arg-type]
                    elif above and (year := self._carried_across(m, rng, pub, above)) is not None:
                        rng = handler(m, date(year, 12, 31))
                if rng is not None and (rng[0] or rng[1]):
                    found.append(_Candidate(m.start(), m.end(), rng))
        return _longest(found)

    def _told_forward(self, m: re.Match[str], rng: Range | None, pub: date | None, year: int | None,
                      sentence_before: str | None) -> bool:
        """"On 12 April 2014, armed men seized the police station in Sloviansk. Ukrainian forces retook Sloviansk
        on 5 July" (published 29 August 2019): a yearless day of a later month than the full date the sentence
        before told goes on in that date's year, even where read against the publication day it would lie in the
        last weeks; a sentence before that tells a year alone does not carry it ("The war began in 2011. On 3
        March, rebels attacked the town")."""
        if rng is None or rng[1] is None or pub is None or year is None or year >= rng[1].year or rng[1] > pub:
            return False
        told = self._month_told_with(sentence_before or "", year)
        return told is not None and bool(m.groupdict().get("day") or m.groupdict().get("feast")) and \
            self._month_of(m) > told

    def _carried_across(self, m: re.Match[str], rng: Range | None, pub: date | None, above: str) -> int | None:
        """"On 28 September 2015, several hundred Taliban fighters overran the city ... [a new paragraph] Afghan
        commandos retook the city centre on 1 October" (published 2 September 2019): a paragraph that tells no year
        goes on in the year of the full date the paragraph above ended its story with, for a yearless date of that
        month or a later one that read against the publication day would lie months before it (or after it). A
        yearless date of the last weeks stays the story's own; so does one when the paragraph above ended on
        another year than its last full date's."""
        dated = self._months_with_year(above)
        if not dated:
            return None
        _, year, month = dated[-1]
        if not (m.groupdict().get("day") or m.groupdict().get("feast")) or _last_year(above) != year or \
                self._month_of(m) < month or not _in_told_year(rng, pub, year):
            return None
        return year

    def _month_told_with(self, text: str, year: int | None) -> int | None:
        """The month told with the last mention of ``year`` in ``text`` ("on 2 November 2022" -> 11), or None."""
        told = [month for _, y, month in self._months_with_year(text) if y == year]
        return told[-1] if told else None

    def _months_with_year(self, text: str) -> list[tuple[int, int, int]]:
        """(where, year, month) of each month told with its year ("December 2017", "4 December 2017")."""
        out = []
        for regex, handler in self.rules:
            if handler in (self._month, self._month_day):
                out += [(m.start(), int(m["year"]), self._month_of(m))
                        for m in regex.finditer(text) if m["year"]]
        return sorted(out)

    # -- handlers: each returns (start, end, precision) or None
    def _iso(self, m: re.Match[str], pub: date | None) -> Range | None:
        day = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        return (day, day, 1) if day else None

    def _month_of(self, m: re.Match[str]) -> int:
        return self._day_of(m)[0]

    def _day_of(self, m: re.Match[str]) -> tuple[int, int]:
        """(month, day) a match names: "4 December", or a feast of fixed date ("Christmas Eve")."""
        feast = m.groupdict().get("feast")
        if feast:
            return self.fixed_days[" ".join(feast.lower().replace("’", "'").split())]
        return self.months[m["mon"].lower()], int(m["day"]) if m.groupdict().get("day") else 1

    def _month_day(self, m: re.Match[str], pub: date | None) -> Range | None:
        month, dom = self._day_of(m)
        rel = (m.groupdict().get("rel") or "").lower()
        if m["year"]:
            day = _safe_date(int(m["year"]), month, dom)
        elif pub is not None and rel:
            day = _safe_date(pub.year + {"last": -1, "this": 0, "next": 1}[rel], month, dom)
        elif pub is not None:
            day = _safe_date(pub.year, month, dom)
            if day and (day - pub).days > 7:
                day = _safe_date(pub.year - 1, month, dom)
        else:
            return None
        return (day, day, 1) if day else None

    def _day_range(self, m: re.Match[str], pub: date | None) -> Range | None:
        first = self._month_day(m, pub)
        if first is None or first[0] is None:
            return None
        mon2 = m.groupdict().get("mon2")
        month2 = self.months[mon2.lower()] if mon2 else first[0].month
        last = _safe_date(first[0].year + (month2 < first[0].month), month2, int(m["day2"]))
        if last is None or last <= first[0]:
            return None
        return first[0], last, 2 if (last - first[0]).days <= 7 else 3

    def _weekend(self, m: re.Match[str], pub: date | None) -> Range | None:
        if pub is None:
            return None
        sunday = _last_weekday(pub, 6, strict=m["which"].lower() == "last" and pub.weekday() == 6)
        if pub.weekday() == 5 and m["which"].lower() != "last":
            return pub, pub, 1  # published on Saturday: "this weekend" so far
        return sunday - timedelta(days=1), sunday, 2

    def _recent(self, m: re.Match[str], pub: date | None) -> Range | None:
        if pub is None:
            return None
        days = {"day": 7, "week": 30, "month": 90}[m["unit"].lower()]
        return pub - timedelta(days=days), pub, 2 if days <= 7 else 3

    def _month(self, m: re.Match[str], pub: date | None) -> Range | None:
        word = m["mon"].lower()
        if not m["year"] and not _month_cue(word, (m["prep"] or "").lower(), m["part"]):
            return None
        month = self.months[word]
        rel = (m["rel"] or "").lower()
        if m["year"]:
            year = int(m["year"])
        elif pub is not None and rel:
            year = pub.year + {"last": -1, "this": 0, "next": 1}[rel]
        elif pub is not None:   # "last August" told in August is a year ago: this month is "this August"
            prep = (m["prep"] or "").lower()
            year = pub.year if prep == "this" else _recent_month(pub, month) - (prep == "last" and month == pub.month)
        else:
            return None
        first, last = month_range(year, month)
        first, last = _part_of_month(first, last, (m["part"] or "").lower())
        if (m["prep"] or "").lower() in ("since", "from") and pub is not None:
            return first, max(pub, first), 3
        return first, last, 3

    def _year(self, m: re.Match[str], pub: date | None) -> Range | None:
        year = int(m["year"])
        first, last = date(year, 1, 1), date(year, 12, 31)
        if m["prep"].lower() in ("since", "from") and pub is not None:
            return first, max(pub, first), 3
        return first, last, 3

    def _years(self, m: re.Match[str], pub: date | None) -> Range | None:
        """From one year to a later one (or to the end of its decade)."""
        first = int(m["year"])
        last = int(m["year2"]) if m["year2"] else first - first % 10 + 9
        if last <= first:
            return None
        return date(first, 1, 1), date(last, 12, 31), 3

    def _season(self, m: re.Match[str], pub: date | None) -> Range | None:
        """"last summer", "this spring", "in the summer of 2014", "since the winter of 2016": the season's
        months (a winter from December into the next year's February); "last" is the latest one wholly past."""
        first_month, last_month = self.seasons[m["season"].lower()]
        if m.groupdict().get("year"):
            year = int(m["year"])
        elif pub is None:
            return None
        else:
            year = pub.year
            end = month_range(year + (last_month < first_month), last_month)[1]
            if m["which"].lower() != "this":
                while end >= pub:
                    year -= 1
                    end = month_range(year + (last_month < first_month), last_month)[1]
            elif month_range(year, first_month)[0] > pub:
                year -= 1   # "this winter" told in February is the one that began in December
        first = month_range(year, first_month)[0]
        last = month_range(year + (last_month < first_month), last_month)[1]
        if (m.groupdict().get("prep") or "").lower() in ("since", "from") and pub is not None:
            return first, max(pub, first), 3
        return first, last, 3

    def _weekday(self, m: re.Match[str], pub: date | None) -> Range | None:
        if pub is None:
            return None
        which = (m["which"] or "").lower()
        day = _last_weekday(pub, self.weekdays[m["wd"].lower()], strict=which in ("last", "past", "previous"))
        return day, day, 1

    def _day_word(self, m: re.Match[str], pub: date | None) -> Range | None:
        if pub is None:
            return None
        day = pub + timedelta(days=self.day_words[" ".join(m[0].lower().split())])
        return day, day, 1

    def _period(self, m: re.Match[str], pub: date | None) -> Range | None:
        if pub is None:
            return None
        which = " ".join(m["which"].lower().split())
        return _period_range(pub, which, m["unit"].lower())

    def _ago(self, m: re.Match[str], pub: date | None) -> Range | None:
        if pub is None:
            return None
        n = self._number(m["n"])
        return _ago_range(pub, n, m["unit"].lower())

    def _past_n(self, m: re.Match[str], pub: date | None) -> Range | None:
        if pub is None:
            return None
        n = self._number(m["n"]) if m["n"] else 1
        unit = m["unit"].lower()
        days = {"hour": max(1, n // 24), "day": n, "week": 7 * n, "month": 30 * n, "year": 365 * n}[unit]
        return pub - timedelta(days=days), pub, 1 if days <= 1 else 2 if days <= 7 else 3

    def _number(self, text: str) -> int:
        text = " ".join(text.lower().split())
        return int(text) if text.isdigit() else int(self.numbers.get(text, 1))


def _month_cue(word: str, prep: str, part: str | None) -> bool:
    """A month name without a year is a date only after a cue ("in May"; "may" is also a verb)."""
    if word == "may":
        return prep in ("in", "since", "of", "until", "last", "this")
    return bool(prep or part)


def _part_of_month(first: date, last: date, part: str) -> tuple[date, date]:
    if part == "early" or part.startswith("the beginning"):
        return first, first + timedelta(days=9)
    if part.startswith("mid"):
        return first + timedelta(days=10), first + timedelta(days=19)
    if part == "late" or part.startswith("the end"):
        return first + timedelta(days=20), last
    return first, last


def _period_range(pub: date, which: str, unit: str) -> Range:
    which = {"earlier in the": "earlier this", "later in the": "later this"}.get(which, which)   # "earlier in the year"
    step = {"this": 0, "earlier this": 0, "later this": 0, "next": 1}.get(which, -1)
    if unit in ("week", "weekend"):
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        first, last = (monday + timedelta(days=5), monday + timedelta(days=6)) if unit == "weekend" \
            else (monday, monday + timedelta(days=6))
        precision = 2
    elif unit == "month":
        year, month = divmod(pub.year * 12 + pub.month - 1 + step, 12)
        first, last = month_range(year, month + 1)
        precision = 3
    else:
        first, last, precision = date(pub.year + step, 1, 1), date(pub.year + step, 12, 31), 3
        if which.startswith("early"):
            last = date(first.year, 4, 30)
        elif which.startswith("late"):
            first = date(first.year, 9, 1)
    if step == 0 and which != "later this":
        last = min(last, pub)
    return first, last, precision


def _ago_range(pub: date, n: int, unit: str) -> Range:
    if unit == "day":
        day = pub - timedelta(days=n)
        return day, day, 1
    if unit == "week":
        day = pub - timedelta(weeks=n)
        return day - timedelta(days=3), day + timedelta(days=3), 2
    if unit == "month":
        year, month = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return (*month_range(year, month + 1), 3)
    return date(pub.year - n, 1, 1), date(pub.year - n, 12, 31), 3


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def day_told_in(text: str, published: str | None) -> str | None:
    """The last day-precise date told in ``text`` (ISO), or None: what "the previous day" in a sentence
    such as "The army said on Thursday that a drone strike the previous day ..." counts from."""
    pub = parse_published(published)
    found = [c for c in _rules().candidates(text, pub) if c.range[2] == 1 and c.range[0] is not None]
    return max(found, key=lambda c: c.start).range[0].isoformat() if found else None


def _text_before(doc: Any, i: int, chars: int) -> str:
    """The text of the ``chars`` characters before token ``i``."""
    from eventwire.parse import text_of

    end = doc[i].idx
    return text_of(doc)[max(0, end - chars):end]


def _paragraph_before(sent: Any) -> str:
    """The text of the sentence's paragraph before it (at most the 600 characters before)."""
    if not hasattr(sent, "doc"):
        return ""
    text = _text_before(sent.doc, sent.start, 600)
    return text[text.rfind("\n") + 1:]


def _paragraph_above(sent: Any) -> str | None:
    """The last 600 characters of the paragraph above the sentence's own, or None (none above, or the sentence's own
    paragraph opens more than 600 characters back)."""
    if not hasattr(sent, "doc"):
        return None
    doc = sent.doc
    text = _text_before(doc, sent.start, 600)
    if "\n" not in text:
        return None
    opening, j = sent.start_char - len(text) + text.rfind("\n") + 1, sent.start
    while j > 0 and doc[j - 1].idx >= opening:
        j -= 1
    above = _text_before(doc, j, 600).rstrip() if j > 0 else ""
    return above[above.rfind("\n") + 1:] or None


_HEADING = re.compile(r"\s*(?:on\s+)?(?P<h>[^.:;,\n\u2014\u2013]{3,40}?)\s*(?:[.:\u2014\u2013]|\s-\s|$)", re.I)


def _heading_time(sent: Any, pub: date | None, before: str) -> DateSpan | None:
    """The time a heading of the sentence's paragraph tells: "WEDNESDAY. The bodies of three men were found ...",
    "Tuesday: ...", or a line of its own above ("12 May" over the paragraph). A round-up or a live blog dates each
    paragraph so, and what the paragraph's sentences tell without a time of their own happened then. None when the
    paragraph opens with no heading that is a time and nothing else (``before``: its text before the sentence)."""
    if not hasattr(sent, "doc"):
        return None
    for own in (True, False):
        text = before if own else (_paragraph_above(sent) or "")   # the paragraph above only when needed
        m = _HEADING.match(text)
        if m is None or (not own and m.end() < len(text.rstrip())):
            continue    # a line above is a heading only when it is nothing else
        head = m["h"]
        found = [c for c in _rules().candidates(head, pub) if c.start <= 1 and c.end >= len(head) - 1]
        if not found:
            continue
        first, last, precision = found[0].range
        if pub is not None and first == pub and head.lower() in weekday_words():
            # a round-up filed on a Monday heads last Monday's paragraph "MONDAY": a heading names a day of the
            # week it looks back on
            first = last = pub - timedelta(days=7)
        # its place in the text (before the sentence: detection reads a time told there as the paragraph's)
        window = before if own else _text_before(sent.doc, sent.start, 1200)
        k = m.start("h") if own else window.rfind(head)
        span = Span(sent.start_char - len(window) + k, sent.start_char - len(window) + k + len(head), head) \
            if k >= 0 else None
        return DateSpan(_iso(first), _iso(last), precision, head, span)
    return None


def _year_in_paragraph(paragraph: str) -> int | None:
    """The last explicit year told in the sentence's paragraph before it (``paragraph``: "In 2012 the M23 rose up.
    In November of that year it seized Goma"), or None."""
    years = list(_YEAR.finditer(paragraph))
    return int(years[-1].group(0)) if years else None


TOLD_YEAR_DAYS = 60   # a yearless date read this long before publication may belong to a year told before it


def _in_told_year(rng: Range | None, pub: date | None, year: int | None) -> bool:
    """"Its spark was the events of July 1983. On 23 July, the Tigers ambushed an army patrol": a day or
    month told without a year, that read against the publication day lies months before it, lies in the
    year the sentence just before it told (when that year is earlier); so does one that read so would lie after
    the publication day ("On 7 April 2018, a chlorine cylinder ... A week later, on 14 April, ..." published on
    8 April 2023). A yearless date of the last weeks stays the story's own ("The war began in 2011. On 3 March,
    rebels attacked the town")."""
    return rng is not None and rng[1] is not None and pub is not None and year is not None \
        and year < rng[1].year and (rng[1] < pub - timedelta(days=TOLD_YEAR_DAYS)
                                    or (rng[0] is not None and rng[0] > pub))


def _sentence_before(sent: Any) -> str | None:
    """The text of the sentence just before ``sent``, in the same paragraph, or None."""
    if not hasattr(sent, "doc") or sent.start == 0:
        return None
    doc = sent.doc
    prev = doc[sent.start - 1].sent
    if prev.start >= sent.start or any("\n" in t.text or "\n" in t.whitespace_ for t in doc[prev.end - 1:sent.start]):
        return None
    return prev.text


_SINCE_OPEN = re.compile(r"\bsince\b[^.;,:()\u2014]*$", re.I)
_NOMINAL_YEAR = re.compile(r"\bthe\s+((?:19|20)\d\d)\b(?!\s*(?:and|to|-|\u2013))", re.I)


def _nominal_year(text: str) -> int | None:
    """The year of the last happening ``text`` names by it ("the 2019 Pulwama bombing", "the 2013 massacre"), or
    None."""
    found = list(_NOMINAL_YEAR.finditer(text))
    return int(found[-1].group(1)) if found else None


def _last_year(text: str | None) -> int | None:
    """The last explicit year told in ``text`` (the sentence just before, in the same paragraph), or None. A year
    that starts a stretch ("since Kenya sent troops into Somalia in 2011", "since 2015") sets no time for what
    follows: it is where a count starts, not when the story stands."""
    years = [y for y in _YEAR.finditer(text) if not _SINCE_OPEN.search(text, 0, y.start())] if text else []
    return int(years[-1].group(0)) if years else None


def _year_told_before(text: str) -> tuple[int, int] | None:
    """(where, year) of the year that "that year" / "the same year" points back to: the last explicit year
    told before it in the text."""
    that = _rules().that_year.search(text)
    if that is None:
        return None
    years = [m for m in _YEAR.finditer(text, 0, that.start())]
    return (years[-1].start(), int(years[-1].group(0))) if years else None


def _longest(found: list[_Candidate]) -> list[_Candidate]:
    found.sort(key=lambda c: (-(c.end - c.start), c.start))
    chosen: list[_Candidate] = []
    for cand in found:
        if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
            chosen.append(cand)
    return chosen


# ---------------------------------------------------------------- dateparser fallback
_NUMERIC_DATE = re.compile(r"(?<![\d/.])\d{1,2}[/.]\d{1,2}[/.](?:19|20)?\d\d(?![\d/.])")


def _entity_candidates(sent: Any, pub: date | None) -> list[_Candidate]:
    """Numeric dates ("27/03/2016") the word rules do not cover, parsed with dateparser."""
    out = []
    for m in _NUMERIC_DATE.finditer(sent.text):
        rng = _dateparser_range(m.group(0), pub)
        if rng is not None:
            out.append(_Candidate(m.start(), m.end(), rng))
    return out


def _dateparser_range(text: str, pub: date | None) -> Range | None:
    import dateparser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    return parsed.date(), parsed.date(), 1
