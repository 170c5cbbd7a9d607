"""Benchmark: incremental fusion must stay fast as the event store grows.

Ingests the same stream of synthetic mentions (through
``EventStore.add_documents``, the real code path) into an empty store and
into a store that already holds ``--events`` events (1,000,000 by default,
bulk-loaded with DuckDB SQL from Arrow arrays, never row by row), batch by
batch in turn, and compares the time per 1,000 mentions. The gate:
full / empty <= 2 (medians). Prints one JSON object.

    .venv/bin/python bench/bench_fuse.py                # full size: 1,000,000 events, 100,000 mentions
    .venv/bin/python bench/bench_fuse.py --quick        # 100,000 events, 5,000 mentions
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pyarrow as pa

from eventwire.fuse import build_event, ensure_ids, from_mention
from eventwire.config import defaults
from eventwire.fuse._blocks import key_hash, register_keys
from eventwire.fuse._codec import mention_to_dict
from eventwire.fuse._item import Item, SourceMeta, item_to_dict
from eventwire.fuse.synthetic import event_types, make_mention
from eventwire.records import Document, Place
from eventwire.store import Store
from eventwire.store.events import EventStore

COUNTRIES = ["SY", "IQ", "YE", "AF", "PK", "NG", "ML", "BF", "NE", "SO", "SD", "SS", "ET", "CD", "CF", "CM", "MZ",
             "LY", "EG", "UA", "MM", "PH", "IN", "CO", "MX", "BR", "VE", "HT", "KE", "UG", "TD", "LB", "PS", "IR",
             "TR", "BD", "TH", "ID", "NE", "BI"]
SUBS = ["Armed clash", "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
        "Attack", "Peaceful protest", "Violent demonstration", "Arrests", "Suicide bomb", "Abduction/forced disappearance"]
FIRST_DAY = date(2015, 1, 1).toordinal()
DAYS = 3650
N_ACTORS = 300
# Each synthetic country spreads its events over a BOX x BOX degree square (about 200,000 km2, the
# size of Syria): 1,000,000 events in 10 years over 40 such countries is about 70 events a day per
# country, denser than any country in ACLED's record.
BOX = 4.0
# sentinels in the JSON templates, replaced column-wise in SQL
S_LAT, S_LON, S_DEATHS, S_DAY = 11.111111, 22.222222, 777, "2020-01-01"


def attributes(n: int, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    country = rng.integers(0, len(COUNTRIES), n)
    return {"country": country, "day": FIRST_DAY + rng.integers(0, DAYS, n), "sub": rng.integers(0, len(SUBS), n),
            "actor": rng.integers(0, N_ACTORS, n), "lat": np.round(country % 8 * 9.0 - 30 + rng.uniform(0, BOX, n), 5),
            "lon": np.round(country // 8 * 20.0 - 60 + rng.uniform(0, BOX, n), 5), "deaths": rng.integers(0, 40, n)}


def _sample_mention():
    place = Place(name="@PLACE@", lat=S_LAT, lon=S_LON, country="@CC@", admin1="@ADM@", geo_precision=1)
    m = make_mention("@DOC@", "Armed clash", text="@TEXT@ fighting near the town", trigger="fighting", date=S_DAY,
                     place=place, actor1="@ACTOR@", deaths=S_DEATHS)
    m.mention_id = "@MID@"
    return m


def templates() -> dict[str, str]:
    """JSON of one mention, its event and its profile, with sentinels to replace in SQL."""
    m = _sample_mention()
    meta = SourceMeta(url="https://bench.example/@DOC@", outlet="Bench Wire", published=S_DAY)
    event = build_event([m], {"@DOC@": meta}, event_id="@EID@").to_dict()
    return {"mention": json.dumps({"mention": mention_to_dict(m), "source": meta.to_dict()}),
            "event": json.dumps(event), "profile": json.dumps(item_to_dict(from_mention(m, meta)))}


def _fill_sql(template: str) -> str:
    """SQL expression turning a template into a row's JSON (``s`` is the synthetic table)."""
    day_ord = str(date.fromisoformat(S_DAY).toordinal())
    pairs = [("@DOC@", "s.doc"), ("@MID@", "s.mention_id"), ("@EID@", "s.event_id"), ("@CC@", "s.country"),
             ("@ADM@", "s.admin1"), ("@PLACE@", "s.place"), ("@place@", "lower(s.place)"), ("@ACTOR@", "s.actor"),
             ("@actor@", "lower(s.actor)"),
             ('"Armed clash"', "'\"' || s.sub || '\"'"), ('"Battles"', "'\"' || s.event_type || '\"'"),
             (S_DAY, "s.day::VARCHAR"), (day_ord, "s.ord::VARCHAR"), (str(S_LAT), "s.lat::VARCHAR"),
             (str(S_LON), "s.lon::VARCHAR"), (str(S_DEATHS), "s.deaths::VARCHAR")]
    expr = "'" + template.replace("'", "''") + "'"
    for needle, value in pairs:
        expr = f"replace({expr}, '{needle}', {value})"
    return expr


