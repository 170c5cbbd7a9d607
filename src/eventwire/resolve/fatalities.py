"""Fatality counts (low/best/high) from killed/dead/died/bodies/executed phrases.

A number counts only when it is linked to a death word: before it in the
passive or adjectival pattern ("12 civilians were killed", "12 dead", "12
bodies") or after it in the active one ("killing at least 12", "the death toll
rose to 45"). Never a count: ages ("82-year-old"), sorties, targets,
percentages, years, dates, money, distances, weapons counts, and numbers
linked to wounded/arrested words. Numbers after "including" / "among them"
are subsets and ignored.

Conventions (ACLED's lowest stated number):

* exact "12" and approximate "about 12": low = best = high = 12;
* "at least 12", "over 100": low = best = 12 / 100, high None;
* "nearly 12", "up to 12": best = high = 12, low None;
* vague words: "a dozen"/"dozens" 12, "scores" 20, "hundreds" 100, "several"
  3, "a few" 3 (low = best, high None); "a soldier was killed" is 1;
* without any linked number, each singular person named as the victim of a
  killing verb counts 1 ("the mayor was assassinated", "killed the governor and
  his driver" = 2); not under negation or an infinitive ("threatened to kill");
* ranges "between 10 and 15", "10-15", "10 to 15": low 10, best 10, high 15;
* numbers coordinated under one death word ("12 soldiers and 5 civilians
  were killed") are added, and so are counts of different death words joined
  closely by "and" ("2 were killed on Monday and 3 more died on Tuesday");
  other counts in one sentence (conflicting reports, tolls, totals) are kept
  as a range: low and best the smallest, high the largest. ``anchor`` picks the
  count nearest to an event's trigger instead.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire.records import Fatalities, Span
from eventwire.resolve._patterns import alternation, bounded, record_span

Count = tuple[int | None, int, int | None]  # low, best, high
_ARTICLE_NOT_BEFORE = ("total", "number", "dozen", "few", "handful", "couple", "pair", "score",
                       "hundred", "thousand", "further", "more", "reported", "minimum", "maximum",
                       "estimated", "day", "week", "month", "year", "while", "result", "series",
                       "family", "group", "side", "time", "way", "half", "third", "quarter")
_PASSIVE_AUX = frozenset({"were", "was", "been", "being", "are", "is", "got", "get"})
# Words after a death verb that show it has no object ("5 killed in ...", "5 killed yesterday").
_PASSIVE_FOLLOWERS = frozenset({
    "in", "on", "at", "by", "during", "after", "when", "as", "near", "and", "while", "since", "across",
    "inside", "outside", "overnight", "yesterday", "today", "so", "last", "this", "earlier", "amid",
    "following", "from", "over", "with", "under", "between", "around", "within", "west", "east",
    "north", "south", "early", "late", "or", "instantly", "immediately",
    "including", "among", "mostly"})   # "57 killed including 49 security personnel"
_TOLL_ENDS = frozenset({"to", "at", "reached", "hit", "is", "was", "of", "past", "topped",
                        "exceeded", "passed", "stood", "stands", "reach", "hits", "reaches"})
_NOUN_TRIGGERS = frozenset({"dead", "bodies", "corpses", "deaths", "fatalities", "martyrs"})


@dataclass(frozen=True, slots=True)
class _Number:
    start: int
    end: int
    count: Count
    article: bool = False


@dataclass(frozen=True, slots=True)
class _Link:
    number: _Number
    trigger: tuple[int, int]


def extract_fatalities(sent: Any, *, anchor: int | None = None) -> Fatalities:
    """Fatalities stated in a spaCy sentence span; all None when none is stated.

    ``anchor`` (a document char offset, e.g. the event trigger) picks, among
    separate counts in one sentence ("11 died in A and 6 in B"), the one whose
    death word is nearest; without it separate counts are added.
    """
    return _lexicon().extract(sent, anchor=anchor)


EXACT_VAGUE = frozenset({"both", "a pair of", "a couple of", "a dozen", "dozen", "two dozen", "three dozen"})


def vague(fatalities: Fatalities) -> bool:
    """The count is told by a vague word ("kill dozens", "scores of people", "several"), not as a number."""
    text = (fatalities.text or "").lower()
    if not text or any(ch.isdigit() for ch in text):
        return False
    return _lexicon().vague_re.search(text) is not None


def extract_injuries(sent: Any) -> Fatalities:
    """Injury counts ("12 wounded", "injuring 5"), with the same conventions as fatalities."""
    return _injury_lexicon().extract(sent)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    return _Lexicon(_data())


@lru_cache(maxsize=1)
def _injury_lexicon() -> _Lexicon:
    data = _data()
    data.pop("singular", None)
    hurt = ["wounded", "injured", "hurt", "wounding", "injuring", "injuries", "injures",
            "wounds", "casualties"]
    data["triggers"] = {"after": hurt, "before": ["wounding", "injuring", "injured", "wounded",
                                                  "injures", "wounds", "hurt", "hurting"],
                        "before_gap": data["triggers"]["before_gap"],
                        "after_aux": data["triggers"]["after_aux"]}
    data["blocks"]["breaking"] = [w for w in data["blocks"]["breaking"]
                                  if w not in hurt] + ["killed", "dead", "died", "killing"]
    return _Lexicon(data)


def _data() -> dict[str, Any]:
    text = resources.files("eventwire.data").joinpath("fatalities.toml").read_text("utf-8")
    return tomllib.loads(text)


class _Lexicon:
    """Precompiled number, trigger and block patterns."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.units, self.tens, self.vague = data["units"], data["tens"], data["vague"]
        self.vague_re = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(self.vague, key=len, reverse=True)
                                                      if w not in EXACT_VAGUE) + r")\b")
        self.qualifiers = {q: kind for kind, words in data["qualifiers"].items() for q in words}
        triggers, blocks = data["triggers"], data["blocks"]
        self.before_gap = frozenset(triggers["before_gap"])
        self.after_aux = frozenset(triggers["after_aux"]) | {w for w in triggers["after"] if " " not in w}
        self.breaking = frozenset(blocks["breaking"])
        self.own_state = frozenset(blocks.get("own_state", ()))
        self.death_words = frozenset(w for w in triggers["after"] if " " not in w)
        self.not_joined = frozenset(blocks.get("not_joined", ()))
        self.sentencing = frozenset(blocks.get("sentencing", ()))
        self.number_re = re.compile(self._number_pattern(), re.I)
        single = data.get("singular")
        self.singular = (frozenset(single["verbs"]), frozenset(single["persons"])) if single else None
        self.singular_nouns = frozenset(single.get("nouns", ())) if single else frozenset()
        self.manner_verbs = frozenset(single.get("manner_verbs", ())) if single else frozenset()
        self.after_re = re.compile(bounded(alternation(triggers["after"])), re.I)
        self.tolls = frozenset(_norm(t) for t in triggers.get("tolls", ()))
        self.before_re = re.compile(bounded(alternation(triggers["before"] + sorted(self.tolls))), re.I)
        initial = triggers.get("clause_initial", ())
        self.initial_re = re.compile(bounded(alternation(initial)), re.I) if initial else None
        self.initial_words = frozenset(_norm(w) for w in initial)
        self.ranks_re = re.compile(rf"\s+(?:at\s+least\s+)?(?:{alternation(triggers.get('ranks_after', ['in the ranks of']))})"
                                   r"(?![\w-])", re.I)
        self.block_after = re.compile(
            rf"^\s*-?\s*(?:{alternation(blocks['after_number'])})(?![a-z])", re.I)
        self.block_before = re.compile(rf"(?<![\w$£€])(?:{alternation(blocks['before_number'])})\s*$", re.I)
        self.mixed = re.compile(rf"^\s*(?:{alternation(blocks['mixed_after'])})(?![\w-])", re.I)
        self.owner_of_the = re.compile(rf"(?i)\b(?:{alternation(blocks.get('owner_nouns', ['names']))})\s+of\s+the\s*$")
        self.bare_aside = re.compile(
            rf"\s(?:{alternation(blocks['subset'])})\s+(?:(?:an?|one|the|\d+)\s+)?[a-z]+(?:\s+[a-z]+)?"
            rf"(?=\s+(?:{alternation(sorted(self.after_aux))})\b)", re.I)   # "... including 15 children killed"
        cumulative = data.get("cumulative", {})
        stretch = (rf"|(?:{alternation(cumulative['stretch_preps'])})\s+(?:\d+|[a-z]+)\s+"
                   rf"(?:{alternation(cumulative['stretch_units'])})" if cumulative.get("stretch_preps") else "")
        self.cumulative_after = re.compile(
            rf"^(?:\s+[a-z]+){{0,2}}?\s+(?:{alternation(cumulative.get('after', ['since']))}{stretch})(?![\w-])", re.I)
        self.cumulative_words = frozenset(cumulative.get("words", ()))
        self.update_words = frozenset(cumulative.get("update_words", ()))
        self.subset = re.compile(rf"(?<!\w)(?:{alternation(blocks['subset'])})(?![\w-])[^;.:!?()]*$", re.I)
        months = "january february march april may june july august september october november december"
        self.month_before = re.compile(rf"(?<!\w)(?:{'|'.join(months.split())}|jan|feb|mar|apr|jun|jul|aug|"
                                       r"sep|sept|oct|nov|dec)\.?\s*$", re.I)
        self.month_after = re.compile(rf"^\s*(?:of\s+)?(?:{'|'.join(months.split())})\b", re.I)

    def _number_pattern(self) -> str:
        unit, ten = alternation(self.units), alternation(self.tens)
        word = (rf"(?:(?:a|{unit})\s+(?:hundred|thousand)(?:\s+and)?\s+(?:{ten}(?:[-\s](?:{unit}))?|{unit})"
                rf"|(?:a|{unit}|{ten})\s+(?:hundred|thousand)|{ten}[-\s](?:{unit})|{ten}|{unit})")
        digits = r"(?<![\d.,:/$£€])(?:\d{1,3}(?:,\d{3})+|\d+)(?![\d]|[.,:/]\d|\w)"
        num = rf"(?:{alternation(self.vague)}|{digits}|{word})"
        qual = rf"(?:(?P<qual>{alternation(self.qualifiers)})\s+)?"
        rng = rf"(?:\s*(?:-|–|to|or|and)\s*(?P<hi>{num}))?"
        article = (rf"(?P<art>a|an|one)(?=\s+(?:\d+-year-old|(?!(?:{'|'.join(_ARTICLE_NOT_BEFORE)})\b)[a-z]))")
        return (rf"(?<![\w-])(?:{qual}(?P<between>between\s+)?(?P<num>{num}){rng}|{article})"
                rf"(?![\w])")

    # ------------------------------------------------------------ extraction
    def extract(self, sent: Any, *, anchor: int | None = None) -> Fatalities:
        text = sent.text
        numbers = [n for n in self._numbers(text) if not self._blocked(text, n)]
        if anchor is not None and numbers and ";" in text:
            numbers = _own_part(sent, numbers, anchor - sent.start_char, (self.after_re, self.before_re))
        if not numbers:
            return self._singular(sent)
        after = [(m.start(), m.end()) for m in self.after_re.finditer(text)]
        before = [(m.start(), m.end()) for m in self.before_re.finditer(text)]
        links: list[_Link] = []
        for n in numbers:
            link = self._link(sent, n, after + self._initial(text, n), before) or (
                self._coordinated(text, n, links[-1]) or self._reported_again(text, n, links[-1]) if links else None) \
                or _put_to_death(sent, n, self.sentencing)
            if link is not None:
                links.append(link)
        if not links:
            return self._singular(sent)
        claimed = [link for link in links if _self_claimed(sent, link.number)]
        if claimed and len(claimed) < len(links):   # "three soldiers were killed; the PDF claimed it had killed 20"
            links = [link for link in links if link not in claimed]
        updates = [link for link in links if self._update(text, link)]
        sides = _sides_of_one_fight(sent, links)
        if anchor is not None and not updates and not sides:
            links = _nearest_group(links, anchor - sent.start_char, sent.text)
        found = _combine(sent, links, updates, sides=sides)
        if found.best == 1 and not updates:   # "killed a prosecutor and his driver": an article counts one
            named = self._singular(sent)      # of the singular victims it coordinates
            if (named.best or 0) > 1:
                return named
        return found

    def _singular(self, sent: Any) -> Fatalities:
        """1 per singular victim named without a number: "the mayor was assassinated", "the
        assassination of the mayor"."""
        if self.singular is None:
            return Fatalities()
        for verb in sent:
            victims = []
            if verb.pos_ == "VERB" and (verb.lemma_.lower() in self.singular[0] or
                                        verb.lemma_.lower() in self.manner_verbs and _to_death(verb)):
                victims = _singular_victims(verb, self.singular[1])
            elif verb.pos_ == "NOUN" and verb.lemma_.lower() in self.singular_nouns:
                victims = _singular_of(verb, self.singular[1])
            if victims:
                start = min(v.left_edge.idx for v in victims + [verb])
                end = max(t.idx + len(t) for t in victims + [verb])
                span = record_span(sent, start - sent.start_char, end - sent.start_char)
                return Fatalities(len(victims), len(victims), len(victims), span.text, span)
        return Fatalities()

    def _numbers(self, text: str) -> list[_Number]:
        out = []
        for m in self.number_re.finditer(text):
            count = self._count(m)
            if count is not None and not m["qual"] and _POSTFIX_LOWER.match(text, m.end()):
                count = (count[0], count[1], None)  # "7 people at least were killed"
            if count is not None:
                out.append(_Number(m.start(), m.end(), count, article=bool(m["art"])))
        return out

    def _count(self, m: re.Match[str]) -> Count | None:
        if m["art"]:
            return 1, 1, 1
        low = self._value(m["num"])
        if low is None:
            return None
        vague = _norm(m["num"]) in self.vague
        if m["hi"]:
            high = self._value(m["hi"])
            if high is not None and high > low and (m["between"] or "and" not in m.group(0).lower()):
                return low, low, high
            if m["between"] is None and " and " in m.group(0).lower():
                return None  # "5 and 7" is not a range; the pieces are read separately
        return _qualify(self.qualifiers.get(_norm(m["qual"] or "")), low, vague)

    def _value(self, text: str) -> int | None:
        text = _norm(text)
        if text in self.vague:
            return int(self.vague[text])
        if text.replace(",", "").isdigit():
            return int(text.replace(",", ""))
        return self._words_value(text)

    def _words_value(self, text: str) -> int | None:
        total, current = 0, 0
        for word in re.split(r"[\s-]+", text):
            if word in ("and", ""):
                continue
            if word in ("hundred", "thousand"):
                current = max(current, 1) * (100 if word == "hundred" else 1000)
                if word == "thousand":
                    total, current = total + current, 0
            elif word == "a":
                current = 1
            else:
                value = self.units.get(word) or self.tens.get(word)
                if value is None:
                    return None
                current += value
        return total + current or None

    def _blocked(self, text: str, n: _Number) -> bool:
        before, after = text[:n.start], text[n.end:]
        if n.article:
            return bool(self.subset.search(before) or self.block_before.search(before))
        if self.block_after.search(after) or (self.block_before.search(before) and not self._trigger_ends(before)
                                              and not self.owner_of_the.search(before)):
            return True
        if self.month_before.search(before) or self.month_after.search(after):
            return True
        if self.subset.search(before):
            return True
        return _is_year(text[n.start:n.end], after) or _is_age(before, after, n.count[1])

    def _trigger_ends(self, before: str) -> bool:
        """"claimed the lives of the 7 fighters": a death phrase, not "of the 4th brigade", ends before."""
        head = re.sub(r"(?i)\s+the\s*$", "", before.rstrip())
        return any(m.end() == len(head) for m in self.before_re.finditer(head))

    def _link(self, sent: Any, n: _Number, after: list[tuple[int, int]],
              before: list[tuple[int, int]]) -> _Link | None:
        text = sent.text
        after = [(s, e) for s, e in after if s >= n.end and not self.mixed.match(text[e:])]
        before = [(s, e) for s, e in before if e <= n.start and not self.mixed.match(text[e:])]
        for start, end in after[:2]:
            if self._after_ok(sent, n, start, end):
                return _Link(n, (start, end))
        if before and not self._subject_of_its_own(sent, n):
            start, end = before[-1]
            if self._before_ok(text, n, start, end) and not self._cumulative(text, n, start):
                return _Link(n, (start, end))
        return None

    def _subject_of_its_own(self, sent: Any, n: _Number) -> bool:
        """"52 civilians were killed, dozens of women and girls were raped": a count that is the subject of a
        verb of its own, not a death verb, tells that verb's people, not the dead of the death word before it."""
        tok = _number_token(sent, n)
        if tok is None:
            span = sent.doc.char_span(sent.start_char + n.start, sent.start_char + n.end, alignment_mode="expand")
            tok = span.root if span is not None else None
        if tok is None:
            return False
        noun = tok.head if tok.dep_ in ("nummod", "quantmod") else tok
        verb = noun.head
        if noun.dep_ != "nsubjpass" or verb.tag_ != "VBN" or \
                verb.i <= noun.right_edge.i or verb.lower_ in self.death_words or verb.lemma_.lower() in self.death_words:
            return False
        if any(c.dep_ == "appos" for c in noun.children):   # "killing 11 fighters, a channel reported": misparsed
            return False
        between = sent.doc[noun.right_edge.i + 1:verb.i]   # only its auxiliaries: "dozens of women were raped"
        return all(t.dep_ in ("aux", "auxpass", "neg", "advmod") for t in between)

    def _initial(self, text: str, n: _Number) -> list[tuple[int, int]]:
        """"5 casualties in clashes", "18 casualties at least in the ranks of X": a translated-press
        "casualties" right after a number that opens its clause, or that puts the dead in a side's
        ranks, names the dead (wire copy's "caused 14 casualties" does not)."""
        if self.initial_re is None:
            return []
        m = self.initial_re.match(text, n.end + len(text[n.end:]) - len(text[n.end:].lstrip()))
        if m is None or n.article or self.mixed.match(text[m.end():]):
            return []
        opens = not _CLAUSE_HEAD.search(text[:n.start].rsplit(";", 1)[-1].rsplit(":", 1)[-1])
        if opens or self.ranks_re.match(text, m.end()):
            return [(m.start(), m.end())]
        return []

    def _coordinated(self, text: str, n: _Number, prev: _Link) -> _Link | None:
        """"killing 17 soldiers and six volunteer fighters", "killed four policemen and two civilians": a
        count joined by "and" to the victims of a death word before them counts for the same dead; so does one
        person told by an article ("two militants and an Indian soldier were killed")."""
        if prev.trigger[1] > prev.number.start or (n.article and not self._a_person(text, n)):
            return None
        gap = _words(text[prev.number.end:n.start])
        if not gap or gap[-1] != "and" or len(gap) > 4 or any(w in self.breaking for w in gap) or \
                _CLAUSE_BREAK.search(text[prev.number.end:n.start]) or self.mixed.match(text[prev.trigger[1]:]):
            return None
        following = _words(text[n.end:n.end + 30])
        if not following or following[0] in self.not_joined:
            return None
        return _Link(n, prev.trigger)

    def _a_person(self, text: str, n: _Number) -> bool:
        """An article's noun is one person ("a soldier", "an Indian soldier", "a local police officer")."""
        return self.singular is not None and any(w in self.singular[1] for w in _words(text[n.end:n.end + 40])[:3])

    def _update(self, text: str, link: _Link) -> bool:
        """"... raise the death toll to 12", "the toll rose to 7": a later figure for the same dead
        (running totals over a stretch of time were already left out by ``_cumulative``)."""
        words = set(_words(text[min(link.trigger[0], link.number.start):link.number.start]))
        return bool(words & self.update_words)

    def _cumulative(self, text: str, n: _Number, trigger_start: int) -> bool:
        """"the death toll was raised to 300 since the start of the offensive": a running total, not
        one event's dead (a raise word before the number, a "since" phrase after it)."""
        words = set(_words(text[max(0, trigger_start - 40):n.start]))
        return bool(words & self.cumulative_words) and bool(self.cumulative_after.match(text[n.end:]))

    def _before_ok(self, text: str, n: _Number, start: int, end: int) -> bool:
        if self._own_state(text, n) or ";" in text[end:n.start]:
            return False   # "21 people were killed; a hospital official said ...": a count after a semicolon is its own
        toll = _norm(text[start:end]) in self.tolls
        if toll:
            return not n.article and self._toll_gap_ok(text[end:n.start])
        return self._before_gap_ok(text[end:n.start])

    def _after_ok(self, sent: Any, n: _Number, start: int, end: int) -> bool:
        text = sent.text
        asides = [(m.start() + n.end, m.end() + n.end) for m in _ASIDE.finditer(text[n.end:start])]
        # a bare subset before the death word itself ("23 civilians including 15 children killed") is an aside too
        asides += [(m.start() + n.end, m.end() + n.end) for m in self.bare_aside.finditer(text[n.end:end])]
        told = self.bare_aside.sub(" ", _ASIDE.sub(" ", text[n.end:start]) + text[start:end])
        gap = told[:len(told) - (end - start)]
        listed = self._listed(gap)   # "20 more extremists, 3 soldiers killed": a list of counts of the dead
        words = _words(listed if listed is not None else gap)
        limit = 3 if n.article else 8
        if _CLAUSE_BREAK.search(gap) or ("," in gap and listed is None) or len(words) > limit or \
                any(w in self.breaking for w in words):
            return False
        if _has_verb(sent, n.end, start, self.after_aux, asides):
            return False
        trigger = _norm(text[start:end])
        if trigger in _NOUN_TRIGGERS or trigger in self.initial_words or (words and words[-1] in _PASSIVE_AUX):
            return True
        return not self._active(text[end:])

    def _listed(self, gap: str) -> str | None:
        """The last item of a comma list of counts between a count and its death word ("20 more extremists, 3
        soldiers killed": ", 3 soldiers"), when every item is a count of people; else None."""
        head, *rest = gap.split(",")
        items = [i for part in rest for i in re.split(r"(?i)\band\b", part)]
        if not items or len(_words(head)) > 3:
            return None
        for item in items:
            found = self.number_re.match(item.lstrip())
            if found is None or found.group("art") or len(_words(item[found.end():])) > 3:
                return None
        return items[-1]

    def _active(self, rest: str) -> bool:
        """True when a death verb takes an object ("3 towns killed 5"): not the victims' verb."""
        head = rest.lstrip()
        if self.number_re.match(head):
            return True
        if not head or head[0] in ",.;:)—–-\"'”":
            return False
        first = _words(head)[0] if _words(head) else ""
        return first not in _PASSIVE_FOLLOWERS

    def _reported_again(self, text: str, n: _Number, prev: _Link) -> _Link | None:
        """Another source's count of the same dead, told with no death word of its own: "residents put the toll
        at 120, a regional official says more than 50", "PUK says about 40 killed, KDP says 12". It is a report
        of its own (a group apart, so the counts are conflicting, not summed); a count of something else ("says
        12 houses burned", "3 soldiers wounded") is not."""
        if n.article or n.start < prev.number.end or not _REPORTED_AGAIN.search(text[prev.number.end:n.start]):
            return None
        rest = _words(text[n.end:n.end + 20])
        if rest and rest[0] not in self.after_aux and rest[0] not in _PEOPLE:
            return None
        return _Link(n, (n.start, n.end))

    def _own_state(self, text: str, n: _Number) -> bool:
        """"22 security personnel killed, 31 injured": the number is told with a state of its own (the
        victims' words may come between), not as the object of the death word before it."""
        for word in _words(re.split(r"[,;:.()]", text[n.end:n.end + 40], maxsplit=1)[0])[:4]:
            if word in self.own_state:
                return True
            if word in self.death_words or word in ("and", "or", "but", "while", "as", "with"):
                return False   # "killed 12 people and wounded 30": the state is another clause's
        return False

    def _toll_gap_ok(self, gap: str) -> bool:
        """"the death toll from Sunday's bombing rose to 45": any words, ending like a toll; or none, as headlines
        write it ("official toll 98 villagers", "death toll 45")."""
        words = _words(gap)
        if not words:
            return gap.strip() in ("", ":")
        return (len(words) <= 10 and not any(w in self.breaking for w in words)
                and words[-1] in _TOLL_ENDS)

    def _before_gap_ok(self, gap: str) -> bool:
        words = _words(gap)
        return len(words) <= 6 and all(w in self.before_gap for w in words)


