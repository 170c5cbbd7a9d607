"""The golden set: hand-written articles with the events they must and must not yield.

Each article (``tests/golden/articles/*.json``, a JSON list, or ``*.jsonl``) has
``id``, ``published``, ``text``, ``why``, ``expect`` and ``must_not`` and may set
``max_events``. An expectation lists only what is certain about an event::

    {"event_type", "sub_event_type", "date_start", "date_end", "is_background",
     "actor1", "actor2", "location", "country", "fatalities_best",
     "attribution_type", "tags"}

A ``must_not`` constraint uses the same keys (plus ``{"any_event": true}``); it
is violated by any predicted event that satisfies all of its keys. A
``fatalities_best`` constraint is also violated by an equal low or high.

``score_golden(articles, predicted_by_id)`` pairs each expectation with the
predicted event of the same article that agrees on most fields and reports
per-field precision/recall/F1, must-not violations, and per article what was
missed and why.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from eventwire.errors import UsageError
from eventwire.evaluate.events import actor_matches, greedy_pairs, norm, prf
from eventwire.geo.normalize import loose_key

Record = dict[str, Any]

FIELDS = ("event_type", "sub_event_type", "date_start", "date_end", "is_background", "actor1", "actor2",
          "location", "country", "fatalities_best", "attribution_type", "tags")

# Golden vocabulary -> words that may appear in eventwire's own attribution types and tags.
ATTRIBUTION_WORDS = {
    "belligerent": ("belligerent", "government", "party", "military", "claim", "official"),
    "government": ("belligerent", "government", "official", "military", "authorit"),
    "anonymous_official": ("anonymous",),
    "monitor": ("monitor", "ngo", "rights", "observatory"),
    "media": ("media", "press", "news", "television", "agency"),
    "witness": ("witness", "resident", "local", "eyewitness"),
    "analyst": ("analyst", "expert", "research"),
}
TAG_WORDS = {
    "landmine_ied": ("landmine", "ied", "mine", "explosive"),
    "child_victims": ("child",),
    "aid_workers": ("aid",),
    "health_workers": ("health", "medic"),
    "journalists": ("journalist", "media", "press"),
    "cultural_heritage": ("heritage", "cultural"),
    "airstrike": ("air",),
    "chemical": ("chemical",),
}

# ------------------------------------------------------------------ loading


def load_golden(path: str | Path) -> list[Record]:
    """Articles from a directory of ``*.json`` lists / ``*.jsonl`` files, or one such file."""
    p = Path(path)
    files = sorted([*p.glob("*.json"), *p.glob("*.jsonl")]) if p.is_dir() else [p]
    articles = [a for f in files for a in _read_articles(f)]
    if not articles:
        raise UsageError("E050", f"{path}: no golden articles (*.json or *.jsonl)")
    for article in articles:
        _check_article(article, path)
    ids = Counter(a["id"] for a in articles)
    duplicated = [i for i, n in ids.items() if n > 1]
    if duplicated:
        raise UsageError("E050", f"{path}: duplicate article id {duplicated[0]!r}")
    return articles


def _read_articles(path: Path) -> list[Record]:
    try:
        text = path.read_text("utf-8")
        if path.suffix == ".jsonl":
            return [json.loads(line) for line in text.splitlines() if line.strip()]
        data = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError("E050", f"{path}: {exc.__class__.__name__}") from None
    return data if isinstance(data, list) else [data]


def _check_article(article: Any, path: str | Path) -> None:
    ok = (isinstance(article, dict) and isinstance(article.get("text"), str) and "id" in article
          and isinstance(article.get("expect"), list) and isinstance(article.get("must_not", []), list))
    if not ok:
        where = article.get("id") if isinstance(article, dict) else article
        raise UsageError("E050", f"{path}: golden article {where!r} needs 'id', 'text', 'expect' and 'must_not' lists")


def looks_golden(record: Record) -> bool:
    return isinstance(record, dict) and "expect" in record and "text" in record


# ----------------------------------------------------------- field checks


def _actor(gold: str, pred: Any) -> bool:
    if not pred:
        return False
    words = norm(gold)
    texts = [norm(pred.get("name")), norm(pred.get("mention"))] if isinstance(pred, dict) else [norm(pred)]
    return any(words and words in t for t in texts) or actor_matches(gold, pred)


def _location(gold: str, pred: Record) -> bool:
    name = norm((pred.get("location") or {}).get("name"))
    g = norm(gold)
    if not g or not name:
        return False
    compact = lambda s: s.replace(" ", "").replace("al", "")  # noqa: E731
    raw = (pred.get("location") or {}).get("name") or ""
    return g in name or name in g or compact(g) in compact(name) or set(g.split()) <= set(name.split()) \
        or loose_key(gold) == loose_key(raw)   # a spelling of the same name ("Khan Sheikhoun", "Khan Shaykhun")


def _date(gold: str, pred_value: str | None, pred: Record) -> bool:
    if pred_value == gold:
        return True
    month_only = gold.endswith("-01")
    candidates = [pred_value, pred.get("event_date")]
    return month_only and any(c and c[:7] == gold[:7] for c in candidates)


def _fatalities(gold: int, pred: Record, *, any_bound: bool = False) -> bool:
    f = pred.get("fatalities") or {}
    values = [f.get("best"), f.get("low"), f.get("high")] if any_bound else [f.get("best")]
    return gold in values


def _attribution(gold: str, pred: Record) -> bool:
    words = ATTRIBUTION_WORDS.get(gold, (gold,))
    kinds = [str(s.get("attribution_type") or "").lower() for s in pred.get("sources") or []]
    return any(w in k for k in kinds for w in words)


def _tags(gold: list[str], pred: Record) -> bool:
    tags = [str(t).lower() for t in pred.get("tags") or []]
    return all(any(w in t for t in tags for w in TAG_WORDS.get(g, (g,))) for g in gold)


def _actor_field(side: str) -> Callable[[Any, Record], bool]:
    other = "actor2" if side == "actor1" else "actor1"

    def check(gold: Any, pred: Record) -> bool:
        swap_ok = pred.get("event_type") == "Battles"
        return _actor(gold, pred.get(side)) or (swap_ok and _actor(gold, pred.get(other)))
    return check


_CHECKS: dict[str, Callable[[Any, Record], bool]] = {
    "event_type": lambda g, p: p.get("event_type") == g,
    "sub_event_type": lambda g, p: p.get("sub_event_type") == g,
    "date_start": lambda g, p: _date(g, p.get("date_start"), p),
    "date_end": lambda g, p: _date(g, p.get("date_end"), p),
    "is_background": lambda g, p: bool(p.get("is_background")) == bool(g),
    "actor1": _actor_field("actor1"),
    "actor2": _actor_field("actor2"),
    "location": _location,
    "country": lambda g, p: str((p.get("location") or {}).get("country") or "").upper() == str(g).upper(),
    "fatalities_best": lambda g, p: _fatalities(g, p),
    "attribution_type": _attribution,
    "tags": _tags,
}

# what a prediction "has" for a field (for precision: a filled but wrong field counts against it)
_FILLED: dict[str, Callable[[Record], bool]] = {
    "actor1": lambda p: bool(p.get("actor1")), "actor2": lambda p: bool(p.get("actor2")),
    "location": lambda p: bool((p.get("location") or {}).get("name")),
    "country": lambda p: bool((p.get("location") or {}).get("country")),
    "fatalities_best": lambda p: (p.get("fatalities") or {}).get("best") is not None,
    "attribution_type": lambda p: any(s.get("attribution_type") for s in p.get("sources") or []),
    "tags": lambda p: bool(p.get("tags")),
    "date_start": lambda p: bool(p.get("date_start")), "date_end": lambda p: bool(p.get("date_end")),
}


def field_results(expected: Record, pred: Record) -> dict[str, bool]:
    """Which of the expectation's fields the predicted event satisfies."""
    return {k: _CHECKS[k](v, pred) for k, v in expected.items() if k in _CHECKS}


