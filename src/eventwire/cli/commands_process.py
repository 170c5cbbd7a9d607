"""``eventwire process``: extract and fuse stored documents not processed yet (locally or on Dask)."""

from __future__ import annotations

import tempfile

import click

from eventwire.cli import App, main


@main.command()
@click.option("--workers", type=int, default=0, show_default=True,
              help="Dask worker processes; 0 runs in this process.")
@click.option("--shards", type=click.Path(file_okay=False), default=None,
              help="Directory for the workers' Parquet shards (default: a temporary one).")
@click.option("--scheduler", default=None, help="Address of a dask.distributed scheduler (tcp://host:port).")
@click.option("--all", "everything", is_flag=True, help="Re-process every stored English document.")
@click.pass_obj
def process(app: App, workers: int, shards: str | None, scheduler: str | None, everything: bool) -> None:
    """Extract events from stored documents and fuse them into the store's events."""
    from eventwire.process import StoreProcessor

    store = app.store()
    docs = store.documents(status=None if everything else "new")
    docs = [d for d in docs if not d.language or d.language in app.settings.clean.languages]
    if not docs:
        app.say("eventwire: nothing to process")
        return
    if workers <= 0 and scheduler is None:
        StoreProcessor(app.settings)(store, docs)
    else:
        _on_dask(app, docs, workers, shards, scheduler)
    events = store.count("events")
    app.say(f"eventwire: processed {len(docs)} documents; the store holds {events} events")


def _on_dask(app: App, docs: list, workers: int, shards: str | None, address: str | None) -> None:
    from eventwire.scale import extract_to_shards, load_shards

    client = None
    if address:
        from dask.distributed import Client

        client = Client(address)
    with tempfile.TemporaryDirectory(prefix="eventwire-shards-") as tmp:
        paths = extract_to_shards(docs, app.settings, shards or tmp, scheduler=client or "processes",
                                  num_workers=workers or None)
        app.say(f"eventwire: {len(paths)} shards written by Dask workers; loading into {app.settings.store.path}")
        load_shards(paths, app.store(), app.settings)