def _singular_victims(verb: Any, persons: frozenset[str]) -> list[Any]:
    """Singular person nouns (and their conjuncts) killed by ``verb``; empty when any is unclear."""
    if any(c.dep_ == "neg" or c.tag_ == "TO" for c in verb.children):
        return []  # "was not killed", "threatened to kill"
    intransitive = verb.lemma_.lower() in ("die", "perish")
    roles = ("nsubj",) if intransitive else ("nsubjpass", "dobj")
    heads = [c for c in verb.children if c.dep_ in roles]
    victims = [v for h in heads for v in (h, *h.conjuncts)]
    if not victims or not all(_one_person(v, persons) for v in victims):
        return []
    return victims


def _number_token(sent: Any, n: _Number) -> Any:
    """The token of a count's number ("17" in "at least 17"), or None (a count told by an article)."""
    return next((t for t in sent if n.start <= t.idx - sent.start_char < n.end and t.like_num), None)


def _put_to_death(sent: Any, n: _Number, sentencing: frozenset[str]) -> _Link | None:
    """"hack 22 villagers to death", "beat two suspected thieves to death", "burned 12 people to death": the people
    a number counts are the object of a verb the sentence puts "to death" (or "dead": "shot three guards dead")."""
    tok = _number_token(sent, n)
    if n.article or tok is None or tok.dep_ != "nummod" or tok.head.dep_ not in ("dobj", "obj"):
        return None
    verb = tok.head.head
    if verb.pos_ != "VERB" or not _to_death(verb) or verb.lemma_.lower() in sentencing or \
            any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return None   # "sentenced 12 men to death" put nobody to death yet
    end = max(c.right_edge.idx + len(c.right_edge) for c in verb.children if c.lower_ in ("to", "dead")) - sent.start_char
    return _Link(n, (verb.idx - sent.start_char, end))


