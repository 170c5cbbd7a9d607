"""Detection gate on CASE 2021 dev (../shared/eval/dev/case2021_task2.events.jsonl, ACLED-derived: used to
measure, never to train), pinned on its ``check`` half (40% of records by a hash of the id; errors were
studied on ``tune`` only). Also pins that confidence means something: events the extractor gives 0.8 or
more are right far more often than those below 0.5.

Raise the floors as the work improves; never lower them to make a change pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import load_settings

pytestmark = pytest.mark.slow

CASE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "case2021_task2.events.jsonl"

# Measured 2026-12-02 (scorer on): check sub-event macro-F1 0.700, top sub-event 0.691, event type 0.80;
# tune 0.828 / 0.799. Rules alone: check 0.684 / 0.656. Events at confidence >= 0.8 on check: 56, right 0.80;
# below 0.5: right 0.44.
FLOORS = {"sub_event_type": 0.68, "sub_event_type_top": 0.67}
HIGH_CONFIDENCE_RIGHT = 0.75
LOW_CONFIDENCE_RIGHT_AT_MOST = 0.55


@pytest.fixture(scope="module")
def case():
    if not CASE.exists():
        pytest.skip("../shared/eval not available")
    from eventwire.evaluate.events import run_events_eval

    return run_events_eval(CASE, load_settings())


def test_case_check_half_floors(case):
    check = case["halves"]["check"]
    for key, floor in FLOORS.items():
        assert check[key] >= floor, (key, check)


def test_confidence_means_something_on_check(case):
    bins = {b["confidence"]: b for b in case["halves"]["check"]["reliability"]}
    high = [b for k, b in bins.items() if float(k.split("-")[0]) >= 0.8 and b["events"]]
    right = sum(b["right"] * b["events"] for b in high) / sum(b["events"] for b in high)
    assert sum(b["events"] for b in high) >= 30
    assert right >= HIGH_CONFIDENCE_RIGHT, bins
    low = bins["0.0-0.5"]
    assert low["right"] is not None and low["right"] <= LOW_CONFIDENCE_RIGHT_AT_MOST, bins
