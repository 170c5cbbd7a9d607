"""One path for a document: read text in, event records out.

``Extractor`` builds the stage pipeline once from settings (clean -> parse ->
toponyms -> detect -> locate -> story -> finalize) and runs it over documents
in batches; fusion (``eventwire.fuse``) turns their mentions into events with
the same settings. Every entry point uses it: ``eventwire extract``, ``ingest``
and ``process`` (and their Dask workers), ``eval`` and ``demo``, and the public
Python API::

    import eventwire
    events = eventwire.extract("Gunmen killed five villagers in Kaduna on Monday.",
                               published="2024-05-14")          # list of event records (dicts)

    extractor = eventwire.Extractor(eventwire.load_settings())  # load once, stream many
    for doc, events in extractor.pipe(documents):               # documents: str, dict or Document
        ...
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import islice
from typing import Any

from eventwire.config import Settings, load_settings
from eventwire.pipeline import Finalize, Pipeline, Stage
from eventwire.records import Document, Event, Mention

PIPE_BATCH = 64   # documents parsed and fused per streaming step


class EnsureClean(Stage):
    """Cleans documents that are not clean yet (read from files or strings); documents from the store
    are clean already. Documents in a language the settings do not extract get no mentions."""

    name = "clean"
    requires = ("raw_text",)
    provides = ("text", "offsets", "language", "content_hash", "title", "standfirst", "published")

    def __init__(self, settings: Settings) -> None:
        from eventwire.clean import Cleaner

        self.cleaner = Cleaner(settings)

    def __call__(self, doc: Document) -> Document:
        return self.cleaner(doc) if doc.text is None else doc


def reading_stages(settings: Settings) -> list[Stage]:
    """The stages that read a document before detection (clean, parse, toponyms), as at run time: what
    the detector's training script and tests run over their examples."""
    from eventwire.detect import ruler_patterns
    from eventwire.geo import ToponymStage
    from eventwire.parse import ParseStage

    parse = ParseStage(settings, ruler_patterns())
    return [EnsureClean(settings), parse, ToponymStage(settings, parser=parse)]


def _stages(settings: Settings) -> list[Stage]:
    from eventwire.detect import DetectStage
    from eventwire.geo import LocateStage
    from eventwire.story import StoryStage

    return [*reading_stages(settings), DetectStage(settings), LocateStage(settings), StoryStage(settings), Finalize()]


def as_document(item: str | Mapping[str, Any] | Document, settings: Settings, *,
                published: str | None = None) -> Document:
    """A ``Document`` from a string, a record like an input JSONL line (``id``, ``text`` or ``html``,
    ``published``, ``url``, ``title``, ``outlet``; read by the JSONL reader's rules) or a ``Document``."""
    from eventwire.read import document_from

    return item if isinstance(item, Document) else document_from(dict(item) if isinstance(item, Mapping) else item,
                                                                  settings, published=published)


class Extractor:
    """Runs the extraction pipeline and fusion; one per process (stages load models once)."""

    def __init__(self, settings: Settings | None = None, *, stages: list[Stage] | None = None) -> None:
        self.settings = settings or load_settings()
        self.pipeline = Pipeline(stages if stages is not None else _stages(self.settings))

    def process(self, documents: Iterable[Document]) -> Iterator[Document]:
        """Documents with ``mentions`` filled (raw-text offsets); documents in a language the settings
        do not extract (``[clean] languages``) are not parsed and get none."""
        return self.pipeline.pipe(documents)

    def mentions(self, documents: Iterable[Document]) -> list[Mention]:
        return [m for doc in self.process(documents) for m in doc.mentions]

    def fuse(self, mentions: list[Mention], docs: Mapping[str, Document], *,
             include_background: bool | None = None) -> list[Event]:
        """Events from mentions, with the ``[fuse]`` settings; background ones only when asked."""
        from eventwire.fuse import fuse

        events = fuse(mentions, docs, settings=self.settings)
        keep = self.settings.extract.include_background if include_background is None else include_background
        return [e for e in events if keep or not e.is_background]

    def extract(self, documents: Iterable[Document], *, include_background: bool | None = None) -> list[Event]:
        """Fused events from the documents (reports of one event in several documents are one event)."""
        docs = list(self.process(documents))
        return self.fuse([m for d in docs for m in d.mentions], {d.id: d for d in docs},
                         include_background=include_background)

    def pipe(self, documents: Iterable[str | Mapping[str, Any] | Document], *, published: str | None = None,
             include_background: bool | None = None) -> Iterator[tuple[Document, list[Event]]]:
        """Stream documents through the pipeline: each with its own events (fused within the document)."""
        stream = (as_document(d, self.settings, published=published) for d in documents)
        while batch := list(islice(stream, PIPE_BATCH)):
            for doc in self.process(batch):
                yield doc, self.fuse(list(doc.mentions), {doc.id: doc}, include_background=include_background)


@lru_cache(maxsize=2)
def _default(settings: Settings) -> Extractor:
    return Extractor(settings)


def extract(text: str | Mapping[str, Any] | Document | Iterable[str | Mapping[str, Any] | Document], *,
            published: str | None = None, include_background: bool = False,
            settings: Settings | None = None) -> list[dict[str, Any]]:
    """Event records (dicts in the shape ``eventwire extract`` prints) from a text, a document record, or
    many of them (fused together). The pipeline is built once per settings and reused."""
    items = [text] if isinstance(text, str | Mapping | Document) else list(text)
    extractor = _default(settings or load_settings())
    events = extractor.extract([as_document(i, extractor.settings, published=published) for i in items],
                               include_background=include_background)
    return [e.to_dict() for e in events]


def event_dicts(events: Iterable[Event]) -> list[dict[str, Any]]:
    return [e.to_dict() for e in events]


__all__ = ["Extractor", "as_document", "event_dicts", "extract"]
