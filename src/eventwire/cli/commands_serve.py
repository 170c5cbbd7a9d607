"""``eventwire serve`` and ``eventwire demo``: the HTTP API and web map over the store."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from eventwire.cli import EXIT_NOTHING, App, main


def _serve(app: App, host: str, port: int) -> None:
    from eventwire.api._serve import serve

    if app._store is not None:  # hand the DuckDB file over to the server
        app._store.close()
        app._store = None
    path = app.settings.store.path
    serve(app.settings, host, port,
          on_ready=lambda url: app.say(f"eventwire: serving {path} at {url}/ (Ctrl-C stops)"))
    app.say(f"eventwire: stopped serving {path}")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.pass_obj
def serve(app: App, host: str, port: int) -> None:
    """Serve the HTTP API (/api/events, /docs) and the web map/timeline.

    While it runs, the server owns the store: `ingest`, `process`, `export` and `documents` on the same
    store go through it (the URL, PID and write token are in <store>.serve.json, mode 0600), and it
    ingests the [serve] watch inputs itself. --port 0 picks a free port."""
    _serve(app, host, port)


@main.command()
@click.argument("corpus", required=False, type=click.Path())
@click.option("--serve/--no-serve", "serve_after", default=True, show_default=True,
              help="Start the web UI after ingesting.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.pass_obj
def demo(app: App, corpus: str | None, serve_after: bool, host: str, port: int) -> None:
    """Ingest the example corpus (default: examples/corpus), print its events, serve the web UI."""
    from eventwire.cli.commands_extract import write_records
    from eventwire.ingest import ingest
    from eventwire.process import StoreProcessor

    path = Path(corpus) if corpus else Path("examples/corpus")
    if not path.exists():
        app.warn(f"eventwire: {path}: E008 path cannot be read (run from the repository root or give CORPUS)")
        raise SystemExit(EXIT_NOTHING)
    store = app.store()
    report = ingest([str(path)], store, app.settings, process=StoreProcessor(app.settings))
    app.say(f"eventwire: {report.summary()}")
    from eventwire.store.queries import event_records

    write_records(event_records(store.con), "jsonl", sys.stdout)
    if serve_after:
        _serve(app, host, port)
