"""The load benchmark job (bench/bench_load.py) runs end to end on a tiny store: a real ``eventwire serve``
subprocess on loopback, a few concurrent clients, every kind of request answered without error."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def bench(load_bench):
    return load_bench("bench_load")


def test_synthetic_events_are_deterministic_records(bench):
    first = list(bench.synthetic_events(50, seed=1))
    assert first == list(bench.synthetic_events(50, seed=1))
    assert len({e["event_id"] for e in first}) == 50
    assert {"event_id", "event_type", "location", "sources", "num_sources"} <= set(first[0])


def test_short_load_has_no_errors(bench, tmp_path):
    summary = bench.run(events=400, duration=2, connections=4, db=str(tmp_path / "load.duckdb"), warmup=0)
    assert summary["errors"] == 0, summary["errors_by_kind"]
    assert all(summary["latency"][k]["requests"] > 0 for k in ("events", "timeline", "event"))
    assert summary["rss_mb"]["peak"] > 0
