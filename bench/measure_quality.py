"""Every quality figure the adoption rule looks at, in one run, as a flat table (tune / check side by side).

    .venv/bin/python bench/measure_quality.py [--out now.json] [--against before.json] [--only SETS]

A change to detection, the story stage, places or actors is kept only when no check half, no blind total and no
violation count loses (CONTRIBUTING: "How to improve quality without fooling yourself"). This script runs them all
with one settings object, the way ``eventwire eval`` runs each:

* ``articles``: the 40 ACLED-style articles (``../shared/eval/dev/articles.gold.jsonl``) and our own article gold
  ``tests/golden/articles_t3..t19.jsonl`` (format D): news precision/recall/F1, background recall, violations;
* ``golden``: the golden directories (``tests/golden/articles``, ``stories``, ``stories_blind`` (blind),
  ``stories_tune``, ``stories_tune2``): events found, type precision, other violations;
* ``case``: CASE 2021 dev (measurement only): sub-event and event-type macro-F1, detection recall;
* ``para``: the blind paraphrase suite (accuracy) and the fresh2 and fresh3 held-back sentences split by the id's hash;
* ``geo``: event_location match rate, LGL and TR-News toponym span F1;
* ``ucdp`` and ``headlines``: ``bench/measure_resolve_ucdp.py`` and ``bench/measure_headlines.py`` on both
  headline sets (``hl``: headlines_world, ``hl2``: headlines_world2) (actor found where named, toll exact where
  stated).

``--against`` prints only the figures that moved, old -> new. Figures are written with ``--out`` (JSON).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "eval" / "dev"
GOLDEN = ROOT / "tests" / "golden"
ARTICLES = {"gold": SHARED / "articles.gold.jsonl",
            **{f"t{i}": GOLDEN / f"articles_t{i}.jsonl" for i in range(3, 20)}}
GOLDEN_DIRS = ("articles", "stories", "stories_blind", "stories_tune", "stories_tune2")
SETS = ("articles", "golden", "case", "para", "ucdp", "headlines", "geo")
GEO = {"evloc": ("event_location.jsonl", "match_rate"), "lgl": ("lgl.geo.jsonl", "span_exact.f1"),
       "trnews": ("tr_news.geo.jsonl", "span_exact.f1")}


def _articles(settings: Any) -> dict[str, float]:
    from eventwire.cli.commands_eval import evaluate

    out: dict[str, float] = {}
    for name, path in ARTICLES.items():
        if not path.exists():
            continue
        _, r = evaluate(str(path), settings)
        for half in ("tune", "check"):
            h = r[half]
            out[f"art.{name}.{half}.f1"] = h["news"]["f1"]
            out[f"art.{name}.{half}.p"] = h["news"]["precision"]
            out[f"art.{name}.{half}.bg"] = h["background_recall"]
            out[f"art.{name}.{half}.viol"] = h["violations"]
    return out


def _golden(settings: Any) -> dict[str, float]:
    from eventwire.cli.commands_eval import evaluate

    out: dict[str, float] = {}
    for name in GOLDEN_DIRS:
        _, r = evaluate(str(GOLDEN / name), settings)
        out[f"gold.{name}.found"] = r["found"]
        out[f"gold.{name}.expected"] = r["expected_events"]
        out[f"gold.{name}.type_p"] = r["type_precision"]["precision"]
        out[f"gold.{name}.crit"] = r["critical_violations"]
        out[f"gold.{name}.other"] = r["other_violations"]
    return out


def _case(settings: Any) -> dict[str, float]:
    from eventwire.cli.commands_eval import evaluate

    _, r = evaluate(str(SHARED / "case2021_task2.events.jsonl"), settings)
    out: dict[str, float] = {}
    for half, h in r["halves"].items():
        out[f"case.{half}.sub"] = h["sub_event_type"]
        out[f"case.{half}.type"] = h["event_type"]
        out[f"case.{half}.det"] = h["detection_recall"]
    return out


def _para(settings: Any) -> dict[str, float]:
    sys.path.insert(0, str(ROOT / "tests" / "detect"))
    from _paraphrase import load_suite, predict, score

    from eventwire.evaluate import split_of
    from eventwire.extract import Extractor

    extractor = Extractor(settings)
    rows = load_suite()
    out = {"para.accuracy": score(rows, predict(rows, extractor))["accuracy"]}
    for name in ("fresh2", "fresh3"):
        fresh = load_suite(ROOT / "training" / "detect" / "held_back" / f"{name}.jsonl")
        for half in ("tune", "check"):
            mine = [r for r in fresh if split_of(r["id"]) == half]
            out[f"{name}.{half}.accuracy"] = score(mine, predict(mine, extractor))["accuracy"]
    return out


def _geo(settings: Any) -> dict[str, float]:
    from eventwire.cli.commands_eval import evaluate

    out: dict[str, float] = {}
    for name, (file, key) in GEO.items():
        _, r = evaluate(str(SHARED / file), settings)
        out[f"geo.{name}"] = _flatten(r)[key]
    return out


def _script(name: str, prefix: str, keys: tuple[str, ...], args: tuple[str, ...] = ()) -> dict[str, float]:
    """Run one of the bench measures in a subprocess and keep its per-half figures (those in ``keys``, or all)."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / name), *args], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    out: dict[str, float] = {}
    for line in done.stdout.splitlines():
        half, _, payload = line.partition(" ")
        if half not in ("tune", "check") or not payload.startswith("{"):
            continue
        flat = _flatten(json.loads(payload))
        for key, value in flat.items():
            if not keys or key in keys:
                out[f"{prefix}.{half}.{key}"] = value
    return out


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        if isinstance(v, dict):
            out.update(_flatten(v, f"{prefix}{k}."))
        elif isinstance(v, (int, float)):
            out[f"{prefix}{k}"] = v
    return out


def measure(only: tuple[str, ...] = SETS) -> dict[str, float]:
    from eventwire.config import load_settings

    settings = load_settings(None)
    out: dict[str, float] = {}
    runners = {
        "articles": lambda: _articles(settings),
        "golden": lambda: _golden(settings),
        "case": lambda: _case(settings),
        "para": lambda: _para(settings),
        "ucdp": lambda: _script("measure_resolve_ucdp.py", "ucdp", ()),
        "headlines": lambda: {**_script("measure_headlines.py", "hl", ()), **_script(
            "measure_headlines.py", "hl2", (), ("--data", str(ROOT / "tests/golden/headlines/headlines_world2.jsonl")))},
        "geo": lambda: _geo(settings),
    }
    for name in only:
        start = time.perf_counter()
        figures = runners[name]()
        out.update(figures)
        print(f"# {name}: {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", help="write the figures here (JSON)")
    ap.add_argument("--against", help="figures of an earlier run (JSON): print only what moved")
    ap.add_argument("--only", default=",".join(SETS), help=f"comma-separated subset of {','.join(SETS)}")
    args = ap.parse_args()
    only = tuple(s for s in args.only.split(",") if s)
    unknown = set(only) - set(SETS)
    if unknown:
        ap.error(f"unknown sets {sorted(unknown)}; choose from {', '.join(SETS)}")
    before = json.loads(Path(args.against).read_text("utf-8")) if args.against else None   # fail before the work
    figures = measure(only)
    if args.out:
        Path(args.out).write_text(json.dumps(figures, indent=0, sort_keys=True), "utf-8")
    for key in sorted(figures):
        value = figures[key]
        if before is None:
            print(f"{key}\t{value}")
        elif before.get(key) != value:
            print(f"{key}\t{before.get(key)} -> {value}")


if __name__ == "__main__":
    main()
