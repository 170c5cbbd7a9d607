"""Actors, death tolls and detection on headlines from many countries, written for eventwire.

    .venv/bin/python bench/measure_headlines.py [--errors out.jsonl]

``tests/golden/headlines/headlines_world.jsonl``: 240 short items (a headline, sometimes a lede) in the
registers of wire copy, local and translated press, over 40 countries and 1989-2024, written by a helper
that saw neither the code nor the training data (format in ``tests/golden/headlines/README.md``). It is the
check that the actor dictionary and the toll reader generalise beyond the Syrian UCDP headlines.

Each item is extracted alone (published on 15 June of its year). Measures, for the ``tune`` and ``check``
halves (split by a hash of the id, as everywhere):

* detection: items with an event that yield one; negatives (no violent event) that yield no news event;
* actor found where named: a side the text names (``surface``) is found when the item's main event (the
  event paired with the gold one) has it as actor1, actor2 or an associate, by name (``actor_matches``
  against the canonical name) or by the words the text uses (the predicted actor's mention overlaps the
  surface);
* toll exact where stated: the gold death toll (> 0) equals the main event's best figure; ``toll precision``
  counts the main events that give a toll and give that one.
Errors are written for the tune half only.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import eventwire
from eventwire.evaluate.articles import split_of
from eventwire.evaluate.events import actor_matches, norm

DATA = Path(__file__).resolve().parent.parent / "tests" / "golden" / "headlines" / "headlines_world.jsonl"


def _sides(event: dict) -> list[dict]:
    return [a for a in (event.get("actor1"), event.get("actor2"), *(event.get("assoc_actor_1") or []),
                        *(event.get("assoc_actor_2") or [])) if a]


def _by_text(surface: str, actor: dict) -> bool:
    said, told = norm(surface), norm(actor.get("mention") or "")
    return bool(said and told) and (said in told or told in said)


def _main_event(item: dict, events: list[dict]) -> dict | None:
    """The event the item is about: the one that gives the gold toll, else the one naming most gold sides, else
    the first news event."""
    news = [e for e in events if not e.get("is_background")] or events
    if not news:
        return None
    gold = item.get("fatalities_best")

    def agreement(e: dict) -> tuple:
        best = (e.get("fatalities") or {}).get("best")
        sides = sum(1 for side in ("actor1", "actor2") if (item.get(side) or {}).get("surface") and any(
            _by_text(item[side]["surface"], a) or actor_matches(item[side].get("name"), a) for a in _sides(e)))
        return (gold is not None and best == gold, sides)
    return max(news, key=agreement)


def measure(items: list[dict], errors: list | None = None) -> dict:
    n_event = n_detected = n_neg = n_silent = 0
    sides = by_name = by_text = 0
    toll_n = toll_ok = toll_given = toll_given_ok = 0
    for item in items:
        events = eventwire.extract(item["text"], published=f"{item['year']}-06-15", include_background=True)
        if not item.get("is_event"):   # a trial of a 2013 attack may tell it as background: only news counts
            news = [e for e in events if not e.get("is_background")]
            n_neg += 1
            n_silent += not news
            if news and errors is not None:
                errors.append({"kind": "negative", "id": item["id"], "text": item["text"],
                               "got": [e["sub_event_type"] for e in news]})
            continue
        n_event += 1
        n_detected += bool(events)
        main = _main_event(item, events)
        pool = _sides(main) if main else []
        for side in ("actor1", "actor2"):
            gold = item.get(side) or {}
            if not gold.get("surface"):
                continue
            sides += 1
            ok_name = any(actor_matches(gold.get("name"), a) for a in pool)
            ok_text = ok_name or any(_by_text(gold["surface"], a) for a in pool)
            by_name += ok_name
            by_text += ok_text
            if errors is not None and not ok_text:
                errors.append({"kind": side, "id": item["id"], "gold": gold, "text": item["text"],
                               "got": [[(e.get("actor1") or {}).get("mention"), (e.get("actor2") or {}).get("mention")]
                                       for e in events]})
        best = ((main or {}).get("fatalities") or {}).get("best")
        gold = item.get("fatalities_best")
        if best is not None:
            toll_given += 1
            toll_given_ok += best == gold
        if gold:
            toll_n += 1
            toll_ok += best == gold
            if errors is not None and best != gold:
                errors.append({"kind": "toll", "id": item["id"], "gold": gold, "got": best, "text": item["text"],
                               "note": item.get("note")})

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None
    return {"items": len(items), "detected": ratio(n_detected, n_event), "negatives_silent": ratio(n_silent, n_neg),
            "actor_found_by_name": ratio(by_name, sides), "actor_found_by_text": ratio(by_text, sides),
            "sides": sides, "toll_exact_stated": ratio(toll_ok, toll_n), "toll_n": toll_n,
            "toll_precision": ratio(toll_given_ok, toll_given)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--errors", default=None, help="write the tune half's errors here (JSONL)")
    args = ap.parse_args()
    items = [json.loads(line) for line in Path(args.data).read_text("utf-8").splitlines() if line.strip()]
    errs: list = []
    for half in ("tune", "check"):
        mine = [i for i in items if split_of(i["id"]) == half]
        print(half, json.dumps(measure(mine, errs if half == "tune" and args.errors else None)))
    if args.errors:
        Path(args.errors).write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errs), "utf-8")
        print(f"{len(errs)} tune errors written to {args.errors}", file=sys.stderr)


if __name__ == "__main__":
    main()
