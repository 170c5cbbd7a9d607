"""Benchmark: ``extract`` against bare spaCy ``nlp.pipe`` on the same texts, and peak memory.

Texts: the Guardian articles in ../shared/eval/dev/unlabeled/guardian_sdf.jsonl
(read at run time, not copied), cycled to N documents (default 500); with
``--synthetic`` or without that file, seeded generated conflict-news texts.
Baseline: bare ``nlp.pipe`` with the same model, in the same process, on the same
texts; baseline and extraction alternate over chunks of ``--chunk`` texts (both warm), so that
the machine's speed drifting during the run weighs on both alike. Fusion runs once at the end
and counts to extraction. Measured: the full extraction
pipeline (clean -> parse -> toponyms -> detect -> locate -> story -> finalize -> fuse), and the share of
it spent in the story stage (issue 8 gate: at most 5%).

Gates from issue 3: ratio <= 1.3; peak RSS < 1.5 GB. Prints one JSON object.

    .venv/bin/python bench/bench_extract.py [--n 500] [--synthetic]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import time
from pathlib import Path

from eventwire.config import defaults
from eventwire.records import Document

GUARDIAN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "unlabeled" / "guardian_sdf.jsonl"
SENTENCES = [
    "{actor} shelled villages near {place} on {day}, killing {n} civilians, a local official said.",
    "Fighting between {actor} and the army broke out on the outskirts of {place} overnight.",
    "Hundreds of protesters marched through central {place} on {day} to demand the release of detainees.",
    "A roadside bomb struck a military convoy near {place}, killing {n} soldiers, the army said.",
    "Air strikes hit a market in {place} on {day}; at least {n} people died, monitors reported.",
    "{actor} seized the town of {place} after government troops withdrew, residents said.",
    "Police arrested {n} opposition activists in {place} on {day}.",
    "The 45-year-old commander said 30% of the district remained contested.",
]
PLACES = ["Aleppo", "Idlib", "Mosul", "Kandahar", "Maiduguri", "Gao", "Mogadishu", "Goma", "Donetsk", "Sanaa"]
ACTORS = ["Islamic State militants", "Al-Shabaab fighters", "M23 rebels", "Houthi forces", "Gunmen"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _synthetic(n: int) -> list[str]:
    rng = random.Random(7)
    return [" ".join(rng.choice(SENTENCES).format(actor=rng.choice(ACTORS), place=rng.choice(PLACES),
                                                  day=rng.choice(DAYS), n=rng.randint(2, 40))
                     for _ in range(rng.randint(6, 14))) for _ in range(n)]


def _texts(n: int, synthetic: bool) -> tuple[list[str], str]:
    if synthetic or not GUARDIAN.exists():
        return _synthetic(n), "synthetic"
    rows = [json.loads(line)["text"] for line in GUARDIAN.read_text("utf-8").splitlines() if line.strip()]
    return [rows[i % len(rows)] for i in range(n)], GUARDIAN.name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--synthetic", action="store_true")
    parser.add_argument("--chunk", type=int, default=25, help="texts per alternating baseline/extraction chunk")
    args = parser.parse_args()
    texts, source = _texts(args.n, args.synthetic)
    settings = defaults()
    from eventwire.detect import ruler_patterns
    from eventwire.extract import Extractor
    from eventwire.parse import load_nlp

    nlp = load_nlp(settings, ruler_patterns())
    extractor = Extractor(settings)
    list(nlp.pipe(texts[:20]))  # warm-up
    extractor.extract([Document(id="w", raw_text=texts[0], published="2019-10-20")])
    docs = [Document(id=str(i), raw_text=t, published="2019-10-20") for i, t in enumerate(texts)]
    story = _time_stage(extractor, "story")
    # Baseline and extraction alternate over chunks of the same texts, so that the machine's speed
    # drifting during the run (other load, CPU frequency) weighs on both alike.
    bare = full = 0.0
    ratios, processed = [], []
    for start in range(0, len(texts), args.chunk):
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts[start:start + args.chunk], batch_size=settings.parse.batch_size):
            pass
        t1 = time.perf_counter()
        processed += extractor.process(docs[start:start + args.chunk])
        t2 = time.perf_counter()
        bare, full = bare + t1 - t0, full + t2 - t1
        ratios.append((t2 - t1) / (t1 - t0))
    t3 = time.perf_counter()
    events = extractor.fuse([m for d in processed for m in d.mentions], {d.id: d for d in processed},
                            include_background=True)
    full += time.perf_counter() - t3
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"documents": len(texts), "source": source, "bare_spacy_s": round(bare, 2),
                      "extract_s": round(full, 2), "ratio": round(full / bare, 3),
                      "chunk_ratio_median": round(statistics.median(ratios), 3),
                      "chunk_ratio_range": [round(min(ratios), 3), round(max(ratios), 3)], "events": len(events),
                      "docs_per_s": round(len(texts) / full, 1), "peak_rss_mb": round(peak_mb),
                      "story_stage_s": round(story[0], 2), "story_share": round(story[0] / full, 3),
                      "gates": {"ratio<=1.3": full / bare <= 1.3, "peak<1.5GB": peak_mb < 1536,
                                "story<=5%": story[0] / full <= 0.05}}, indent=2))


def _time_stage(extractor: object, name: str) -> list[float]:
    """Replace one stage of the extractor's pipeline by a proxy that sums the time spent in it."""
    from eventwire.pipeline import Stage

    spent = [0.0]
    stages = extractor.pipeline.stages
    index = next(i for i, s in enumerate(stages) if s.name == name)
    inner = stages[index]

    class Timed(Stage):
        def __call__(self, doc: Document) -> Document:
            start = time.perf_counter()
            try:
                return inner(doc)
            finally:
                spent[0] += time.perf_counter() - start

    stages[index] = Timed()
    return spent


if __name__ == "__main__":
    main()