def violates(constraint: Record, pred: Record) -> bool:
    """Does a predicted event satisfy every key of a must-not constraint?"""
    keys = {k: v for k, v in constraint.items() if k in _CHECKS}
    if constraint.get("any_event"):
        return True
    if not keys:
        return False
    ok = [_fatalities(v, pred, any_bound=True) if k == "fatalities_best" else _CHECKS[k](v, pred)
          for k, v in keys.items()]
    return all(ok)


# ------------------------------------------------------- kinds of numbers

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_KIND_PATTERNS = (
    ("age", r"{n}[- ]years?[- ]old|aged {n}\b|{n}[- ]month[- ]old"),
    ("percentage", r"{n} ?(?:%|percent|per cent)"),
    ("sorties_targets", r"{n} (?:\w+ )?(?:sorties|targets|strikes|raids|missions|flights|shells|rockets|drones)"),
    ("date", rf"\b{{n}} (?:{_MONTHS})|(?:{_MONTHS}) {{n}}\b"),
    ("duration", r"{n}[- ](?:hours?|days?|weeks?|months?|years?|minutes?)\b(?![- ]old)|{n}(?:st|nd|rd|th)[- ]century"),
)


def number_kinds(text: str, n: int) -> set[str]:
    """What a number next to a must-not fatality stands for in the text: age, percentage, year..."""
    digits = re.escape(f"{n:,}") + "|" + re.escape(str(n))
    kinds = {kind for kind, pattern in _KIND_PATTERNS
             if re.search(pattern.format(n=f"(?<![\\d,])(?:{digits})(?![\\d,])"), text, re.I)}
    if 1900 <= n <= 2100 and re.search(rf"(?<![\d,]){n}(?![\d,])", text):
        kinds.add("year")
    return kinds or {"count"}


