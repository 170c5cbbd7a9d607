"""``eventwire documents``: list what is stored; ``documents show ID`` prints one document."""

from __future__ import annotations

import json
from typing import Any

import click

from eventwire.cli import App, is_local, main
from eventwire.errors import UsageError


_META = ("document_id", "title", "standfirst", "published", "language", "outlet", "author", "url", "source",
         "format", "content_hash", "near_duplicate_of")


def _local(store: Any, document_id: str) -> dict[str, Any] | None:
    """One stored document as the API shows it (``text`` as given, ``clean_text``, metadata)."""
    doc = store.get_document(document_id)
    if doc is None:
        return None
    return {"document_id": doc.id, "title": doc.title, "standfirst": doc.standfirst, "published": doc.published,
            "language": doc.language, "outlet": doc.outlet, "author": doc.author, "url": doc.url,
            "source": doc.source, "format": doc.format, "content_hash": doc.content_hash,
            "near_duplicate_of": doc.near_duplicate_of, "text": doc.raw_text, "clean_text": doc.clean_text}


def _table_line(row: dict[str, Any]) -> str:
    title = (row["title"] or "").replace("\t", " ")
    return "\t".join([row["document_id"], row["published"] or "-", row["language"] or "-", row["status"], title])


@main.group(invoke_without_command=True)
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show at most this many documents.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per document.")
@click.pass_context
def documents(ctx: click.Context, limit: int | None, as_json: bool) -> None:
    """List stored documents: id, published, language, status, title (tab-separated)."""
    if ctx.invoked_subcommand is not None:
        return
    target = ctx.obj.store_or_server()
    rows = target.document_summaries(limit=limit) if is_local(target) else target.documents(limit=limit)
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else _table_line(row))


@documents.command()
@click.argument("document_id")
@click.option("--raw", is_flag=True, help="Print the text exactly as given instead of the clean text.")
@click.option("--json", "as_json", is_flag=True, help="Metadata and text as one JSON object.")
@click.pass_obj
def show(app: App, document_id: str, raw: bool, as_json: bool) -> None:
    """Print one document: its metadata, then its clean (or --raw) text."""
    target = app.store_or_server()
    found = _local(target, document_id) if is_local(target) else target.document(document_id)
    if found is None:
        raise UsageError("E061", document_id)
    meta = {k: found.get(k) for k in _META}
    text = found["text"] if raw else found["clean_text"]
    if as_json:
        click.echo(json.dumps({**meta, "text": text}, ensure_ascii=False, indent=2))
        return
    for key, value in meta.items():
        if value is not None:
            click.echo(f"{key}: {value}")
    click.echo("")
    click.echo(text)
