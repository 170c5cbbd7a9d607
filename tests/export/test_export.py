"""Exports: ACLED-compatible CSV, JSONL, GeoJSON and Parquet read back; the CLI command."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.export import ACLED_COLUMNS, acled_row, export_events
from eventwire.fuse.synthetic import make_mention
from eventwire.records import Document, Place
from eventwire.store import Store
from eventwire.store.events import EventStore

TOWN = Place(name="Kadugli", lat=11.01, lon=29.72, country="SD", admin1="South Kordofan", geo_precision=1)
SHELLING = "Rebels shelled the market in Kadugli on Monday, killing four civilians, residents said."
PROTEST = "Hundreds protested against bread prices somewhere in the country on Tuesday."


def _fill(store: Store) -> None:
    events = EventStore(store)
    shelled = make_mention("d1", "Shelling/artillery/missile attack", text=SHELLING, trigger="shelled",
                           date="2031-05-05", place=TOWN, actor1="SPLM-N", actor2="civilians", deaths=4,
                           attribution="residents", tags=["market"])
    shelled.actor1.type = "Rebel group"
    shelled.actor2.type = "Civilians"
    protest = make_mention("d2", "Peaceful protest", text=PROTEST, trigger="protested", date="2031-05-06",
                           actor1="Protesters (Sudan)")
    protest.location = Place(name="Sudan", country="SD", geo_precision=3)
    for doc_id, text, m in (("d1", SHELLING, shelled), ("d2", PROTEST, protest)):
        doc = Document(id=doc_id, raw_text=text, outlet="Nuba Wire", published="2031-05-06",
                       url=f"https://nuba.example/{doc_id}")
        events.add_document_mentions(doc_id, [m], {doc_id: doc})


@pytest.fixture
def records(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        _fill(store)
        yield EventStore(store).query_events()


def test_acled_row_has_every_column_with_codes(records):
    row = acled_row(next(r for r in records if r["event_type"] == "Explosions/Remote violence"))
    assert tuple(row) == ACLED_COLUMNS
    assert row["inter1"] == 2 and row["inter2"] == 7 and row["interaction"] == 27
    assert row["iso"] == 729 and row["country"] == "Sudan" and row["region"] == "Northern Africa"
    assert row["disorder_type"] == "Political violence" and row["civilian_targeting"] == "Civilian targeting"
    assert row["year"] == 2031 and row["fatalities"] == 4 and row["source"] == "Nuba Wire"
    assert row["notes"].startswith("SPLM-N shelled Kadugli (South Kordofan, SD) on 2031-05-05")


def test_csv_round_trip(records):
    buf = io.StringIO()
    assert export_events(records, "csv", stream=buf).written == 2
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    assert {r["event_id_cnty"] for r in rows} == {r["event_id"] for r in records}
    shelling = next(r for r in rows if r["sub_event_type"].startswith("Shelling"))
    assert float(shelling["latitude"]) == 11.01 and shelling["interaction"] == "27"


def test_jsonl_keeps_the_full_record(records):
    buf = io.StringIO()
    export_events(records, "jsonl", stream=buf)
    back = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert back == records
    assert back[0]["sources"][0]["evidence"][0]["text"] == "shelled"


def test_geojson_leaves_out_events_without_coordinates(records):
    buf = io.StringIO()
    result = export_events(records, "geojson", stream=buf)
    collection = json.loads(buf.getvalue())
    assert (result.written, result.skipped) == (1, 1)
    [feature] = collection["features"]
    assert collection["type"] == "FeatureCollection"
    assert feature["geometry"] == {"type": "Point", "coordinates": [29.72, 11.01]}
    assert feature["properties"]["fatalities_best"] == 4


def test_parquet_round_trip(records, tmp_path):
    path = tmp_path / "events.parquet"
    assert export_events(records, "parquet", path).written == 2
    table = pq.read_table(path).to_pylist()
    assert {r["event_id_cnty"] for r in table} == {r["event_id"] for r in records}
    assert all(json.loads(r["record"])["event_id"] == r["event_id_cnty"] for r in table)
    assert next(r for r in table if r["fatalities"] == 4)["latitude"] == 11.01


def test_cli_export_filters_and_formats(tmp_path):
    db = tmp_path / "cli.duckdb"
    with Store(db) as store:
        _fill(store)
    runner = CliRunner()
    result = runner.invoke(main, ["--db", str(db), "-q", "export", "--format", "csv", "--type", "Protests"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["sub_event_type"] for r in rows] == ["Peaceful protest"]
    out = tmp_path / "e.geojson"
    result = runner.invoke(main, ["--db", str(db), "export", "--format", "geojson", "--out", str(out),
                                  "--bbox", "29,10,30,12", "--since", "2000-01-01"])
    assert result.exit_code == 0 and len(json.loads(out.read_text())["features"]) == 1
    assert "exported 1 event" in result.stderr
    bad = runner.invoke(main, ["--db", str(db), "export", "--bbox", "1,2,3"])
    assert bad.exit_code == 2 and "E060" in bad.stderr
    parquet = runner.invoke(main, ["--db", str(db), "export", "--format", "parquet"])
    assert parquet.exit_code == 2 and "--out" in parquet.stderr
