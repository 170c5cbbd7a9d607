"""Ingest: read, clean, deduplicate and store documents, batch by batch.

``ingest(inputs, store, settings)`` reads every input (``eventwire.read``),
cleans each document (``eventwire.clean``), drops exact duplicates (same
content hash, within the run or already stored; the other id is recorded as an
alias), links near-duplicates to their original, and writes documents,
signatures, aliases and rejections in one transaction per batch. When a batch
cannot be written, its documents are written one by one and the failing ones
become rejections (E017); nothing stored before is touched. Re-running the same
input stores nothing new and reports duplicates.

``process(store, docs)``, when given, extracts and fuses documents (extraction
plugs in here). It runs through ``eventwire.process.process_pending`` before
anything is read (finishing what an interrupted run stored but did not
process) and after each committed batch, always over the store's pending
documents in storing order: an interrupted ingest, run again, ends with the
same events and event ids as an uninterrupted one. When processing fails, each
document is retried alone and the failing ones become rejections (E018).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TextIO

import httpx

from eventwire.clean import Cleaner
from eventwire.clean.dedup import NearDuplicates, from_blob, to_blob
from eventwire.config import Settings
from eventwire.process import failed_rejection, process_pending
from eventwire.read import iter_documents
from eventwire.records import Document, OffsetMap, Rejection
from eventwire.store import Store

log = logging.getLogger(__name__)

Process = Callable[[Store, list[Document]], None]


@dataclass
class IngestReport:
    """What one ingest run did. ``exit_code`` follows ``eventwire.cli`` (0, 1, 3)."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    rejected: int = 0
    skipped_language: int = 0
    processed: int = 0
    resumed: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    def reject(self, item: Rejection) -> None:
        self.rejected += 1
        self.rejections.append(item)

    @property
    def exit_code(self) -> int:
        if self.read == 0 or (self.rejected and self.stored + self.duplicates == 0):
            return 3
        return 1 if self.rejected else 0

    def summary(self) -> str:
        text = (f"read {self.read}, stored {self.stored}, duplicates {self.duplicates}, "
                f"near-duplicates {self.near_duplicates}, rejected {self.rejected}")
        text += f", not English {self.skipped_language}" if self.skipped_language else ""
        return text + (f", resumed {self.resumed} an earlier run left unprocessed" if self.resumed else "")


@dataclass
class _Pending:
    """One cleaned document waiting to be written, with what the dedup step found."""

    doc: Document
    status: str
    signature: object = None
    alias_of: str | None = None


