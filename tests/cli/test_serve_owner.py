"""Browse while ingesting: ``eventwire serve`` owns its store, the other commands go through it.

Real processes over real HTTP: a server started with ``serve --port 0``, then ``ingest``,
``export``, ``documents`` and ``process`` on the same store in other processes; a store held by
a process that is not a server; a server that cannot start; the server file and its token.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

STORIES = {
    "depot_2024-06-02.txt": ("Drone strike hits fuel depot\n\nA drone strike set a fuel depot on fire outside Kharkiv "
                             "on Sunday, killing two guards, the regional governor said.\n"),
    "market_2024-06-03.txt": ("Shelling hits market in Goma\n\nArtillery shells struck a crowded market in Goma on "
                              "Monday, killing five civilians, local officials said. M23 rebels denied firing.\n"),
}
ENV = {**os.environ, "EVENTWIRE_CONFIG": "", "PYTHONUNBUFFERED": "1"}


def eventwire(db, *args, config=None, timeout=300, **kw):
    pre = ["--config", str(config)] if config else []
    return subprocess.run([sys.executable, "-m", "eventwire", *pre, "--db", str(db), *args], capture_output=True,
                          text=True, env=ENV, timeout=timeout, **kw)


def start_server(db, *args, config=None):
    """``eventwire serve --port 0``; returns (process, url) once it says it serves."""
    pre = ["--config", str(config)] if config else []
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", *pre, "--db", str(db), "serve", "--port", "0",
                             *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    line = proc.stderr.readline()            # the first line: "serving ... at URL/" or why not
    if "serving" not in line:
        proc.wait(timeout=30)
        raise AssertionError(line + proc.stderr.read())
    return proc, line.split(" at ")[1].split("/ ")[0]


def stop(proc):
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return proc.stderr.read()


def one_clean_line(result):
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert "Traceback" not in result.stderr, result.stderr
    return lines


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served-inputs")
    for name, text in STORIES.items():
        (folder / name).write_text(text)
    return folder


@pytest.fixture(scope="module")
def served(tmp_path_factory, inputs):
    """A store served by a real ``eventwire serve`` process, with both stories ingested through it."""
    db = tmp_path_factory.mktemp("served") / "served.duckdb"
    proc, url = start_server(db)
    try:
        first = eventwire(db, "ingest", str(inputs / "depot_2024-06-02.txt"))
        second = eventwire(db, "ingest", str(inputs))
        yield {"db": db, "url": url, "proc": proc, "first": first, "second": second}
    finally:
        if proc.poll() is None:
            stop(proc)


def test_ingest_while_serving_goes_through_the_server(served):
    first, second = served["first"], served["second"]
    assert first.returncode == 0, first.stderr
    assert "is served by eventwire serve (PID" in first.stderr
    assert "read 1, stored 1, duplicates 0" in first.stderr and "the store holds" in first.stderr
    assert second.returncode == 0, second.stderr
    assert "read 2, stored 1, duplicates 1" in second.stderr


def test_events_ingested_through_the_server_appear_in_its_api(served):
    body = httpx.get(served["url"] + "/api/events", params={"include_background": "true"}, timeout=10).json()
    assert body["total"] >= 2 and len(body["events"]) == body["total"], body
    sources = {s["document_id"] for e in body["events"] for s in e["sources"]}
    assert len(sources) == 2, body
    docs = httpx.get(served["url"] + "/api/documents", timeout=10).json()["documents"]
    assert {d["status"] for d in docs} == {"processed"}


def test_the_server_fuses_exactly_as_a_local_ingest(served, inputs, tmp_path):
    local = tmp_path / "local.duckdb"
    assert eventwire(local, "ingest", str(inputs / "depot_2024-06-02.txt")).returncode == 0
    assert eventwire(local, "ingest", str(inputs)).returncode == 0
    here = eventwire(local, "export", "--format", "jsonl", "--include-background")
    there = eventwire(served["db"], "export", "--format", "jsonl", "--include-background")
    assert there.returncode == 0 and "going through it" in there.stderr, there.stderr
    strip = lambda out: [{k: v for k, v in json.loads(ln).items() if k != "updated_at"}
                         for ln in out.splitlines()]
    assert strip(there.stdout) == strip(here.stdout) and strip(here.stdout), (there.stdout, here.stdout)


def test_export_and_documents_while_serving(served):
    db = served["db"]
    export = eventwire(db, "export", "--format", "csv", "--since", "2000-01-01")
    assert export.returncode == 0, export.stderr
    assert export.stdout.startswith("event_id_cnty") or export.stdout.count("\n") >= 2
    assert "exported" in export.stderr
    limited = eventwire(db, "export", "--format", "jsonl", "--limit", "1", "--include-background")
    assert len(limited.stdout.splitlines()) == 1
    listing = eventwire(db, "documents")
    assert listing.returncode == 0 and len(listing.stdout.splitlines()) == 2, (listing.stdout, listing.stderr)
    doc_id = listing.stdout.splitlines()[0].split("\t")[0]
    shown = eventwire(db, "documents", "show", "--json", doc_id)
    assert shown.returncode == 0, shown.stderr
    body = json.loads(shown.stdout)
    assert body["document_id"] == doc_id and body["source"].endswith(".txt") and body["text"], body
    missing = eventwire(db, "documents", "show", "nope")
    assert missing.returncode == 2 and "E061" in missing.stderr


def test_process_while_serving_runs_in_the_server(served):
    done = eventwire(served["db"], "process")
    assert done.returncode == 0 and "nothing to process" in done.stderr
    dask = eventwire(served["db"], "process", "--workers", "2")
    assert dask.returncode == 2
    (line,) = [ln for ln in one_clean_line(dask) if "E060" in ln]
    assert "stop the server" in line


def test_a_second_server_refuses_cleanly(served):
    again = eventwire(served["db"], "serve", "--port", "0", timeout=60)
    assert again.returncode == 3
    lines = one_clean_line(again)
    assert len(lines) == 1 and "already served by eventwire serve" in lines[0] and served["url"] in lines[0]
    assert "serving" not in again.stderr.replace("already served", "")


def test_the_server_file_is_private_and_the_token_is_required(served):
    path = Path(f"{served['db']}.serve.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    info = json.loads(path.read_text())
    assert info["url"] == served["url"] and info["pid"] == served["proc"].pid and len(info["token"]) >= 32
    url = served["url"] + "/api/documents"
    body = {"documents": [{"id": "x", "raw_text": "Gunmen attacked a village."}], "extract": False}
    assert httpx.post(url, json=body, timeout=10).status_code == 401
    wrong = httpx.post(url, json=body, headers={"Authorization": "Bearer " + info["token"][:-1] + "x"}, timeout=10)
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden"
    assert httpx.get(served["url"] + "/api/documents/x", timeout=10).status_code == 404   # nothing was stored


def test_the_server_answers_once_it_says_so_and_stopping_it_frees_the_store(tmp_path, inputs):
    db = tmp_path / "stop.duckdb"
    proc, url = start_server(db)
    assert httpx.get(url + "/api/health", timeout=10).status_code == 200   # it says "serving" once it does
    assert Path(f"{db}.serve.json").exists()
    err = stop(proc)
    assert proc.returncode == 0 and "stopped serving" in err and "Traceback" not in err
    assert not Path(f"{db}.serve.json").exists()
    assert eventwire(db, "ingest", "--no-extract", str(inputs)).returncode == 0   # local again


def test_a_killed_servers_file_is_ignored(tmp_path, inputs):
    db = tmp_path / "killed.duckdb"
    proc, _ = start_server(db)
    proc.kill()
    proc.wait()
    assert Path(f"{db}.serve.json").exists()
    result = eventwire(db, "ingest", "--no-extract", str(inputs))
    assert result.returncode == 0 and "going through" not in result.stderr and "stored 2" in result.stderr


LOCKER = "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]); print('locked', flush=True); time.sleep(120)"


@pytest.fixture
def locked(tmp_path):
    """A store held by a process that is not an eventwire server."""
    db = tmp_path / "locked.duckdb"
    holder = subprocess.Popen([sys.executable, "-c", LOCKER, str(db)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    yield db, holder.pid
    holder.kill()
    holder.wait()


def test_serve_refuses_a_store_another_process_holds(locked):
    db, pid = locked
    result = eventwire(db, "serve", "--port", "0", timeout=60)
    assert result.returncode == 3
    lines = one_clean_line(result)
    assert len(lines) == 1 and "E030" in lines[0] and f"in use by process {pid}" in lines[0]
    assert "serving" not in result.stderr and not Path(f"{db}.serve.json").exists()


@pytest.mark.parametrize("command", [["ingest", "--no-extract", "-"], ["export"], ["documents"], ["process"]])
def test_commands_on_a_store_another_process_holds_say_so_in_one_line(locked, command):
    db, pid = locked
    result = eventwire(db, *command, input="Gunmen attacked a village on Monday.\n", timeout=60)
    assert result.returncode == 3
    lines = one_clean_line(result)
    assert len(lines) == 1 and f"in use by process {pid}" in lines[0] and "wait for it" in lines[0]


def test_serve_refuses_a_port_in_use(tmp_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = eventwire(tmp_path / "port.duckdb", "serve", "--port", str(port), timeout=60)
    assert result.returncode == 2
    lines = one_clean_line(result)
    assert len(lines) == 1 and "cannot listen on 127.0.0.1" in lines[0] and "serving" not in result.stderr


def test_the_server_ingests_a_watched_folder(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    config = tmp_path / "watch.toml"
    config.write_text(f'[serve]\nwatch = ["{inbox}"]\nwatch_interval = 0.5\n')
    db = tmp_path / "watched.duckdb"
    proc, url = start_server(db, config=config)
    try:
        name = "depot_2024-06-02.txt"
        (inbox / name).write_text(STORIES[name])
        deadline = time.monotonic() + 120
        docs = []
        while time.monotonic() < deadline and not any(d["status"] == "processed" for d in docs):
            time.sleep(0.5)
            docs = httpx.get(url + "/api/documents", timeout=10).json()["documents"]
        assert [d["status"] for d in docs] == ["processed"]
        assert httpx.get(url + "/api/health", timeout=10).json()["events"] >= 1
    finally:
        stop(proc)


MORE = {f"clash{i}_2024-06-{10 + i:02d}.txt": (f"Clashes near town {i}\n\nFighters attacked an army post near Goma on "
                                                f"Monday, killing {i + 2} soldiers, officials said (report {i}).\n")
        for i in range(8)}


def test_a_server_killed_mid_ingest_loses_nothing(tmp_path):
    """kill -9 the server while an ingest goes through it: the ingest says so in one line; run again (the
    store is free now) it finishes, and the events and their ids equal an uninterrupted run's."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in {**STORIES, **MORE}.items():
        (folder / name).write_text(text)
    config = tmp_path / "small.toml"
    config.write_text("[store]\nbatch_size = 2\n")
    db = tmp_path / "killed.duckdb"
    proc, url = start_server(db, config=config)
    ingest = subprocess.Popen([sys.executable, "-m", "eventwire", "--config", str(config), "--db", str(db), "ingest",
                               str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if httpx.get(url + "/api/health", timeout=10).json()["documents"] >= 2:
            break
        time.sleep(0.05)
    proc.kill()
    proc.wait()
    _, err = ingest.communicate(timeout=120)
    assert "Traceback" not in err
    if ingest.returncode != 0:                      # it was cut off (it may have finished just before)
        assert ingest.returncode == 3 and "stopped answering" in err and "run the same command again" in err
    again = eventwire(db, "ingest", str(folder), config=config)
    assert again.returncode == 0 and "going through" not in again.stderr, again.stderr
    clean = tmp_path / "clean.duckdb"
    assert eventwire(clean, "ingest", str(folder), config=config).returncode == 0
    export = lambda path: sorted((json.loads(ln)["event_id"], json.loads(ln)["event_type"])  # noqa: E731
                                 for ln in eventwire(path, "export", "--format", "jsonl",
                                                     "--include-background").stdout.splitlines())
    assert export(db) == export(clean) and export(clean)