def _to_death(verb: Any) -> bool:
    """"shot dead", "stabbed to death", "gunned down": a manner of killing."""
    for c in verb.children:
        if c.lower_ == "dead" or c.dep_ == "prt" and c.lower_ == "down":
            return True
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children):
            return True
    return False


def _singular_of(noun: Any, persons: frozenset[str]) -> list[Any]:
    """Singular persons after a death noun's "of" ("the assassination of the mayor [and his son]")."""
    heads = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
             if p.dep_ == "pobj"]
    victims = [v for h in heads for v in (h, *h.conjuncts)]
    if not victims or not all(_one_person(v, persons) for v in victims):
        return []
    return victims


def _one_person(token: Any, persons: frozenset[str]) -> bool:
    if any(c.dep_ == "nummod" or c.lower_ in ("no", "any", "every", "each") for c in token.children):
        return False
    if token.tag_ == "PRP":
        return token.lower_ in ("he", "she", "him", "her")
    if token.ent_type_ == "PERSON" and token.tag_ == "NNP":
        return True
    return token.tag_ == "NN" and token.lemma_.lower() in persons


SUCCESS_CLAIMS = frozenset({"claim", "boast"})


_PEOPLE = frozenset({"people", "persons", "civilians"})
_REPORTED_AGAIN = re.compile(r"(?i)[,;]\s*(?:while\s+|but\s+|and\s+)?(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,3}\s+"
                             r"(?:says?|said|puts?|put)\s+(?:it\s+at\s+|the\s+(?:death\s+)?toll\s+at\s+)?$")