class _Run:
    """One ingest run against one store."""

    def __init__(self, store: Store, settings: Settings, report: IngestReport, process: Process | None) -> None:
        self.store, self.settings, self.report, self.process = store, settings, report, process
        self.cleaner = Cleaner(settings)
        self.near = NearDuplicates(settings)
        self.hashes: dict[str, str] = {}
        _load_signatures(store, self.near)

    # -- one batch --------------------------------------------------------------
    def flush(self, docs: list[Document], rejections: list[Rejection]) -> None:
        cleaned = [d for d in (self._clean(d, rejections) for d in docs) if d is not None]
        known = self.store.known_hashes([d.content_hash for d in cleaned])
        pending = [self._classify(d, known) for d in cleaned]
        written = self._write(pending, rejections)
        for item in rejections:
            self.report.reject(item)
        self._store_rejections(rejections)
        if any(p.alias_of is None and p.status == "new" for p in written):
            self.process_pending()

    def process_pending(self) -> int:
        """Extract and fuse what the store holds unprocessed, in storing order; returns how many."""
        if self.process is None:
            return 0
        done = process_pending(self.store, self.settings, self.process)
        for item in done.failed:
            self.report.reject(item)
        self.report.processed += done.processed
        return done.processed + len(done.failed)

    def _clean(self, doc: Document, rejections: list[Rejection]) -> Document | None:
        try:
            return self.cleaner(doc)
        except Exception as exc:
            rejections.append(failed_rejection("E017", doc, exc))
            return None

    def _classify(self, doc: Document, known: dict[str, str]) -> _Pending:
        original = self.hashes.get(doc.content_hash) or known.get(doc.content_hash)
        if original is not None:
            return _Pending(doc, "duplicate", alias_of=original)
        self.hashes[doc.content_hash] = doc.id
        signature = self.near.signature(doc.clean_text)
        self.near.remove(doc.id)
        doc.near_duplicate_of = self.near.find(signature)
        self.near.add(doc.id, signature, doc.near_duplicate_of)
        languages = self.settings.clean.languages
        status = "skipped_language" if doc.language and doc.language not in languages else "new"
        return _Pending(doc, status, signature=signature)

    def _write(self, pending: list[_Pending], rejections: list[Rejection]) -> list[_Pending]:
        try:
            with self.store.batch():
                self._put(pending)
        except Exception as exc:
            log.info("batch write failed (%s); writing documents one by one", exc)
            return [p for p in pending if self._write_one(p, rejections)]
        for item in pending:
            self._count(item)
        return pending

    def _write_one(self, item: _Pending, rejections: list[Rejection]) -> bool:
        try:
            with self.store.batch():
                self._put([item])
        except Exception as exc:
            self.hashes.pop(item.doc.content_hash, None)
            self.near.remove(item.doc.id)
            rejections.append(failed_rejection("E017", item.doc, exc))
            return False
        self._count(item)
        return True

    def _put(self, items: list[_Pending]) -> None:
        """Write documents (in bulk; replacing a stored id through the store), signatures, aliases."""
        store = self.store
        originals = [p for p in items if p.alias_of is None]
        stored = store.existing_ids([p.doc.id for p in originals])
        for item in (p for p in originals if p.doc.id in stored):
            self.store.put_document(item.doc, status=item.status)
        store.insert_documents([_document_row(p.doc, p.status) for p in originals if p.doc.id not in stored])
        store.put_signatures([
            {"document_id": p.doc.id, "num_perm": self.near.num_perm, "minhash": to_blob(p.signature)}
            for p in originals if p.signature is not None])
        self.store.record_batch([p.doc.id for p in originals if p.status == "new"])
        for item in items:
            doc = item.doc
            if item.alias_of not in (None, doc.id) and not store.has_alias(doc.id, item.alias_of):
                self.store.add_alias(doc.id, doc.source, item.alias_of)

    def _count(self, item: _Pending) -> None:
        report = self.report
        if item.alias_of is not None:
            report.duplicates += 1
            return
        report.stored += 1
        report.near_duplicates += item.doc.near_duplicate_of is not None
        report.skipped_language += item.status == "skipped_language"

    def _store_rejections(self, rejections: list[Rejection]) -> None:
        with self.store.batch():
            for item in rejections:
                if not self.store.has_rejection(item):
                    self.store.put_rejection(item)


def _document_row(doc: Document, status: str) -> dict[str, object]:
    """One ``documents`` row, as ``Store.put_document`` writes it."""
    offsets = doc.offsets or OffsetMap.identity(len(doc.raw_text))
    return {"document_id": doc.id, "content_hash": doc.content_hash, "source": doc.source, "format": doc.format,
            "url": doc.url, "title": doc.title, "standfirst": doc.standfirst, "author": doc.author,
            "outlet": doc.outlet, "published": doc.published, "language": doc.language, "raw_text": doc.raw_text,
            "clean_text": doc.clean_text, "offset_map": json.dumps(offsets.segments),
            "near_duplicate_of": doc.near_duplicate_of, "status": status, "meta": json.dumps(doc.meta)}


def _load_signatures(store: Store, near: NearDuplicates) -> None:
    """Index what the store holds, oldest first; signatures missing or of another size are recomputed."""
    for document_id, near_of, num_perm, blob, text in store.signatures(near.num_perm):
        values = from_blob(blob) if num_perm == near.num_perm else near.signature(text or "")
        near.add(document_id, values, near_of)


