"""Load job: a bounded load on loopback against ``eventwire serve`` over a store of synthetic events.

Fills a fresh store with ``--events`` synthetic event records (seeded; through the store's own
``EventStore.put_event_records``), starts ``python -m eventwire --db STORE serve`` on 127.0.0.1
in a subprocess, waits until it answers, then runs ``--connections`` concurrent asyncio
clients (httpx, keep-alive) for ``--duration`` seconds - back to back (a closed loop: latency is
then mostly queueing, ``connections / throughput``), or at ``--rate`` requests per second over all
of them, each request timed from when it was due - each picking at random:

    events    /api/events with one to three filters (country, admin1, type, actor, start/end, bbox)
    timeline  /api/timeline with the same kind of filters
    event     /api/events/{id} of a stored event

Reports per kind the requests, errors (any status but 200, or a failed request) and p50/p95/p99
latency in ms, plus the server's RSS (psutil) at start, peak and end, as one JSON line:

    python bench/bench_load.py [--events 100000] [--duration 60] [--connections 50] [--limit N]

``--limit`` adds ``limit=N`` to /api/events (the API's default page otherwise); ``--db`` reuses
(or keeps) a store; ``--mix events=5,timeline=2,event=3`` weights the request kinds.

``--ingest-docs N`` loads the server while it ingests: as the measured load starts, an
``eventwire ingest`` of N synthetic news stories runs against the served store (it finds the
server and sends them through ``POST /api/documents``; the server extracts and fuses them in
its own process); the summary then says how long it took, its exit code, and how many events
the server held before and after, and ``latency_while_ingesting`` gives the latency of the requests due
while that ingest ran (the figure the p95 target is about; ``latency`` covers the whole load).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import psutil

ROOT = Path(__file__).resolve().parents[1]

# (ISO code, admin1 regions, (lat, lon) centre)
COUNTRIES = [
    ("SD", ["Khartoum", "North Darfur", "South Kordofan", "Gezira", "West Darfur"], (15.5, 32.5)),
    ("CD", ["North Kivu", "South Kivu", "Ituri", "Tanganyika"], (-1.7, 29.2)),
    ("NG", ["Borno", "Kaduna", "Zamfara", "Benue", "Plateau"], (10.5, 7.4)),
    ("SO", ["Banaadir", "Lower Shabelle", "Hiraan", "Gedo"], (2.0, 45.3)),
    ("SY", ["Idlib", "Aleppo", "Deir ez-Zor", "Daraa"], (35.0, 38.0)),
    ("UA", ["Donetsk", "Kharkiv", "Zaporizhzhia", "Kherson", "Kyiv"], (48.5, 35.0)),
    ("YE", ["Al Hudaydah", "Taizz", "Marib", "Sanaa"], (15.0, 44.0)),
    ("ML", ["Mopti", "Gao", "Timbuktu", "Segou"], (15.0, -2.0)),
    ("BF", ["Sahel", "Nord", "Est", "Centre-Nord"], (13.0, -1.5)),
    ("MM", ["Sagaing", "Shan", "Rakhine", "Kachin"], (21.0, 96.0)),
    ("AF", ["Kabul", "Nangarhar", "Kandahar"], (34.5, 69.2)),
    ("IQ", ["Nineveh", "Baghdad", "Anbar"], (33.3, 44.4)),
    ("ET", ["Amhara", "Oromia", "Tigray"], (9.0, 38.7)),
    ("PS", ["Gaza Strip", "West Bank"], (31.5, 34.4)),
    ("BD", ["Dhaka", "Chittagong"], (23.8, 90.4)),
    ("HT", ["Ouest", "Artibonite"], (18.6, -72.3)),
    ("MX", ["Guerrero", "Michoacan", "Sinaloa"], (19.4, -99.1)),
    ("PK", ["Khyber Pakhtunkhwa", "Balochistan"], (33.7, 73.0)),
    ("CO", ["Cauca", "Antioquia", "Narino"], (4.6, -74.1)),
    ("FJ", ["Northern", "Western"], (-17.0, 179.5)),
]
TYPES = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": ["Shelling/artillery/missile attack", "Air/drone strike",
                                   "Remote explosive/landmine/IED", "Suicide bomb"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance", "Sexual violence"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Arrests", "Looting/property destruction", "Agreement"],
}
ACTOR_STEMS = ["Rapid Support Forces", "Sudanese Armed Forces", "M23", "Islamic State", "Boko Haram",
               "al-Shabaab", "Hayat Tahrir al-Sham", "Houthis", "JNIM", "Arakan Army", "Taliban", "Fano",
               "Military Forces", "Police Forces", "Unidentified Armed Group", "Protesters", "Rioters",
               "Civilians", "Militia", "Bandits", "Wagner Group", "Hamas", "Cartel", "ELN", "TTP"]
ACTORS = [f"{stem} ({code})" if i % 2 else stem
          for i, (stem, code) in enumerate((s, c[0]) for s in ACTOR_STEMS for c in COUNTRIES[:8])]
FIRST_DAY = date(2018, 1, 1)
DAYS = 8 * 365


def synthetic_events(n: int, seed: int = 3) -> Iterator[dict[str, Any]]:
    """``n`` event records in the contract's shape, spread over 20 countries, 8 years and 6 types."""
    r = random.Random(seed)
    for i in range(n):
        code, regions, (lat, lon) = r.choice(COUNTRIES)
        kind = r.choice(list(TYPES))
        day = FIRST_DAY + timedelta(days=r.randrange(DAYS))
        last = day + timedelta(days=r.choice([0, 0, 0, 0, 1, 2, 6]))
        actor1 = r.choice(ACTORS)
        actor2 = r.choice(ACTORS) if r.random() < 0.6 else None
        deaths = r.choice([None, 0, 1, 2, 3, 5, 8, 12, 20, 45, 120])
        place = {"name": f"Place {r.randrange(5000)}", "geonameid": r.randrange(10**7),
                 "lat": round(lat + r.uniform(-3, 3), 4), "lon": round(((lon + r.uniform(-3, 3) + 180) % 360) - 180, 4),
                 "country": code, "admin1": r.choice(regions), "admin2": None, "geo_precision": r.choice([1, 2, 3])}
        sources = [{"document_id": f"doc-{r.randrange(n * 2)}", "url": f"https://news.example.org/{i}/{k}",
                    "outlet": r.choice(["Wire", "Daily", "Radio", "Agency"]), "published": last.isoformat(),
                    "attribution": "residents said", "attribution_type": r.choice(["witness", "official", "media"]),
                    "evidence": [{"start": 0, "end": 40, "text": "Gunmen attacked the village on Monday, kil"}]}
                   for k in range(r.choice([1, 1, 1, 2, 3]))]
        yield {
            "event_id": f"ev{i:07d}{r.getrandbits(24):06x}", "event_type": kind,
            "sub_event_type": r.choice(TYPES[kind]), "cameo": None, "plover": None,
            "event_date": day.isoformat(), "date_start": day.isoformat(), "date_end": last.isoformat(),
            "time_precision": 1, "is_background": r.random() < 0.05,
            "actor1": {"name": actor1, "type": "Rebel group", "country": code, "mention": actor1},
            "actor2": {"name": actor2, "type": "State forces", "country": code, "mention": actor2} if actor2 else None,
            "assoc_actor_1": [], "assoc_actor_2": [], "civilian_targeting": r.random() < 0.3,
            "location": place, "fatalities": {"low": deaths, "best": deaths, "high": deaths, "text": None},
            "tags": [], "confidence": round(r.uniform(0.3, 1.0), 3), "sources": sources,
            "num_sources": len(sources), "num_documents": len({s["document_id"] for s in sources}),
            "notes": f"Synthetic event {i}.", "fatality_reports": [], "mention_ids": [f"m{i}"],
        }


