"""Parsing with spaCy: sentences, tokens, dependencies, entities.

The pipeline is loaded once per model name and process (workers rebuild it
from the same settings). Entity-ruler patterns (actors, places) are added in
front of the statistical NER so that the stock model's misses ("IS", "Deir
Ezzor" as a person) are fixed by dictionary entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from eventwire.config import Settings
from eventwire.errors import ModelError
from eventwire.parse._case import CaseRestorer
from eventwire.pipeline import Stage
from eventwire.records import Document


@lru_cache(maxsize=4)
def _load(model: str, patterns: tuple[tuple[str, str], ...]) -> Any:
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model)
    except OSError:
        raise ModelError("E040", model) from None
    _split_glued_semicolons(nlp)
    if not Language.has_factory("eventwire_paragraphs"):
        Language.component("eventwire_paragraphs", func=_paragraphs)
    nlp.add_pipe("eventwire_paragraphs", first=True)
    if not Language.has_factory("eventwire_datelines"):
        Language.component("eventwire_datelines", func=_dateline_subjects)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("eventwire_datelines", after="parser")
    if patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True,
                                                                   "phrase_matcher_attr": "ORTH"})
        ruler.add_patterns([{"label": label, "pattern": text} for label, text in patterns])
    return nlp


_TEXT = "eventwire.text"


def text_of(spacy_doc: Any) -> str:
    """The text of a spaCy ``Doc``, read once and kept in its ``user_data`` (``Doc.text`` joins every token
    on each call: several milliseconds for a long article, asked for by the paragraph splitter, the date
    reader and the story stage)."""
    text = spacy_doc.user_data.get(_TEXT)
    if text is None:
        text = spacy_doc.user_data[_TEXT] = spacy_doc.text
    return text


def _paragraphs(doc: Any) -> Any:
    """A paragraph break ends a sentence: the parser otherwise runs a headline into the lede ("Taliban
    overrun police outposts in Kunduz as peace talks stall\n\nKabul (AFP) - Taliban fighters overran ...",
    one sentence whose subject was "police outposts"). A single line break ends one too where the text writes a
    paragraph per line (web pages, feeds), not where it wraps its lines mid-sentence."""
    text = text_of(doc)
    breaks = 1 if _line_per_paragraph(text) else 2
    starts = [doc[0]] if len(doc) else []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.is_space and prev.text.count("\n") >= breaks and not tok.is_space:
            tok.is_sent_start = True
            starts.append(tok)
    for first in starts:   # "KINSHASA, 13 July 2023 - At least nine ...": the dateline opens the lede's sentence
        found = DATELINE.match(text, first.idx)
        if found is None:
            continue
        for tok in doc[first.i + 1:]:
            if tok.idx >= found.end():
                tok.is_sent_start = False   # the lede's first word
                break
            tok.is_sent_start = False
    return doc


_STOPS = (".", "!", "?", ":", ";", '"', "\u201d", "'", "\u2019", ")")


def _line_per_paragraph(text: str) -> bool:
    """The text writes one paragraph per line (as web pages and feeds give it: headline, standfirst, dateline
    lines and paragraphs each on a line of their own), not hard-wrapped prose whose lines break mid-sentence:
    half its lines or more close a sentence, and hardly any line goes on in lower case."""
    lines = [line.strip() for line in text.split("\n")]
    pairs = [(line, after) for line, after in zip(lines, lines[1:]) if line and after]
    if not pairs:
        return False
    told = [line for line in lines if line]
    stops = sum(line.endswith(_STOPS) for line in told)
    run_on = sum(after[0].islower() for _, after in pairs)   # "... in Central\n Anatolia, was": wrapped mid-sentence
    return stops * 2 >= len(told) and run_on * 10 <= len(pairs)


def _dateline_subjects(doc: Any) -> Any:
    """The doer of a lede is no apposition of its dateline: the parser reads "BANGKOK — A Myanmar military jet
    bombed a village" with the place as the subject and "jet" in apposition to it. The first apposition or
    conjunct after the dateline takes the place's role in the clause; the place becomes a modifier of the verb
    (every reader of the tree, rules and roles alike, then sees the doer where the grammar puts it)."""
    for sent in doc.sents:
        found = DATELINE.match(sent.text)
        if found is None:
            continue
        end = sent.start_char + found.end()
        for tok in sent:
            if tok.idx >= end:
                break
            if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.idx < end:
                continue
            after = [c for c in tok.children if c.dep_ in ("appos", "conj") and c.idx >= end]
            if not after:
                continue
            verb, role = tok.head, tok.dep_
            after[0].head = verb
            after[0].dep_ = role
            for other in after[1:]:
                other.head = after[0]
            tok.dep_ = "npadvmod"
            break
    return doc


# A dateline opening a paragraph: an upper-case place (with a country, a date or an agency) or a
# place with its agency in brackets, then a dash: "BAQUBA, Iraq (Reuters) -", "Kabul (AFP) -".
DATELINE = re.compile(r"(?:[A-Z][A-Z.'\u2019-]+(?:\s[A-Z][A-Z.'\u2019-]+){0,3}[^\n\-\u2013\u2014]{0,40}?"
                       r"|[A-Z][\w.'\u2019-]*(?:\s[A-Z][\w.'\u2019-]*){0,3}\s*\([^()\n]{1,40}\))"
                       r"\s*[-\u2013\u2014]+\s+(?=\S)")


def dateline_end(sent: Any) -> int | None:
    """Characters from a sentence's start to the end of the dateline that opens it ("POPAYAN, Colombia - "), or
    None: the words before it are where the story was filed, not part of the sentence's grammar."""
    found = DATELINE.match(sent.text)
    return found.end() if found is not None else None


