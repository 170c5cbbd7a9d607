"""``eventwire ingest``: read, clean and store inputs; one line per rejection, a summary at the end."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from eventwire.cli import App, is_local, main

_PROGRESS_DELAY = 2.0  # seconds before a progress bar appears (short runs show none)


@contextmanager
def _progress(app: App) -> Iterator[Callable[[int], None] | None]:
    """A tqdm bar on stderr for long runs, only when stderr is a terminal and not -q."""
    if app.verbosity < 0 or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    with tqdm(unit=" inputs", file=sys.stderr, delay=_PROGRESS_DELAY, leave=False) as bar:
        yield bar.update


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="PATH|URL...")
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (plain text).")
@click.option("--extract/--no-extract", "run_extract", default=True, show_default=True,
              help="Extract events from the new documents and fuse them into the store's events "
                   "(--no-extract stores documents only; run 'eventwire process' later, e.g. on Dask).")
@click.pass_obj
def ingest(app: App, inputs: tuple[str, ...], published: str | None, run_extract: bool) -> None:
    """Read, clean and store files, directories, globs, URLs or '-' (stdin) in the DuckDB store.

    Exit codes: 0 all stored, 1 some inputs rejected, 3 nothing could be read.
    """
    from eventwire.ingest import ingest as run_ingest

    store = app.store_or_server()
    if not is_local(store):
        _through_server(app, store, inputs, published, run_extract)
        return
    process = None
    if run_extract:
        from eventwire.process import StoreProcessor

        process = StoreProcessor(app.settings)
    with _progress(app) as progress:
        report = run_ingest(list(inputs), store, app.settings, published=published,
                            progress=progress, stdin=sys.stdin, process=process)
    for item in report.rejections:
        app.warn(item.message())
    events = f"; the store holds {store.count('events')} events" if run_extract else ""
    app.say(report.summary() + events)
    sys.exit(report.exit_code)


def _through_server(app: App, server: object, inputs: tuple[str, ...], published: str | None,
                    run_extract: bool) -> None:
    """Read the inputs here and send them, batch by batch, to the server that owns the store: it stores
    and processes them as ``ingest`` would, and answers only once each batch is committed."""
    from eventwire.ingest import IngestReport, read_batches

    total, events = IngestReport(), None
    with _progress(app) as progress:
        for docs, rejections in read_batches(list(inputs), app.settings, published=published, progress=progress,
                                             stdin=sys.stdin):
            report, events = server.add_documents(docs, rejections, extract=run_extract)  # type: ignore[attr-defined]
            _add(total, report)
    for item in total.rejections:
        app.warn(item.message())
    if run_extract and events is None:
        events = server.count("events")  # type: ignore[attr-defined]
    app.say(total.summary() + (f"; the store holds {events} events" if run_extract else ""))
    sys.exit(total.exit_code)


def _add(total: object, report: object) -> None:
    for key in ("read", "stored", "duplicates", "near_duplicates", "rejected", "skipped_language", "processed",
                "resumed"):
        setattr(total, key, getattr(total, key) + getattr(report, key))
    total.rejections += report.rejections  # type: ignore[attr-defined]
