"""Trigger and cue lexicons (``data/detect_lexicon.toml``) and a fast phrase matcher.

A phrase is a tuple of lower-case words; a word matches a token when it equals
the token's lower-case form or its lemma, so "clashed" and "clashes" both match
"clash". The matcher indexes phrases by their first word and runs once over a
whole spaCy ``Doc``: no regular expressions and no per-call compilation.
"""

from __future__ import annotations


import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

# Cue classes that may start an event; the others only qualify one.
TRIGGER_CLASSES = frozenset({
    "clash", "attack", "air", "shell", "ied", "suicide", "grenade", "chemical", "abduct", "sexual",
    "protest", "riot", "mob", "retake", "capture", "transfer", "agree", "arrest", "disrupt", "base",
    "loot", "change", "other",
})
# Kinds of attack named by their weapon: one inside a longer term of another kind is a word of that term
# ("rocket" in "rocket-propelled grenades" is no rocket fire, "bomb" in "barrel bombs" no planted bomb). A
# suicide term keeps the device it names ("suicide car bomb": the car bomb is what went off).
WEAPON_KINDS = frozenset({"air", "shell", "ied", "suicide", "grenade", "chemical"})
NESTING_KINDS = WEAPON_KINDS - {"suicide"}
# Context classes that an idiom does not cancel.
IDIOM_PROOF = frozenset({"idiom", "armed", "civilian", "intervention", "child", "journalist", "health", "aid",
                         "heritage", "weapon", "nonpolitical", "crime", "hedge", "sport", "fiction", "market",
                         "rhetoric"})

# Tokens inside these entities are never cues ("March 26", "Strike Force Ltd").
SKIP_ENTS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "WORK_OF_ART",
                       "LAW"})

# Adjectives that are cues; other adjectives ("striking", "fighting spirit") are not.
ADJ_CUES = frozenset({"dead", "injured", "wounded", "violent", "chemical", "suicide", "peaceful", "armed", "sexual",
                      "aerial", "explosive", "toxic", "ancient", "archaeological", "historic", "humanitarian",
                      "medical", "remote", "improvised", "booby", "roadside", "communal", "sectarian", "angry",
                      "irate", "captive", "missing", "military", "paramilitary", "unarmed", "displaced", "local",
                      "ballistic", "incendiary", "nuclear"})

# Words before "March" that make it the month ("in March", "since March", "early March").
MONTH_PREPS = frozenset({"in", "of", "since", "until", "till", "early", "late", "mid", "last", "next", "this",
                         "from", "through", "by", "before", "after", "during"})

