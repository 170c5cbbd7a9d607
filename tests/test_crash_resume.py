"""Crash safety: an ingest or process killed at any point, run again, ends exactly as a clean run.

Each trial runs eventwire in a subprocess that dies without any cleanup (``os._exit`` or
SIGKILL, as ``kill -9`` or a power cut would) at a chosen point, then runs the same command
again and compares the store with an uninterrupted run's: same events, same event ids, same
records, every document processed once. ``bench/bench_crash.py`` runs many random kills.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"

# Runs the CLI with one fault injected: the process exits abruptly (no cleanup, no rollback,
# no atexit) the N-th time the named function is entered.
_FAULTY = """
import os, sys
from eventwire.cli import main
import eventwire.ingest, eventwire.process, eventwire.store.events as ev
where, nth = sys.argv[1], int(sys.argv[2])
calls = [0]
def faulty(real):
    def wrapper(*a, **k):
        calls[0] += 1
        if calls[0] == nth:
            os._exit(137)
        return real(*a, **k)
    return wrapper
if where == "before-processing":      # documents committed, extraction not started
    eventwire.ingest.process_pending = faulty(eventwire.ingest.process_pending)
elif where == "inside-fusion":        # inside the transaction that writes events and statuses
    ev.EventStore._flush = faulty(ev.EventStore._flush)
main(sys.argv[3:], prog_name="eventwire")
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": "0"}


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "eventwire", *args]


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def snapshot(load_bench):
    """Events (id -> record without timestamps), document statuses and duplicated mentions of a store:
    the same comparison ``bench/bench_crash.py`` makes."""
    return load_bench("bench_crash").snapshot


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    shutil.copytree(CORPUS, root / "corpus", ignore=shutil.ignore_patterns("README.md"))
    (root / "small_batches.toml").write_text("[store]\nbatch_size = 2\n")
    return root


@pytest.fixture(scope="module")
def clean(workdir, snapshot):
    """The uninterrupted run everything is compared with."""
    result = _run(_cli("--db", "clean.duckdb", "--config", "small_batches.toml", "ingest", "corpus"), workdir)
    assert result.returncode in (0, 1), result.stderr
    snap = snapshot(workdir / "clean.duckdb")
    assert len(snap["events"]) >= 5 and set(snap["status"].values()) <= {"processed", "skipped_language"}
    return snap


def _fault(workdir: Path, name: str, where: str, nth: int) -> Path:
    db = workdir / f"{name}.duckdb"
    args = [sys.executable, "-c", _FAULTY, where, str(nth),
            "--db", db.name, "--config", "small_batches.toml", "ingest", "corpus"]
    died = _run(args, workdir)
    assert died.returncode == 137, died.stderr
    return db


@pytest.mark.parametrize(("where", "nth"), [("before-processing", 2), ("inside-fusion", 2),
                                            ("inside-fusion", 4)])
def test_an_ingest_killed_then_run_again_equals_a_clean_run(workdir, clean, snapshot, where, nth):
    db = _fault(workdir, f"ingest-{where}-{nth}", where, nth)
    assert snapshot(db)["events"] != clean["events"]      # the crash did lose something
    again = _run(_cli("--db", db.name, "--config", "small_batches.toml", "ingest", "corpus"), workdir)
    assert again.returncode in (0, 1), again.stderr
    assert "resumed" in again.stderr
    assert snapshot(db) == clean


def test_a_killed_ingest_finished_by_process_then_ingest_equals_a_clean_run(workdir, clean, snapshot):
    """``process`` finishes what was stored; the inputs never read are stored by the next ingest."""
    db = _fault(workdir, "process-after", "inside-fusion", 3)
    done = _run(_cli("--db", db.name, "--config", "small_batches.toml", "process"), workdir)
    assert done.returncode == 0, done.stderr
    assert set(snapshot(db)["status"].values()) <= {"processed", "skipped_language"}
    again = _run(_cli("--db", db.name, "--config", "small_batches.toml", "ingest", "corpus"), workdir)
    assert again.returncode in (0, 1), again.stderr
    assert snapshot(db) == clean


def test_a_process_run_killed_then_run_again_equals_a_clean_run(workdir, clean, snapshot):
    db = workdir / "process-killed.duckdb"
    stored = _run(_cli("--db", db.name, "--config", "small_batches.toml", "ingest", "--no-extract", "corpus"),
                  workdir)
    assert stored.returncode in (0, 1), stored.stderr
    died = _run([sys.executable, "-c", _FAULTY, "inside-fusion", "2", "--db", db.name,
                 "--config", "small_batches.toml", "process"], workdir)
    assert died.returncode == 137, died.stderr
    done = _run(_cli("--db", db.name, "--config", "small_batches.toml", "process"), workdir)
    assert done.returncode == 0, done.stderr
    assert snapshot(db) == clean


def test_an_ingest_killed_at_a_random_moment_then_run_again_equals_a_clean_run(workdir, clean, snapshot):
    """A real SIGKILL, at a moment after start-up when the run is storing or extracting."""
    db = workdir / "sigkill.duckdb"
    proc = subprocess.Popen(_cli("--db", db.name, "--config", "small_batches.toml", "ingest", "corpus"),
                            cwd=workdir, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not db.exists() and time.monotonic() < deadline:   # the store is open: work has started
        time.sleep(0.05)
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    again = _run(_cli("--db", db.name, "--config", "small_batches.toml", "ingest", "corpus"), workdir)
    assert again.returncode in (0, 1), again.stderr
    assert snapshot(db) == clean
