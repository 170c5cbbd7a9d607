"""Score eventwire on the blind paraphrase suite (``tests/detect/data/paraphrases.jsonl``).

The suite was written by someone who saw neither the code nor the training examples: at least 12 sentences
per ACLED sub-event type, in many phrasings and registers, and 130+ sentences that report no event. Each
sentence is one document; its predicted label is the sub-event type of its most confident event (background
included: the suite judges detection, not the story stage), or "none".

    .venv/bin/python tests/detect/_paraphrase.py [--config FILE] [--errors]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

SUITE = Path(__file__).resolve().parent / "data" / "paraphrases.jsonl"
PUBLISHED = "2024-06-15"


def load_suite(path: Path = SUITE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def predict(rows: list[dict[str, Any]], extractor: Any) -> list[str]:
    out = []
    docs = ({"id": r["id"], "text": r["text"], "published": PUBLISHED} for r in rows)
    for _, events in extractor.pipe(docs, include_background=True):
        top = max(events, key=lambda e: e.confidence, default=None)
        out.append(top.sub_event_type if top is not None else "none")
    return out


def score(rows: list[dict[str, Any]], predicted: list[str]) -> dict[str, Any]:
    gold = [r["label"] for r in rows]
    right = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    total = Counter(gold)
    events = [(g != "none", p != "none") for g, p in zip(gold, predicted, strict=True)]
    return {
        "accuracy": round(sum(right.values()) / len(rows), 3),
        "event_recall": round(sum(g and p for g, p in events) / max(1, sum(g for g, _ in events)), 3),
        "non_event_specificity": round(sum(not g and not p for g, p in events)
                                       / max(1, sum(not g for g, _ in events)), 3),
        "per_label": {k: round(right[k] / n, 3) for k, n in sorted(total.items())},
        "n": len(rows),
    }


def main() -> None:
    from eventwire.config import load_settings
    from eventwire.extract import Extractor

    parser = argparse.ArgumentParser()
    parser.add_argument("--config")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    rows = load_suite()
    predicted = predict(rows, Extractor(load_settings(args.config)))
    print(json.dumps(score(rows, predicted), indent=1))
    if args.errors:
        for r, p in zip(rows, predicted, strict=True):
            if r["label"] != p:
                print(f"{r['id']}\t{r['label']}\t->\t{p}\t{r['text']}")


if __name__ == "__main__":
    main()