# Inside a name ("Levant Liberation Board", "Popular Mobilization Forces") a word is no cue.
NAME_ENTS = frozenset({"ORG", "FAC", "EVENT", "PRODUCT"})


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon hit: class, token range ``[start, end)`` in the Doc, strength, weak flag."""

    cls: str
    start: int
    end: int
    strength: float
    weak: bool

    @property
    def is_trigger(self) -> bool:
        return self.cls in TRIGGER_CLASSES and not self.weak


def _split(term: str) -> tuple[str, ...]:
    """Words of a term as spaCy tokenises them ("sit-in" -> "sit", "-", "in")."""
    words: list[str] = []
    for word in term.lower().split():
        parts = word.split("-")
        if len(parts) > 1 and all(parts):
            for i, part in enumerate(parts):
                words += [part] if i == 0 else ["-", part]
        else:
            words.append(word)
    return tuple(words)


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, Any]:
    """The parsed lexicon file (cached)."""
    text = resources.files("eventwire").joinpath("data/detect_lexicon.toml").read_text("utf-8")
    return tomllib.loads(text)


class CueMatcher:
    """Finds every lexicon phrase in a Doc, longest match per class and start token."""

    def __init__(self, cues: dict[str, Any]) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], str, float, bool]]] = defaultdict(list)
        self._exact: set[str] = {cls for cls, spec in cues.items() if spec.get("exact")}
        for cls, spec in cues.items():
            weak = {_split(t) for t in spec.get("weak", [])}
            for term in set(spec["terms"]):
                words = _split(term)
                self._index[words[0]].append((words, cls, float(spec.get("strength", 0.5)), words in weak))
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e[0]))

    def __call__(self, doc: Any) -> list[Cue]:
        found: list[Cue] = []
        surnames = _surnames(doc)
        index = self._index
        for tok in _candidates(doc, index):
            lower, lemma = tok.lower_, tok.lemma_.lower()
            if tok.pos_ == "PROPN" and tok.text.islower() and lemma == lower:
                lemma = _verb_stem(lower, index)   # "JNIM kills 12", "JKLF kidnaps": a headline verb tagged PROPN
            if lower not in index and lemma not in index:
                continue   # most words start no phrase: the checks below are for those that do
            named = _inside_name(doc, tok)   # only a force's own kind may end a name: "the Nigerian Air Force"
            if (tok.ent_type_ in SKIP_ENTS and _date_part(doc, tok)) or _month(doc, tok) or \
                    (tok.lower_ in surnames and tok.is_title and tok.pos_ == "PROPN"):
                continue
            bare_adj = tok.pos_ == "ADJ" and tok.tag_ != "VBN" and tok.lower_ not in ADJ_CUES
            seen: set[str] = set()
            for key in dict.fromkeys((lower, lemma)):
                for words, cls, strength, weak in self._index.get(key, ()):
                    if named and (cls not in NAMED_FORCE_CLASSES or len(words) < 2 or
                                  not _ends_name(doc, tok.i + len(words) - 1)):
                        continue
                    if cls in self._exact and (key != tok.lower_ or (tok.pos_ == "PROPN" and len(words) == 1)
                                               or not _matches(doc, tok.i, words, exact=True)):
                        continue  # "plant" the factory is not "planted" the bomb, nor "Bill" a bill
                    if bare_adj and len(words) == 1 and cls in TRIGGER_CLASSES:
                        continue  # "it is striking how ...": an adjective alone starts no event
                    if cls in PEOPLE_CLASSES and key != lower and tok.pos_ in ("VERB", "AUX"):
                        continue  # "a checkpoint manned by ...", "a clinic staffed by ...": a verb names no one
                    if cls not in seen and _matches(doc, tok.i, words):
                        seen.add(cls)
                        found.append(Cue(cls, tok.i, tok.i + len(words), strength, weak))
        return _drop_chanted(doc, drop_idioms(_drop_nested(found)))


def _candidates(doc: Any, index: Any) -> list[Any]:
    """The tokens a phrase may start with: their lower-case form or lemma starts one, or they are a lowercase
    word tagged as a proper noun (a headline's verb, read by its stem). Read from the doc's arrays, with each
    distinct word looked up once: most words of a text start no phrase."""
    from spacy.attrs import LEMMA, LOWER, ORTH, POS
    from spacy.symbols import PROPN

    if not len(doc):
        return []
    rows = doc.to_array([LOWER, LEMMA, ORTH, POS]).tolist()
    strings = doc.vocab.strings
    lowers = {h for h in {r[0] for r in rows} if strings[h] in index}
    lemmas = {h for h in {r[1] for r in rows} if strings[h].lower() in index}
    return [doc[i] for i, (lower, lemma, orth, pos) in enumerate(rows)
            if lower in lowers or lemma in lemmas or (pos == PROPN and orth == lower)]


# Classes of words for people: a verb that shares a lemma with one ("manned", "staffed") is none of them.
PEOPLE_CLASSES = frozenset({"civilian"})


def _drop_nested(cues: list[Cue]) -> list[Cue]:
    """Without a weapon kind's cue that lies inside a longer cue of another weapon kind (WEAPON_KINDS)."""
    kinds = [c for c in cues if c.cls in WEAPON_KINDS]
    if len(kinds) < 2:
        return cues
    return [c for c in cues if c.cls not in WEAPON_KINDS or not any(
        o.cls in NESTING_KINDS and o.cls != c.cls and o.start <= c.start and c.end <= o.end
        and o.end - o.start > c.end - c.start for o in kinds)]


def _drop_chanted(doc: Any, cues: list[Cue]) -> list[Cue]:
    """Cues inside quotation marks that open right after a word of chanting ('chanting "Stop killing Hazaras"',
    'placards reading "End the killings"'): a slogan, not a report of what happened."""
    if not cues:
        return cues
    from spacy.attrs import IS_QUOTE

    quotes = [i for i in doc.to_array([IS_QUOTE]).nonzero()[0].tolist()
              if doc[i].tag_ != "POS"]   # not the apostrophe of "protesters' "
    if len(quotes) < 2:
        return cues
    chant = modality_words()["chant"]
    spans: list[tuple[int, int]] = []
    for i, end in zip(quotes[::2], quotes[1::2]):   # opening and closing marks in turn
        before = [t for t in doc[max(0, i - 3):i] if not t.is_punct]
        if end - i <= 30 and before and (before[-1].lower_ in chant or before[-1].lemma_.lower() in chant):
            spans.append((i, end))
    if not spans:
        return cues
    return [c for c in cues if not any(s < c.start and c.end <= e for s, e in spans)]


def _verb_stem(word: str, index: Any) -> str:
    """The stem of a lowercase word the tagger read as a proper noun, when a phrase starts with it ("kidnaps" ->
    "kidnap", "torches" -> "torch"); the word itself otherwise. A lowercase word names no one: the tagger read
    a headline's verb after an acronym as part of the name."""
    for cut in ("es", "s"):
        if word.endswith(cut) and word[: -len(cut)] in index:
            return word[: -len(cut)]
    return word


TIME_NOUNS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "ago",
                        "night", "morning", "evening", "afternoon", "decade", "decades", "century", "today",
                        "yesterday", "tonight", "weekend"})


