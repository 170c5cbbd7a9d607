"""Lines written in capitals, parsed in ordinary case.

Wire copy and headlines often come in capitals ("SYRIAN AIRCRAFT DROPPED BARREL BOMBS ON ALEPPO ON MONDAY").
spaCy's small English model reads such a line badly: "ALEPPO" a verb, no place or date entities, every word a
proper noun. A line that shouts is therefore given to the parser in sentence case, its names restored from
what eventwire knows: places the gazetteer holds (a country, a province, a town of some size, a demonym such
as "SYRIAN"), the acronyms of the actor dictionary ("PKK", "SDF"; not those that are also words, "IS"), the
months and the days of the week. The text keeps its length and every offset, so evidence is still cut from
the text as given (as for the masked long runs of ``eventwire.parse``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?:[.!?:;]|\s[-–—])\s+$")
MIN_LETTERS = 12          # a shorter line ("UPDATE 2", "BREAKING") is no sentence to parse
SHOUT_SHARE = 0.9         # share of letters in capitals that makes a line shout


def shouts(line: str) -> bool:
    """The line is written in capitals: at least ``MIN_LETTERS`` letters, nine in ten of them capitals."""
    letters = upper = 0
    for ch in line:
        if ch.isalpha():
            letters += 1
            upper += ch.isupper()
    return letters >= MIN_LETTERS and upper >= SHOUT_SHARE * letters and len(line.split()) >= 3


class CaseRestorer:
    """``restorer(text)``: the text with every line that shouts in sentence case, names restored.

    ``is_place(name, after_preposition)`` tells whether a name (title case) is a place strong enough to be read
    as one (a single word needs more where no preposition of place comes before it): "title", "upper" (an
    abbreviation such as "US", "DRC") or None; ``acronyms`` are the
    forms that stay in capitals; ``common`` words are never names ("POLICE" is a town somewhere); ``calendar``
    words (months, weekdays) are capitalised."""

    def __init__(self, is_place: Callable[[str, bool], str | None], acronyms: frozenset[str], common: frozenset[str],
                 place_prepositions: frozenset[str], calendar: frozenset[str]) -> None:
        self.is_place = is_place
        self.acronyms = acronyms
        self.common = common
        self.preps = place_prepositions
        self.calendar = calendar

    def __call__(self, text: str) -> str:
        lines = text.split("\n")
        if not any(shouts(line) for line in lines):
            return text
        out = "\n".join(self._line(line) if shouts(line) else line for line in lines)
        return out if len(out) == len(text) else text

    def _line(self, line: str) -> str:
        low = line.lower()
        if len(low) != len(line):   # a letter whose lower case is longer ("İ"): leave the line as it is
            return line
        chars = list(low)
        words = list(_WORD.finditer(line))
        keep: set[int] = set()      # indices of words left in capitals
        title: set[int] = set()     # indices of words given a capital initial
        i = 0
        while i < len(words):
            taken = self._name_at(line, words, i)
            if taken:
                kind, n = taken
                (keep if kind == "upper" else title).update(range(i, i + n))
                i += n
            else:
                i += 1
        for k, m in enumerate(words):
            before = line[:m.start()]
            if k == 0 or _SENTENCE_END.search(before) or not before.strip():
                title.add(k)
        for k, m in enumerate(words):
            if k in keep:
                chars[m.start():m.end()] = line[m.start():m.end()]
            elif k in title:
                chars[m.start()] = line[m.start()]
        return "".join(chars)

    def _name_at(self, line: str, words: list[re.Match[str]], i: int) -> tuple[str, int] | None:
        word = words[i].group()
        if word in self.acronyms:
            return "upper", 1
        prev = words[i - 1].group().lower() if i else ""
        for n in (3, 2, 1):
            group = words[i:i + n]
            if len(group) < n or any(line[a.end():b.start()] not in (" ", "-") for a, b in zip(group, group[1:])):
                continue
            parts = [w.group().lower() for w in group]
            if n == 1 and parts[0] in self.calendar:
                return "title", 1
            if all(p in self.common for p in parts) and not (n == 1 and len(word) <= 4):
                continue   # words, not names ("POLICE"; but "NORTH KIVU", and "US" may be an abbreviation)
            name = " ".join(p[:1].upper() + p[1:] for p in parts)
            kind = self.is_place(name, n > 1 or prev in self.preps)
            if kind == "upper" or kind is not None and not (n == 1 and parts[0] in self.common):
                return kind, n
        return None


__all__ = ["CaseRestorer", "shouts"]