TOWNS = [("Kharkiv", "Ukrainian forces", "Russian forces"), ("Goma", "M23 rebels", "the Congolese army"),
         ("Maiduguri", "Boko Haram fighters", "Nigerian troops"), ("Mogadishu", "al-Shabaab militants", "Somali police"),
         ("Hodeidah", "Houthi fighters", "government forces"), ("Idlib", "rebel fighters", "Syrian government forces"),
         ("Gao", "JNIM militants", "the Malian army"), ("Kandahar", "gunmen", "Afghan police"),
         ("El Fasher", "the Rapid Support Forces", "the Sudanese army"), ("Sittwe", "the Arakan Army", "junta troops")]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def synthetic_stories(folder: Path, n: int, seed: int) -> Path:
    """``n`` short news stories (plain text, dated by file name) in ``folder``."""
    r = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        town, doer, other = r.choice(TOWNS)
        day = FIRST_DAY + timedelta(days=r.randrange(DAYS))
        killed, wounded = r.randint(2, 40), r.randint(1, 60)
        text = (f"Fighting near {town} kills {killed}\n\n{doer.capitalize()} attacked positions held by {other} near "
                f"{town} on {r.choice(WEEKDAYS)}, killing {killed} people and wounding {wounded}, local officials "
                f"said. Residents said the clashes lasted several hours (report {i}, ref {r.getrandbits(40):x}).\n")
        (folder / f"story{i:05d}_{day.isoformat()}.txt").write_text(text, encoding="utf-8")
    return folder


