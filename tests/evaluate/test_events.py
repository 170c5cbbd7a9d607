"""Format A scorer: tiny hand-made gold/prediction pairs with exact numbers."""

from __future__ import annotations

import json

import pytest

from eventwire.errors import UsageError
from eventwire.evaluate.events import (actor_matches, classification_scores, pair_events, predictions_by_document,
                                       read_jsonl, score_events, score_prediction_file)


def gold_event(**kw):
    base = {"event_type": None, "sub_event_type": None, "native_type": "x", "date_start": None, "date_end": None,
            "date_precision": None, "location": None, "actor1": None, "actor2": None, "fatalities_low": None,
            "fatalities_best": None, "fatalities_high": None}
    return {**base, **kw}


def pred(**kw):
    base = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": None, "date_start": None,
            "date_end": None, "actor1": None, "actor2": None, "fatalities": {"low": None, "best": None,
                                                                              "high": None, "text": None},
            "location": None, "sources": [{"document_id": "d1"}]}
    return {**base, **kw}


def typed(sub, etype):
    return gold_event(event_type=etype, sub_event_type=sub)


CLASH, AIR = ("Armed clash", "Battles"), ("Air/drone strike", "Explosions/Remote violence")


def test_types_micro_macro_and_confusion():
    gold = [{"id": "a", "text": "t", "events": [typed(*CLASH)]},
            {"id": "b", "text": "t", "events": [typed(*AIR)]},
            {"id": "c", "text": "t", "events": [typed(*AIR)]},
            {"id": "n", "text": "t", "events": [], "non_event_label": "DIPLO"}]
    predicted = {"a": [pred()], "b": [pred(event_type=AIR[1], sub_event_type=AIR[0])],
                 "c": [pred()], "n": [pred()]}
    result = score_events(gold, predicted)
    sub = result["sub_event_type"]
    # clash: tp 1, predicted 3 (a, c, n), gold 1; air: tp 1, predicted 1, gold 2
    assert sub["per_class"]["Armed clash"]["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert sub["per_class"]["Armed clash"]["recall"] == 1.0
    assert sub["per_class"]["Air/drone strike"]["recall"] == 0.5
    assert sub["micro"]["precision"] == 0.5 and sub["micro"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert sub["macro"]["f1"] == pytest.approx((0.5 + 2 / 3) / 2, abs=1e-4)
    assert result["confusion"]["Air/drone strike"] == {"Air/drone strike": 1, "Armed clash": 1}
    assert result["confusion"]["(none)"] == {"Armed clash": 1}
    det = result["detection"]
    assert (det["found"], det["gold_events"], det["false_positive_records"]) == (3, 3, 1)
    assert result["sub_event_type_top"]["micro"] == result["sub_event_type"]["micro"]  # one prediction each
    assert det["non_event_specificity"] == 0.0


def test_untyped_gold_scores_detection_and_fields_only():
    gold = [{"id": "u1", "text": "Three killed in shelling", "events": [gold_event(
        actor1="Government of Syria", actor2="Syrian insurgents", date_start="2016-01-02", date_end="2016-01-02",
        fatalities_low=3, fatalities_best=3, fatalities_high=5)]},
        {"id": "u2", "text": "Clashes", "events": [gold_event(actor1="IS", date_start="2016-01-01",
                                                             date_end="2016-01-03", fatalities_best=0)]}]
    predicted = {"u1": [pred(actor1={"name": "Military Forces of Syria", "mention": "the army"},
                             actor2={"name": "Islamic State", "mention": "IS"}, event_date="2016-01-02",
                             date_start="2016-01-02", fatalities={"best": 4})],
                 "u2": [pred(actor2={"name": "Islamic State"}, event_date="2016-01-02", date_start="2016-01-02")]}
    result = score_events(gold, predicted)
    assert result["event_type"] is None and result["sub_event_type"] is None
    f = result["fields"]
    assert (f["actor1"]["correct"], f["actor1"]["predicted"], f["actor1"]["gold"]) == (1, 1, 2)
    assert f["actor2"]["correct"] == 0
    assert f["actors_any_side"]["correct"] == 2  # IS found on the other side in u2
    assert f["date_start_exact"]["correct"] == 1 and f["date_in_range"]["correct"] == 2
    # u1: 4 != 3 but within [3, 5]; u2: no number predicted counts as 0 == 0
    assert f["fatalities_best_exact"]["correct"] == 1 and f["fatalities_in_range"]["correct"] == 2
    assert f["fatalities_best_exact_stated"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "correct": 0,
                                                 "predicted": 1, "gold": 1}


def test_other_events_of_a_headline_are_not_penalised():
    gold = [{"id": "h", "text": "t", "events": [gold_event()]}]
    result = score_events(gold, {"h": [pred(), pred(), pred()]})
    assert result["detection"]["recall"] == 1.0
    assert result["detection"]["false_positive_events"] == 0


def test_missing_prediction_is_a_miss():
    gold = [{"id": "m", "text": "t", "events": [typed(*CLASH), typed(*AIR)]}]
    result = score_events(gold, {"m": [pred(event_type=AIR[1], sub_event_type=AIR[0])]})
    assert result["detection"]["found"] == 1
    assert result["confusion"] == {"Air/drone strike": {"Air/drone strike": 1}, "Armed clash": {"(none)": 1}}


def test_pairing_prefers_the_agreeing_prediction():
    gold = [typed(*AIR), typed(*CLASH)]
    preds = [pred(), pred(event_type=AIR[1], sub_event_type=AIR[0])]
    pairs = pair_events(gold, preds)
    assert [p["sub_event_type"] for _, p in pairs] == ["Air/drone strike", "Armed clash"]


@pytest.mark.parametrize("gold,predicted,ok", [
    ("Government of Syria", "Military Forces of Syria (2000-)", True),
    ("IS", {"name": "Islamic State", "mention": "Daesh"}, True),
    ("Ahrar al-Sham, HTS, Southern Front", "Hayat Tahrir al-Sham", True),
    ("Syrian insurgents", "Military Forces of Syria", False),
    ("Government of Turkey", "Military Forces of Syria", False),
])
def test_actor_aliases(gold, predicted, ok):
    assert actor_matches(gold, predicted) is ok


def test_classification_without_pairs_is_none():
    assert classification_scores([]) is None


def test_prediction_file_grouped_by_document(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"id": "d1", "text": "t", "events": [typed(*CLASH)]}) + "\n")
    preds = tmp_path / "p.jsonl"
    preds.write_text(json.dumps(pred()) + "\n" + json.dumps(pred(sources=[{"document_id": "zz"}])) + "\n")
    assert set(predictions_by_document(read_jsonl(preds))) == {"d1", "zz"}
    result = score_prediction_file(gold, preds)
    assert result["sub_event_type"]["micro"]["f1"] == 1.0


