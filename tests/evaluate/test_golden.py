"""The golden set is well formed, and its matcher scores tiny hand-made predictions exactly."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from eventwire.errors import UsageError
from eventwire.evaluate.golden import FIELDS, load_golden, number_kinds, score_golden, violates

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "articles"


@pytest.fixture(scope="module")
def articles():
    return load_golden(GOLDEN)


def taxonomy():
    data = tomllib.loads(resources.files("eventwire").joinpath("data/taxonomy.toml").read_text("utf-8"))
    return {s["name"]: s["event_type"] for s in data["sub_event"]}


def test_golden_set_size_and_coverage(articles):
    assert len(articles) >= 60
    subs = Counter(e["sub_event_type"] for a in articles for e in a["expect"]
                   if e.get("sub_event_type") and not e.get("is_background"))
    names = taxonomy()
    assert len(names) == 25
    assert {n: subs[n] for n in names if subs[n] < 2} == {}
    assert sum(1 for a in articles if not a["expect"]) >= 8
    assert sum(1 for a in articles for e in a["expect"] if e.get("is_background")) >= 5


def test_golden_labels_are_consistent(articles):
    names = taxonomy()
    for a in articles:
        dt.date.fromisoformat(a["published"])
        assert a["why"] and 3 <= len(re.findall(r"[.!?](?:\s|$)", a["text"])) <= 10, a["id"]
        for e in a["expect"]:
            assert set(e) <= set(FIELDS), (a["id"], set(e) - set(FIELDS))
            if "sub_event_type" in e:
                assert names[e["sub_event_type"]] == e["event_type"], a["id"]
            if "country" in e:
                assert len(e["country"]) == 2 and e["country"].isupper()
            for key in ("date_start", "date_end"):
                if key in e:
                    assert dt.date.fromisoformat(e[key]) <= dt.date.fromisoformat(a["published"]), a["id"]
        for c in a["must_not"]:
            assert set(c) <= set(FIELDS) | {"any_event"}, a["id"]


ARTICLE = {"id": "x", "published": "2024-03-12", "text": "t", "why": "w",
           "expect": [{"event_type": "Battles", "sub_event_type": "Armed clash", "date_start": "2024-03-11",
                       "location": "Busayrah", "fatalities_best": 15, "actor1": "Islamic State"},
                      {"event_type": "Battles", "is_background": True, "date_start": "2019-03-01"}],
           "must_not": [{"fatalities_best": 2019}, {"location": "Raqqa"}]}
QUIET = {"id": "q", "published": "2024-03-12", "text": "t", "why": "w", "expect": [], "must_not": [{"any_event": True}]}


def event(**kw):
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "date_start": "2024-03-11",
            "event_date": "2024-03-11", "is_background": False, "actor1": {"name": "Syrian Democratic Forces"},
            "actor2": {"name": "Islamic State", "mention": "IS"}, "location": {"name": "Al Busayrah", "country": "SY"},
            "fatalities": {"low": 15, "best": 15, "high": 17}, "tags": [], "sources": [{"document_id": "x"}]}
    return {**base, **kw}


def test_score_golden_exact_numbers():
    preds = {"x": [event(), event(is_background=True, date_start="2019-03-23", event_date="2019-03-23",
                               location={"name": "Raqqa"}, fatalities={"best": None, "low": 2019, "high": None})],
             "q": [event(is_background=True)]}
    result = score_golden([ARTICLE, QUIET], preds)
    assert (result["expected_events"], result["found"], result["complete"]) == (2, 2, 2)
    assert result["fields"]["fatalities_best"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "correct": 1,
                                                   "predicted": 1, "gold": 1}
    assert result["fields"]["actor1"]["correct"] == 1  # IS named on the other side of a battle
    assert result["critical_violations"] == 1 and result["other_violations"] == 2
    assert result["no_event_articles_silent"] == 1  # only a background event there
    assert result["type_precision"]["precision"] == 1.0


def test_missed_event_is_reported_with_reason():
    preds = {"x": [event(sub_event_type="Government regains territory", fatalities={"best": 82})]}
    result = score_golden([ARTICLE], preds)
    report = result["per_article"][0]
    assert result["found"] == 0
    assert "paired with other expectations" in report["missed"][1]["reason"]
    assert "sub_event_type" in report["missed"][0]["reason"]


@pytest.mark.parametrize("constraint,ok", [({"location": "Raqqa"}, False), ({"fatalities_best": 17}, True),
                                           ({"event_type": "Battles", "is_background": True}, False),
                                           ({"any_event": True}, True)])
def test_violates(constraint, ok):
    assert violates(constraint, event()) is ok


def test_bad_golden_dir_is_e050(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps([{"id": "a", "text": "t"}]))
    with pytest.raises(UsageError, match="E050"):
        load_golden(tmp_path)


@pytest.mark.parametrize("n,kinds", [(82, {"age"}), (40, {"percentage"}), (2019, {"year"}), (47, {"sorties_targets"}),
                                     (12, {"date"}), (24, {"duration"}), (35000, {"count"})])
def test_number_kinds(n, kinds):
    text = ("An 82-year-old farmer; 40 percent of homes; since 2019; flew 47 sorties; on 12 October; "
            "a 24-hour curfew; more than 35,000 people")
    assert number_kinds(text, n) == kinds


@pytest.mark.parametrize("gold, name, ok", [
    ("Khan Sheikhoun", "Khan Shaykhun", True),   # transliterations of one name
    ("Madalla", "Madala", True),
    ("Umm Qasr", "Umm Qasr Port", True),
    ("Umm Qasr", "Basrah", False),
    ("Kano", "Kaduna", False),
])
def test_a_location_matches_any_spelling_of_its_name(gold, name, ok):
    from eventwire.evaluate.golden import _location

    assert _location(gold, {"location": {"name": name}}) is ok