def fill_store(path: str, n: int, seed: int) -> float:
    """A new store at ``path`` holding ``n`` synthetic events; seconds taken."""
    from eventwire.store import Store
    from eventwire.store.events import EventStore

    began = time.perf_counter()
    with Store(path) as store:
        EventStore(store).put_event_records(synthetic_events(n, seed))
        store.con.execute("CHECKPOINT")
    return time.perf_counter() - began


# -- requests ------------------------------------------------------------------------------------

def _filters(r: random.Random) -> dict[str, Any]:
    code, regions, (lat, lon) = r.choice(COUNTRIES)
    options = {
        "country": lambda: {"country": code},
        "admin1": lambda: {"country": code, "admin1": r.choice(regions)},
        "type": lambda: {"type": r.choice(list(TYPES) + [s for v in TYPES.values() for s in v])},
        "actor": lambda: {"actor": r.choice(ACTOR_STEMS)},
        "dates": lambda: _dates(r),
        "bbox": lambda: {"bbox": f"{_lon(lon - 2):.2f},{lat - 2:.2f},{_lon(lon + 2):.2f},{lat + 2:.2f}"},
    }
    params: dict[str, Any] = {}
    for name in r.sample(list(options), r.randint(1, 3)):
        params.update(options[name]())
    return params


def _lon(value: float) -> float:
    """A longitude in -180..180 (a box around Fiji crosses the antimeridian: west > east)."""
    return ((value + 180) % 360) - 180


def _dates(r: random.Random) -> dict[str, str]:
    start = FIRST_DAY + timedelta(days=r.randrange(DAYS))
    return {"start": start.isoformat(), "end": (start + timedelta(days=r.choice([7, 30, 90, 365]))).isoformat()}


def _request(r: random.Random, kind: str, ids: list[str], limit: int | None) -> tuple[str, dict[str, Any]]:
    if kind == "event":
        return f"/api/events/{r.choice(ids)}", {}
    if kind == "timeline":
        return "/api/timeline", _filters(r)
    params = _filters(r)
    if limit:
        params["limit"] = limit
    return "/api/events", params


async def _client(base: str, worker: int, seed: int, deadline: float, mix: dict[str, int], ids: list[str],
                  limit: int | None, timings: dict[str, list[float]], errors: dict[str, dict[str, int]],
                  client: httpx.AsyncClient, interval: float, stamps: dict[str, list[float]]) -> None:
    """One connection's loop: back to back (``interval`` 0), or one request every ``interval`` seconds,
    each timed from when it was due (a late start counts: no coordinated omission)."""
    r = random.Random(seed * 7919 + worker)
    kinds, weights = list(mix), list(mix.values())
    due = time.perf_counter() + (r.random() * interval)
    while time.monotonic() < deadline:
        if interval:
            wait = due - time.perf_counter()
            if wait > 0:
                await asyncio.sleep(wait)
        kind = r.choices(kinds, weights)[0]
        path, params = _request(r, kind, ids, limit)
        began = due if interval else time.perf_counter()
        try:
            response = await client.get(base + path, params=params)
            await response.aread()
            outcome = None if response.status_code == 200 else str(response.status_code)
        except httpx.HTTPError as exc:
            outcome = type(exc).__name__
        timings[kind].append(time.perf_counter() - began)
        stamps[kind].append(began)
        if outcome:
            errors[kind][outcome] = errors[kind].get(outcome, 0) + 1
        due += interval


