"""Crash trials: kill ``ingest`` / ``process`` (local and Dask) with SIGKILL at random moments.

Each trial starts a command on a fresh store, kills it (``kill -9``) after a random delay
within the time a clean run takes, runs the same command again, and checks what users rely
on: the store opens, every document ends processed, no mention is duplicated, and the
events (ids and records) equal those of an uninterrupted run. One JSON object per mode:

    python bench/bench_crash.py [--trials 60] [--corpus examples/corpus] [--seed 7]

Modes: ``ingest`` (store + extract), ``process`` (after ``ingest --no-extract``),
``process-dask`` (``process --workers 2``). The suite runs a few such trials
(``tests/test_crash_resume.py``); this job runs many.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
MODES = {
    "ingest": (None, ["ingest", "corpus"]),
    "process": (["ingest", "--no-extract", "corpus"], ["process"]),
    "process-dask": (["ingest", "--no-extract", "corpus"], ["process", "--workers", "2"]),
}


def _cli(db: str, args: list[str]) -> list[str]:
    return [sys.executable, "-m", "eventwire", "--db", db, "--config", "bench.toml", *args]


def _run(cwd: Path, db: str, args: list[str]) -> int:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.run(_cli(db, args), cwd=cwd, env=env, capture_output=True, timeout=1800).returncode


def snapshot(path: Path) -> dict[str, object]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        events = {e: {k: v for k, v in json.loads(r).items() if k != "updated_at"}
                  for e, r in con.execute("SELECT event_id, record FROM events").fetchall()}
        status = dict(con.execute("SELECT document_id, status FROM documents").fetchall())
        total, distinct = con.execute("SELECT count(*), count(DISTINCT mention_id) FROM mentions").fetchone()
    finally:
        con.close()
    return {"events": events, "status": status, "duplicated_mentions": total - distinct}


def _prepare(cwd: Path, name: str, setup: list[str] | None) -> str:
    db = f"{name}.duckdb"
    if setup:
        _run(cwd, db, setup)
    return db


def clean_run(cwd: Path, mode: str) -> tuple[dict[str, object], float]:
    setup, command = MODES[mode]
    db = _prepare(cwd, f"clean-{mode}", setup)
    started = time.monotonic()
    _run(cwd, db, command)
    return snapshot(cwd / db), time.monotonic() - started


def trial(cwd: Path, mode: str, n: int, delay: float, clean: dict[str, object]) -> str:
    """One kill and rerun; returns "ok", "finished before the kill" or what went wrong."""
    setup, command = MODES[mode]
    db = _prepare(cwd, f"{mode}-{n}", setup)
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.Popen(_cli(db, command), cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(delay)
    finished = proc.poll() is not None
    if not finished:
        os.killpg(proc.pid, signal.SIGKILL)   # the command and its Dask workers
    proc.wait()
    before_store = not (cwd / db).exists()   # killed while starting up: nothing stored yet
    try:
        if not before_store:
            snapshot(cwd / db)
    except duckdb.Error as exc:
        return f"store does not open: {exc}"
    code = _run(cwd, db, command)
    if code not in (0, 1):
        return f"rerun exit code {code}"
    after = snapshot(cwd / db)
    if after["duplicated_mentions"]:
        return "duplicated mentions"
    if after["events"] != clean["events"]:
        return "events differ from a clean run"
    if after["status"] != clean["status"]:
        return "document statuses differ from a clean run"
    (cwd / db).unlink(missing_ok=True)
    if finished:
        return "finished before the kill"
    return "ok (killed before the store existed)" if before_store else "ok"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=60, help="trials in all, shared among the modes")
    parser.add_argument("--corpus", default=str(ROOT / "examples" / "corpus"))
    parser.add_argument("--batch-size", type=int, default=2)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    modes = args.modes.split(",")
    with tempfile.TemporaryDirectory(prefix="eventwire-crash-") as tmp:
        cwd = Path(tmp)
        shutil.copytree(args.corpus, cwd / "corpus", ignore=shutil.ignore_patterns("README.md"))
        (cwd / "bench.toml").write_text(f"[store]\nbatch_size = {args.batch_size}\n")
        for mode in modes:
            clean, seconds = clean_run(cwd, mode)
            outcomes: dict[str, int] = {}
            for n in range(args.trials // len(modes)):
                result = trial(cwd, mode, n, rng.uniform(0.2, seconds), clean)
                outcomes[result] = outcomes.get(result, 0) + 1
            failures = sum(v for k, v in outcomes.items() if not k.startswith(("ok", "finished")))
            print(json.dumps({"mode": mode, "clean_run_s": round(seconds, 1), "events": len(clean["events"]),
                              "trials": args.trials // len(modes), "outcomes": outcomes,
                              "failures": failures}), flush=True)


if __name__ == "__main__":
    main()
