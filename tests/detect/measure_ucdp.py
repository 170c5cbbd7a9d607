"""How often an event is detected in the UCDP GED Syria dev headlines (format A).

Measurement only. Every UCDP record is a real event, so the share of records
whose headline yields at least one mention is a detection recall.

    .venv/bin/python tests/detect/measure_ucdp.py [path] [--limit N] [--misses]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from eventwire.config import defaults
from eventwire.detect import DetectStage, ruler_patterns
from eventwire.parse import load_nlp
from eventwire.records import Document

DEFAULT = "/work/shared/eval/dev/ucdp_ged_syria_2016_2019.events.jsonl"


def _detect(stage: DetectStage, nlp, texts: list[tuple[str, str | None]]) -> dict[str, list]:
    out = {}
    for (text, published), sdoc in zip(texts, nlp.pipe([t for t, _ in texts], batch_size=256)):
        doc = Document(id="u", raw_text=text, published=published)
        doc.nlp = sdoc
        out[text] = stage(doc).mentions
    return out


def main(argv: list[str]) -> None:
    path = next((a for a in argv if a.endswith(".jsonl")), DEFAULT)
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    records = [json.loads(line) for line in Path(path).read_text("utf-8").splitlines()][:limit]
    unique = list({r["text"]: (r["text"], r.get("published")) for r in records}.values())
    settings = defaults()
    found = _detect(DetectStage(settings), load_nlp(settings, ruler_patterns()), unique)
    hit = [r for r in records if found[r["text"]]]
    print(f"records {len(records)} (headlines {len(unique)}): event detected in {len(hit) / len(records):.3f}; "
          f"headlines with an event {sum(bool(v) for v in found.values()) / len(unique):.3f}")
    print(Counter(m.sub_event_type for ms in found.values() for m in ms[:1]).most_common())
    if "--misses" in argv:
        for text, ms in list(found.items()):
            if not ms:
                print("MISS", text)


if __name__ == "__main__":
    main(sys.argv[1:])
