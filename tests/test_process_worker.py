"""The server extracts in a worker process: same events and ids, a dead worker is replaced, and the
worker never outlives the process that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import psutil
import pytest

from eventwire.config import load_settings
from eventwire.process import StoreProcessor, WorkerProcessor, process_pending
from eventwire.records import Document, content_hash
from eventwire.store import Store

TEXTS = {
    "kadugli": "Rebel fighters shelled the town of Kadugli on Monday, killing four civilians, residents said.",
    "mosul": "A roadside bomb killed two Iraqi soldiers near Mosul on Sunday, the army said.",
    "nairobi": "Thousands of protesters marched peacefully through Nairobi on Tuesday against new taxes.",
    "gao": "Gunmen attacked an army post in Gao on Friday; two soldiers died, the army said.",
}


def _store(path, ids):
    store = Store(path)
    with store.batch():
        for key in ids:
            text = TEXTS[key]
            store.put_document(Document(id=key, raw_text=text, published="2024-05-08",
                                        content_hash=content_hash(text), source=key))
    return store


def _events(store):
    return store.con.execute("SELECT event_id, event_type, fatalities_best FROM events ORDER BY 1").fetchall()


@pytest.fixture(scope="module")
def settings():
    return load_settings()


@pytest.fixture(scope="module")
def worker(settings):
    processor = WorkerProcessor(settings)
    yield processor
    processor.close()


def _worker_pid(processor):
    return processor._executor().submit(os.getpid).result()


def test_the_worker_gives_the_events_and_ids_of_extraction_in_process(settings, worker, tmp_path):
    here = _store(tmp_path / "here.duckdb", TEXTS)
    there = _store(tmp_path / "there.duckdb", TEXTS)
    assert process_pending(here, settings, StoreProcessor(settings)).processed == 4
    assert process_pending(there, settings, worker).processed == 4
    assert _events(there) == _events(here)
    assert len(_events(there)) >= 3
    assert {r[0] for r in there.con.execute("SELECT status FROM documents").fetchall()} == {"processed"}
    assert worker.mentions >= 3


def test_a_killed_worker_is_replaced_and_nothing_is_lost(settings, worker, tmp_path):
    store = _store(tmp_path / "s.duckdb", ["kadugli", "mosul"])
    process_pending(store, settings, worker)
    first = _worker_pid(worker)
    os.kill(first, signal.SIGKILL)
    psutil.Process(first).wait(10) if psutil.pid_exists(first) else None
    with store.batch():
        for key in ("nairobi", "gao"):
            store.put_document(Document(id=key, raw_text=TEXTS[key], published="2024-05-08",
                                        content_hash=content_hash(TEXTS[key]), source=key))
    report = process_pending(store, settings, worker)
    assert (report.processed, report.failed) == (2, [])
    assert _worker_pid(worker) != first
    assert {r[0] for r in store.con.execute("SELECT status FROM documents").fetchall()} == {"processed"}


def test_the_worker_exits_when_the_server_is_killed(tmp_path):
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent(f"""
        import os, sys, time
        from eventwire.config import load_settings
        from eventwire.process import WorkerProcessor
        if __name__ == "__main__":
            processor = WorkerProcessor(load_settings())
            print(processor._executor().submit(os.getpid).result(), flush=True)
            time.sleep(120)
    """))
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        child = int(parent.stdout.readline())
        assert psutil.pid_exists(child)
        parent.kill()
        parent.wait(10)
        deadline = time.monotonic() + 30
        while psutil.pid_exists(child) and psutil.Process(child).status() != psutil.STATUS_ZOMBIE:
            assert time.monotonic() < deadline, "the worker outlived its killed parent"
            time.sleep(0.2)
    finally:
        parent.kill()
