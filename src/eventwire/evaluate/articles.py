"""Format D: article gold coded the way a careful ACLED coder reads a story.

Scored exactly as ``../shared/eval/README.md`` describes: eventwire extracts each
article (with background) given its ``published`` date; a predicted event
matches a gold event when its background flag agrees (either way for an
``either`` event), its sub-event type is the gold one or an alternative, its
place lies within 50 km of the gold place (when the gold has one) and its date
is within a day of the gold day or starts with the gold month or year (when
the gold has a date). Matching is one-to-one and greedy, gold events with a
date and a place first.

Reports news precision / recall / F1, background recall and must-not
violations for the whole set and for its ``tune`` and ``check`` halves (split
by a hash of ``doc_id``: study errors on ``tune``, report ``check``), a table
per article and every false, missed and misflagged event with its evidence.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.evaluate import split_of
from eventwire.evaluate.events import read_jsonl
from eventwire.fuse import haversine_km

Record = dict[str, Any]
MATCH_KM = 50.0
MUST_NOT_KM = 30.0


def _km(a: Record, b: Record) -> float:
    return haversine_km(a["lat"], a["lon"], b["lat"], b["lon"])


def _has_point(place: Record | None) -> bool:
    return bool(place) and place.get("lat") is not None and place.get("lon") is not None


def _day_gap(a: str, b: str) -> int:
    from datetime import date

    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def date_fits(gold_date: str | None, pred: Record) -> bool:
    if not gold_date:
        return True
    day = pred.get("event_date") or pred.get("date_start")
    if not day:
        return False
    if len(gold_date) == 10:
        return _day_gap(gold_date, day) <= 1
    return day.startswith(gold_date)


def place_fits(gold_place: Record | None, pred: Record) -> bool:
    if not _has_point(gold_place):
        return True
    loc = pred.get("location")
    return _has_point(loc) and _km(gold_place, loc) <= MATCH_KM


def type_fits(gold: Record, pred: Record) -> bool:
    return pred.get("sub_event_type") in {gold.get("sub_event_type"), *(gold.get("alt_sub_event_types") or [])}


def flag_fits(gold: Record, pred: Record) -> bool:
    return bool(gold.get("either")) or bool(pred.get("is_background")) == (not gold.get("new"))


def fits(gold: Record, pred: Record) -> bool:
    return (flag_fits(gold, pred) and type_fits(gold, pred) and place_fits(gold.get("location"), pred)
            and date_fits(gold.get("date"), pred))


def _gold_order(events: list[Record]) -> list[Record]:
    """Gold events with a date and a place first (the README's greedy order), then as given."""
    return sorted(events, key=lambda g: (not (g.get("date") and _has_point(g.get("location")))))


def match(gold: list[Record], predicted: list[Record]) -> dict[int, Record]:
    """One-to-one greedy matching: index of the predicted event -> the gold event it matches."""
    taken: dict[int, Record] = {}
    for g in _gold_order(gold):
        for i, p in enumerate(predicted):
            if i not in taken and fits(g, p):
                taken[i] = g
                break
    return taken


def _evidence(pred: Record) -> str:
    texts = [e.get("text", "") for s in pred.get("sources", []) for e in s.get("evidence", [])]
    return " | ".join(t for t in texts if t)[:240]


def _brief(pred: Record) -> Record:
    loc = pred.get("location") or {}
    return {"sub_event_type": pred.get("sub_event_type"), "event_date": pred.get("event_date"),
            "is_background": pred.get("is_background"), "place": loc.get("name"),
            "fatalities": (pred.get("fatalities") or {}).get("best"), "evidence": _evidence(pred)}


@dataclass
class ArticleScore:
    doc_id: str
    half: str
    gold_news: int = 0
    gold_background: int = 0
    predicted_news: int = 0
    matched_news: int = 0
    matched_background: int = 0
    either_predictions: int = 0
    violations: list[str] = field(default_factory=list)
    false: list[Record] = field(default_factory=list)
    missed: list[Record] = field(default_factory=list)
    misflagged: list[Record] = field(default_factory=list)


def _violations(record: Record, pred: Record) -> list[str]:
    """Why a predicted news event breaks the article's must-not list (each reason once)."""
    out = []
    must = record.get("must_not") or {}
    loc = pred.get("location")
    near_gold = _has_point(loc) and any(_has_point(g.get("location")) and _km(g["location"], loc) <= MATCH_KM
                                        for g in record["events"])
    for place in must.get("places", []):
        if _has_point(loc) and _has_point(place) and _km(place, loc) <= MUST_NOT_KM and not near_gold:
            out.append(f"place {place.get('name')}")
            break
    numbers = set(must.get("fatalities", []))
    tolls = {(pred.get("fatalities") or {}).get(k) for k in ("low", "best", "high")} - {None}
    if tolls & numbers:
        out.append(f"toll {sorted(tolls & numbers)}")
    background = [g for g in record["events"] if not g.get("new") and not g.get("either")]
    news = [g for g in record["events"] if g.get("new") or g.get("either")]
    as_news = {**pred, "is_background": True}
    if any(fits(g, as_news) for g in background) and not any(fits(g, pred) for g in news):
        out.append("history as news")
    return out


def score_article(record: Record, predicted: list[Record], half: str) -> ArticleScore:
    gold = record["events"]
    required = [g for g in gold if not g.get("either")]
    s = ArticleScore(str(record["doc_id"]), half)
    s.gold_news = sum(1 for g in required if g.get("new"))
    s.gold_background = sum(1 for g in required if not g.get("new"))
    taken = match(required, predicted)
    for i, p in enumerate(predicted):
        g = taken.get(i)
        if g is not None:
            s.matched_news += bool(g.get("new")) and not p.get("is_background")
            s.matched_background += (not g.get("new")) and bool(p.get("is_background"))
            continue
        if any(fits(e, p) for e in gold if e.get("either")):
            s.either_predictions += not p.get("is_background")
            continue
        if not p.get("is_background"):
            s.false.append(_brief(p))
    s.predicted_news = sum(1 for p in predicted if not p.get("is_background")) - s.either_predictions
    for p in predicted:
        if not p.get("is_background"):
            s.violations += _violations(record, p)
    matched = {id(g) for g in taken.values()}
    for g in required:
        if id(g) in matched:
            continue
        flipped = [p for p in predicted if fits({**g, "either": True}, p)]
        brief = {"id": g.get("id"), "new": g.get("new"), "sub_event_type": g.get("sub_event_type"),
                 "date": g.get("date"), "place": (g.get("location") or {}).get("name"), "note": g.get("note")}
        (s.misflagged if flipped else s.missed).append(brief)
    return s


def _prf(matched: int, predicted: int, gold: int) -> Record:
    p = matched / predicted if predicted else None
    r = matched / gold if gold else None
    f = 2 * p * r / (p + r) if p and r else 0.0
    return {"precision": _r(p), "recall": _r(r), "f1": _r(f), "matched": matched, "predicted": predicted,
            "gold": gold}


def _r(x: float | None) -> float | None:
    return round(x, 3) if x is not None else None


def summarise(scores: list[ArticleScore]) -> Record:
    news = _prf(sum(s.matched_news for s in scores), sum(s.predicted_news for s in scores),
                sum(s.gold_news for s in scores))
    gold_bg = sum(s.gold_background for s in scores)
    matched_bg = sum(s.matched_background for s in scores)
    return {"articles": len(scores), "news": news,
            "background_recall": _r(matched_bg / gold_bg) if gold_bg else None,
            "background": {"matched": matched_bg, "gold": gold_bg},
            "violations": sum(len(s.violations) for s in scores)}


def score_articles(records: list[Record], predicted: dict[str, list[Record]], *,
                   check_share: float = 0.5) -> Record:
    """The whole result: overall, per half, per article, and the error listing."""
    scores = [score_article(r, predicted.get(str(r["doc_id"]), []),
                            split_of(str(r["doc_id"]), check_share=check_share)) for r in records]
    result = {"format": "articles", "all": summarise(scores)}
    for half in ("tune", "check"):
        result[half] = summarise([s for s in scores if s.half == half])
    result["per_article"] = [{"doc_id": s.doc_id, "half": s.half, "gold_news": s.gold_news,
                              "predicted_news": s.predicted_news, "matched_news": s.matched_news,
                              "gold_background": s.gold_background, "matched_background": s.matched_background,
                              "violations": s.violations, "false": s.false, "missed": s.missed,
                              "misflagged": s.misflagged} for s in scores]
    return result


def is_article_gold(record: Record) -> bool:
    return "doc_id" in record and "must_not" in record


def run_articles_eval(path: str | Path, settings: Any, *, limit: int | None = None, half: str | None = None,
                      extractor: Any = None) -> Record:
    """Extract each article (with background, given its ``published``) and score it."""
    from eventwire.evaluate.events import extract_by_document, gold_documents

    records = read_jsonl(path)
    if half:
        records = [r for r in records if split_of(str(r["doc_id"])) == half]
    records = records[:limit] if limit else records
    docs = gold_documents([{**r, "id": r["doc_id"]} for r in records])
    started = time.perf_counter()
    predicted = extract_by_document(settings, docs, include_background=True, extractor=extractor)
    result = score_articles(records, predicted)
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result


def iter_table(result: Record, *, errors: str | None = "tune") -> Iterator[str]:
    """The summary per half, a table per article and (for ``errors``' half, or all) the error listing."""
    yield f"{'':8}{'news P':>8}{'news R':>8}{'news F1':>8}{'bg recall':>10}{'violations':>11}{'articles':>9}"
    for name in ("all", "tune", "check"):
        r = result[name]
        n = r["news"]
        yield (f"{name:8}{_f(n['precision']):>8}{_f(n['recall']):>8}{_f(n['f1']):>8}"
               f"{_f(r['background_recall']):>10}{r['violations']:>11}{r['articles']:>9}")
    yield ""
    yield f"{'doc_id':44}{'half':>6}{'news g/p/m':>12}{'bg g/m':>8}  violations"
    for a in result["per_article"]:
        yield (f"{a['doc_id'][:44]:44}{a['half']:>6}"
               f"{a['gold_news']:>4}/{a['predicted_news']}/{a['matched_news']:<4}"
               f"{a['gold_background']:>4}/{a['matched_background']:<3}  {'; '.join(a['violations'])}")
    for a in result["per_article"]:
        if errors not in (None, "all") and a["half"] != errors:
            continue
        lines = [*(f"  false      {_e(e)}" for e in a["false"]),
                 *(f"  missed     {_g(g)}" for g in a["missed"]),
                 *(f"  misflagged {_g(g)}" for g in a["misflagged"])]
        if lines:
            yield ""
            yield f"{a['doc_id']} ({a['half']})"
            yield from lines


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _e(e: Record) -> str:
    return (f"{e['sub_event_type']} {e['event_date']} @{e['place']} toll={e['fatalities']}"
            f"{' [bg]' if e['is_background'] else ''}: {e['evidence']}")


def _g(g: Record) -> str:
    kind = "news" if g["new"] else "background"
    return f"{g['id']} {kind} {g['sub_event_type']} {g['date']} @{g['place']}: {g['note']}"


__all__ = ["is_article_gold", "iter_table", "run_articles_eval", "score_articles"]
