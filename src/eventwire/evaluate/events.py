"""Scorer for event gold in format A (``../shared/eval/README.md``).

``score_events(gold_records, predicted_by_id)`` is a pure function: gold
records (dicts with ``id``, ``text``, ``events``, ``non_event_label``) and the
predicted event records (dicts following DESIGN.md's contract) grouped by
document id. It pairs each gold event with at most one predicted event of the
same record (greedy, best agreement first) and scores:

* detection: share of gold events found; predictions on records that gold marks
  as non-events are false positives. Other predictions on a record that has
  gold events are not penalised (one headline often yields several events).
* event_type / sub_event_type: per-class, micro and macro precision/recall/F1
  where gold gives a type, and a confusion table of sub-event types.
* actors (normalised names, small alias map), dates (exact start, within the
  gold range), fatalities (best exact, within [low, high]), location.

``run_events_eval`` builds ``Document`` records from a gold file and runs the
extractor to get the predictions; with ``by_rule=True`` it also reports, per
detection rule (``data/rules.toml``), the mentions it fired and the precision of
the sub-event type of the events it gave (``score_by_rule``).
"""

from __future__ import annotations

import json
import math
import random
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from unidecode import unidecode

from eventwire.errors import UsageError

NONE = "(none)"
Record = dict[str, Any]

# ---------------------------------------------------------------- reading gold


def read_jsonl(path: str | Path, *, what: str = "gold", allow_empty: bool = False) -> list[Record]:
    """Records of a JSONL file; a missing or malformed file is a clean E050 error."""
    p = Path(path)
    try:
        lines = p.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError("E050", f"{path}: {exc.__class__.__name__}") from None
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise UsageError("E050", f"{path}:{number}: line is not valid JSON") from None
        if not isinstance(record, dict):
            raise UsageError("E050", f"{path}:{number}: a {what} line must be a JSON object")
        records.append(record)
    if not records and not allow_empty:
        raise UsageError("E050", f"{path}: no records")
    return records


def check_format_a(records: list[Record], path: str | Path) -> None:
    """Raise E050 unless every record has ``id``, ``text`` and a list of ``events``."""
    for number, record in enumerate(records, 1):
        ok = isinstance(record.get("text"), str) and isinstance(record.get("events"), list)
        if not ok or "id" not in record:
            raise UsageError("E050", f"{path}: record {number} lacks 'id', 'text' or an 'events' list")


def predictions_by_document(records: Iterable[Record]) -> dict[str, list[Record]]:
    """Group extract output (event records) by each ``sources[].document_id``."""
    grouped: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        ids = {str(s.get("document_id")) for s in record.get("sources") or [] if s.get("document_id") is not None}
        for doc_id in ids:
            grouped[doc_id].append(record)
    return dict(grouped)


# ------------------------------------------------------------- normalisation


def norm(text: str | None) -> str:
    """Lower-case ASCII words: no parentheses, punctuation, leading article or 'al-' hyphen."""
    if not text:
        return ""
    text = unidecode(str(text)).lower()
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"[’'`]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Normalised alias -> canonical key, from ``data/eval_actor_aliases.json``."""
    raw = json.loads(resources.files("eventwire").joinpath("data/eval_actor_aliases.json").read_text("utf-8"))
    table = {}
    for canonical, aliases in raw["aliases"].items():
        for alias in [canonical, *aliases]:
            table[norm(alias)] = norm(canonical)
    return table


_STATE = re.compile(r"^(?:government|military forces|armed forces|police forces|state forces|army|military|"
                    r"forces|regime) of (.+)$")


def canonical_actor(name: str | None) -> str:
    """A comparable key: alias map first, then 'Government of X' ~ 'Military Forces of X'."""
    key = norm(name)
    key = _aliases().get(key, key)
    match = _STATE.match(key)
    if match:
        return "state forces of " + match.group(1)
    return key


def _tokens(key: str) -> set[str]:
    return {t for t in key.split() if t not in {"of", "the", "al", "and", "forces"}}