# ------------------------------------------------------------------ pairing


def _kind_ok(results: dict[str, bool]) -> bool:
    """Right (sub-)event type and right background status: the expectation counts as found."""
    return results.get("sub_event_type", results.get("event_type", True)) and results.get("is_background", True)


def _agreement(expected: Record, pred: Record) -> tuple[int, int]:
    results = field_results(expected, pred)
    return (int(_kind_ok(results)), sum(results.values()))


def pair_expectations(expected: list[Record], predicted: list[Record]) -> list[tuple[Record, Record | None]]:
    """Greedy one-to-one pairing: same type first, then most agreeing fields."""
    return greedy_pairs(expected, predicted, _agreement)


# ------------------------------------------------------------------ scoring


class _FieldTally:
    def __init__(self) -> None:
        self.counts = {f: Counter() for f in FIELDS}

    def add(self, expected: Record, pred: Record | None) -> dict[str, bool]:
        results = field_results(expected, pred) if pred is not None else {k: False for k in expected if k in _CHECKS}
        for name, ok in results.items():
            c = self.counts[name]
            c["gold"] += 1
            filled = pred is not None and _FILLED.get(name, lambda p: True)(pred)
            c["predicted"] += filled
            c["correct"] += filled and ok
        return results

    def result(self) -> dict[str, Any]:
        return {f: prf(c["correct"], c["predicted"], c["gold"]) for f, c in self.counts.items() if c["gold"]}


def _miss_reason(expected: Record, pred: Record | None, results: dict[str, bool], n_preds: int) -> str:
    if pred is None:
        return "no event predicted" if not n_preds else f"all {n_preds} predicted events paired with other expectations"
    wrong = [k for k, ok in results.items() if not ok]
    got = {k: _describe(k, pred) for k in wrong}
    return "; ".join(f"{k}: want {expected[k]!r}, got {got[k]!r}" for k in wrong)


def _describe(field: str, pred: Record) -> Any:
    loc = pred.get("location") or {}
    actor = lambda k: (pred.get(k) or {}).get("name") if isinstance(pred.get(k), dict) else pred.get(k)  # noqa: E731
    return {"location": loc.get("name"), "country": loc.get("country"), "actor1": actor("actor1"),
            "actor2": actor("actor2"), "fatalities_best": (pred.get("fatalities") or {}).get("best"),
            "attribution_type": [s.get("attribution_type") for s in pred.get("sources") or []],
            }.get(field, pred.get(field))


def _score_article(article: Record, preds: list[Record], tally: _FieldTally, totals: Counter) -> Record:
    report: Record = {"id": article["id"], "why": article.get("why", ""), "predicted": len(preds),
                      "missed": [], "partial": [], "violations": []}
    for expected, pred in pair_expectations(article["expect"], preds):
        results = tally.add(expected, pred)
        totals["expected"] += 1
        type_ok = pred is not None and _kind_ok(results)
        totals["found"] += bool(type_ok)
        totals["complete"] += pred is not None and all(results.values())
        if not type_ok:
            report["missed"].append({"expected": expected, "reason": _miss_reason(expected, pred, results, len(preds))})
        elif not all(results.values()):
            report["partial"].append({"expected": expected, "reason": _miss_reason(expected, pred, results, len(preds))})
    for constraint in article.get("must_not", []):
        for pred in preds:
            if violates(constraint, pred):
                report["violations"].append({"constraint": constraint, "event": _brief(pred)})
                _count_violation(constraint, article["text"], totals)
                break
    if "max_events" in article and len(preds) > article["max_events"]:
        report["violations"].append({"constraint": {"max_events": article["max_events"]}, "event": len(preds)})
        totals["other_violations"] += 1
    return report


def _count_violation(constraint: Record, text: str, totals: Counter) -> None:
    if "fatalities_best" not in constraint:
        totals["other_violations"] += 1
        return
    totals["critical_violations"] += 1
    for kind in number_kinds(text, constraint["fatalities_best"]):
        totals[f"numbers:{kind}"] += 1


def _brief(pred: Record) -> str:
    loc = (pred.get("location") or {}).get("name")
    best = (pred.get("fatalities") or {}).get("best")
    bg = " background" if pred.get("is_background") else ""
    return f"{pred.get('sub_event_type')}{bg} {pred.get('date_start')} at {loc}, fatalities {best}"