def _synthetic_table(n: int, seed: int) -> pa.Table:
    a = attributes(n, seed)
    types = event_types()
    ids = np.arange(n)
    return pa.table({
        "event_id": [f"ev-syn-{i}" for i in ids], "mention_id": [f"m-syn-{i}" for i in ids],
        "doc": [f"syn-doc-{i}" for i in ids], "country": [COUNTRIES[c] for c in a["country"]],
        "admin1": [f"Province {c}" for c in a["country"]], "place": [f"Town {i % 5000}" for i in ids],
        "actor": [f"Group {x}" for x in a["actor"]], "sub": [SUBS[s] for s in a["sub"]],
        "event_type": [types[SUBS[s]] for s in a["sub"]], "ord": a["day"],
        "day": pa.array([date.fromordinal(int(d)) for d in a["day"]], pa.date32()),
        "lat": a["lat"], "lon": a["lon"], "deaths": a["deaths"]})


def _blocks(con, table: pa.Table, settings) -> None:
    """Blocking keys of the synthetic events, computed by the library itself, inserted through Arrow."""
    cols = {c: table.column(c).to_pylist() for c in ("event_id", "sub", "ord", "lat", "lon", "country", "admin1",
                                                      "actor", "place")}
    for start in range(0, table.num_rows, 100_000):
        blocks, owners = [], []
        for i in range(start, min(start + 100_000, table.num_rows)):
            item = Item(subs=frozenset([cols["sub"][i]]), docs=frozenset(), days=(cols["ord"][i], cols["ord"][i]),
                        lat=cols["lat"][i], lon=cols["lon"][i], country=cols["country"][i],
                        admin1=cols["admin1"][i], geo_precision=1, a1=frozenset([cols["actor"][i].lower()]),
                        places=frozenset([cols["place"][i].lower()]))
            for key in register_keys(item, settings.max_days, settings.max_km):
                blocks.append(key_hash(key))
                owners.append(cols["event_id"][i])
        con.register("block_rows", pa.table({"block": blocks, "event_id": owners}))
        con.execute("INSERT INTO event_blocks SELECT block, event_id FROM block_rows")
        con.unregister("block_rows")


def preload(store: Store, n_events: int, seed: int) -> float:
    """Bulk-load ``n_events`` synthetic events (with mentions, sources, profiles, blocks, history)."""
    t0 = time.perf_counter()
    con, tpl = store.con, templates()
    table = _synthetic_table(n_events, seed)
    con.register("s_arrow", table)
    con.execute("CREATE TEMP TABLE s AS SELECT * FROM s_arrow")
    con.execute("BEGIN TRANSACTION")
    con.execute(f"""INSERT INTO events (event_id, event_type, sub_event_type, event_date, date_start, date_end,
        is_background, country, admin1, lat, lon, actor1, actor2, fatalities_best, num_sources, num_documents,
        record, updated_at) SELECT event_id, event_type, sub, day, day, day, false, country, admin1, lat, lon, actor,
        NULL, deaths, 1, 1, {_fill_sql(tpl['event'])}, TIMESTAMP '2025-01-01' FROM s""")
    con.execute(f"""INSERT INTO mentions (mention_id, document_id, event_id, event_type, sub_event_type, event_date,
        date_start, date_end, is_background, country, record) SELECT mention_id, doc, event_id, event_type, sub,
        day, day, day, false, country, {_fill_sql(tpl['mention'])} FROM s""")
    con.execute("INSERT INTO event_sources SELECT event_id, mention_id, doc, NULL, NULL FROM s")
    con.execute(f"INSERT INTO event_profiles SELECT event_id, {_fill_sql(tpl['profile'])} FROM s")
    con.execute("INSERT INTO history (event_id, change, detail, changed_at) "
                "SELECT event_id, 'created', '{}', TIMESTAMP '2025-01-01' FROM s")
    _blocks(con, table, defaults().fuse)
    con.execute("COMMIT")
    con.execute("DROP TABLE s")
    return time.perf_counter() - t0