def actor_matches(gold: str | None, predicted: Any) -> bool:
    """Does a predicted actor (dict with name/mention, or a string) name the gold actor?

    A gold value listing several groups ("Ahrar al-Sham, HTS") matches any of
    them; names match when their canonical keys are equal or the content words
    of one contain the other's.
    """
    if not gold or not predicted:
        return False
    names = [predicted.get("name"), predicted.get("mention")] if isinstance(predicted, dict) else [predicted]
    keys = [canonical_actor(n) for n in names if n]
    for part in [gold, *str(gold).split(",")]:
        g = canonical_actor(part)
        if g and any(k and (k == g or _contains(k, g)) for k in keys):
            return True
    return False


def _contains(a: str, b: str) -> bool:
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta) and bool(tb) and (ta <= tb or tb <= ta)


def _location_name_matches(gold: str | None, predicted: str | None) -> bool:
    stop = {"village", "town", "city", "district", "governorate", "province", "region", "area", "camp",
            "neighborhood", "neighbourhood", "subdistrict", "countryside", "of"}
    g = {t for t in norm(gold).split() if t not in stop}
    p = {t for t in norm(predicted).split() if t not in stop}
    return bool(g) and bool(p) and (g <= p or p <= g)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlon = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


# ------------------------------------------------------------------- pairing


def _best_date(pred: Record) -> str | None:
    return pred.get("event_date") or pred.get("date_start") or pred.get("date_end")


def _fatalities(pred: Record) -> dict[str, Any]:
    return pred.get("fatalities") or {}


def _agreement(gold: Record, pred: Record) -> float:
    """How well a prediction agrees with a gold event (used only to pair them)."""
    score = 0.1
    if gold.get("sub_event_type") and gold["sub_event_type"] == pred.get("sub_event_type"):
        score += 4
    if gold.get("event_type") and gold["event_type"] == pred.get("event_type"):
        score += 2
    score += actor_matches(gold.get("actor1"), pred.get("actor1")) + actor_matches(gold.get("actor2"), pred.get("actor2"))
    score += 0.5 * bool(gold.get("date_start") and gold["date_start"] == pred.get("date_start"))
    best = gold.get("fatalities_best")
    score += 0.5 * bool(best is not None and best == _fatalities(pred).get("best"))
    return score


def greedy_pairs(gold: list[Record], predicted: list[Record],
                 agreement: Callable[[Record, Record], Any]) -> list[tuple[Record, Record | None]]:
    """One-to-one greedy pairing of gold and predicted records, best agreement first (ties: order).

    ``agreement`` returns anything orderable (a number, or a tuple compared field by field).
    """
    candidates = sorted(((agreement(g, p), gi, pi) for gi, g in enumerate(gold)
                         for pi, p in enumerate(predicted)), key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in candidates:
        if gi not in chosen and pi not in used:
            chosen[gi] = pi
            used.add(pi)
    return [(g, predicted[chosen[i]] if i in chosen else None) for i, g in enumerate(gold)]


def pair_events(gold_events: list[Record], predicted: list[Record]) -> list[tuple[Record, Record | None]]:
    """One-to-one greedy pairing of gold and predicted events of one record, best agreement first."""
    return greedy_pairs(gold_events, predicted, _agreement)


# ------------------------------------------------------------------- metrics


def prf(correct: int, predicted: int, gold: int) -> dict[str, Any]:
    """Precision, recall and F1 (None where undefined), with the counts."""
    p = correct / predicted if predicted else None
    r = correct / gold if gold else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None or r is not None else None)
    return {"precision": _r(p), "recall": _r(r), "f1": _r(f), "correct": correct, "predicted": predicted,
            "gold": gold}