def _self_claimed(sent: Any, n: _Number) -> bool:
    """A count the killers claim of themselves ("the PDF claimed it had killed 20", "the group boasted that
    its fighters killed 40"): a claim of success, which armed groups routinely inflate; another count of the
    same deaths is the credible one."""
    span = sent.doc.char_span(sent.start_char + n.start, sent.start_char + n.end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((t for t in span.root.ancestors if t.pos_ == "VERB"), None)
    if verb is None or verb.dep_ not in ("ccomp", "xcomp") or verb.head.lemma_.lower() not in SUCCESS_CLAIMS:
        return False
    doers = [c for c in verb.children if c.dep_ == "nsubj"]   # "it", "they", "its fighters": the claimant's own
    return verb.dep_ == "xcomp" or any(d.pos_ == "PRON" or any(c.dep_ == "poss" for c in d.children) for d in doers)


def _qualify(kind: str | None, value: int, vague: bool) -> Count:
    if kind == "lower" or (vague and kind is None):
        return value, value, None
    if kind == "upper":
        return None, value, value
    return value, value, value


def _combine(sent: Any, links: list[_Link], updates: list[_Link] | None = None, *, sides: bool = False) -> Fatalities:
    if not links:
        return Fatalities()
    groups: dict[tuple[int, int], list[_Number]] = {}
    for link in links:
        groups.setdefault(link.trigger, []).append(link.number)
    if len(groups) > 1 and (sides or _additive(sent.text, groups) and not _conflicting(sent.text, links)):
        groups = {links[0].trigger: [link.number for link in links]}  # "2 died Monday and 3 Tuesday"
    counts = [_sum(numbers) for numbers in groups.values()]
    span = _span(sent, links)
    if len(counts) == 1:
        low, best, high = counts[0]
        return Fatalities(low, best, high, span.text, span)
    lows = [c[0] if c[0] is not None else c[1] for c in counts]
    highs = [c[2] if c[2] is not None else c[1] for c in counts]
    best = min(c[1] for c in counts)
    if updates:  # "7 killed ...; more casualties raise the death toll to 12": the latest figure is best
        best = max(updates, key=lambda link: link.number.start).number.count[1]
    return Fatalities(min(lows), best, max(highs + [best]), span.text, span)


_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "on", "around"})


