"""``eventwire ingest``: read, clean and store inputs; one line per rejection, a summary at the end."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from eventwire.cli import App, main

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

    store = app.store()
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
