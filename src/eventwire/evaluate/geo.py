"""Scoring geoparsing (gold format B) and event location (gold format C).

Pure scorers::

    score_geoparse(gold_records, predicted_records) -> dict
    score_event_location(gold_records, predict_fn) -> dict

and runners that parse a gold file with the real system::

    run_geoparse_eval(path, settings) -> dict
    run_event_location_eval(path, settings) -> dict

Format B metrics: toponym span precision/recall/F1 (exact and overlapping
spans); for gold toponyms with coordinates that the system found (overlap):
accuracy at 161 km, exact geonameid match, median and mean error in km,
country accuracy (gold country from the gazetteer by geonameid). Format C:
how often the place chosen for the trigger overlaps (or equals) a gold
location span.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from eventwire.config import Settings
from eventwire.errors import UsageError
from eventwire.geo.gazetteer import distance_km

ACCURACY_KM = 161.0


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict[str, float]:
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def _span_counts(gold: list[dict], pred: list[dict]) -> dict[str, int]:
    exact_gold = {(t["start"], t["end"]) for t in gold}
    exact_pred = {(t["start"], t["end"]) for t in pred}
    return {
        "exact_tp_pred": len(exact_pred & exact_gold), "exact_tp_gold": len(exact_gold & exact_pred),
        "overlap_tp_pred": sum(any(_overlaps(p, g) for g in gold) for p in pred),
        "overlap_tp_gold": sum(any(_overlaps(g, p) for p in pred) for g in gold),
        "n_gold": len(gold), "n_pred": len(pred),
    }


def _pairs(gold: list[dict], pred: list[dict]) -> Iterator[tuple[dict, dict | None]]:
    """Each gold toponym with the predicted toponym that best overlaps it (or None)."""
    for g in gold:
        best, best_len = None, 0
        for p in pred:
            if _overlaps(g, p):
                length = min(g["end"], p["end"]) - max(g["start"], p["start"])
                if length > best_len:
                    best, best_len = p, length
        yield g, best


def _resolution(pairs: list[tuple[dict, dict | None]], country_of: Callable[[dict], str | None]) -> dict:
    errors, ids, countries, missing = [], [], [], 0
    for g, p in pairs:
        if g.get("lat") is None:
            continue
        if p is None or p.get("lat") is None:
            missing += 1
            continue
        errors.append(distance_km(g["lat"], g["lon"], p["lat"], p["lon"]))
        if g.get("geonameid") is not None:
            ids.append(g["geonameid"] == p.get("geonameid"))
        gold_country = country_of(g)
        if gold_country:
            countries.append(gold_country == p.get("country"))
    n = len(errors)
    within = sum(e <= ACCURACY_KM for e in errors)
    return {
        "resolved": n,
        "accuracy_161km": round(within / n, 4) if n else 0.0,
        "accuracy_161km_all_gold": round(within / (n + missing), 4) if n + missing else 0.0,
        "geonameid_match": round(sum(ids) / len(ids), 4) if ids else 0.0,
        "country_accuracy": round(sum(countries) / len(countries), 4) if countries else 0.0,
        "country_scored": len(countries),
        "median_error_km": round(statistics.median(errors), 1) if errors else None,
        "mean_error_km": round(statistics.fmean(errors), 1) if errors else None,
    }


def score_geoparse(gold_records: Iterable[dict], predicted_records: Iterable[dict], *,
                   country_of: Callable[[dict], str | None] | None = None) -> dict:
    """Scores predicted toponyms (``{"document_id"|"id", "toponyms": [...]}``) against format B gold.

    ``country_of(gold_toponym)`` gives a gold toponym's ISO country (default: its
    ``country`` key, which format B lacks; the runner looks it up by geonameid).
    """
    country_of = country_of or (lambda t: t.get("country"))
    predicted = {r.get("document_id", r.get("id")): r["toponyms"] for r in predicted_records}
    totals: dict[str, int] = {}
    pairs: list[tuple[dict, dict | None]] = []
    for rec in gold_records:
        gold, pred = rec["toponyms"], predicted.get(rec["id"], [])
        for k, v in _span_counts(gold, pred).items():
            totals[k] = totals.get(k, 0) + v
        pairs.extend(_pairs(gold, pred))
    return {
        "documents": len(predicted),
        "gold_toponyms": totals.get("n_gold", 0),
        "predicted_toponyms": totals.get("n_pred", 0),
        "span_exact": _prf(totals.get("exact_tp_pred", 0), totals.get("n_pred", 0),
                           totals.get("exact_tp_gold", 0), totals.get("n_gold", 0)),
        "span_overlap": _prf(totals.get("overlap_tp_pred", 0), totals.get("n_pred", 0),
                             totals.get("overlap_tp_gold", 0), totals.get("n_gold", 0)),
        **_resolution(pairs, country_of),
    }


def score_event_location(gold_records: Iterable[dict], predict_fn: Callable[[dict], Any]) -> dict:
    """How often ``predict_fn(record)`` (a span with start/end, or None) hits a gold location span."""
    n = hit = exact = none = 0
    for rec in gold_records:
        n += 1
        span = predict_fn(rec)
        if span is None:
            none += 1
            continue
        s = {"start": span["start"], "end": span["end"]} if isinstance(span, dict) else \
            {"start": span.start, "end": span.end}
        hit += any(_overlaps(s, g) for g in rec["locations"])
        exact += any((s["start"], s["end"]) == (g["start"], g["end"]) for g in rec["locations"])
    return {"records": n, "match_rate": round(hit / n, 4) if n else 0.0,
            "exact_match_rate": round(exact / n, 4) if n else 0.0,
            "no_location_rate": round(none / n, 4) if n else 0.0,
            "precision_when_located": round(hit / (n - none), 4) if n - none else 0.0}


def read_gold(path: str | Path) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as exc:
        from eventwire.errors import EventwireError

        raise EventwireError("E050", f"{path}: {exc.__class__.__name__}") from None


def _toponym_dict(t: Any) -> dict[str, Any]:
    p = t.place
    return {"start": t.start, "end": t.end, "text": t.text, "role": t.role,
            "geonameid": p.geonameid if p else None, "lat": p.lat if p else None,
            "lon": p.lon if p else None, "country": p.country if p else None}


def predict_geoparse(records: list[dict], settings: Settings) -> list[dict]:
    """The system's toponyms for each gold record's text (offsets into that text)."""
    from eventwire.geo import Geoparser, load_gazetteer
    from eventwire.parse import load_nlp

    nlp, geoparser = load_nlp(settings), Geoparser(load_gazetteer(settings))
    docs = nlp.pipe((r["text"] for r in records), batch_size=settings.parse.batch_size)
    return [{"id": r["id"], "toponyms": [_toponym_dict(t) for t in geoparser(d)]}
            for r, d in zip(records, docs)]


def run_geoparse_eval(path: str | Path, settings: Settings) -> dict:
    """Runs the geoparser on a format B gold file and scores it."""
    from eventwire.geo import load_gazetteer

    gold = read_gold(path)
    if gold and "toponyms" not in gold[0]:
        raise UsageError("E050", f"{path} is not format B (no 'toponyms')")
    gaz = load_gazetteer(settings)

    def country_of(t: dict) -> str | None:
        entry = gaz.get(t["geonameid"]) if t.get("geonameid") else None
        return entry.country if entry else None

    return {"file": str(path), **score_geoparse(gold, predict_geoparse(gold, settings), country_of=country_of)}


def run_event_location_eval(path: str | Path, settings: Settings) -> dict:
    """Asks the locator which place each format C trigger happened at and scores it."""
    from eventwire.geo.locate import locate_records

    gold = read_gold(path)
    if gold and "trigger" not in gold[0]:
        raise UsageError("E050", f"{path} is not format C (no 'trigger')")
    chosen = locate_records(gold, settings)
    return {"file": str(path), **score_event_location(gold, lambda r: chosen.get(r["id"]))}


__all__ = ["read_gold", "run_event_location_eval", "run_geoparse_eval", "score_event_location",
           "score_geoparse"]
