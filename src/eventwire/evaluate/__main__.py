"""``python -m eventwire.evaluate [DEV_DIR]``: run every dev set and print one summary table.

Not part of CI (it runs the extractor over thousands of records). Examples::

    python -m eventwire.evaluate ../shared/eval/dev --sample 1000
    python -m eventwire.evaluate ../shared/eval/dev --only case2021_task2 --json
    python -m eventwire.evaluate ../shared/eval/dev --golden tests/golden/articles
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventwire.config import load_settings
from eventwire.errors import EventwireError

log = logging.getLogger("eventwire.evaluate")

COLUMNS = (("records", "records"), ("gold ev", "detection.gold_events"), ("det R", "detection.recall"),
           ("non-ev spec", "detection.non_event_specificity"), ("type maF1", "event_type.macro.f1"),
           ("sub maF1", "sub_event_type.macro.f1"), ("sub miF1", "sub_event_type.micro.f1"), ("sub top maF1", "sub_event_type_top.macro.f1"),
           ("actor any R", "fields.actors_any_side.recall"), ("date rng R", "fields.date_in_range.recall"),
           ("fat exact R", "fields.fatalities_best_exact.recall"),
           ("fat stated R", "fields.fatalities_best_exact_stated.recall"), ("sec", "seconds"))


def _get(result: dict[str, Any], dotted: str) -> Any:
    value: Any = result
    for key in dotted.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def summary_lines(results: dict[str, dict[str, Any]]) -> Iterator[str]:
    """One row per format A dataset; errors are shown in the row."""
    yield f"{'dataset':<34}" + "".join(f"{title:>13}" for title, _ in COLUMNS)
    for name, result in results.items():
        if "error" in result:
            yield f"{name:<34} {result['error']}"
            continue
        cells = [_get(result, path) for _, path in COLUMNS]
        yield f"{name:<34}" + "".join(f"{_cell(c):>13}" for c in cells)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def run_dev(dev_dir: Path, settings: Any, *, only: list[str] | None = None, limit: int | None = None,
            sample: int | None = None) -> dict[str, dict[str, Any]]:
    """Score every ``*.events.jsonl`` in ``dev_dir`` with one shared extractor."""
    from eventwire.evaluate.events import run_events_eval
    from eventwire.extract import Extractor

    extractor = Extractor(settings)
    results = {}
    for path in sorted(dev_dir.glob("*.events.jsonl")):
        name = path.name.split(".")[0]
        if only and name not in only:
            continue
        log.warning("scoring %s", name)
        try:
            results[name] = run_events_eval(path, settings, limit=limit, sample=sample, extractor=extractor)
        except EventwireError as exc:
            results[name] = {"error": str(exc)}
    return results


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m eventwire.evaluate", description=__doc__.splitlines()[0])
    parser.add_argument("dev_dir", nargs="?", default="../shared/eval/dev")
    parser.add_argument("--only", action="append", help="dataset name (repeatable), e.g. case2021_task2")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--sample", type=int, default=None, help="random sample of N records per dataset")
    parser.add_argument("--golden", default=None, help="also score this golden-set directory")
    parser.add_argument("--json", action="store_true")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="eventwire: %(message)s", stream=sys.stderr)
    settings = load_settings()
    results = run_dev(Path(args.dev_dir), settings, only=args.only, limit=args.limit, sample=args.sample)
    golden = None
    if args.golden:
        from eventwire.evaluate.golden import run_golden_eval

        golden = run_golden_eval(args.golden, settings)
    if args.json:
        sys.stdout.write(json.dumps({"dev": results, "golden": golden}, default=str) + "\n")
        return 0
    for line in summary_lines(results):
        sys.stdout.write(line + "\n")
    if golden:
        from eventwire.evaluate.golden import iter_table

        sys.stdout.write("\n".join(iter_table(golden, detail=False)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