# A semicolon glued between words ("northern Syria;Three Turkish soldiers killed", as joined
# headlines and scraped lists write it) is a token of its own, as it is after a space.
_GLUED_SEMICOLON = r"(?<=[^\W\d_]);(?=[^\W\d_])"  # letters on both sides: not "&#8217;s"


def _split_glued_semicolons(nlp: Any) -> None:
    finder = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(finder, "__self__", None), "pattern", None)
    if isinstance(pattern, str):
        nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{_GLUED_SEMICOLON}").finditer


def load_nlp(settings: Settings, patterns: Sequence[tuple[str, str]] = ()) -> Any:
    """The spaCy pipeline named in settings, with (label, phrase) ruler patterns added."""
    return _load(settings.parse.model, tuple(sorted(set(patterns))))


class ParseStage(Stage):
    """Sets ``doc.nlp`` to the spaCy ``Doc`` of the clean text."""

    name = "parse"
    requires = ("text",)
    provides = ("nlp",)

    def __init__(self, settings: Settings, patterns: Sequence[tuple[str, str]] = ()) -> None:
        self.nlp = load_nlp(settings, patterns)
        self.batch_size = settings.parse.batch_size
        self.languages = frozenset(settings.clean.languages)
        self.part_chars = settings.parse.part_chars
        self.settings = settings
        self._restorer: Any = None

    def _text(self, clean_text: str) -> str:
        """What the parser reads: long runs masked, lines in capitals in sentence case (same offsets)."""
        text = mask_long_runs(clean_text)
        if not _CAPITALS.search(text):   # no three words in capitals in a row: nothing shouts (the common case)
            return text
        if self._restorer is None:
            self._restorer = case_restorer(self.settings)
        return self._restorer(text)

    def _wanted(self, doc: Document) -> bool:
        """Documents in another language are not parsed (no mentions): extraction is English-only."""
        return not doc.language or doc.language in self.languages

    def _long(self, doc: Document) -> bool:
        return len(doc.clean_text) > self.part_chars

    def __call__(self, doc: Document) -> Document:
        doc.nlp = self.parse(doc.clean_text) if self._wanted(doc) else None
        return doc

    def parse(self, clean_text: str) -> Any:
        """The spaCy ``Doc`` of a clean text, long runs masked, capitals in sentence case and a long text parsed in
        parts."""
        text = self._text(clean_text)
        return self._parse_in_parts(text) if len(text) > self.part_chars else self.nlp(text)

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        from itertools import tee

        originals, texts = tee(docs)
        parsed = self.nlp.pipe((self._text(d.clean_text) if self._wanted(d) and not self._long(d) else ""
                                for d in texts), batch_size=self.batch_size)
        for doc, spacy_doc in zip(originals, parsed):
            if not self._wanted(doc):
                doc.nlp = None
            else:
                doc.nlp = self.parse(doc.clean_text) if self._long(doc) else spacy_doc
            yield doc

    def _parse_in_parts(self, text: str) -> Any:
        """A long text parsed in parts cut at paragraph or line breaks (spaCy's parser needs memory in
        proportion to the text), joined back into one ``Doc`` whose text is exactly ``text``."""
        from spacy.tokens import Doc

        parts = list(self.nlp.pipe(split_parts(text, self.part_chars), batch_size=1))
        joined = Doc.from_docs(parts, ensure_whitespace=False, exclude=["user_data"])
        if joined.text != text:  # pragma: no cover - split_parts keeps every character
            raise ValueError("parts of a long text do not join back into it")
        return joined


