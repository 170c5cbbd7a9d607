"""Throughput of read + clean + store (``eventwire.ingest``) on generated documents.

Writes N plain-text articles (default 1,000; a few hundred words each, varied
so that they are neither exact nor near duplicates) into a temporary
directory, times the bare reading of the same files in the same process
(baseline: open + read + decode), then times ``ingest`` into a fresh DuckDB
file, and prints one JSON object:

    python bench/bench_ingest.py [--docs 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from eventwire.config import defaults
from eventwire.ingest import ingest
from eventwire.store import Store

_WORDS = ("army rebels militia police protesters village town district province border convoy checkpoint "
          "market camp clashes fighting shelling airstrike drone attack ambush explosion killed wounded "
          "abducted displaced residents officials said according spokesman witnesses morning evening "
          "Monday Tuesday Wednesday Thursday Friday Saturday Sunday government forces fighters troops "
          "hospital school road bridge river hills north south east west capital region").split()


def _article(rng: random.Random, n: int) -> str:
    title = " ".join(rng.choice(_WORDS) for _ in range(7)).capitalize()
    paragraphs = [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(30, 60))).capitalize() + "."
                  for _ in range(rng.randint(4, 8))]
    return f"{title} {n}\n\n" + "\n\n".join(paragraphs) + "\n\nMost Popular\nread more: elsewhere\n"


def _write_corpus(folder: Path, count: int) -> list[Path]:
    rng = random.Random(20240601)
    paths = []
    for n in range(count):
        path = folder / f"article_{n:05d}.txt"
        path.write_text(_article(rng, n), encoding="utf-8")
        paths.append(path)
    return paths


def _baseline(paths: list[Path]) -> float:
    started = time.perf_counter()
    total = sum(len(p.read_bytes().decode("utf-8")) for p in paths)
    assert total > 0
    return time.perf_counter() - started


def run(count: int) -> dict[str, object]:
    settings = defaults()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        paths = _write_corpus(folder, count)
        bare = _baseline(paths)
        with Store(Path(tmp) / "bench.duckdb") as store:
            started = time.perf_counter()
            report = ingest([str(folder)], store, settings)
            elapsed = time.perf_counter() - started
    return {"benchmark": "ingest (read+clean+store)", "documents": count, "stored": report.stored,
            "seconds": round(elapsed, 3), "docs_per_second": round(count / elapsed, 1),
            "baseline": "bare read+decode of the same files", "baseline_seconds": round(bare, 4),
            "baseline_docs_per_second": round(count / bare, 1), "ratio_vs_baseline": round(elapsed / bare, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    print(json.dumps(run(parser.parse_args().docs)))


if __name__ == "__main__":
    main()
