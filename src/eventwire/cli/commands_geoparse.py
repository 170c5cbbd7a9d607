"""``eventwire geoparse``: print the place names found in each document, resolved to GeoNames."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import click

from eventwire.cli import EXIT_NOTHING, EXIT_SOME_REJECTED, App, main
from eventwire.records import Document, Toponym


def toponym_record(doc: Document, top: Toponym) -> dict[str, Any]:
    """One toponym as printed: offsets into the text exactly as given."""
    ev = doc.evidence(top.start, top.end)
    p = top.place
    return {"start": ev.start, "end": ev.end, "text": ev.text,
            "geonameid": p.geonameid if p else None, "name": p.name if p else None,
            "lat": p.lat if p else None, "lon": p.lon if p else None,
            "country": p.country if p else None, "admin1": p.admin1 if p else None,
            "feature": p.feature if p else None, "role": top.role,
            "score": p.score if p else None}


def geoparse_documents(docs: list[Document], settings: Any) -> Iterator[dict[str, Any]]:
    """``{"document_id", "toponyms": [...]}`` for each document: the extraction path up to toponyms."""
    from eventwire.extract import reading_stages
    from eventwire.pipeline import Pipeline

    pipeline = Pipeline(reading_stages(settings))
    for doc in pipeline.pipe(docs):
        yield {"document_id": doc.id, "toponyms": [toponym_record(doc, t) for t in doc.toponyms]}
        doc.nlp = None


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", default=None, metavar="YYYY-MM-DD",
              help="Publication date for inputs that carry none (plain text).")
@click.option("--places-only", is_flag=True, help="Leave out demonyms and metonymic uses ('Moscow said').")
@click.pass_obj
def geoparse(app: App, inputs: tuple[str, ...], published: str | None, places_only: bool) -> None:
    """Print, per document, the place names in INPUTS with GeoNames ids and coordinates (JSONL)."""
    from eventwire.cli.commands_extract import read_documents

    docs, rejected = read_documents(app, inputs, published)
    count = 0
    for record in geoparse_documents(docs, app.settings):
        if places_only:
            record["toponyms"] = [t for t in record["toponyms"] if t["role"] in ("place", "org")]
        count += len(record["toponyms"])
        click.echo(json.dumps(record, ensure_ascii=False))
    app.say(f"eventwire: {len(docs)} documents, {count} toponyms, {len(rejected)} rejected")
    if not docs:
        raise click.exceptions.Exit(EXIT_NOTHING)
    if rejected:
        raise click.exceptions.Exit(EXIT_SOME_REJECTED)