def _date_part(doc: Any, tok: Any) -> bool:
    """The token belongs to the entity's date or number, not to words the tagger ran into it or read as
    a date: in "an airstrike three years ago" the date starts at "three"; "an airstrike" alone, tagged
    DATE, has no number and no time word at all."""
    if tok.ent_type_ not in ("DATE", "TIME") or tok.pos_ != "NOUN":
        return True
    from eventwire.resolve.dates import calendar_words

    start, end = tok.i, tok.i + 1  # the entity around the token, read from its IOB tags (doc.ents builds every span)
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    time_words = TIME_NOUNS | calendar_words()
    anchors = [t.i for t in doc[start:end] if t.like_num or t.lower_ in time_words]
    return bool(anchors) and tok.i >= anchors[0]


def _surnames(doc: Any) -> frozenset[str]:
    """Last words of the people the text names in full ("Loretta Lynch"): "Lynch's testimony" later on
    is her name, not a lynching."""
    return frozenset(e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[-1].is_title)


NAMED_FORCE_CLASSES = frozenset({"air"})   # "the Sri Lanka Air Force bombed ...": a named force is still of its kind


def _ends_name(doc: Any, i: int) -> bool:
    """Token ``i`` closes its entity (the name's head)."""
    return i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I"


def _inside_name(doc: Any, tok: Any) -> bool:
    """A capitalised word inside an organisation's name, unless it is the clause's verb
    (title-case headlines make the tagger read "Rebels Clash with ..." as one name)."""
    return (tok.ent_type_ in NAME_ENTS and tok.is_title and tok.i > 0 and doc[tok.i - 1].ent_type_ == tok.ent_type_
            and tok.dep_ != "ROOT" and tok.pos_ != "VERB")


def _month(doc: Any, tok: Any) -> bool:
    """"on 25 March", "in March 1990", "MARCH 19": the month, even where the tagger missed the date."""
    if tok.lower_ != "march":
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (prev is not None and (prev.like_num or prev.lower_ in MONTH_PREPS)) or (nxt is not None and nxt.like_num)


def drop_idioms(cues: list[Cue]) -> list[Cue]:
    """Cues that overlap an idiom ("shelled out", "heart attack", "riot police") are dropped, except
    who-and-what context ("police" is still the police)."""
    idioms = [c for c in cues if c.cls == "idiom"]
    if not idioms:
        return cues
    return [c for c in cues if c.cls in IDIOM_PROOF or not any(i.start < c.end and c.start < i.end for i in idioms)]


def _matches(doc: Any, start: int, words: tuple[str, ...], *, exact: bool = False) -> bool:
    if start + len(words) > len(doc):
        return False
    for offset, word in enumerate(words[1:], 1):
        tok = doc[start + offset]
        if word != "*" and word != tok.lower_ and (exact or word != tok.lemma_.lower()):
            return False
    return True


@lru_cache(maxsize=1)
def cue_matcher() -> CueMatcher:
    """The matcher over all cue classes of the shipped lexicon (built once)."""
    return CueMatcher(load_lexicon()["cues"])


@lru_cache(maxsize=1)
def modality_words() -> dict[str, frozenset[str]]:
    """Modality word sets (negation, denial, hypothetical, future, threat, background)."""
    return {k: frozenset(v) for k, v in load_lexicon()["modality"].items()}
