"""Throughput of detection against bare spaCy parsing on the same texts.

    .venv/bin/python tests/detect/measure_speed.py [jsonl with "text"] [limit]

Prints parse seconds, detect seconds and the ratio (parse + detect) / parse.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from eventwire.config import defaults
from eventwire.detect import DetectStage, ruler_patterns
from eventwire.parse import load_nlp
from eventwire.records import Document

DEFAULT = "/work/shared/eval/dev/unlabeled/guardian_sdf.jsonl"


def main(argv: list[str]) -> None:
    path = argv[0] if argv else DEFAULT
    limit = int(argv[1]) if len(argv) > 1 else 500
    texts = [json.loads(line)["text"] for line in Path(path).read_text("utf-8").splitlines()][:limit]
    settings = defaults()
    nlp = load_nlp(settings, ruler_patterns())
    stage = DetectStage(settings)
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=settings.parse.batch_size))
    parse_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    count = 0
    for i, (text, sdoc) in enumerate(zip(texts, parsed)):
        doc = Document(id=str(i), raw_text=text)
        doc.nlp = sdoc
        count += len(stage(doc).mentions)
    detect_s = time.perf_counter() - t1
    words = sum(len(d) for d in parsed)
    print(f"{len(texts)} docs, {words} tokens, {count} mentions: parse {parse_s:.1f}s, detect {detect_s:.1f}s, "
          f"ratio {(parse_s + detect_s) / parse_s:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
