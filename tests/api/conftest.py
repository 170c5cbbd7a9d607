"""A real uvicorn server on 127.0.0.1 over a small store written by hand."""

from __future__ import annotations

import json
import socket
import threading
import time
from contextlib import contextmanager

import pytest
import uvicorn

from eventwire.api import create_app, server_config
from eventwire.records import Document, content_hash
from eventwire.store import Store

TEXT = "Rebels shelled the town of Kadugli on Monday, killing four civilians, residents said."


def _event(event_id, event_type, sub, day, lat, lon, country, actor1, deaths, background=False):
    return {
        "event_id": event_id, "event_type": event_type, "sub_event_type": sub, "cameo": None, "plover": None,
        "event_date": day, "date_start": day, "date_end": day, "time_precision": 1,
        "is_background": background, "actor1": {"name": actor1, "type": "Rebel group", "country": country,
                                                "mention": actor1},
        "actor2": None, "assoc_actor_1": [], "assoc_actor_2": [], "civilian_targeting": True,
        "location": {"name": "Kadugli", "geonameid": 1, "lat": lat, "lon": lon, "country": country,
                     "admin1": "South Kordofan", "admin2": None, "geo_precision": 1},
        "fatalities": {"low": deaths, "best": deaths, "high": deaths, "text": "killing four civilians"},
        "tags": [], "confidence": 0.8, "notes": "Rebels shelled Kadugli.",
        "sources": [{"document_id": "doc-1", "url": None, "outlet": "Test Wire", "published": day,
                     "attribution": "residents said", "attribution_type": "witness",
                     "evidence": [{"start": 7, "end": 14, "text": "shelled"}]}],
    }


EVENTS = [
    _event("ev-a", "Explosions/Remote violence", "Shelling/artillery/missile attack", "2024-05-06",
           11.01, 29.72, "SD", "SPLM-N", 4),
    _event("ev-b", "Protests", "Peaceful protest", "2024-05-07", 15.5, 32.53, "SD", "Protesters (Sudan)", None),
    _event("ev-c", "Battles", "Armed clash", "2019-01-02", 36.2, 37.1, "SY", "Islamic State", 10, background=True),
]


def _fill(store: Store) -> None:
    with store.batch() as con:
        store.put_document(Document(id="doc-1", raw_text=TEXT, content_hash=content_hash(TEXT),
                                    outlet="Test Wire", published="2024-05-07"))
        for e in EVENTS:
            loc = e["location"]
            con.execute(
                "INSERT INTO events (event_id, event_type, sub_event_type, event_date, date_start, date_end, "
                "is_background, country, admin1, lat, lon, actor1, fatalities_best, num_sources, num_documents, "
                "record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?)",
                [e["event_id"], e["event_type"], e["sub_event_type"], e["event_date"], e["date_start"],
                 e["date_end"], e["is_background"], loc["country"], loc["admin1"], loc["lat"], loc["lon"],
                 e["actor1"]["name"], e["fatalities"]["best"], json.dumps(e)])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app):
    """``app`` served by a real uvicorn on 127.0.0.1 (eventwire's own server settings); yields the base URL."""
    port = _free_port()
    srv = uvicorn.Server(server_config(app, host="127.0.0.1", port=port))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="package")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "api.duckdb"
    with Store(path) as store:
        _fill(store)
    return path


@pytest.fixture(scope="package")
def server(store_path):
    with serving(create_app(str(store_path))) as url:
        yield url
