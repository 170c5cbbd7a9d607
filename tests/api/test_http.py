"""The HTTP API through real HTTP: filters, one JSON error body for every error."""

from __future__ import annotations

import httpx
import pytest


def get(server, path, **params):
    return httpx.get(server + path, params=params, timeout=10)


def test_health_counts_what_is_stored(server):
    body = get(server, "/api/health").json()
    assert body["status"] == "ok" and body["events"] == 3 and body["documents"] == 1


def test_events_hide_background_unless_asked(server):
    assert {e["event_id"] for e in get(server, "/api/events").json()["events"]} == {"ev-a", "ev-b"}
    body = get(server, "/api/events", include_background="true").json()
    assert body["total"] == 3


@pytest.mark.parametrize("params, expected", [
    ({"type": "Protests"}, {"ev-b"}),
    ({"type": "Shelling/artillery/missile attack"}, {"ev-a"}),
    ({"start": "2024-05-07"}, {"ev-b"}),
    ({"end": "2024-05-06"}, {"ev-a"}),
    ({"country": "sd"}, {"ev-a", "ev-b"}),
    ({"actor": "splm"}, {"ev-a"}),
    ({"bbox": "29,10,30,12"}, {"ev-a"}),
    ({"country": "SY", "include_background": "true"}, {"ev-c"}),
])
def test_event_filters(server, params, expected):
    assert {e["event_id"] for e in get(server, "/api/events", **params).json()["events"]} == expected


def test_one_event_is_the_full_contract_record(server):
    record = get(server, "/api/events/ev-a").json()
    for key in ("event_id", "event_type", "sub_event_type", "cameo", "plover", "event_date", "date_start",
                "date_end", "time_precision", "is_background", "actor1", "actor2", "assoc_actor_1",
                "assoc_actor_2", "civilian_targeting", "location", "fatalities", "tags", "confidence",
                "sources", "notes"):
        assert key in record
    assert record["sources"][0]["evidence"][0]["text"] == "shelled"


def test_timeline_counts_per_day(server):
    days = get(server, "/api/timeline").json()["days"]
    assert {(d["date"], d["count"]) for d in days} == {("2024-05-06", 1), ("2024-05-07", 1)}


def test_document_text_lets_evidence_offsets_be_checked(server):
    doc = get(server, "/api/documents/doc-1").json()
    assert doc["text"][7:14] == "shelled"


@pytest.mark.parametrize("path, params, status, code", [
    ("/api/events/nope", {}, 404, "not_found"),
    ("/api/documents/nope", {}, 404, "not_found"),
    ("/api/nowhere", {}, 404, "not_found"),
    ("/api/events", {"bbox": "1,2,3"}, 400, "bad_bbox"),
    ("/api/events", {"start": "yesterday"}, 422, "invalid_parameter"),
    ("/api/events", {"limit": "0"}, 422, "invalid_parameter"),
])
def test_every_error_has_one_json_body(server, path, params, status, code):
    res = get(server, path, **params)
    assert res.status_code == status
    error = res.json()["error"]
    assert error["code"] == code and error["status"] == status and error["message"]


def test_web_page_and_its_assets_are_served_locally(server):
    page = get(server, "/")
    assert page.status_code == 200 and "leaflet.js" in page.text
    for asset in ("/static/app.js", "/static/vendor/leaflet/leaflet.js", "/static/countries-110m.geojson"):
        assert get(server, asset).status_code == 200
    assert "http://" not in get(server, "/static/app.js").text  # no external requests
