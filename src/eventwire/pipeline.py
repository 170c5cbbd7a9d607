"""Stages as small ``Document -> Document`` callables that declare what they need and set.

A ``Pipeline`` checks when it is built that every stage's ``requires`` is set by
an earlier stage (or by the reader/cleaner: ``BASE_ATTRS``), like spaCy's
pipeline analysis. Stages may also implement ``pipe`` for batching.

Offsets: while a document is in the pipeline every ``Span`` on a ``Mention``
indexes the *clean* text (``Document.clean_text``). ``Finalize``, the last
stage, maps them into the raw text exactly as given, which is what is stored
and printed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import ClassVar

from eventwire.errors import UsageError
from eventwire.records import Actor, Document, Mention, Span

# What a document has when it leaves read (clean is the pipeline's first stage; stored documents are clean).
BASE_ATTRS = frozenset({"id", "raw_text", "published", "url", "title", "outlet", "source", "meta"})


def _known(name: str) -> bool:
    """A contract name is a ``Document`` attribute, or ``mentions.<Mention field>``."""
    from dataclasses import fields

    head, _, tail = name.partition(".")
    doc_attrs = {f.name for f in fields(Document)} | {"clean_text"}
    if head not in doc_attrs:
        return False
    return not tail or (head == "mentions" and tail in {f.name for f in fields(Mention)})


class Stage:
    """Base class: subclasses set ``name``, ``requires``, ``provides`` and ``__call__``."""

    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[tuple[str, ...]] = ()

    def __call__(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            yield self(doc)


class Pipeline:
    """An ordered list of stages, checked when built."""

    def __init__(self, stages: Iterable[Stage]) -> None:
        self.stages = list(stages)
        have = set(BASE_ATTRS)
        for stage in self.stages:
            unknown = sorted(n for n in (*stage.requires, *stage.provides) if not _known(n))
            if unknown:
                raise UsageError("E060", f"stage '{stage.name}' declares {', '.join(unknown)}, which no Document "
                                 "(or Mention) has", hint="declare real attributes in requires/provides")
            missing = sorted(set(stage.requires) - have)
            if missing:
                raise UsageError("E060", f"stage '{stage.name}' needs {', '.join(missing)}, "
                                 "which no earlier stage sets", hint="reorder the pipeline stages")
            have |= set(stage.provides)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def pipe(self, docs: Iterable[Document]) -> Iterator[Document]:
        stream: Iterable[Document] = docs
        for stage in self.stages:
            stream = stage.pipe(stream)
        yield from stream


def _raw(doc: Document, span: Span | None) -> Span | None:
    return doc.evidence(span.start, span.end) if span is not None else None


def _raw_actor(doc: Document, actor: Actor | None) -> Actor | None:
    return replace(actor, span=_raw(doc, actor.span)) if actor is not None else None


class Finalize(Stage):
    """Maps every mention span from clean-text offsets to raw-text offsets; drops ``doc.nlp``."""

    name = "finalize"
    requires = ("mentions",)
    provides = ()

    def __call__(self, doc: Document) -> Document:
        doc.mentions = [self._mention(doc, m) for m in doc.mentions]
        doc.nlp = None
        return doc

    @staticmethod
    def _mention(doc: Document, m: Mention) -> Mention:
        m.trigger = _raw(doc, m.trigger)
        m.sentence = _raw(doc, m.sentence)
        m.location_text = _raw(doc, m.location_text)
        m.evidence = [_raw(doc, s) for s in m.evidence]
        m.date.span = _raw(doc, m.date.span)
        m.fatalities.span = _raw(doc, m.fatalities.span)
        if m.location is not None:
            m.location.span = _raw(doc, m.location.span)
        m.actor1, m.actor2 = _raw_actor(doc, m.actor1), _raw_actor(doc, m.actor2)
        m.assoc_actor_1 = [_raw_actor(doc, a) for a in m.assoc_actor_1]
        m.assoc_actor_2 = [_raw_actor(doc, a) for a in m.assoc_actor_2]
        return m