def _batches(items: Iterable[Document | Rejection], size: int,
             progress: Callable[[int], None] | None) -> Iterable[tuple[list[Document], list[Rejection]]]:
    docs: list[Document] = []
    rejections: list[Rejection] = []
    for item in items:
        (rejections if isinstance(item, Rejection) else docs).append(item)
        if progress is not None:
            progress(1)
        if len(docs) + len(rejections) >= size:
            yield docs, rejections
            docs, rejections = [], []
    if docs or rejections:
        yield docs, rejections


class Ingester:
    """A long-lived ingest into one store, for the process that owns it (``eventwire serve``).

    ``add(docs, rejections)`` stores documents already read (elsewhere, e.g. by an ``eventwire
    ingest`` that found the store served) through the same pipeline as ``ingest``: cleaned,
    deduplicated against the store and earlier calls, written in batches of ``[store] batch_size``,
    then - with a ``process`` callable - what the store holds pending is extracted and fused by
    ``process_pending`` (exactly once, in storing order). ``inputs(...)`` reads and stores inputs
    like ``ingest``. Not thread-safe: the owner calls it under one lock.
    """

    def __init__(self, store: Store, settings: Settings) -> None:
        self.settings = settings
        self._run = _Run(store, settings, IngestReport(), None)

    def add(self, docs: Sequence[Document], rejections: Sequence[Rejection] = (), *,
            process: Process | None = None) -> IngestReport:
        """Store one call's documents and read rejections; returns what this call did."""
        items: list[Document | Rejection] = [*rejections, *docs]
        return self._ingest(items, process)

    def inputs(self, inputs: Sequence[str], *, process: Process | None = None, client: httpx.Client | None = None,
               stop: Callable[[], bool] | None = None) -> IngestReport:
        """Read and store ``inputs`` (files, directories, globs, URLs), as ``ingest`` does; between two
        batches, ``stop()`` true ends the call (what was read after is read again next time)."""
        return self._ingest(iter_documents(inputs, self.settings, client=client), process, stop)

    def process_pending(self, process: Process) -> IngestReport:
        """Only extract and fuse what the store holds pending."""
        return self._ingest([], process)

    def _ingest(self, items: Iterable[Document | Rejection], process: Process | None,
                stop: Callable[[], bool] | None = None) -> IngestReport:
        run = self._run
        run.report, run.process = IngestReport(), process
        run.report.resumed = run.process_pending()
        for docs, rejections in _batches(items, self.settings.store.batch_size, None):
            run.report.read += len(docs)
            run.flush(docs, rejections)
            if stop is not None and stop():
                break
        return run.report


def ingest(inputs: Sequence[str], store: Store, settings: Settings, *, published: str | None = None,
           progress: Callable[[int], None] | None = None, process: Process | None = None,
           stdin: TextIO | None = None, client: httpx.Client | None = None,
           batch_size: int | None = None) -> IngestReport:
    """Read, clean, deduplicate and store ``inputs``; see the module docstring."""
    report = IngestReport()
    run = _Run(store, settings, report, process)
    report.resumed = run.process_pending()
    for docs, rejections in read_batches(inputs, settings, published=published, progress=progress, stdin=stdin,
                                         client=client, batch_size=batch_size):
        report.read += len(docs)
        run.flush(docs, rejections)
    return report


def read_batches(inputs: Sequence[str], settings: Settings, *, published: str | None = None,
                 progress: Callable[[int], None] | None = None, stdin: TextIO | None = None,
                 client: httpx.Client | None = None,
                 batch_size: int | None = None) -> Iterable[tuple[list[Document], list[Rejection]]]:
    """The inputs read, as the batches ``ingest`` stores (documents and read rejections): also what an
    ``eventwire ingest`` sends, batch by batch, to a server that owns the store."""
    items = iter_documents(inputs, settings, published=published, stdin=stdin, client=client)
    return _batches(items, batch_size or settings.store.batch_size, progress)


__all__ = ["IngestReport", "Ingester", "ingest", "read_batches"]
