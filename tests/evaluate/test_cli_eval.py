"""``eventwire eval`` sniffs formats, scores prediction files and fails cleanly on bad gold."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.cli.commands_eval import sniff_format

GOLD = {"id": "d1", "dataset": "tiny", "text": "Rebels and soldiers clashed in Idlib, killing 3.", "published": "2020-01-02",
        "events": [{"event_type": "Battles", "sub_event_type": "Armed clash", "native_type": "x",
                    "date_start": "2020-01-02", "date_end": "2020-01-02", "date_precision": 1, "location": None,
                    "actor1": "Syrian insurgents", "actor2": "Government of Syria", "fatalities_low": 3,
                    "fatalities_best": 3, "fatalities_high": 3}], "non_event_label": None}
NON_EVENT = {"id": "d2", "dataset": "tiny", "text": "Markets rose.", "published": None, "events": [],
             "non_event_label": "OTHER"}
PRED = {"event_type": "Battles", "sub_event_type": "Armed clash", "event_date": "2020-01-02",
        "date_start": "2020-01-02", "date_end": "2020-01-02", "actor1": {"name": "Syrian rebels"},
        "actor2": {"name": "Military Forces of Syria"}, "fatalities": {"best": 3}, "location": None,
        "sources": [{"document_id": "d1"}]}


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


@pytest.fixture()
def files(tmp_path):
    return (write_jsonl(tmp_path / "gold.jsonl", [GOLD, NON_EVENT]),
            write_jsonl(tmp_path / "pred.jsonl", [PRED, {**PRED, "sources": [{"document_id": "d2"}]}]))


def test_predictions_json(files):
    gold, pred = files
    result = CliRunner().invoke(main, ["eval", gold, "--predictions", pred, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["detection"]["found"] == 1 and data["detection"]["false_positive_records"] == 1
    assert data["sub_event_type"]["micro"]["precision"] == 0.5
    assert data["fields"]["actor1"]["correct"] == 1 and data["fields"]["fatalities_best_exact"]["correct"] == 1


def test_predictions_table(files):
    gold, pred = files
    result = CliRunner().invoke(main, ["eval", gold, "--predictions", pred])
    assert result.exit_code == 0
    assert "detection recall 1.000" in result.stdout and "confusion" in result.stdout


def test_sniffing(tmp_path):
    geo = write_jsonl(tmp_path / "g.jsonl", [{"id": 1, "text": "t", "toponyms": []}])
    loc = write_jsonl(tmp_path / "c.jsonl", [{"id": 1, "text": "t", "trigger": {}, "locations": []}])
    assert (sniff_format(geo), sniff_format(loc), sniff_format(tmp_path)) == ("geo", "event_location", "golden")


@pytest.mark.parametrize("content", ["no json here\n", '{"id": 1, "text": "x"}\n', "[]"])
def test_bad_gold_is_one_line_exit_2(tmp_path, content):
    path = tmp_path / "bad.jsonl"
    path.write_text(content)
    result = CliRunner().invoke(main, ["eval", str(path)])
    assert result.exit_code == 2
    assert "E050" in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_predictions_with_geo_gold_is_usage_error(tmp_path, files):
    geo = write_jsonl(tmp_path / "g.jsonl", [{"id": 1, "text": "t", "toponyms": []}])
    result = CliRunner().invoke(main, ["eval", geo, "--predictions", files[1]])
    assert result.exit_code == 2 and "E060" in result.stderr


def test_golden_dir_with_predictions(tmp_path):
    golden = tmp_path / "golden"
    golden.mkdir()
    article = {"id": "g1", "published": "2020-01-02", "text": "t. t. t.", "why": "w",
               "expect": [{"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities_best": 3}],
               "must_not": [{"fatalities_best": 82}]}
    (golden / "a.json").write_text(json.dumps([article]))
    pred = write_jsonl(tmp_path / "p.jsonl", [{**PRED, "sources": [{"document_id": "g1"}],
                                                "fatalities": {"best": 82}}])
    result = CliRunner().invoke(main, ["eval", str(golden), "--predictions", pred, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["found"] == 1 and data["critical_violations"] == 1
    assert data["fields"]["fatalities_best"]["correct"] == 0
