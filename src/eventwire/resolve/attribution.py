"""Who reports an event: "a military source said", "according to SOHR", "witnesses said".

``find_attribution(sent, doc)`` reads the source from the dependency parse:
the subject of a reporting verb ("Russia's defense ministry said"), the object
of "according to", the agent of "reported by", or the object of "citing". The
source phrase is typed with the lexicon in ``data/attribution.toml`` (first
match in the order anonymous official, monitor/NGO, media, witness, analyst,
belligerent/government), falling back to the actor dictionary (a named armed
group or state force is a belligerent) and then to ``other``. UN bodies and
other international organisations are typed ``monitor/NGO``.

"the source said", "he added", "the ministry said" refer back to the nearest
earlier attribution in the document (up to a few sentences back). A quote with
no source of its own takes the source of the next sentence, else the previous
one. ``party_claim`` is true for belligerents, for anonymous sources of a party
("a military source") and for a party's media (state media, Amaq).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire.records import Span
from eventwire.resolve._patterns import alternation
from eventwire.resolve.actors import ARMED_TYPES, load_actor_dictionary

BELLIGERENT = "belligerent/government"
LOOKBACK_SENTENCES = 6
_QUOTATION = re.compile(r"[“\"«]([^”\"»]+)[”\"»]")
_MIN_QUOTE_WORDS = 6
_MAX_SOURCE_TOKENS = 12


@dataclass(frozen=True, slots=True)
class Attribution:
    """The reported source of a sentence; ``span`` is in clean-text offsets."""

    text: str
    type: str
    span: Span | None
    party_claim: bool


def armed_group_source(text: str) -> bool:
    """The source phrase names a non-state armed group or foreign force ("Taliban spokesman Zabihullah
    Mujahid", "a CODECO spokesman"): its counts of the other side's dead are claims of success."""
    actor = load_actor_dictionary().resolve(text)
    return actor is not None and actor.type in ARMED_TYPES


def find_attribution(sent: Any, doc: Any = None) -> Attribution | None:
    """The source that reports ``sent`` (a spaCy sentence span), or None.

    ``doc`` may be the spaCy ``Doc`` or an ``eventwire`` Document; only the
    sentence's own ``Doc`` is read.
    """
    lex = _lexicon()
    own = lex.in_sentence(sent)
    if own is not None:
        return own
    if _is_quotation(sent.text):
        for other in (_next_sentence(sent), _previous_sentence(sent)):
            if other is not None and (found := lex.in_sentence(other)) is not None:
                return found
    return None


def _quoted_ranges(sent: Any) -> list[tuple[int, int]]:
    """Document char ranges of the quotations in ``sent``."""
    base = sent.start_char
    return [(base + m.start(), base + m.end()) for m in _QUOTATION.finditer(sent.text)
            if len(m.group(1).split()) >= _MIN_QUOTE_WORDS]


def _is_quotation(text: str) -> bool:
    """A sentence that quotes someone (not a quoted name like the “Pearl of the Desert”)."""
    return any(len(m.group(1).split()) >= _MIN_QUOTE_WORDS for m in _QUOTATION.finditer(text))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    text = resources.files("eventwire.data").joinpath("attribution.toml").read_text("utf-8")
    return _Lexicon(tomllib.loads(text))


def _keywords_re(words: list[str]) -> re.Pattern[str]:
    cased = [w for w in words if w.isupper()]
    folded = [w for w in words if not w.isupper()]
    parts = [f"(?i:{alternation(folded)})"] + ([f"(?:{alternation(cased)})"] if cased else [])
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])")