def _own_part(sent: Any, numbers: list[_Number], anchor: int, deaths: tuple[re.Pattern[str], ...]) -> list[_Number]:
    """"Eight Maoists killed in encounter in Bijapur; DRG jawan injured in IED blast in Sukma": parts of a
    sentence joined by semicolons that name different places tell different happenings; a part that
    tells no dead of its own takes no number from another ("The bomb exploded near the market; five people
    died" names one place and stays one happening)."""
    text = sent.text
    cuts = [0] + [i + 1 for i, ch in enumerate(text) if ch == ";"] + [len(text) + 1]
    part = next(k for k in range(len(cuts) - 1) if cuts[k] <= anchor < cuts[k + 1])
    lo, hi = cuts[part], cuts[part + 1]
    if any(lo <= n.start < hi for n in numbers) or any(d.search(text, lo, hi) for d in deaths):
        return numbers   # its own count, or its own dead told in another part ("Soldier killed in ...; Three
                         # Turkish soldiers killed in al-Bab" retells one attack)

    def places(start: int, end: int) -> set[str]:   # place entities, or names in a place phrase ("in Kidal"),
        return {t.lower_ for t in sent if start <= t.idx - sent.start_char < end and (   # not a people's origin
            t.ent_type_ in ("GPE", "LOC", "FAC") and t.dep_ not in ("compound", "amod", "poss")  # ("US service
            or t.pos_ == "PROPN" and t.head.lower_ in _PLACE_PREPS and t.dep_ == "pobj")}       # members")

    own = places(lo, hi)
    if not own:
        return numbers
    keep = []
    for n in numbers:
        k = next(j for j in range(len(cuts) - 1) if cuts[j] <= n.start < cuts[j + 1])
        other = places(cuts[k], cuts[k + 1])
        if not other or other & own:
            keep.append(n)
    return keep


