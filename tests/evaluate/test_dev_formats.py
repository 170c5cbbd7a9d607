"""Every format A dev file of ../shared/eval scores without crashing (no extractor, no fusion needed)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.evaluate.events import check_format_a, read_jsonl, score_events

DEV = Path(os.environ.get("EVENTWIRE_EVAL_DEV", Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev"))
FILES = sorted(DEV.glob("*.events.jsonl")) if DEV.is_dir() else []


@pytest.mark.skipif(not FILES, reason=f"no format A dev files in {DEV}")
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name.split(".")[0])
def test_dev_file_scores(path):
    records = read_jsonl(path)
    check_format_a(records, path)
    guess = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2016-01-01",
             "date_start": "2016-01-01", "actor1": {"name": "Islamic State"}, "actor2": None,
             "fatalities": {"best": 1}, "location": {"name": "Aleppo", "country": "SY", "lat": 36.2, "lon": 37.16}}
    result = score_events(records, {str(r["id"]): [guess] for r in records[::2]})
    det = result["detection"]
    assert det["gold_events"] == sum(len(r["events"]) for r in records)
    assert 0 < det["found"] < det["gold_events"] or det["gold_events"] == 0
    typed = any(e.get("sub_event_type") for r in records for e in r["events"])
    assert (result["sub_event_type"] is not None) == typed