def _type_precision(articles: list[Record], predicted_by_id: dict[str, list[Record]]) -> dict[str, Any]:
    """Share of new (non-background) predicted events whose sub-event type the article expects."""
    correct = total = 0
    for article in articles:
        wanted = {e.get("sub_event_type") or e.get("event_type") for e in article["expect"]}
        for pred in predicted_by_id.get(str(article["id"]), []):
            if pred.get("is_background"):
                continue
            total += 1
            correct += pred.get("sub_event_type") in wanted or pred.get("event_type") in wanted
    gold = sum(1 for a in articles for e in a["expect"] if e.get("sub_event_type") and not e.get("is_background"))
    return {"precision": round(correct / total, 4) if total else None, "correct": correct, "predicted": total,
            "gold_typed_new": gold}


def score_golden(articles: list[Record], predicted_by_id: dict[str, list[Record]]) -> Record:
    """Score predicted event records (grouped by article id) against the golden articles."""
    tally, totals = _FieldTally(), Counter()
    reports = [_score_article(a, predicted_by_id.get(str(a["id"]), []), tally, totals) for a in articles]
    empty = [a for a in articles if not a["expect"]]
    silent = sum(1 for a in empty if not [p for p in predicted_by_id.get(str(a["id"]), [])
                                          if not p.get("is_background")])
    return {
        "articles": len(articles), "expected_events": totals["expected"],
        "found": totals["found"], "recall": round(totals["found"] / totals["expected"], 4) if totals["expected"] else None,
        "complete": totals["complete"],
        "type_precision": _type_precision(articles, predicted_by_id),
        "fields": tally.result(),
        "no_event_articles": len(empty), "no_event_articles_silent": silent,
        "critical_violations": totals["critical_violations"], "other_violations": totals["other_violations"],
        "number_violations_by_kind": {k.split(":", 1)[1]: v for k, v in sorted(totals.items()) if k.startswith("numbers:")},
        "per_article": reports,
    }


def run_golden_eval(path: str | Path, settings: Any, *, limit: int | None = None,
                    extractor: Any = None) -> Record:
    """Run the extractor over the golden articles (background included) and score them."""
    from eventwire.evaluate.events import extract_by_document, gold_documents

    articles = load_golden(path)[:limit] if limit else load_golden(path)
    docs = gold_documents([{**a, "dataset": "golden"} for a in articles])
    predicted = extract_by_document(settings, docs, include_background=True, extractor=extractor)
    return {**score_golden(articles, predicted), "dataset": "golden"}


def score_golden_predictions(path: str | Path, predictions_path: str | Path) -> Record:
    from eventwire.evaluate.events import predictions_by_document, read_jsonl

    predicted = predictions_by_document(read_jsonl(predictions_path, what="prediction", allow_empty=True))
    return {**score_golden(load_golden(path), predicted), "dataset": "golden"}


def iter_table(result: Record, *, detail: bool = True) -> Iterator[str]:
    """Human-readable lines for a golden-set result."""
    yield f"golden set: {result['articles']} articles, {result['expected_events']} expected events"
    yield f"  found (right type) {result['found']}/{result['expected_events']} = {result['recall']}, " \
          f"all fields right {result['complete']}"
    tp = result["type_precision"]
    yield f"  type precision (new events) {tp['precision']}  ({tp['correct']}/{tp['predicted']})"
    yield f"  no-event articles silent {result['no_event_articles_silent']}/{result['no_event_articles']}"
    kinds = ", ".join(f"{k} {v}" for k, v in result["number_violations_by_kind"].items()) or "none"
    yield f"  must-not violations: critical (numbers as fatalities) {result['critical_violations']} ({kinds}), " \
          f"other {result['other_violations']}"
    for name, s in result["fields"].items():
        yield f"  {name:<18} P {s['precision']}  R {s['recall']}  F1 {s['f1']}  (gold {s['gold']})"
    if detail:
        yield from _article_lines(result["per_article"])


def _article_lines(reports: list[Record]) -> Iterator[str]:
    for r in reports:
        if not (r["missed"] or r["partial"] or r["violations"]):
            continue
        yield f"  {r['id']}: {r['why']}"
        for m in r["missed"]:
            yield f"    MISSED {m['expected'].get('sub_event_type') or m['expected'].get('event_type')}: {m['reason']}"
        for m in r["partial"]:
            yield f"    partial {m['expected'].get('sub_event_type') or m['expected'].get('event_type')}: {m['reason']}"
        for v in r["violations"]:
            yield f"    MUST-NOT {v['constraint']}: {v['event']}"