def _sides_of_one_fight(sent: Any, links: list[_Link]) -> bool:
    """"two officers killed, 14 attackers shot dead", "14 ISIS fighters killed, 2 YPG members martyred": counts of
    different people, each told with its own death word and no place between them, are the dead of one fight's
    sides - all its dead (a contrast or a report between them makes them rival counts instead)."""
    groups: dict[tuple[int, int], list[_Number]] = {}
    for link in links:
        groups.setdefault(link.trigger, []).append(link.number)
    if len(groups) < 2 or _conflicting(sent.text, links) or _additive(sent.text, groups):
        return False
    nouns = []
    for numbers in groups.values():
        tok = _number_token(sent, numbers[0])
        if tok is None or tok.dep_ != "nummod" or tok.head.pos_ != "NOUN" or tok.head.lemma_.lower() in _ANYONE:
            return False
        nouns.append(tok.head.lemma_.lower())
    start = min(n.start for numbers in groups.values() for n in numbers)
    end = max(n.end for numbers in groups.values() for n in numbers)
    places = [t for t in sent if start <= t.idx - sent.start_char < end and t.ent_type_ in ("GPE", "LOC", "FAC")
              and t.dep_ not in ("compound", "amod", "poss")]
    return len(set(nouns)) == len(nouns) and not places