@pytest.mark.parametrize("content", ["", "not json\n", "[1, 2]\n", '{"id": 1, "text": "x"}\n'])
def test_bad_gold_is_a_clean_e050(tmp_path, content):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    with pytest.raises(UsageError, match="E050"):
        score_prediction_file(path, path)


def test_top_prediction_view_does_not_reward_shotgun_predictions():
    gold = [{"id": "s", "text": "t", "events": [typed(*AIR)]}]
    preds = {"s": [pred(confidence=0.9), pred(event_type=AIR[1], sub_event_type=AIR[0], confidence=0.4)]}
    result = score_events(gold, preds)
    assert result["sub_event_type"]["micro"]["recall"] == 1.0
    assert result["sub_event_type_top"]["micro"]["recall"] == 0.0
    assert result["sub_event_type_top"]["per_class"]["Armed clash"]["predicted"] == 1


def test_format_a_scores_are_reported_for_tune_and_check_halves():
    from eventwire.evaluate import split_of
    from eventwire.evaluate.events import score_halves

    gold = [{"id": str(i), "text": "t", "events": [{"event_type": "Battles", "sub_event_type": "Armed clash"}]}
            for i in range(40)]
    predicted = {r["id"]: [{"event_type": "Battles", "sub_event_type": "Armed clash"}] for r in gold}
    halves = score_halves(gold, predicted)
    assert halves["tune"]["records"] + halves["check"]["records"] == 40
    assert halves["check"]["records"] == sum(split_of(r["id"], check_share=0.4) == "check" for r in gold)
    assert halves["tune"]["sub_event_type"] == 1.0 and halves["check"]["detection_recall"] == 1.0