async def _drive(base: str, duration: float, connections: int, seed: int, mix: dict[str, int], ids: list[str],
                 limit: int | None, server: psutil.Process, rate: float = 0) -> dict[str, Any]:
    timings: dict[str, list[float]] = {k: [] for k in mix}
    stamps: dict[str, list[float]] = {k: [] for k in mix}   # when each request was due (perf_counter)
    errors: dict[str, dict[str, int]] = {k: {} for k in mix}
    rss: list[int] = []
    # idle connections closed before uvicorn's 5 s keep-alive timeout does (else a request may race the close)
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections, keepalive_expiry=4.0)
    async with httpx.AsyncClient(limits=limits, timeout=30.0) as client:
        deadline = time.monotonic() + duration

        async def sample() -> None:
            while time.monotonic() < deadline:
                rss.append(server.memory_info().rss)
                await asyncio.sleep(1.0)

        began = time.perf_counter()
        interval = connections / rate if rate else 0.0
        await asyncio.gather(sample(), *(_client(base, w, seed, deadline, mix, ids, limit, timings, errors, client,
                                                 interval, stamps) for w in range(connections)))
        elapsed = time.perf_counter() - began
    rss.append(server.memory_info().rss)
    return {"elapsed": elapsed, "timings": timings, "stamps": stamps, "errors": errors, "rss": rss}


def _during(result: dict[str, Any], start: float, end: float) -> dict[str, Any]:
    """Latency of the requests due while the ingest ran (``start`` to ``end``, perf_counter)."""
    return {k: _percentiles([t for t, at in zip(ts, result["stamps"][k]) if start <= at <= end])
            for k, ts in result["timings"].items()}


def _percentiles(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"requests": 0}
    ms = sorted(v * 1000 for v in values)
    cuts = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else [ms[0]] * 99
    return {"requests": len(ms), "p50_ms": round(cuts[49], 1), "p95_ms": round(cuts[94], 1),
            "p99_ms": round(cuts[98], 1), "max_ms": round(ms[-1], 1)}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with {proc.returncode}: {proc.stderr.read().decode()[-2000:]}")
        try:
            if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("the server did not answer in time")


def _event_ids(path: str, count: int, seed: int) -> list[str]:
    from eventwire.store import Store
    from eventwire.store.queries import event_records

    with Store(path, read_only=True) as store:
        ids = [e["event_id"] for e in event_records(store.con, limit=200_000, include_background=True)]
    return random.Random(seed).sample(ids, min(count, len(ids)))


def _start_ingest(path: str, folder: Path, env: dict[str, str]) -> tuple[subprocess.Popen, float, dict[str, Any]]:
    """``eventwire ingest FOLDER`` on the served store, watched by a thread that notes when it ends."""
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "--db", path, "ingest", str(folder)],
                            cwd=folder.parent, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    done: dict[str, Any] = {}

    def wait() -> None:
        try:
            done["err"] = proc.communicate(timeout=1800)[1]
        except subprocess.TimeoutExpired:
            proc.kill()
            done["err"] = proc.communicate()[1]
        done["ended"] = time.perf_counter()

    done["thread"] = threading.Thread(target=wait, daemon=True)
    done["thread"].start()
    return proc, time.perf_counter(), done


def _ingest_report(proc: subprocess.Popen, began: float, done: dict[str, Any], base: str, events_before: int,
                   load_ended: float) -> dict[str, Any]:
    done["thread"].join()
    ended, err = done["ended"], done["err"]
    after = httpx.get(base + "/api/health", timeout=30).json()["events"]
    summary = [ln for ln in err.splitlines() if ln.startswith("read ")]
    return {"rc": proc.returncode, "seconds": round(ended - began, 1), "began": began, "ended": ended,
            "finished_during_load": ended <= load_ended, "summary": summary[-1] if summary else err[-300:],
            "events_before": events_before, "events_after": after}