def _nearest_group(links: list[_Link], anchor: int, text: str) -> list[_Link]:
    """The links of the death word nearest to ``anchor``, unless the counts conflict."""
    if _conflicting(text, links) or len({link.trigger for link in links}) == 1:
        return links
    nearest = min(links, key=lambda lk: min(abs(lk.trigger[0] - anchor), abs(lk.number.start - anchor)))
    return [link for link in links if link.trigger == nearest.trigger]


def _additive(text: str, groups: dict[tuple[int, int], list[_Number]]) -> bool:
    """Counts of separate deaths joined closely by "and" ("2 were killed Monday and 3 more died")."""
    ordered = sorted(groups.items(), key=lambda g: g[0][0])
    for (trig, numbers), (_, following) in zip(ordered, ordered[1:], strict=False):
        end = max([trig[1]] + [n.end for n in numbers])
        between = text[end:min(n.start for n in following)]
        words = _words(between)
        if "and" not in words or len(words) > 6 or _CLAUSE_BREAK.search(between) or "…" in between:
            return False
        if set(words) & _TOTAL_WORDS:
            return False
    return True


def _conflicting(text: str, links: list[_Link]) -> bool:
    """Different counts of the same deaths: a toll, or a contrast/report between the counts."""
    if any(_norm(text[lk.trigger[0]:lk.trigger[1]]) in ("death toll", "toll") for lk in links):
        return True
    start = min(lk.number.start for lk in links)
    end = max(lk.number.end for lk in links)
    return bool(_CONTRAST.search(text[start:end]))


