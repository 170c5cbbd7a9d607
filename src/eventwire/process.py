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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

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


__all__ = ["ProcessReport", "StoreProcessor", "failed_rejection", "fuse_into_store", "process_batch",
           "process_pending"]
