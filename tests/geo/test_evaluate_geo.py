from eventwire.evaluate.geo import score_event_location, score_geoparse

GOLD = [{"id": "d1", "text": "Rain fell on Lyon and on Springfield.",
         "toponyms": [{"start": 13, "end": 17, "name": "Lyon", "lat": 45.75, "lon": 4.85, "geonameid": 2996944},
                      {"start": 25, "end": 36, "name": "Springfield", "lat": 39.80, "lon": -89.64,
                       "geonameid": 4250542}]}]


def test_geoparse_scores_spans_and_distances():
    pred = [{"id": "d1", "toponyms": [
        {"start": 13, "end": 17, "lat": 45.76, "lon": 4.84, "geonameid": 2996944, "country": "FR"},
        {"start": 25, "end": 36, "lat": 37.21, "lon": -93.29, "geonameid": 4409896, "country": "US"},
        {"start": 0, "end": 4, "lat": 1.0, "lon": 1.0, "geonameid": 1, "country": "XX"}]}]
    country = {2996944: "FR", 4250542: "US"}
    result = score_geoparse(GOLD, pred, country_of=lambda t: country.get(t["geonameid"]))
    assert result["span_exact"]["recall"] == 1.0
    assert round(result["span_exact"]["precision"], 2) == 0.67
    assert result["accuracy_161km"] == 0.5 and result["geonameid_match"] == 0.5
    assert result["country_accuracy"] == 1.0
    assert result["median_error_km"] > 100


def test_overlapping_span_counts_for_overlap_metrics_only():
    pred = [{"id": "d1", "toponyms": [{"start": 13, "end": 19, "lat": 45.75, "lon": 4.85, "geonameid": 2996944}]}]
    result = score_geoparse(GOLD, pred)
    assert result["span_exact"]["recall"] == 0.0 and result["span_overlap"]["recall"] == 0.5
    assert result["accuracy_161km"] == 1.0


def test_event_location_match_rate():
    gold = [{"id": "a", "locations": [{"start": 5, "end": 9}]},
            {"id": "b", "locations": [{"start": 0, "end": 3}]},
            {"id": "c", "locations": [{"start": 2, "end": 4}]}]
    chosen = {"a": {"start": 5, "end": 9}, "b": {"start": 10, "end": 12}, "c": None}
    result = score_event_location(gold, lambda r: chosen[r["id"]])
    assert result["match_rate"] == round(1 / 3, 4) and result["no_location_rate"] == round(1 / 3, 4)
