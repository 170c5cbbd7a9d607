"""``eventwire export``: the stored events as CSV (ACLED columns), JSONL, GeoJSON or Parquet."""

from __future__ import annotations

import sys

import click

from eventwire.cli import App, is_local, main
from eventwire.export import FORMATS, export_events


def _report(app: App, written: int, skipped: int, since: str | None) -> None:
    message = f"exported {written} event{'s' if written != 1 else ''}"
    if skipped:
        message += f"; {skipped} without coordinates left out of the GeoJSON"
    app.say(message)
    if since:
        from eventwire.store.events import EventStore

        target = app.store_or_server()
        changes = target.changes(since) if not is_local(target) else EventStore(target).changes_since(since)
        gone = [c for c in changes if c["change"] in ("deleted", "merged")]
        if gone:
            app.say(f"{len(gone)} event(s) deleted or merged since {since} are not in the export "
                    "(their history rows say why)")


@main.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="csv: ACLED column names; jsonl: full records; geojson: points; parquet: a table.")
@click.option("--out", type=click.Path(dir_okay=False), default=None,
              help="Output file (default: stdout for csv, jsonl and geojson).")
@click.option("--start", default=None, help="Only events on or after this date (YYYY-MM-DD).")
@click.option("--end", default=None, help="Only events on or before this date (YYYY-MM-DD).")
@click.option("--country", default=None, help="ISO 3166 alpha-2 country code, e.g. SY.")
@click.option("--admin1", default=None, help="First-level administrative division, e.g. Homs.")
@click.option("--type", "event_type", default=None, help="ACLED event type or sub-event type.")
@click.option("--actor", default=None, help="Actor name (substring, case-insensitive).")
@click.option("--bbox", default=None, help="Bounding box W,S,E,N in degrees.")
@click.option("--since", default=None, help="Only events created or changed at/after this date or timestamp (UTC).")
@click.option("--include-background", is_flag=True, help="Also export events reported only as history.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many events.")
@click.pass_obj
def export(app: App, fmt: str, out: str | None, start: str | None, end: str | None, country: str | None,
           admin1: str | None, event_type: str | None, actor: str | None, bbox: str | None, since: str | None,
           include_background: bool, limit: int | None) -> None:
    """Export the fused events of the store, filtered (through the server, when one serves the store)."""
    from eventwire.store.events import EventStore

    filters = {"start": start, "end": end, "country": country, "admin1": admin1, "event_type": event_type,
               "actor": actor, "bbox": bbox, "since": since, "include_background": include_background}
    target = app.store_or_server()
    if is_local(target):
        records = EventStore(target).query_events(limit=limit, **filters)
    else:
        records = target.events(limit=limit, **filters)
    result = export_events(records, fmt, out, stream=sys.stdout)
    sys.stdout.flush()
    _report(app, result.written, result.skipped, since)