def case_restorer(settings: Settings) -> CaseRestorer:
    """The ``CaseRestorer`` of these settings: places from the gazetteer, acronyms from the actor dictionary
    (not those that are also English words), the event lexicon's words as words."""
    from eventwire.geo.gazetteer import load_gazetteer
    from eventwire.geo.recognize import PLACE_PREPS
    from eventwire.resolve._actor_data import read_data
    from eventwire.resolve.dates import calendar_words

    gazetteer = load_gazetteer(settings)
    data = read_data()
    also_words = set(data.get("capital_words", []))
    acronyms = frozenset(a for g in data["group"] for a in g.get("acronyms", [])
                         if a.isupper() and a.replace("-", "").isalnum() and a not in also_words)
    common = frozenset(w for w in _lexicon_words() if " " not in w)

    def is_place(name: str, supported: bool) -> str | None:
        strong = [e for e in gazetteer.lookup(name) if not e.loose and (
            e.kind == 3 or e.feature in ("PCLI", "ADM1") or e.population >= (5_000 if supported else 100_000))]
        if not strong:
            return None
        short = len(name) <= 4 and " " not in name
        # "US", "UK", "DRC": an abbreviation of a country's name stays in capitals
        return "upper" if short and any(e.kind == 2 or e.kind == 1 and " " in e.name for e in strong) else "title"
    return CaseRestorer(is_place, acronyms, common, frozenset(PLACE_PREPS), calendar_words())


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """Every word of the event lexicon's cues and the geo lexicon's stopwords: words, never names."""
    import tomllib
    from importlib import resources

    out: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            out.update(str(v).lower() for v in node if isinstance(v, str))
    for name in ("detect_lexicon.toml", "geo_lexicon.toml"):
        walk(tomllib.loads(resources.files("eventwire.data").joinpath(name).read_text("utf-8")))
    return frozenset(out)


_CAPITALS = re.compile(r"[A-Z]{2,}[^a-z\n]{1,4}[A-Z]{2,}[^a-z\n]{1,4}[A-Z]{2,}")
LONG_RUN = re.compile(r"\S{%d,}" % 200)


def mask_long_runs(text: str) -> str:
    """Runs of 200 or more characters without a space (minified code, "[[[[...", long URLs) become
    spaces of the same length: spaCy's tokenizer takes time quadratic in such a run, they hold no event,
    and every offset stays the same. Evidence is always cut from the text as given."""
    return LONG_RUN.sub(lambda m: " " * len(m.group(0)), text) if len(text) >= 200 else text


def split_parts(text: str, size: int) -> list[str]:
    """``text`` cut into consecutive parts of at most ``size`` characters (a part may exceed it only
    when no break exists), cut after a blank line, else a line break, else a sentence end, else a space."""
    parts, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = next((window.rfind(sep) + len(sep) for sep in ("\n\n", "\n", ". ", " ") if window.rfind(sep) > 0),
                   size)
        parts.append(text[start:start + cut])
        start += cut
    parts.append(text[start:])
    return [p for p in parts if p]
