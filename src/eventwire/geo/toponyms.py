"""Geoparsing a parsed document: recognition + resolution into ``records.Toponym``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.config import Settings
from eventwire.geo.gazetteer import Entry, Gazetteer, load_gazetteer
from eventwire.geo.lexicon import geo_lexicon
from eventwire.geo.recognize import Candidate, Recognizer
from eventwire.geo.resolve import Resolver
from eventwire.pipeline import Stage
from eventwire.records import Document, Place, Span, Toponym

PRECISION = {"PPL": 1, "PPLC": 1, "AIRB": 2, "PSTB": 2, "MILB": 2}


def precision_of(feature: str | None) -> int:
    """ACLED geo_precision of a place of this feature type (1 town, 2 small area, 3 region)."""
    return PRECISION.get(feature or "", 3)


def place_of(entry: Entry, span: Span | None = None, score: float | None = None) -> Place:
    admin1 = entry.admin1 or None
    return Place(name=entry.name, geonameid=entry.geonameid, lat=entry.lat, lon=entry.lon,
                 country=entry.country or None, admin1=admin1, admin2=entry.admin2 or None,
                 geo_precision=precision_of(entry.feature), feature=entry.feature,
                 score=round(score, 3) if score is not None else None, span=span)


class Geoparser:
    """Toponyms of a spaCy ``Doc`` (offsets into the text it was parsed from)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.recognize = Recognizer(gazetteer, geo_lexicon())
        self.resolve = Resolver()

    def candidates(self, spacy_doc: Any) -> list[Candidate]:
        return self.recognize(spacy_doc)

    def __call__(self, spacy_doc: Any) -> list[Toponym]:
        cands = self.recognize(spacy_doc)
        choices = self.resolve(spacy_doc, cands)
        return [_toponym(c, r) for c, r in zip(cands, choices)]


def _toponym(cand: Candidate, choice: tuple[Entry, float] | None) -> Toponym:
    span = Span(cand.start_char, cand.end_char, cand.text)
    place = place_of(choice[0], span, choice[1]) if choice else None
    return Toponym(cand.start_char, cand.end_char, cand.text, place, role=cand.role)


class ToponymStage(Stage):
    """Sets ``doc.toponyms`` (clean-text offsets) from the parsed ``doc.nlp``.

    An unparsed document (standalone use, or one the parse stage left in another language) is parsed by
    ``parser`` (the pipeline's ``ParseStage``; built from the settings when the stage stands alone).
    """

    name = "toponyms"
    requires = ("nlp",)
    provides = ("toponyms",)

    def __init__(self, settings: Settings, *, gazetteer: Gazetteer | None = None, parser: Any = None) -> None:
        self.settings = settings
        self._parse: Any = parser   # the pipeline's ParseStage, so that no second spaCy pipeline is loaded
        self.geoparser = Geoparser(gazetteer or load_gazetteer(settings))

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None:   # as the parse stage parses: long runs masked, a long text in parts (a plain
            # nlp() call gave spaCy's E088 traceback past 1,000,000 characters)
            doc.nlp = self._parser().parse(doc.clean_text)
        doc.toponyms = self.geoparser(doc.nlp)
        return doc

    def _parser(self) -> Any:
        if self._parse is None:
            from eventwire.parse import ParseStage

            self._parse = ParseStage(self.settings)
        return self._parse

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)
