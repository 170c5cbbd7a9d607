"""Extraction + fusion into the store, for documents that ``ingest`` just stored.

Stored documents start with status ``new``; once their mentions are fused into
the events they become ``processed``, so an interrupted run can be resumed with
``eventwire process`` (locally or on Dask).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from eventwire.config import Settings
from eventwire.records import Document, Mention


def fuse_into_store(store: object, settings: Settings, mentions: Mapping[str, Sequence[Mention]],
                    docs: Mapping[str, Document]) -> dict[str, int]:
    """Fuse each document's mentions into the stored events and mark the documents processed."""
    from eventwire.store.events import EventStore

    counts = EventStore(store, settings=settings).add_documents(mentions, docs)
    ids = list(mentions)
    if ids:
        store.con.execute("UPDATE documents SET status = 'processed' WHERE list_contains(?, document_id)", [ids])
    return counts


class StoreProcessor:
    """``ingest``'s per-batch hook: extract mentions and fuse them into the store's events.

    Built once per run (the spaCy pipeline and gazetteer load once); called with
    each committed batch of new English documents.
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
