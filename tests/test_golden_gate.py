"""Evaluation gate: the extractor on the hand-written golden set must stay above pinned floors.

Skipped only while the extraction stages cannot be imported yet (ImportError);
any other failure fails the gate. Raise the floors as the extractor improves;
``eventwire eval tests/golden/articles`` prints what was missed and why.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from eventwire.config import load_settings

GOLDEN = Path(__file__).resolve().parent / "golden" / "articles"

# Pinned floors: first real end-to-end measurement (2026-11-25: recall 0.8125, type precision 0.636,
# 7/13 silent, date_start R 0.855, fatalities_best R 0.688, location R 0.621, 3 numeric must-not
# violations, all cumulative counts), set a bit below it. Detection round 2 (recall 0.91, type precision 0.68,
# 13/13 silent) raised recall, type_precision and silent_no_event; geo round 2 and the final measurement
# (date_start 0.94, fatalities_best 0.69, location 0.76, violations 2 + 6) raised the rest; the scorer retrained on
# more data (2026-12-02: recall 0.91, type precision 0.835) raised type_precision; developments without a
# time of their own as the setting (type precision 0.892) and negated interventions (recall 0.925, type
# precision 0.905) raised them again. Raise them; never lower them to make a change pass.
FLOORS = {
    "recall": 0.90,              # expected events found with the right (sub-)type and background status
    "type_precision": 0.88,      # new predicted events whose type the article expects
    "silent_no_event": 12,       # no-event articles (sports, markets, disasters...) that yield no new event
    "date_start_recall": 0.90,
    "fatalities_best_recall": 0.65,
    "location_recall": 0.85,     # 2026-12-03: 0.894 (names the recogniser missed, towns inside a named province,
                                 # the scorer accepting spellings such as Khan Shaykhun)
}
CEILINGS = {
    "critical_violations": 2,    # must-not numbers reported as fatalities (any kind)
    "other_violations": 8,       # other must-not constraints (places, types, background) and max_events
}
# Numbers that are never fatalities: no violation of these kinds is tolerated.
NEVER_FATALITIES = ("age", "percentage", "sorties_targets", "year", "date", "duration")


def _missing_stage_modules() -> str | None:
    for name in ("eventwire.extract", "eventwire.parse", "eventwire.detect", "eventwire.geo", "eventwire.fuse"):
        try:
            importlib.import_module(name)
        except ImportError as exc:
            return f"{name}: {exc}"
    return None


MISSING = _missing_stage_modules()
pytestmark = [pytest.mark.slow, pytest.mark.skipif(MISSING is not None, reason=f"extractor not importable: {MISSING}")]


@pytest.fixture(scope="module")
def result():
    from eventwire.evaluate.golden import iter_table, run_golden_eval
    from eventwire.extract import Extractor

    settings = load_settings()
    try:
        extractor = Extractor(settings)
    except ImportError as exc:  # a stage still being written; anything else is a failure
        pytest.skip(f"extractor not importable: {exc}")
    data = run_golden_eval(GOLDEN, settings, extractor=extractor)
    data["table"] = "\n".join(iter_table(data))
    return data


def _field_recall(result, name):
    return (result["fields"].get(name) or {}).get("recall") or 0.0


def test_found_and_precision_floors(result):
    assert result["recall"] >= FLOORS["recall"], result["table"]
    assert (result["type_precision"]["precision"] or 0.0) >= FLOORS["type_precision"], result["table"]


def test_no_event_articles_stay_silent(result):
    assert result["no_event_articles_silent"] >= FLOORS["silent_no_event"], result["table"]


def test_field_floors(result):
    for name in ("date_start", "fatalities_best", "location"):
        assert _field_recall(result, name) >= FLOORS[f"{name}_recall"], (name, result["table"])


def test_must_not_ceilings(result):
    assert result["critical_violations"] <= CEILINGS["critical_violations"], result["table"]
    assert result["other_violations"] <= CEILINGS["other_violations"], result["table"]


def test_ages_percentages_sorties_years_are_never_fatalities(result):
    kinds = result["number_violations_by_kind"]
    assert {k: kinds[k] for k in NEVER_FATALITIES if kinds.get(k)} == {}, result["table"]
