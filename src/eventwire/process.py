"""Extraction + fusion into the store, for documents that ``ingest`` just stored."""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.config import Settings
from eventwire.records import Document


class StoreProcessor:
    """``ingest``'s per-batch hook: extract mentions and fuse them into the store's events.

    Built once per run (the spaCy pipeline and gazetteer load once); called with
    each committed batch of new English documents.
    """

    def __init__(self, settings: Settings) -> None:
        from eventwire.extract import Extractor

        self.extractor = Extractor(settings)
        self.mentions = 0

    def __call__(self, store: object, documents: Sequence[Document]) -> None:
        from eventwire.store.events import EventStore

        events = EventStore(store)
        for doc in self.extractor.process(list(documents)):
            events.add_document_mentions(doc.id, doc.mentions, {doc.id: doc})
            self.mentions += len(doc.mentions)
