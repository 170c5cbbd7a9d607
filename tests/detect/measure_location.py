"""Event location from the syntax, measured on the event_location dev set (format C).

Measurement only. For each gold trigger, ``location_text`` is asked for the
place the event happened at; a prediction is right when it overlaps a gold
location span.

    .venv/bin/python tests/detect/measure_location.py [path] [--limit N]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from eventwire.config import defaults
from eventwire.detect import ruler_patterns
from eventwire.detect.location import location_text
from eventwire.geo import ToponymStage
from eventwire.parse import load_nlp
from eventwire.records import Document

DEFAULT = "/work/shared/eval/dev/event_location.jsonl"


def main(argv: list[str]) -> None:
    path = next((a for a in argv if a.endswith(".jsonl")), DEFAULT)
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    records = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines()][:limit]
    settings = defaults()
    nlp = load_nlp(settings, ruler_patterns())
    toponyms = ToponymStage(settings)
    predicted = correct = 0
    for rec, sdoc in zip(records, nlp.pipe([r["text"] for r in records], batch_size=128)):
        doc = Document(id=rec["id"], raw_text=rec["text"])
        doc.nlp = sdoc
        doc = toponyms(doc)
        trig = sdoc.char_span(rec["trigger"]["start"], rec["trigger"]["end"], alignment_mode="expand")
        if trig is None:
            continue
        found = location_text(trig.root, [(t.start, t.end) for t in doc.toponyms])
        if found is None:
            continue
        predicted += 1
        correct += any(found.start < g["end"] and g["start"] < found.end for g in rec["locations"])
    n = len(records)
    print(f"records {n}: location given {predicted / n:.3f}, precision {correct / max(predicted, 1):.3f}, "
          f"recall {correct / n:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
