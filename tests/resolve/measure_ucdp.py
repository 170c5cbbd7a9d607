"""Measure the resolvers on UCDP GED Syria headlines (dev part); not a unit test.

    .venv/bin/python tests/resolve/measure_ucdp.py [path] [--limit N] [--show K]

* UCDP joins several source headlines with ";"; each piece is read as its own sentence
  and the first stated count is the prediction.
* Fatalities: best-estimate exact match against ``fatalities_best`` on records whose
  headline states a number next to a death word (a digit or number word and
  killed/dead/died/...); also on headlines that carry a single gold event
  (a headline shared by several events is a sum of them, not one event's count).
* Dates: the headline's date resolved against ``published`` vs the gold ``date_start``.
* Actors: each gold side (side_a/side_b, UCDP names mapped to eventwire's) counts as
  found when an actor resolved in the headline has that canonical name; precision
  is the share of resolved actors that match one of the two sides.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter, defaultdict

from eventwire.config import load_settings
from eventwire.parse import load_nlp
from eventwire.records import Fatalities
from eventwire.resolve.actors import load_actor_dictionary
from eventwire.resolve.dates import resolve_date
from eventwire.resolve.fatalities import extract_fatalities

DEFAULT = "/work/shared/eval/dev/ucdp_ged_syria_2016_2019.events.jsonl"
STATED = re.compile(
    r"(?i)\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
    r"forty|fifty|dozens?|several|hundreds|scores)\b.{0,60}\b(?:killed|dead|died|deaths|bodies|executed|"
    r"beheaded|massacred|death toll|lost their lives|martyrs)\b|\b(?:killed|killing|kill|kills|executed|"
    r"death toll|bodies of)\b.{0,30}\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|"
    r"several|hundreds|scores)\b")
REBELS = {"Unidentified Armed Group (Syria)", "Free Syrian Army", "Syrian National Army", "Ahrar al-Sham",
          "Jaysh al-Islam", "Hayat Tahrir al-Sham", "Jaish al-Fatah"}
UCDP = {
    "Government of Syria": {"Military Forces of Syria", "Police Forces of Syria", "National Defence Forces",
                            "Pro-Government Militia (Syria)"},
    "Syrian insurgents": REBELS,
    "IS": {"Islamic State"},
    "SDF": {"Syrian Democratic Forces"},
    "Civilians": {"Civilians (Syria)", "Civilians"},
    "Government of Turkey": {"Military Forces of Turkey", "Syrian National Army"},
    "HTS": {"Hayat Tahrir al-Sham"},
    "Jabhat Fateh al-Sham": {"Hayat Tahrir al-Sham"},
    "Tahrir al- Sham Army": {"Hayat Tahrir al-Sham"},
    "Ahrar al-Sham": {"Ahrar al-Sham", "Unidentified Armed Group (Syria)"},
    "Jaysh al-Islam": {"Jaysh al-Islam", "Unidentified Armed Group (Syria)"},
    "FSA": {"Free Syrian Army", "Unidentified Armed Group (Syria)"},
    "Government of Iraq": {"Military Forces of Iraq", "Popular Mobilisation Forces"},
    "Government of Israel": {"Military Forces of Israel"},
    "Government of Russia (Soviet Union)": {"Military Forces of Russia"},
    "Hezbollah": {"Hezbollah"},
}


def gold_names(side: str | None) -> set[str]:
    if not side:
        return set()
    if side in UCDP:
        return UCDP[side]
    parts = [p.strip() for p in side.split(",")]
    names: set[str] = set()
    for part in parts:
        names |= UCDP.get(part, REBELS)  # coalitions of Syrian rebel groups
    return names


WORDS = {1: "one|a|an", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight",
         9: "nine", 10: "ten", 11: "eleven", 12: "twelve|dozens?"}


def _gold_in_text(gold: int, text: str) -> bool:
    """The gold count is written in the headline (the ceiling for any text-only reader)."""
    if gold in {int(x) for x in re.findall(r"\b\d+\b", text)}:
        return True
    return gold in WORDS and bool(re.search(rf"(?i)\b(?:{WORDS[gold]})\b", text))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--show", type=int, default=0)
    args = parser.parse_args()
    with open(args.path, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    if args.limit:
        records = records[: args.limit]
    nlp = load_nlp(load_settings())
    actors = load_actor_dictionary()
    texts = sorted({r["text"] for r in records})
    per_headline = Counter(r["text"] for r in records)
    pieces = sorted({p for t in texts for p in t.split(";") if p.strip()})
    t0 = time.perf_counter()
    docs = dict(zip(texts, nlp.pipe(texts, batch_size=256), strict=True))
    piece_docs = dict(zip(pieces, nlp.pipe(pieces, batch_size=256), strict=True))
    t1 = time.perf_counter()
    fat = {t: _first_count(t, piece_docs) for t in texts}
    found = {t: {a.name for _, a in actors.find(d[:], context_country="SY")} for t, d in docs.items()}
    dates = {(r["text"], r["published"]): resolve_date(docs[r["text"]][:], r["published"]) for r in records}
    t2 = time.perf_counter()
    score(records, fat, found, per_headline, args.show)
    score_dates(records, dates)
    print(f"timing: spaCy {t1 - t0:.1f}s, resolvers {t2 - t1:.1f}s for {len(texts)} headlines "
          f"({len(pieces)} pieces)")


def _first_count(text: str, piece_docs: dict) -> Fatalities:
    """UCDP joins several source headlines with ';': read each as its own sentence and take
    the first that states a count (the reader does not know which headline is the event's)."""
    for piece in text.split(";"):
        if piece.strip() and (found := extract_fatalities(piece_docs[piece][:])).best is not None:
            return found
    return Fatalities()


def score(records, fat, found, per_headline, show) -> None:
    stats: defaultdict[str, list[int]] = defaultdict(list)
    misses: list[tuple[int, int | None, str]] = []
    for r in records:
        _score_fatalities(r, fat[r["text"]].best, per_headline, stats, misses)
        _score_actors(r["events"][0], found[r["text"]], stats)
    for key, values in stats.items():
        print(f"{key:28s} {sum(values) / max(len(values), 1):.3f}  (n={len(values)})")
    for gold, got, text in misses[:show]:
        print(f"  gold {gold} got {got}: {text[:150]}")


def score_dates(records, dates) -> None:
    """Event start date: exact, and within the resolved range (gold start in [start, end])."""
    exact, within, cued = [], [], []
    for r in records:
        got, gold = dates[(r["text"], r["published"])], r["events"][0]["date_start"]
        exact.append(int(got.start == gold))
        within.append(int(bool(got.start and got.end and got.start <= gold <= got.end)))
        if got.text:
            cued.append(int(got.start == gold))
    for key, values in (("date_start_exact", exact), ("date_within_range", within),
                        ("date_exact_when_cued", cued)):
        print(f"{key:28s} {sum(values) / max(len(values), 1):.3f}  (n={len(values)})")


def _score_fatalities(r, got, per_headline, stats, misses) -> None:
    text, gold = r["text"], r["events"][0]["fatalities_best"]
    if gold is None or not STATED.search(text):
        return
    ok = int(got == gold)
    stats["fat_stated"].append(ok)
    if _gold_in_text(gold, text):
        stats["fat_stated_gold_in_text"].append(ok)
        if not ok:
            misses.append((gold, got, text))
    if per_headline[text] == 1:
        stats["fat_stated_single"].append(ok)


def _score_actors(event, names: set[str], stats) -> None:
    golds = [gold_names(event[side]) for side in ("actor1", "actor2")]
    golds = [g for g in golds if g]
    stats["actor_recall"] += [int(bool(g & names)) for g in golds]
    sides = set().union(*golds) if golds else set()
    stats["actor_precision"] += [int(name in sides) for name in names]
    if names:
        stats["actor_recall_when_named"] += [int(bool(g & names)) for g in golds]


if __name__ == "__main__":
    main()