def _sum(numbers: list[_Number]) -> Count:
    lows = [n.count[0] for n in numbers]
    highs = [n.count[2] for n in numbers]
    best = sum(n.count[1] for n in numbers)
    low = None if any(v is None for v in lows) else sum(v for v in lows if v is not None)
    high = None if any(v is None for v in highs) else sum(v for v in highs if v is not None)
    return low, best, high


def _span(sent: Any, links: list[_Link]) -> Span:
    start = min(min(link.number.start, link.trigger[0]) for link in links)
    end = max(max(_victims_end(sent, link.number.end), link.trigger[1]) for link in links)
    return record_span(sent, start, end)


def _victims_end(sent: Any, end: int) -> int:
    """End of the victims' words after a number ("over 100 militants", "a shepherd")."""
    doc, base = sent.doc, sent.start_char
    span = doc.char_span(base + end, sent.end_char, alignment_mode="expand")
    last = end
    for token in list(span or ())[:4]:
        if token.pos_ not in ("NOUN", "PROPN", "ADJ") or token.lower_ in ("most", "many", "all", "half"):
            break
        last = token.idx + len(token.text) - base
    return last


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


# Asides between a number and its death word: ", including 32 civilians," / "-mostly children-".
_ASIDE = re.compile(r",\s*(?:including|among them|mostly|most of them|many of them)[^,;.]*,"
                    r"|\s?[-–—]\s?(?:including|mostly|most of them)[^-–—;.]*[-–—]|\([^()]*\)")
_POSTFIX_LOWER = re.compile(r"(?i)(?:\s+[a-z]+){0,2}?\s+(?:at\s+least|or\s+more)\b")
_CONTRAST = re.compile(r"(?i)\b(?:but|while|whereas|however|although|though|said|says|according|"
                       r"put|puts|estimated?|claimed|reported|other sources|than)\b")
_CLAUSE_HEAD = re.compile(r"\w")  # any word before the number: it does not open its clause
_CLAUSE_BREAK = re.compile(r"[;:.!?()\[\]…]|\s[-–—]\s")
_ANYONE = frozenset({"people", "person", "others", "other", "more", "dead", "body", "bodies"})   # no side's name
_TOTAL_WORDS = frozenset({"rising", "raising", "bringing", "toll", "total", "overall", "raise", "rise", "rises"})
_WORD = re.compile(r"[\w'’-]+")



def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _is_year(token: str, after: str) -> bool:
    if not (token.isdigit() and len(token) == 4 and 1900 <= int(token) <= 2100):
        return False
    return not re.match(r"\s+(?:people|civilians|persons|soldiers|fighters|militants|dead|killed)\b", after)


def _is_age(before: str, after: str, value: int) -> bool:
    """"Ahmed, 34, was killed": a number between commas right after a name is an age."""
    if value > 120 or not re.match(r"\s*,", after):
        return False
    return bool(re.search(r"[A-Z][\w'’-]*\s*,\s*$", before))


def _has_verb(sent: Any, start: int, end: int, allowed: frozenset[str],
              asides: list[tuple[int, int]] = ()) -> bool:
    """True when a main verb stands between a number and its death word ("3 shells hit X, killing"); a participle
    that only qualifies the counted noun ("two suspected militants were killed", "five armed men") is none."""
    if end <= start:
        return False
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="contract")
    if span is None:
        return False
    base = sent.start_char
    return any(t.pos_ == "VERB" and t.lower_ not in allowed and t.dep_ != "amod"
               and not any(s <= t.idx - base < e for s, e in asides) for t in span)


def count_value(text: str) -> int | None:
    """The value of a count as written ("14", "1,200", "sixteen", "a dozen"), or None."""
    return _lexicon()._value(text)
