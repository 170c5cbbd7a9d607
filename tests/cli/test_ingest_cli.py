"""``eventwire ingest`` and ``eventwire documents``: summary, one line per rejection, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

STORY = ("Drone strike hits fuel depot\n\nA drone strike set a fuel depot on fire outside the city on Sunday, "
         "killing two guards, the regional governor said. Firefighters fought the blaze for several hours.\n")


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.duckdb")


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "depot_2024-06-02.txt"
    path.write_text(STORY)
    return str(path)


def run(runner, db, *args, **kw):
    return runner.invoke(main, ["--db", db, *args], catch_exceptions=False, **kw)


def test_ingest_prints_a_summary_and_exits_0(runner, db, good):
    result = run(runner, db, "ingest", good)
    assert result.exit_code == 0
    assert "read 1, stored 1, duplicates 0, near-duplicates 0, rejected 0" in result.stderr


def test_second_run_reports_duplicates(runner, db, good):
    run(runner, db, "ingest", good)
    result = run(runner, db, "ingest", good)
    assert result.exit_code == 0 and "stored 0, duplicates 1" in result.stderr


def test_some_rejected_exits_1_with_one_line_each(runner, db, good, tmp_path):
    bad = tmp_path / "dump.jsonl"
    bad.write_text('{"id": "a", "text": "Rebels shelled the town."}\nnot json\n')
    result = run(runner, db, "ingest", good, str(bad), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1
    lines = [ln for ln in result.stderr.splitlines() if " E0" in ln]
    assert lines[0].startswith(f"{bad}:2: E006 line is not valid JSON") and lines[0].endswith(")")
    assert lines[1].startswith(f"{tmp_path / 'missing.txt'}: E008 ")
    assert "rejected 2" in result.stderr


def test_nothing_readable_exits_3(runner, db, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run(runner, db, "ingest", str(empty))
    assert result.exit_code == 3 and "E001 input is empty" in result.stderr


def test_bad_published_date_is_a_usage_error(runner, db, good):
    result = run(runner, db, "ingest", "--published", "soon", good)
    assert result.exit_code == 2 and "E060" in result.stderr


def test_ingest_reads_stdin(runner, db):
    result = run(runner, db, "ingest", "--published", "2024-06-02", "-", input=STORY)
    assert result.exit_code == 0 and "stored 1" in result.stderr


def test_documents_list_json_and_show(runner, db, good):
    run(runner, db, "ingest", good)
    listing = run(runner, db, "documents")
    (line,) = listing.stdout.splitlines()
    doc_id, published, language, status, title = line.split("\t")
    assert (published, language, status, title) == ("2024-06-02", "en", "processed", "Drone strike hits fuel depot")
    rows = [json.loads(x) for x in run(runner, db, "documents", "--json", "--limit", "5").stdout.splitlines()]
    assert rows[0]["document_id"] == doc_id
    shown = run(runner, db, "documents", "show", doc_id)
    assert "title: Drone strike hits fuel depot" in shown.stdout and shown.stdout.rstrip().endswith("several hours.")
    raw = run(runner, db, "documents", "show", "--raw", doc_id)
    assert raw.stdout.endswith(STORY + "\n")


def test_documents_show_unknown_id_exits_2(runner, db, good):
    run(runner, db, "ingest", good)
    result = run(runner, db, "documents", "show", "nope")
    assert result.exit_code == 2 and "E061" in result.stderr


def test_the_installed_entry_point(tmp_path, good):
    exe = Path(sys.executable).with_name("eventwire")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "eventwire.cli"]
    env = {**os.environ, "EVENTWIRE_CONFIG": ""}
    done = subprocess.run([*command, "--db", str(tmp_path / "sub.duckdb"), "ingest", good, str(tmp_path / "nope")],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 1
    assert "read 1, stored 1" in done.stderr and "nope: E008" in done.stderr