def mention_batches(n_mentions: int, seed: int, per_batch: int):
    """Batches of (document -> mentions). Half the documents report again an event of an earlier
    document of the stream (other words, another number), half report a new event; the stream is the
    same whatever the store holds, so only the store size differs between the two runs."""
    rng = np.random.default_rng(seed)
    a = attributes(n_mentions, seed + 1)
    batch, docs = {}, {}
    for i in range(n_mentions):
        j = int(rng.integers(0, i)) if i and rng.random() < 0.5 else i
        sub, day = SUBS[a["sub"][j]], date.fromordinal(int(a["day"][j])).isoformat()
        doc_id = f"bench-{seed}-{i}"
        text = f"Report {i}: fighting near the town involving Group {a['actor'][j]}, {a['deaths'][i]} dead."
        place = Place(name=f"Town {j % 5000}", lat=float(a["lat"][j]), lon=float(a["lon"][j]),
                      country=COUNTRIES[a["country"][j]], admin1=f"Province {a['country'][j]}", geo_precision=1)
        m = make_mention(doc_id, sub, text=text, trigger="fighting", date=day, place=place,
                         actor1=f"Group {a['actor'][j]}", deaths=int(a["deaths"][i]))
        batch[doc_id] = ensure_ids([m])
        docs[doc_id] = Document(id=doc_id, raw_text=text, outlet="Bench Wire", published=day)
        if len(batch) == per_batch or i == n_mentions - 1:
            yield batch, docs
            batch, docs = {}, {}


def ingest_interleaved(stores: list[Store], n_mentions: int, seed: int, per_batch: int = 250) -> list[list[float]]:
    """Seconds per 1,000 mentions for each store, chunk by chunk. The stores take the same batches in
    turn, so whatever else runs on the machine slows them alike."""
    events = [EventStore(s) for s in stores]
    per_k: list[list[float]] = [[] for _ in stores]
    spent, done = [0.0] * len(stores), 0
    for batch, docs in mention_batches(n_mentions, seed, per_batch):
        for i, target in enumerate(events):
            t0 = time.perf_counter()
            target.add_documents(batch, docs)
            spent[i] += time.perf_counter() - t0
        done += len(batch)
        if done % 1000 == 0 or done == n_mentions:
            for i in range(len(stores)):
                per_k[i].append(spent[i])
            spent = [0.0] * len(stores)
    return per_k


def _summary(per_k: list[float], events_after: int) -> dict[str, float]:
    tail = per_k[-10:]
    return {"s_per_1000_median": round(statistics.median(per_k), 3),
            "s_per_1000_first10": round(statistics.median(per_k[:10]), 3),
            "s_per_1000_last10": round(statistics.median(tail), 3), "events_after": events_after}


def run(n_events: int, n_mentions: int, workdir: Path) -> dict[str, object]:
    with Store(workdir / "empty.duckdb") as empty, Store(workdir / "full.duckdb") as full:
        load_s = preload(full, n_events, seed=1)
        before = full.count("events")
        per_empty, per_full = ingest_interleaved([empty, full], n_mentions, seed=7)
        e, f = _summary(per_empty, empty.count("events")), _summary(per_full, full.count("events"))
    ratio = f["s_per_1000_median"] / e["s_per_1000_median"]
    return {"events_preloaded": before, "preload_seconds": round(load_s, 1), "mentions": n_mentions,
            "empty_store": e, "full_store": f, "ratio_full_over_empty": round(ratio, 3),
            "ratio_last10": round(f["s_per_1000_last10"] / e["s_per_1000_last10"], 3),
            "gate_max_ratio": 2.0, "pass": ratio <= 2.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true", help="100,000 events and 5,000 mentions")
    parser.add_argument("--dir", default=None, help="Where to put the benchmark stores (default: a temp dir).")
    args = parser.parse_args(argv)
    n_events, n_mentions = (100_000, 5_000) if args.quick else (args.events, args.mentions)
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        result = run(n_events, n_mentions, Path(tmp))
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