def run(*, events: int = 100_000, duration: float = 60, connections: int = 50, seed: int = 3,
        limit: int | None = None, mix: dict[str, int] | None = None, db: str | None = None,
        warmup: float = 3.0, rate: float = 0, ingest_docs: int = 0) -> dict[str, Any]:
    mix = mix or {"events": 5, "timeline": 2, "event": 3}
    folder = tempfile.mkdtemp(prefix="ewload-")
    path = db or os.path.join(folder, "load.duckdb")
    fill_s = fill_store(path, events, seed) if not os.path.exists(path) else 0.0
    if db and ingest_docs:  # ingest into a copy: the given store stays as it was, for the next run
        path = shutil.copy(db, os.path.join(folder, "load.duckdb"))
    ids = _event_ids(path, 5000, seed)
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "eventwire", "--db", path, "serve", "--host", "127.0.0.1",
                             "--port", str(port)], cwd=folder, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    try:
        _wait(base, proc)
        server = psutil.Process(proc.pid)
        if warmup:
            asyncio.run(_drive(base, warmup, min(connections, 8), seed + 1, mix, ids, limit, server))
        rss_start = server.memory_info().rss
        ingest = None
        if ingest_docs:
            stories = synthetic_stories(Path(folder) / "stories", ingest_docs, seed)
            before = httpx.get(base + "/api/health", timeout=30).json()["events"]
            ingest = _start_ingest(path, stories, env)
        result = asyncio.run(_drive(base, duration, connections, seed, mix, ids, limit, server, rate))
        ingested = _ingest_report(*ingest, base, before, time.perf_counter()) if ingest else None
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(folder, ignore_errors=True)  # the store too, unless it was given (--db)
    all_timings = [t for ts in result["timings"].values() for t in ts]
    mb = 1024 * 1024
    return {
        "bench": "load", "events": events, "fill_s": round(fill_s, 1), "duration_s": round(result["elapsed"], 1),
        "connections": connections, "rate": rate or None, "limit": limit, "mix": mix,
        "requests": len(all_timings), "requests_per_s": round(len(all_timings) / result["elapsed"], 1),
        "errors": sum(n for e in result["errors"].values() for n in e.values()),
        "errors_by_kind": {k: v for k, v in result["errors"].items() if v},
        "latency": {k: _percentiles(v) for k, v in result["timings"].items()},
        "rss_mb": {"start": round(rss_start / mb), "peak": round(max(result["rss"]) / mb),
                   "end": round(result["rss"][-1] / mb)},
        "ingest": ingested and {k: v for k, v in ingested.items() if k not in ("began", "ended")},
        "latency_while_ingesting": ingested and _during(result, ingested["began"], ingested["ended"]),
    }


def _mix(text: str) -> dict[str, int]:
    pairs = (p.split("=", 1) for p in text.split(",") if p)
    mix = {k.strip(): int(v) for k, v in pairs}
    unknown = set(mix) - {"events", "timeline", "event"}
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown request kinds {sorted(unknown)}")
    return mix


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="synthetic events stored")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--connections", type=int, default=50, help="concurrent clients")
    parser.add_argument("--limit", type=int, default=None, help="page size asked of /api/events (API default if not given)")
    parser.add_argument("--rate", type=float, default=0.0,
                        help="requests per second over all connections (0: each connection back to back)")
    parser.add_argument("--mix", type=_mix, default=None, help="weights, e.g. events=5,timeline=2,event=3")
    parser.add_argument("--db", default=None, help="store to use (filled when it does not exist)")
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--ingest-docs", type=int, default=0,
                        help="stories an 'eventwire ingest' sends through the server during the load")
    args = parser.parse_args(argv)
    summary = run(events=args.events, duration=args.duration, connections=args.connections, seed=args.seed,
                  limit=args.limit, mix=args.mix, db=args.db, rate=args.rate, ingest_docs=args.ingest_docs)
    print(json.dumps(summary))
    ingest_failed = summary["ingest"] is not None and summary["ingest"]["rc"] != 0
    return 0 if summary["errors"] == 0 and not ingest_failed else 1


if __name__ == "__main__":
    sys.exit(main())