def _r(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def classification_scores(pairs: list[tuple[str, str]]) -> dict[str, Any] | None:
    """Per-class, micro and macro P/R/F1 from (gold label, predicted label) pairs; NONE is no class."""
    if not pairs:
        return None
    labels = sorted(({g for g, _ in pairs} | {p for _, p in pairs}) - {NONE})
    per_class = {}
    for label in labels:
        tp = sum(1 for g, p in pairs if g == label and p == label)
        per_class[label] = prf(tp, sum(1 for _, p in pairs if p == label), sum(1 for g, _ in pairs if g == label))
    tp = sum(1 for g, p in pairs if g == p and g != NONE)
    micro = prf(tp, sum(1 for _, p in pairs if p != NONE), sum(1 for g, _ in pairs if g != NONE))
    f1s = [c["f1"] or 0.0 for c in per_class.values()]
    ps = [c["precision"] or 0.0 for c in per_class.values()]
    rs = [c["recall"] or 0.0 for c in per_class.values()]
    macro = {k: _r(sum(v) / len(v)) if v else None for k, v in (("precision", ps), ("recall", rs), ("f1", f1s))}
    return {"micro": micro, "macro": macro, "per_class": per_class, "n": len(pairs)}


def confusion(pairs: list[tuple[str, str]]) -> dict[str, dict[str, int]]:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for g, p in pairs:
        table[g][p] += 1
    return {g: dict(sorted(c.items())) for g, c in sorted(table.items())}


class _Tally:
    """Counts behind one field's P/R/F1: correct, predicted (non-null), gold (non-null)."""

    def __init__(self) -> None:
        self.correct = self.predicted = self.gold = 0

    def add(self, gold_known: bool, predicted_known: bool, correct: bool) -> None:
        if not gold_known:
            return
        self.gold += 1
        self.predicted += predicted_known
        self.correct += predicted_known and correct

    def result(self) -> dict[str, Any] | None:
        return prf(self.correct, self.predicted, self.gold) if self.gold else None


_FIELDS = ("actor1", "actor2", "actors_any_side", "date_start_exact", "date_in_range", "fatalities_best_exact",
           "fatalities_best_exact_stated", "fatalities_in_range", "location_name", "location_country",
           "location_within_25km")


def _number_stated(text: str, n: int) -> bool:
    """Is the number written in the text (digits, or a word up to twenty)?"""
    words = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
             "sixteen seventeen eighteen nineteen twenty").split()
    if re.search(rf"(?<![\d.,]){n}(?![\d]|,\d)", text.replace(",", "") if n >= 1000 else text):
        return True
    return n < len(words) and n > 0 and re.search(rf"\b{words[n]}\b", text, re.I) is not None


def _in_range(day: str | None, start: str | None, end: str | None) -> bool:
    if not day or (not start and not end):
        return False
    return (not start or day >= start) and (not end or day <= end)


def _score_actors(t: dict[str, _Tally], g: Record, p: Record | None) -> None:
    for side in ("actor1", "actor2"):
        pa = p.get(side) if p else None
        t[side].add(bool(g.get(side)), bool(pa), actor_matches(g.get(side), pa))
        pool = [p.get("actor1"), p.get("actor2"), *(p.get("assoc_actor_1") or []), *(p.get("assoc_actor_2") or [])] if p else []
        t["actors_any_side"].add(bool(g.get(side)), any(pool), any(actor_matches(g.get(side), a) for a in pool))


def _score_dates(t: dict[str, _Tally], g: Record, p: Record | None) -> None:
    day = _best_date(p) if p else None
    t["date_start_exact"].add(bool(g.get("date_start")), bool(p and p.get("date_start")),
                              bool(p and p.get("date_start") == g.get("date_start")))
    t["date_in_range"].add(bool(g.get("date_start") or g.get("date_end")), bool(day),
                           _in_range(day, g.get("date_start"), g.get("date_end")))


def _score_fatalities(t: dict[str, _Tally], g: Record, p: Record | None, text: str) -> None:
    best = _fatalities(p).get("best") if p else None
    gold_best, low, high = g.get("fatalities_best"), g.get("fatalities_low"), g.get("fatalities_high")
    predicted_best = best if best is not None else (0 if p is not None else None)
    t["fatalities_best_exact"].add(gold_best is not None, predicted_best is not None, predicted_best == gold_best)
    stated = gold_best is not None and gold_best > 0 and _number_stated(text, gold_best)
    t["fatalities_best_exact_stated"].add(stated, best is not None, best == gold_best)
    lo, hi = (low if low is not None else gold_best), (high if high is not None else gold_best)
    within = predicted_best is not None and lo is not None and hi is not None and lo <= predicted_best <= hi
    t["fatalities_in_range"].add(lo is not None and hi is not None, predicted_best is not None, within)


