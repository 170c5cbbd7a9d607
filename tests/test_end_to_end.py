"""The whole job as a user runs it: the example corpus in, events in the store, the CLI's promises kept."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def _run(*args, db):
    return CliRunner().invoke(main, ["--db", str(db), *args], catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    result = _run("demo", "--no-serve", str(CORPUS), db=db)
    assert result.exit_code == 0, result.output
    return db, [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_demo_prints_contract_records_with_traceable_evidence(demo_db):
    _, records = demo_db
    assert len(records) >= 6
    for record in records:
        assert record["event_type"] and record["sub_event_type"]
        assert record["sources"], record
        for source in record["sources"]:
            for span in source["evidence"]:
                assert span["end"] > span["start"]


def test_demo_finds_the_goma_shelling_with_its_toll_not_the_age(demo_db):
    _, records = demo_db
    goma = [r for r in records if r["sub_event_type"] == "Shelling/artillery/missile attack"
            and (r["location"] or {}).get("country") == "CD"]
    assert goma, [r["sub_event_type"] for r in records]
    assert goma[0]["fatalities"]["best"] == 9
    assert all((r["fatalities"]["best"] or 0) not in (41, 60) for r in records)


def test_the_wire_copy_adds_a_source_instead_of_a_second_event(demo_db):
    _, records = demo_db
    multi = [r for r in records if r["num_documents"] >= 2]
    assert multi, "the Goma wire copy should be fused into the Goma events"


def test_reingesting_the_corpus_changes_nothing(demo_db):
    db, records = demo_db
    result = _run("ingest", str(CORPUS), db=db)
    assert result.exit_code == 0
    assert "stored 0" in result.stderr
    export = _run("export", "--format", "jsonl", db=db)
    assert len([line for line in export.stdout.splitlines() if line.strip()]) == len(records)


def test_extract_reads_stdin_and_prints_jsonl(tmp_path):
    text = "Gunmen abducted 12 farmers near Zamfara's Maru town on Saturday, police said.\n"
    result = CliRunner().invoke(main, ["--db", str(tmp_path / "x.duckdb"), "extract", "--published",
                                       "2024-05-12", "-"], input=text)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["sub_event_type"] for r in records] == ["Abduction/forced disappearance"]
    assert records[0]["event_date"] == "2024-05-11"


@pytest.mark.parametrize("content, code", [(b"", 3), (b"\x00\x01\x02binary\xff" * 50, 3)])
def test_extract_on_bad_input_is_one_line_and_a_meaningful_exit_code(tmp_path, content, code):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    proc = subprocess.run([sys.executable, "-m", "eventwire", "extract", str(bad)], capture_output=True,
                          text=True, cwd=tmp_path)
    assert proc.returncode == code
    assert "Traceback" not in proc.stderr
    assert "bad.txt" in proc.stderr and proc.stdout == ""


def test_extract_csv_has_a_header_and_one_row_per_event(tmp_path):
    text = "Police fired tear gas at protesters in Nairobi on Tuesday, witnesses said.\n"
    src = tmp_path / "n.txt"
    src.write_text(text)
    result = _run("extract", "--published", "2024-06-26", "--format", "csv", str(src), db=tmp_path / "y.duckdb")
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("event_id,event_date") and len(lines) == 2
