"""`eventwire extract` on the example article, as the user of issue 3 reads its output.

The article is ../shared/examples/palmyra_2016-03-27.txt (a scraped AFP story). It
is one example of a kind; nothing in eventwire special-cases it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "examples" / "palmyra_2016-03-27.txt"
pytestmark = pytest.mark.skipif(not ARTICLE.exists(), reason="../shared/examples not beside the checkout")


@pytest.fixture(scope="module")
def events(tmp_path_factory):
    db = tmp_path_factory.mktemp("palmyra") / "p.duckdb"
    result = CliRunner().invoke(main, ["--db", str(db), "extract", "--include-background", "--published",
                                       "2016-03-27", str(ARTICLE)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _new(events):
    return [e for e in events if not e["is_background"]]


def test_recapture_by_syrian_government_forces_with_russian_support(events):
    [battle] = [e for e in _new(events) if e["sub_event_type"] == "Government regains territory"]
    assert battle["event_date"] == "2016-03-27" and battle["time_precision"] == 1
    assert battle["actor1"]["name"] == "Military Forces of Syria" and battle["actor1"]["country"] == "SY"
    assert battle["actor2"]["name"] == "Islamic State"
    assert "Military Forces of Russia" in [a["name"] for a in battle["assoc_actor_1"]]
    place = battle["location"]
    assert place["country"] == "SY" and place["name"] in {"Tadmur", "Palmyra"}  # never Palmyra, New York
    assert abs(place["lat"] - 34.56) < 0.2 and abs(place["lon"] - 38.27) < 0.2


def test_air_strikes_toll_is_over_100_and_attributed_to_russias_defence_ministry(events):
    tolls = {e["fatalities"]["best"]: e for e in _new(events) if e["fatalities"]["best"]}
    assert 100 in tolls and "over 100" in tolls[100]["fatalities"]["text"]
    types = {s["attribution"]: s["attribution_type"] for s in tolls[100]["sources"]}
    assert any("defense ministry" in (a or "") for a in types)
    assert "airstrike" in tolls[100]["tags"]


def test_sappers_mine_clearance_is_disrupted_weapons_use(events):
    assert [e for e in _new(events) if e["sub_event_type"] == "Disrupted weapons use"]


def test_history_is_background_with_its_own_dates(events):
    background = [e for e in events if e["is_background"]]
    assert background and all(e["date_start"] < "2016-01-01" for e in background)
    assert any(e["date_start"].startswith("2015-05") for e in background)      # the May 2015 capture
    assert any(e["date_start"] == "2015-08-23" for e in background)            # the temple explosion
    assert all(e["event_date"] == "2016-03-27" for e in _new(events))


def test_no_event_at_the_towns_is_retreated_to_and_no_false_tolls(events):
    places = {(e["location"] or {}).get("name") for e in events}
    assert not places & {"Sukhnah", "As Sukhnah", "Raqqa", "Ar Raqqah", "Deir ez-Zor", "Dayr az Zawr"}
    tolls = {v for e in events for v in e["fatalities"].values() if isinstance(v, int)}
    assert not tolls & {82, 40, 158, 20}


def test_evidence_offsets_index_the_article_exactly_as_given(events):
    text = ARTICLE.read_text("utf-8")
    for e in events:
        for source in e["sources"]:
            for span in source["evidence"]:
                assert text[span["start"]:span["end"]] == span["text"]
