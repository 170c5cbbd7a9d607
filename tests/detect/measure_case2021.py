"""Measure sub-event-type classification on the CASE 2021 task 2 dev snippets (format A).

Measurement only: the gold is ACLED-derived and is never used for rules or training.

    .venv/bin/python tests/detect/measure_case2021.py [path] [--errors] [--best]

Prints macro-F1 over the 25 sub-event types, micro accuracy (records whose top
prediction equals the gold sub-type, "no event" included), and per-type scores. The top
prediction is the first new (non-background) mention, or the most confident with --best.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

from eventwire.config import defaults
from eventwire.detect import DetectStage, load_taxonomy, ruler_patterns
from eventwire.parse import load_nlp
from eventwire.records import Document

DEFAULT = "/work/shared/eval/dev/case2021_task2.events.jsonl"


def predict(stage: DetectStage, nlp, records: list[dict], *, first: bool = False) -> list[str | None]:
    """The top mention's sub-type per record: most confident, or the first with ``first``."""
    out = []
    for rec, parsed in zip(records, nlp.pipe([r["text"] for r in records], batch_size=64)):
        doc = Document(id=str(rec["id"]), raw_text=rec["text"], published=rec.get("published"))
        doc.nlp = parsed
        found = stage(doc).mentions
        mentions = [m for m in found if not m.is_background] or found
        best = (mentions[0] if mentions else None) if first else max(mentions, key=lambda m: m.confidence,
                                                                         default=None)
        out.append(best.sub_event_type if best else None)
    return out


def scores(gold: list[str | None], pred: list[str | None], names: list[str] | None = None) -> dict:
    per = {}
    for name in names or load_taxonomy():
        tp = sum(g == p == name for g, p in zip(gold, pred))
        fp = sum(p == name and g != name for g, p in zip(gold, pred))
        fn = sum(g == name and p != name for g, p in zip(gold, pred))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        per[name] = {"p": prec, "r": rec, "f1": 2 * prec * rec / (prec + rec) if prec + rec else 0.0,
                     "n": tp + fn}
    present = [v["f1"] for v in per.values() if v["n"]]
    return {"macro_f1": sum(present) / len(present), "micro_accuracy": sum(g == p for g, p in zip(gold, pred)) / len(gold),
            "per_type": per}


def main(argv: list[str]) -> None:
    path = next((a for a in argv if not a.startswith("-")), DEFAULT)
    records = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines()]
    gold = [r["events"][0]["sub_event_type"] if r["events"] else None for r in records]
    settings = defaults()
    nlp = load_nlp(settings, ruler_patterns())
    stage = DetectStage(settings)
    t0 = time.perf_counter()
    pred = predict(stage, nlp, records, first="--best" not in argv)
    result = scores(gold, pred)
    kind = {name: t.event_type for name, t in load_taxonomy().items()}
    by_type = scores([kind.get(g) for g in gold], [kind.get(p) for p in pred], list(dict.fromkeys(kind.values())))
    print(f"records {len(records)}  macro-F1 {result['macro_f1']:.3f}  micro-acc {result['micro_accuracy']:.3f}"
          f"  ({time.perf_counter() - t0:.1f}s)")
    print(f"event type (6): macro-F1 {by_type['macro_f1']:.3f}  micro-acc {by_type['micro_accuracy']:.3f}")
    for name, v in result["per_type"].items():
        print(f"  {name:40s} P {v['p']:.2f} R {v['r']:.2f} F1 {v['f1']:.2f} n {v['n']}")
    if "--errors" in argv:
        for rec, g, p in zip(records, gold, pred):
            if g != p:
                print(f"[{g} -> {p}] {rec['text'][:300]}")
    print(Counter((g, p) for g, p in zip(gold, pred) if g != p).most_common(25))


if __name__ == "__main__":
    main(sys.argv[1:])