class _Lexicon:
    def __init__(self, data: dict[str, Any]) -> None:
        self.verbs = frozenset(data["speech_verbs"])
        self.anaphors = frozenset(data["anaphors"])
        self.types = [(name, _keywords_re(words)) for name, words in data["types"].items()]
        self.party_media = _keywords_re(data["party_media"])
        self.party_sources = _keywords_re(data["party_sources"])

    # ---------------------------------------------------------------- finding
    def in_sentence(self, sent: Any) -> Attribution | None:
        for source in self._sources(sent):
            found = self._attribution(sent, source)
            if found is not None:
                return found
        return None

    def _sources(self, sent: Any) -> list[Any]:
        """Candidate source phrases (spaCy spans): 'according to' first, then reporting verbs."""
        according, verbs = [], []
        quoted = _quoted_ranges(sent)
        for token in sent:
            if any(start <= token.idx < end for start, end in quoted):
                continue  # "“Fighters show great effort,” the YPG said": not the source
            if token.lower_ == "according" and token.i + 1 < sent.end and sent.doc[token.i + 1].lower_ == "to":
                according += [_phrase(c) for c in sent.doc[token.i + 1].children if c.dep_ == "pobj"]
            elif token.lemma_.lower() in self.verbs and token.pos_ in ("VERB", "AUX"):
                verbs.append(token)
        verbs.sort(key=lambda v: (v.dep_ != "ROOT", -v.i))
        return according + [p for v in verbs for p in _verb_sources(v)]

    def _attribution(self, sent: Any, phrase: Any) -> Attribution | None:
        text = phrase.text.strip(" ,")
        if _norm(text) in self.anaphors and (earlier := _earlier(sent, self)) is not None:
            return earlier
        kind = self._classify(text)
        if kind is None:
            return None
        span = Span(phrase.start_char, phrase.end_char, phrase.text)
        return Attribution(text, kind, span, self._party(text, kind))

    # ---------------------------------------------------------------- typing
    def _classify(self, text: str) -> str | None:
        for name, regex in self.types:
            if regex.search(text):
                return name
        actors = load_actor_dictionary()
        actor = actors.resolve(text)
        if actor is not None and actor.type != "Civilians":
            return BELLIGERENT if actor.type not in ("Protesters", "Rioters") else "witness"
        if actors.country_of(text):  # "Turkey", "the US", "Putin": a government speaking
            return BELLIGERENT
        if any(c.isupper() for c in text) and len(text.split()) <= 6:
            return "other"
        return None

    def _party(self, text: str, kind: str) -> bool:
        if kind == BELLIGERENT:
            return True
        if kind == "anonymous official":
            actor = load_actor_dictionary().resolve(text)  # "a YPG source"
            armed = actor is not None and actor.type not in ("Civilians", "Protesters", "Rioters")
            return armed or bool(self.party_sources.search(text))
        if kind == "media":
            return bool(self.party_media.search(text))
        return False


def _verb_sources(verb: Any) -> list[Any]:
    quoted = []
    if verb.lemma_.lower() in ("quote", "cite"):  # "state TV quoted a military source as saying"
        quoted = [_phrase(c) for c in verb.children if c.dep_ == "dobj"]
    out = quoted + [_phrase(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"
           or c.dep_ == "nsubj" and c.lower_ in ("he", "she", "they", "it")]
    for child in verb.children:
        if child.dep_ == "agent":  # "reported by SANA"
            out += [_phrase(c) for c in child.children if c.dep_ == "pobj"]
        if child.dep_ in ("advcl", "xcomp") and child.lemma_ in ("cite", "quote"):
            out += [_phrase(c) for c in child.children if c.dep_ == "dobj"]
    return out


def _phrase(token: Any) -> Any:
    """The subtree of ``token``, cut to its left part when it is long (relative clauses)."""
    sub = list(token.subtree)
    doc = token.doc
    start, end = sub[0].i, sub[-1].i + 1
    if end - start > _MAX_SOURCE_TOKENS:
        end = token.i + 1
    while start < end and doc[start].is_punct:
        start += 1
    return doc[start:end]


def _earlier(sent: Any, lex: _Lexicon) -> Attribution | None:
    other = _previous_sentence(sent)
    for _ in range(LOOKBACK_SENTENCES):
        if other is None:
            return None
        for source in lex._sources(other):
            text = source.text.strip(" ,")
            if _norm(text) not in lex.anaphors and (kind := lex._classify(text)):
                span = Span(source.start_char, source.end_char, source.text)
                return Attribution(text, kind, span, lex._party(text, kind))
        other = _previous_sentence(other)
    return None


def _previous_sentence(sent: Any) -> Any:
    return sent.doc[sent.start - 1].sent if sent.start > 0 else None


def _next_sentence(sent: Any) -> Any:
    return sent.doc[sent.end].sent if sent.end < len(sent.doc) else None


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())
