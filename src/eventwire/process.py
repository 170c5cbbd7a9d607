"""Extraction + fusion into the store, resumable and exactly once.

A stored document has a processing status: ``new`` (stored, not extracted
yet), ``processed`` (its mentions are fused into the events) or ``failed``
(extraction raised; a rejection E018 says why). The status changes in the same
transaction that writes the fused events, so after a crash at any point a
document is either fully fused and ``processed`` or untouched and ``new``.

``process_pending`` extracts and fuses every ``new`` document batch by batch,
in the order the batches were stored (``Store.pending_batches``). ``ingest``
calls it before reading and after each stored batch, ``eventwire process``
calls it alone: whichever runs after an interrupted run finishes what it left,
in the same order an uninterrupted run would have used, so the events and
their ids are the same.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eventwire.config import Settings
from eventwire.read._common import rejection
from eventwire.records import Document, Mention, Rejection

log = logging.getLogger(__name__)

Processor = Callable[[object, list[Document]], None]


def fuse_into_store(store: object, settings: Settings, mentions: Mapping[str, Sequence[Mention]],
                    docs: Mapping[str, Document]) -> dict[str, int]:
    """Fuse each document's mentions into the stored events and mark the documents processed,
    in one transaction."""
    from eventwire.store.events import EventStore

    return EventStore(store, settings=settings).add_documents(mentions, docs, mark_processed=True)


class StoreProcessor:
    """Extract mentions from stored documents and fuse them into the store's events.

    Built once per run (the spaCy pipeline and gazetteer load once); called with
    each batch of pending documents.
    """

    def __init__(self, settings: Settings) -> None:
        from eventwire.extract import Extractor

        self.settings = settings
        self.extractor = Extractor(settings)
        self.mentions = 0

    def __call__(self, store: object, documents: Sequence[Document]) -> None:
        docs = list(self.extractor.process(list(documents)))
        fuse_into_store(store, self.settings, {d.id: d.mentions for d in docs}, {d.id: d for d in docs})
        self.mentions += sum(len(d.mentions) for d in docs)


@lru_cache(maxsize=2)
def _extractor(settings: Settings) -> Any:
    """One extraction pipeline per process and settings (worker processes keep theirs)."""
    from eventwire.extract import Extractor

    return Extractor(settings)


def extract_mentions(documents: Sequence[Document], settings: Settings) -> list[tuple[str, list[dict]]]:
    """Worker task: the documents' mentions as plain records (``mention_to_dict``), by document id,
    in the documents' order: what crosses from a worker process to the one that fuses."""
    from eventwire.fuse import mention_to_dict

    done = _extractor(settings).process(list(documents))
    return [(d.id, [mention_to_dict(m) for m in d.mentions]) for d in done]


def _warm(settings: Settings, nice: int = 0) -> None:
    """Worker start: lower its priority by ``nice``, exit when the parent process dies (even by
    ``kill -9``: no orphan holding 300 MB), then build the pipeline."""
    import os
    import threading
    from multiprocessing.connection import wait

    if nice and hasattr(os, "nice"):
        os.nice(nice)

    parent = multiprocessing.parent_process()
    if parent is not None:
        def orphaned() -> None:
            wait([parent.sentinel])
            os._exit(0)

        threading.Thread(target=orphaned, name="eventwire-parent-watch", daemon=True).start()
    _extractor(settings)


def _bare(doc: Document) -> Document:
    """The stored fields of a document, without what later stages attached (a parse, mentions)."""
    from dataclasses import replace

    return replace(doc, nlp=None, mentions=[], toponyms=[])


class WorkerProcessor:
    """``StoreProcessor`` with extraction in a separate worker process (the server's processor).

    The worker (spawned, so it shares no threads or locks with the server) builds the pipeline once
    from the same settings and extracts each batch; the mentions come back as plain records and are
    fused here, in the process that owns the store, in the same transaction as before - so the
    events and their ids are those of ``StoreProcessor`` (the same path the Dask workers take).
    The server's own interpreter then only answers requests and fuses, and reads do not wait for
    the GIL behind spaCy. A worker that dies (killed, out of memory) is replaced and the batch tried
    once more; if it dies again the batch fails like any failing extraction (and is then retried
    document by document by ``process_batch``)."""

    def __init__(self, settings: Settings, *, nice: int = 0) -> None:
        self.settings = settings
        self.nice = nice
        self.mentions = 0
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_warm, initargs=(self.settings, self.nice))
        return self._pool

    def _extract(self, documents: list[Document]) -> list[tuple[str, list[dict]]]:
        for attempt in (1, 2):
            try:
                return self._executor().submit(extract_mentions, documents, self.settings).result()
            except BrokenProcessPool:
                self.close()
                if attempt == 2:
                    raise RuntimeError("the extraction worker process died twice on this batch") from None
                log.warning("the extraction worker process died; starting a new one")
        raise AssertionError("unreachable")

    def __call__(self, store: object, documents: Sequence[Document]) -> None:
        from eventwire.fuse import mention_from_dict

        docs = {d.id: d for d in documents}
        found = self._extract([_bare(d) for d in documents])
        mentions = {doc_id: [mention_from_dict(m) for m in items] for doc_id, items in found}
        fuse_into_store(store, self.settings, mentions, docs)
        self.mentions += sum(len(v) for v in mentions.values())

    def close(self) -> None:
        """Stop the worker process (a later call starts a new one)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


@dataclass
class ProcessReport:
    """What one ``process_pending`` call did."""

    processed: int = 0
    failed: list[Rejection] = field(default_factory=list)


def failed_rejection(code: str, doc: Document, exc: BaseException) -> Rejection:
    """A rejection naming the document (its input and line) and the error."""
    line = doc.meta.get("line") if isinstance(doc.meta.get("line"), int) else None
    return rejection(code, doc.source or doc.id, f"{doc.id}: {exc.__class__.__name__}: {str(exc)[:160]}",
                     line=line)


def process_batch(store: object, processor: Processor, docs: list[Document]) -> ProcessReport:
    """Process one batch; when it fails, each document alone, and the failing ones are marked
    ``failed`` with a stored rejection (E018) so that no later run retries them forever."""
    report = ProcessReport()
    try:
        processor(store, docs)
        report.processed = len(docs)
        return report
    except Exception as exc:  # noqa: BLE001 - retry alone to find the failing documents
        log.info("processing a batch failed (%s); retrying document by document", exc)
    bad = []
    for doc in docs:
        try:
            processor(store, [doc])
            report.processed += 1
        except Exception as exc:  # noqa: BLE001
            bad.append(doc.id)
            report.failed.append(failed_rejection("E018", doc, exc))
    if bad:
        with store.batch():
            store.mark_documents(bad, "failed")
            for item in report.failed:
                store.put_rejection(item)
    return report


def process_pending(store: object, settings: Settings, processor: Processor, *,
                    everything: bool = False, retry_failed: bool = False) -> ProcessReport:
    """Extract and fuse every pending document (every one with ``everything``), batch by batch
    in storing order. Safe to interrupt: a rerun finishes the rest with the same result."""
    total = ProcessReport()
    languages = list(settings.clean.languages)
    for ids in store.pending_batches(languages, everything=everything, retry_failed=retry_failed):
        done = process_batch(store, processor, store.documents_by_id(ids))
        total.processed += done.processed
        total.failed += done.failed
    return total


__all__ = ["ProcessReport", "StoreProcessor", "WorkerProcessor", "extract_mentions", "failed_rejection",
           "fuse_into_store", "process_batch", "process_pending"]