def _score_location(t: dict[str, _Tally], g: Record, p: Record | None) -> None:
    gl = g.get("location") or {}
    pl = (p.get("location") if p else None) or {}
    t["location_name"].add(bool(gl.get("name")), bool(pl.get("name")),
                           _location_name_matches(gl.get("name"), pl.get("name")))
    t["location_country"].add(bool(gl.get("country")), bool(pl.get("country")),
                              str(gl.get("country")).upper() == str(pl.get("country")).upper())
    coords = None not in (gl.get("lat"), gl.get("lon"), pl.get("lat"), pl.get("lon"))
    close = coords and _km(gl["lat"], gl["lon"], pl["lat"], pl["lon"]) <= 25.0
    t["location_within_25km"].add(gl.get("lat") is not None, pl.get("lat") is not None, bool(close))


# ------------------------------------------------------------------ scoring


def _label(event: Record | None, key: str) -> str:
    return (event or {}).get(key) or NONE


def score_events(gold_records: list[Record], predicted_by_id: dict[str, list[Record]]) -> dict[str, Any]:
    """Score predicted event records against format A gold (see the module docstring)."""
    tallies = {name: _Tally() for name in _FIELDS}
    types: dict[str, list[tuple[str, str]]] = {"event_type": [], "sub_event_type": [], "sub_event_type_top": []}
    det = Counter()
    for record in gold_records:
        preds = predicted_by_id.get(str(record["id"]), [])
        det["predicted_events"] += len(preds)
        if not record["events"]:
            _score_non_event(record, preds, det, types)
            continue
        _score_top(record, preds, types["sub_event_type_top"])
        for g, p in pair_events(record["events"], preds):
            det["gold_events"] += 1
            det["found"] += p is not None
            for key in ("event_type", "sub_event_type"):
                if g.get(key):
                    types[key].append((g[key], _label(p, key)))
            _score_actors(tallies, g, p)
            _score_dates(tallies, g, p)
            _score_fatalities(tallies, g, p, record["text"])
            _score_location(tallies, g, p)
    return _summary(gold_records, det, types, tallies)


def _score_non_event(record: Record, preds: list[Record], det: Counter, types: dict[str, list]) -> None:
    det["non_event_records"] += 1
    det["false_positive_records"] += bool(preds)
    det["false_positive_events"] += len(preds)
    for p in preds:
        for key in ("event_type", "sub_event_type"):
            types[key].append((NONE, _label(p, key)))
    if preds:
        types["sub_event_type_top"].append((NONE, _label(_top(preds), "sub_event_type")))


def _top(preds: list[Record]) -> Record:
    """The prediction a single-label scorer would keep: highest confidence, new before background."""
    return max(preds, key=lambda p: (not p.get("is_background"), p.get("confidence") or 0.0))


def _score_top(record: Record, preds: list[Record], pairs: list[tuple[str, str]]) -> None:
    """Single-label view of a one-event record: only the top prediction's sub-event type counts."""
    events = record["events"]
    if len(events) == 1 and events[0].get("sub_event_type"):
        pairs.append((events[0]["sub_event_type"], _label(_top(preds), "sub_event_type") if preds else NONE))


def _summary(gold_records: list[Record], det: Counter, types: dict[str, list], tallies: dict[str, _Tally]) -> dict[str, Any]:
    typed = {k: [pair for pair in v if pair[0] != NONE] for k, v in types.items()}
    has_types = bool(typed["event_type"])
    non_events = det["non_event_records"]
    detection = {
        "gold_events": det["gold_events"], "found": det["found"],
        "recall": _r(det["found"] / det["gold_events"]) if det["gold_events"] else None,
        "non_event_records": non_events, "false_positive_records": det["false_positive_records"],
        "false_positive_events": det["false_positive_events"],
        "non_event_specificity": _r(1 - det["false_positive_records"] / non_events) if non_events else None,
    }
    return {
        "records": len(gold_records), "predicted_events": det["predicted_events"], "detection": detection,
        "event_type": classification_scores(types["event_type"]) if has_types else None,
        "sub_event_type": classification_scores(types["sub_event_type"]) if typed["sub_event_type"] else None,
        "sub_event_type_top": classification_scores(types["sub_event_type_top"]) if typed["sub_event_type"] else None,
        "confusion": confusion(types["sub_event_type"]) if typed["sub_event_type"] else {},
        "fields": {name: t.result() for name, t in tallies.items()},
    }


