"""Writers for the export formats: CSV (ACLED columns), JSONL, GeoJSON, Parquet."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from eventwire.export._acled import ACLED_COLUMNS, acled_row

# Parquet columns beyond ACLED's: the fields a flat table loses otherwise.
EXTRA_COLUMNS = ("date_start", "date_end", "is_background", "fatalities_low", "fatalities_high",
                 "num_sources", "num_documents", "confidence", "record")


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        writer.writerow(acled_row(record))
        n += 1
    return n


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def feature(record: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point feature, or None when the event has no coordinates."""
    loc = record.get("location") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    fatalities = record.get("fatalities") or {}
    props = {k: record.get(k) for k in ("event_id", "event_type", "sub_event_type", "event_date", "date_start",
                                        "date_end", "time_precision", "is_background", "civilian_targeting",
                                        "confidence", "num_sources", "num_documents", "notes", "tags")}
    props.update(actor1=(record.get("actor1") or {}).get("name"), actor2=(record.get("actor2") or {}).get("name"),
                 location=loc.get("name"), country=loc.get("country"), admin1=loc.get("admin1"),
                 geo_precision=loc.get("geo_precision"), fatalities_low=fatalities.get("low"),
                 fatalities_best=fatalities.get("best"), fatalities_high=fatalities.get("high"),
                 sources=[s.get("url") or s.get("document_id") for s in record.get("sources", [])])
    return {"type": "Feature", "id": record["event_id"],
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}, "properties": props}


def geojson(records: Iterable[dict[str, Any]]) -> tuple[dict[str, Any], int]:
    """A FeatureCollection and the number of events left out for lack of coordinates."""
    features, skipped = [], 0
    for record in records:
        f = feature(record)
        if f is None:
            skipped += 1
        else:
            features.append(f)
    return {"type": "FeatureCollection", "features": features}, skipped


def write_geojson(records: Iterable[dict[str, Any]], out: IO[str]) -> tuple[int, int]:
    collection, skipped = geojson(records)
    json.dump(collection, out, ensure_ascii=False)
    out.write("\n")
    return len(collection["features"]), skipped


def _parquet_row(record: dict[str, Any]) -> dict[str, Any]:
    row = {k: (None if v == "" else v) for k, v in acled_row(record).items()}
    fatalities = record.get("fatalities") or {}
    row.update(date_start=record.get("date_start"), date_end=record.get("date_end"),
               is_background=bool(record.get("is_background")), fatalities_low=fatalities.get("low"),
               fatalities_high=fatalities.get("high"), num_sources=record.get("num_sources"),
               num_documents=record.get("num_documents"), confidence=record.get("confidence"),
               record=json.dumps(record, ensure_ascii=False))
    return row


def _schema() -> Any:
    import pyarrow as pa

    ints = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision", "fatalities",
            "timestamp", "fatalities_low", "fatalities_high", "num_sources", "num_documents"}
    floats = {"latitude", "longitude", "confidence"}
    fields = []
    for name in (*ACLED_COLUMNS, *EXTRA_COLUMNS):
        kind = pa.int64() if name in ints else pa.float64() if name in floats else (
            pa.bool_() if name == "is_background" else pa.string())
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


def write_parquet(records: Iterable[dict[str, Any]], path: str) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [_parquet_row(r) for r in records]
    table = pa.Table.from_pylist(rows, schema=_schema())
    pq.write_table(table, path)
    return len(rows)
