"""``eventwire extract``: print event records (JSONL by default) for any readable input."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable
from typing import Any

import click

from eventwire.cli import EXIT_NOTHING, EXIT_OK, EXIT_SOME_REJECTED, App, main
from eventwire.records import Document, Rejection

_CSV_FIELDS = ("event_id", "event_date", "time_precision", "event_type", "sub_event_type", "is_background",
               "actor1", "actor2", "location", "country", "latitude", "longitude", "geo_precision",
               "fatalities", "num_sources", "confidence", "notes")


def read_documents(app: App, inputs: Iterable[str], published: str | None) -> tuple[list[Document], list[Rejection]]:
    """Read inputs into documents (cleaning is the pipeline's first stage), warning about each rejection."""
    from eventwire.read import iter_documents

    docs, rejected = [], []
    for item in iter_documents(list(inputs), app.settings, published=published, stdin=sys.stdin):
        if isinstance(item, Rejection):
            rejected.append(item)
            app.warn(f"eventwire: {item.message()}")
        else:
            docs.append(item)
    return docs, rejected


def _skipped_languages(app: App, docs: list[Document]) -> None:
    for doc in docs:
        if doc.language and doc.language not in app.settings.clean.languages:
            app.say(f"eventwire: {doc.source or doc.id}: E016 document is not in English ({doc.language}); skipped")


def _csv_row(record: dict[str, Any]) -> dict[str, Any]:
    loc = record.get("location") or {}
    actor = lambda key: (record.get(key) or {}).get("name")  # noqa: E731
    return {**{k: record.get(k) for k in _CSV_FIELDS}, "actor1": actor("actor1"), "actor2": actor("actor2"),
            "location": loc.get("name"), "country": loc.get("country"), "latitude": loc.get("lat"),
            "longitude": loc.get("lon"), "geo_precision": loc.get("geo_precision"),
            "fatalities": (record.get("fatalities") or {}).get("best")}


def write_records(records: list[dict[str, Any]], fmt: str, out: io.TextIOBase) -> None:
    if fmt == "json":
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=_CSV_FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(_csv_row(r) for r in records)
    else:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (plain text).")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json", "csv"]), default="jsonl", show_default=True)
@click.option("--include-background", is_flag=True, default=None,
              help="Also print events the text reports as history or context.")
@click.pass_obj
def extract(app: App, inputs: tuple[str, ...], published: str | None, fmt: str,
            include_background: bool | None) -> None:
    """Print one event record per real-world event found in INPUTS (files, dirs, globs, URLs, '-')."""
    from eventwire.extract import Extractor

    docs, rejected = read_documents(app, inputs, published)
    events = Extractor(app.settings).extract(docs, include_background=include_background) if docs else []
    _skipped_languages(app, docs)
    write_records([e.to_dict() for e in events], fmt, sys.stdout)
    app.say(f"eventwire: {len(docs)} documents, {len(events)} events, {len(rejected)} rejected")
    if not docs and rejected:
        sys.exit(EXIT_NOTHING)
    sys.exit(EXIT_SOME_REJECTED if rejected else EXIT_OK)