# ------------------------------------------------------------------- running

CHECK_SHARE = 0.4   # format A dev sets: 60% tune, 40% check


def gold_documents(records: list[Record]) -> list[Any]:
    """One ``Document`` per gold record (id, raw text, publication date)."""
    from eventwire.records import Document

    return [Document(id=str(r["id"]), raw_text=r["text"], source=str(r.get("dataset") or ""),
                     format="jsonl", published=r.get("published")) for r in records]


def extract_by_document(settings: Any, documents: list[Any], *, include_background: bool = True,
                        extractor: Any = None, rules_seen: dict[str, RuleTrace] | None = None
                        ) -> dict[str, list[Record]]:
    """Event records per document, each document fused on its own (no cross-record merging), through
    the one extraction path (``Extractor.pipe``); ``rules_seen`` (when given) gets each document's
    ``RuleTrace``."""
    from eventwire.extract import Extractor

    extractor = extractor or Extractor(settings)
    out: dict[str, list[Record]] = {}
    for doc, events in extractor.pipe(documents, include_background=include_background):
        out[doc.id] = [e.to_dict() for e in events]
        if rules_seen is not None:
            rules_seen[doc.id] = rule_trace(doc.mentions, events)
    return out


# ------------------------------------------------------------------- by rule

RuleTrace = tuple[list[str], Counter]   # the rule behind each event (in order), mentions fired per rule
NO_RULE = "(no rule)"


def rule_trace(mentions: Iterable[Any], events: Iterable[Any]) -> RuleTrace:
    """Which rule each event stands on (its first mention of the event's sub-event type, else its first
    mention) and how many mentions each rule fired."""
    by_id = {m.mention_id: m for m in mentions}
    behind = []
    for event in events:
        found = [by_id[i] for i in event.mention_ids if i in by_id]
        same = [m for m in found if m.sub_event_type == event.sub_event_type] or found
        behind.append(same[0].rule or NO_RULE if same else NO_RULE)
    return behind, Counter(m.rule or NO_RULE for m in by_id.values())


def score_by_rule(records: list[Record], predicted: dict[str, list[Record]], traces: dict[str, RuleTrace]
                  ) -> dict[str, dict[str, Any]]:
    """Per rule: mentions fired (``hits``), events it gave, how many of them are right (paired with a gold
    event of the same sub-event type; any event on a non-event record is wrong) and that precision.
    ``traces`` are keyed like ``predicted`` (record id)."""
    hits: Counter = Counter()
    seen: Counter = Counter()
    right: Counter = Counter()
    for record in records:
        rid = str(record["id"])
        preds = predicted.get(rid, [])
        behind, fired = traces.get(rid, ([], Counter()))
        hits.update(fired)
        good = {id(p) for g, p in pair_events(record["events"], preds)
                if p is not None and g.get("sub_event_type") == p.get("sub_event_type")}
        for pred, rule in zip(preds, behind):
            seen[rule] += 1
            right[rule] += id(pred) in good
    return {rule: {"hits": hits[rule], "events": seen[rule], "right": right[rule],
                   "precision": _r(right[rule] / seen[rule]) if seen[rule] else None}
            for rule in sorted(set(hits) | set(seen), key=lambda r: (-hits[r], r))}


def by_rule_report(records: list[Record], predicted: dict[str, list[Record]], traces: dict[str, RuleTrace], *,
                   check_share: float = CHECK_SHARE) -> dict[str, Any]:
    """``score_by_rule`` on the whole set and on its tune and check halves."""
    from eventwire.evaluate import split_of

    halves = {half: score_by_rule([r for r in records if split_of(str(r["id"]), check_share=check_share) == half],
                                  predicted, traces) for half in ("tune", "check")}
    return {"all": score_by_rule(records, predicted, traces), **halves}


