"""``eventwire process``: extract and fuse stored documents not processed yet (locally or on Dask)."""

from __future__ import annotations

import sys
import tempfile

import click

from eventwire.cli import App, is_local, main
from eventwire.errors import UsageError


@main.command()
@click.option("--workers", type=int, default=0, show_default=True,
              help="Dask worker processes; 0 runs in this process.")
@click.option("--shards", type=click.Path(file_okay=False), default=None,
              help="Directory for the workers' Parquet shards (default: a temporary one).")
@click.option("--scheduler", default=None, help="Address of a dask.distributed scheduler (tcp://host:port).")
@click.option("--all", "everything", is_flag=True, help="Re-process every stored English document.")
@click.option("--retry-failed", is_flag=True, help="Also retry documents whose processing failed before (E018).")
@click.pass_obj
def process(app: App, workers: int, shards: str | None, scheduler: str | None, everything: bool,
            retry_failed: bool) -> None:
    """Extract events from stored documents not processed yet and fuse them into the store's events.

    Resumable: documents are processed batch by batch in the order they were stored, each batch
    in one transaction, so an interrupted run, run again, ends as an uninterrupted one would.
    Exit codes: 0 all processed, 1 some documents failed (E018).
    """
    from eventwire.process import StoreProcessor, process_pending

    store = app.store_or_server()
    if not is_local(store):
        _through_server(app, store, workers, scheduler, everything, retry_failed)
        return
    batches = store.pending_batches(list(app.settings.clean.languages), everything=everything,
                                    retry_failed=retry_failed)
    count = sum(len(b) for b in batches)
    if not count:
        app.say("eventwire: nothing to process")
        return
    failed = []
    if workers <= 0 and scheduler is None:
        failed = process_pending(store, app.settings, StoreProcessor(app.settings), everything=everything,
                                 retry_failed=retry_failed).failed
    else:
        _on_dask(app, batches, workers, shards, scheduler)
    for item in failed:
        app.warn(item.message())
    events = store.count("events")
    app.say(f"eventwire: processed {count - len(failed)} documents; the store holds {events} events")
    sys.exit(1 if failed else 0)


def _on_dask(app: App, batches: list, workers: int, shards: str | None, address: str | None) -> None:
    from eventwire.scale import extract_to_shards, load_shards

    client = None
    if address:
        from dask.distributed import Client

        client = Client(address)
    store = app.store()
    docs = store.documents_by_id([d for batch in batches for d in batch])
    with tempfile.TemporaryDirectory(prefix="eventwire-shards-") as tmp:
        paths = extract_to_shards(docs, app.settings, shards or tmp, scheduler=client or "processes",
                                  num_workers=workers or None)
        app.say(f"eventwire: {len(paths)} shards written by Dask workers; loading into {app.settings.store.path}")
        load_shards(paths, store, app.settings, batches=batches)


def _through_server(app: App, server: object, workers: int, scheduler: str | None, everything: bool,
                    retry_failed: bool) -> None:
    """The server that owns the store processes what is pending, in its process (not on Dask)."""
    if workers > 0 or scheduler is not None:
        raise UsageError("E060", f"the store is served by {server.describe()}: it processes in its own process",  # type: ignore[attr-defined]
                         hint="run without --workers/--scheduler, or stop the server to process on Dask")
    report, events = server.process(everything=everything, retry_failed=retry_failed)  # type: ignore[attr-defined]
    for item in report.failed:
        app.warn(item.message())
    if not report.processed and not report.failed:
        app.say("eventwire: nothing to process")
        return
    app.say(f"eventwire: processed {report.processed} documents; the store holds {events} events")
    sys.exit(1 if report.failed else 0)
