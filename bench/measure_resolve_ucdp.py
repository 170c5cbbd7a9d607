"""Actors and death tolls on UCDP GED Syria dev headlines, on fixed tune/check samples.

    .venv/bin/python bench/measure_resolve_ucdp.py [--per-half 600] [--errors out.jsonl]

Records are split into halves by ``split_of(str(id), check_share=0.5)``; each half keeps the
records of its first N unique headlines (ordered by a hash of the text, so the sample is fixed).
Measures, per half:

* toll exact where stated: the scorer's ``fatalities_best_exact_stated`` recall (gold best > 0
  and written in the text; the paired prediction's best equals it).
* actor found where named: a gold side counts as named when its canonical name or a known alias
  (``data/eval_actor_aliases.json``; bare country names excluded) occurs in the text; it is found
  when the paired predicted event has it as actor1/actor2/associate (``actor_matches``), and
  ``any`` when any predicted event of the record has it.
Errors are written for the tune half only (study those; never the check half).
UCDP GED is CC BY 4.0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import defaultdict
from importlib import resources

from eventwire.config import load_settings
from eventwire.evaluate.articles import split_of
from eventwire.evaluate.events import (_number_stated, actor_matches, canonical_actor, extract_by_document,
                                       gold_documents, norm, pair_events, score_events)

GOLD = "/work/shared/eval/dev/ucdp_ged_syria_2016_2019.events.jsonl"


def alias_patterns() -> dict[str, list[re.Pattern]]:
    raw = json.loads(resources.files("eventwire").joinpath("data/eval_actor_aliases.json").read_text("utf-8"))
    table: dict[str, list[re.Pattern]] = defaultdict(list)
    for canonical, aliases in raw["aliases"].items():
        key = canonical_actor(canonical)
        country = key.removeprefix("state forces of ") if key.startswith("state forces of ") else None
        for alias in [canonical, *aliases]:
            if country and norm(alias) == country:
                continue  # a bare country name does not name its forces
            flags = 0 if (len(alias) <= 4 and alias.isupper()) else re.I
            words = r"[\s\-]+".join(re.escape(w) for w in re.split(r"[\s\-]+", alias.strip()))
            table[key].append(re.compile(rf"(?<![\w-]){words}(?![\w-])", flags))
    return table


def named(side: str, text: str, table) -> bool:
    for part in [side, *side.split(",")]:
        key = canonical_actor(part.strip())
        pats = table.get(key, [])
        literal = part.strip()
        if literal and re.search(rf"(?<!\w){re.escape(literal)}(?!\w)", text, re.I if len(literal) > 4 else 0):
            return True
        if any(p.search(text) for p in pats):
            return True
    return False


def sample_half(records, half: str, n: int):
    mine = [r for r in records if split_of(str(r["id"]), check_share=0.5) == half]
    texts = sorted({r["text"] for r in mine}, key=lambda t: hashlib.sha1(t.encode()).hexdigest())[:n]
    keep = set(texts)
    return [r for r in mine if r["text"] in keep]


def measure(records, settings, table, errors=None):
    unique, rep = {}, {}
    for r in records:
        unique.setdefault((r["text"], r.get("published")), r)
        rep[str(r["id"])] = str(unique[(r["text"], r.get("published"))]["id"])
    by_doc = extract_by_document(settings, gold_documents(list(unique.values())))
    predicted = {rid: by_doc.get(doc, []) for rid, doc in rep.items()}
    fields = score_events(records, predicted)["fields"]
    toll = fields["fatalities_best_exact_stated"]
    found = found_any = total = 0
    for r in records:
        preds = predicted[str(r["id"])]
        for g, p in pair_events(r["events"], preds):
            for side in ("actor1", "actor2"):
                name = g.get(side)
                if not name or not named(name, r["text"], table):
                    continue
                total += 1
                pool = [p.get("actor1"), p.get("actor2"), *(p.get("assoc_actor_1") or []),
                        *(p.get("assoc_actor_2") or [])] if p else []
                ok = any(actor_matches(name, a) for a in pool)
                allpool = [a for q in preds for a in (q.get("actor1"), q.get("actor2"),
                                                       *(q.get("assoc_actor_1") or []),
                                                       *(q.get("assoc_actor_2") or []))]
                ok_any = any(actor_matches(name, a) for a in allpool)
                found += ok
                found_any += ok_any
                if errors is not None and not ok:
                    errors.append({"kind": "actor", "gold": name, "text": r["text"],
                                   "got": [[(q.get("actor1") or {}).get("name"), (q.get("actor2") or {}).get("name")]
                                           for q in preds]})
            if errors is not None and g.get("fatalities_best"):
                best = ((p or {}).get("fatalities") or {}).get("best")
                if best != g["fatalities_best"] and _number_stated(r["text"], g["fatalities_best"]):
                    errors.append({"kind": "toll", "gold": g["fatalities_best"], "got": best, "text": r["text"]})
    return {"toll_exact_stated": toll["recall"] if toll else None, "toll_n": toll["gold"] if toll else 0,
            "toll_precision": toll["precision"] if toll else None,
            "actor_found_named": round(found / total, 4) if total else None,
            "actor_found_named_any": round(found_any / total, 4) if total else None, "actor_n": total,
            "records": len(records), "headlines": len(unique)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-half", type=int, default=600)
    ap.add_argument("--errors", default=None)
    ap.add_argument("--halves", default="tune,check")
    args = ap.parse_args()
    records = [json.loads(line) for line in open(GOLD, encoding="utf-8") if line.strip()]
    settings, table = load_settings(), alias_patterns()
    for half in args.halves.split(","):
        errs: list | None = [] if (half == "tune" and args.errors) else None
        result = measure(sample_half(records, half, args.per_half), settings, table, errs)
        print(half, json.dumps(result))
        if errs is not None:
            with open(args.errors, "w", encoding="utf-8") as out:
                for e in errs:
                    out.write(json.dumps(e, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