def iter_by_rule(report: dict[str, Any]) -> Iterator[str]:
    """Human-readable lines for a by-rule report: one line per rule, all / tune / check."""
    yield f"  {'rule':<36} {'hits':>5} {'events':>6} {'right':>5} {'prec':>6}   {'tune':>11}   {'check':>11}"
    for rule, row in report["all"].items():
        halves = []
        for half in ("tune", "check"):
            h = report[half].get(rule)
            halves.append(f"{_fmt(h['precision'])} of {h['events']:>3}" if h and h["events"] else f"{'-':>11}")
        yield (f"  {rule:<36} {row['hits']:>5} {row['events']:>6} {row['right']:>5} {_fmt(row['precision']):>6}"
               f"   {halves[0]:>11}   {halves[1]:>11}")


def select(records: list[Record], *, limit: int | None = None, sample: int | None = None,
           seed: int = 13) -> list[Record]:
    """The first ``limit`` records, or a reproducible random ``sample`` of them."""
    if sample is not None and sample < len(records):
        records = sorted(random.Random(seed).sample(records, sample), key=lambda r: str(r["id"]))
    return records[:limit] if limit is not None else records


def _unique_documents(records: list[Record]) -> tuple[list[Record], dict[str, str]]:
    """One record per distinct (text, published); map each record id to its representative id."""
    first: dict[tuple[str, Any], str] = {}
    rep: dict[str, str] = {}
    unique = []
    for r in records:
        key = (r["text"], r.get("published"))
        if key not in first:
            first[key] = str(r["id"])
            unique.append(r)
        rep[str(r["id"])] = first[key]
    return unique, rep


def run_events_eval(path: str | Path, settings: Any, *, limit: int | None = None, sample: int | None = None,
                    extractor: Any = None, by_rule: bool = False) -> dict[str, Any]:
    """Run the extractor on a format A gold file and score it; recurring texts are extracted once.
    ``by_rule`` adds ``by_rule``: each detection rule's hits and precision (all, tune, check)."""
    records = read_jsonl(path)
    check_format_a(records, path)
    records = select(records, limit=limit, sample=sample)
    unique, rep = _unique_documents(records)
    traces: dict[str, RuleTrace] | None = {} if by_rule else None
    started = time.perf_counter()
    by_doc = extract_by_document(settings, gold_documents(unique), extractor=extractor, rules_seen=traces)
    elapsed = time.perf_counter() - started
    predicted = {rid: by_doc.get(doc_id, []) for rid, doc_id in rep.items()}
    result = score_events(records, predicted)
    result.update(dataset=_dataset_name(records, path), documents=len(unique), seconds=round(elapsed, 2),
                  halves=score_halves(records, predicted))
    if traces is not None:
        result["by_rule"] = by_rule_report(records, predicted, {rid: traces.get(doc_id, ([], Counter()))
                                                                for rid, doc_id in rep.items()})
    return result


def score_halves(records: list[Record], predicted: dict[str, list[Record]], *,
                 check_share: float = CHECK_SHARE) -> dict[str, Any]:
    """The main scores on the ``tune`` and ``check`` halves (split by a hash of the record id): study
    errors on tune, report check; a gain on tune that check does not see is not a gain."""
    from eventwire.evaluate import split_of

    out: dict[str, Any] = {}
    for half in ("tune", "check"):
        part = [r for r in records if split_of(str(r["id"]), check_share=check_share) == half]
        if part:
            scored = score_events(part, predicted)
            out[half] = {"records": len(part), "detection_recall": scored["detection"]["recall"],
                         **{k: (scored.get(k) or {}).get("macro", {}).get("f1")
                            for k in ("event_type", "sub_event_type", "sub_event_type_top")},
                         "reliability": reliability(part, predicted)}
    return out


RELIABILITY_BINS = (0.0, 0.5, 0.8, 0.9, 1.01)


