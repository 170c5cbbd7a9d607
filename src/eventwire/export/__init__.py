"""Exports of the fused events: CSV with ACLED's column names, JSONL, GeoJSON, Parquet.

    export_events(records, "csv", out=None, stream=sys.stdout) -> ExportResult

``records`` are event records as returned by ``EventStore.query_events``.
Text formats go to ``stream`` when no ``out`` path is given; Parquet needs a
path. GeoJSON leaves out events without coordinates and counts them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from eventwire.errors import UsageError
from eventwire.export._acled import ACLED_COLUMNS, acled_row
from eventwire.export._writers import geojson, write_csv, write_geojson, write_jsonl, write_parquet

FORMATS = ("csv", "jsonl", "geojson", "parquet")


@dataclass(frozen=True, slots=True)
class ExportResult:
    written: int
    skipped: int = 0


def _write_text(records: Iterable[dict[str, Any]], fmt: str, stream: IO[str]) -> ExportResult:
    if fmt == "csv":
        return ExportResult(write_csv(records, stream))
    if fmt == "jsonl":
        return ExportResult(write_jsonl(records, stream))
    written, skipped = write_geojson(records, stream)
    return ExportResult(written, skipped)


def export_events(records: Iterable[dict[str, Any]], fmt: str, out: str | Path | None = None, *,
                  stream: IO[str] | None = None) -> ExportResult:
    """Write ``records`` in ``fmt`` to the file ``out`` (or to ``stream``, default stdout)."""
    if fmt not in FORMATS:
        raise UsageError("E060", f"unknown export format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise UsageError("E060", "parquet needs an output file", hint="add --out events.parquet")
        return ExportResult(write_parquet(records, str(out)))
    if out is None:
        return _write_text(records, fmt, stream or sys.stdout)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        return _write_text(records, fmt, fh)


__all__ = ["ACLED_COLUMNS", "FORMATS", "ExportResult", "acled_row", "export_events", "geojson"]