def reliability(records: list[Record], predicted: dict[str, list[Record]]) -> list[dict[str, Any]]:
    """Does confidence mean something? Predicted events binned by confidence, each with the share that is
    right (paired with a gold event of the same sub-event type; any event on a non-event record is wrong)."""
    right: Counter = Counter()
    seen: Counter = Counter()
    for record in records:
        preds = predicted.get(str(record["id"]), [])
        good = {id(p) for g, p in pair_events(record["events"], preds)
                if p is not None and g.get("sub_event_type") == p.get("sub_event_type")}
        for p in preds:
            conf = float(p.get("confidence") or 0.0)
            b = next(i for i in range(len(RELIABILITY_BINS) - 1) if conf < RELIABILITY_BINS[i + 1])
            seen[b] += 1
            right[b] += id(p) in good
    return [{"confidence": f"{RELIABILITY_BINS[b]:.1f}-{min(1.0, RELIABILITY_BINS[b + 1]):.1f}",
             "events": seen[b], "right": round(right[b] / seen[b], 3) if seen[b] else None}
            for b in range(len(RELIABILITY_BINS) - 1)]


def score_prediction_file(gold_path: str | Path, predictions_path: str | Path) -> dict[str, Any]:
    """Score a JSONL file of extract output against a format A gold file."""
    records = read_jsonl(gold_path)
    check_format_a(records, gold_path)
    predicted = predictions_by_document(read_jsonl(predictions_path, what="prediction", allow_empty=True))
    result = score_events(records, predicted)
    result.update(dataset=_dataset_name(records, gold_path), halves=score_halves(records, predicted))
    return result


def _dataset_name(records: list[Record], path: str | Path) -> str:
    return str(records[0].get("dataset") or Path(path).name.split(".")[0])


def iter_table(result: dict[str, Any]) -> Iterator[str]:
    """Human-readable lines for one format A result."""
    det = result["detection"]
    yield f"dataset {result.get('dataset')}: {result['records']} records, {det['gold_events']} gold events, " \
          f"{result['predicted_events']} predicted"
    yield f"  detection recall {_fmt(det['recall'])}  ({det['found']}/{det['gold_events']})"
    if det["non_event_records"]:
        yield f"  non-event records {det['non_event_records']}, with predictions {det['false_positive_records']} " \
              f"(specificity {_fmt(det['non_event_specificity'])})"
    for key in ("event_type", "sub_event_type", "sub_event_type_top"):
        s = result.get(key)
        if s:
            yield f"  {key:<30} micro P {_fmt(s['micro']['precision'])} R {_fmt(s['micro']['recall'])} " \
                  f"F1 {_fmt(s['micro']['f1'])}   macro P {_fmt(s['macro']['precision'])} " \
                  f"R {_fmt(s['macro']['recall'])} F1 {_fmt(s['macro']['f1'])}"
    for name, s in result["fields"].items():
        if s:
            yield f"  {name:<30} P {_fmt(s['precision'])} R {_fmt(s['recall'])} F1 {_fmt(s['f1'])}  " \
                  f"(correct {s['correct']}, predicted {s['predicted']}, gold {s['gold']})"
    for half, h in (result.get("halves") or {}).items():
        yield (f"  {half:<6} ({h['records']} records) macro-F1 event type {_fmt(h['event_type'])}, sub-event "
               f"{_fmt(h['sub_event_type'])}, top sub-event {_fmt(h['sub_event_type_top'])}; "
               f"detection recall {_fmt(h['detection_recall'])}")
        bins = [f"{b['confidence']}: {_fmt(b['right'])} of {b['events']}" for b in h.get("reliability") or []]
        if bins:
            yield "         right by confidence  " + "; ".join(bins)
    yield from _confusion_lines(result.get("confusion") or {})
    if result.get("by_rule"):
        yield "  by rule (hits: mentions fired; events, right, precision of the sub-event type; tune, check)"
        yield from iter_by_rule(result["by_rule"])


def _confusion_lines(table: dict[str, dict[str, int]]) -> Iterator[str]:
    if not table:
        return
    yield "  confusion (gold -> predicted: count)"
    for gold, row in table.items():
        cells = ", ".join(f"{p} {n}" for p, n in sorted(row.items(), key=lambda kv: -kv[1]))
        yield f"    {gold:<38} {cells}"


def _fmt(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "  -  "
