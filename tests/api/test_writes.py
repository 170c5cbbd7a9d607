"""Writes through the API need the write token; reads cannot write; pages follow a keyset cursor.

Through real HTTP (a uvicorn on 127.0.0.1). Processing is a fake here (it records the batches it
gets and marks them processed in the same transaction, as the real one does); the real pipeline
through a real server process is in tests/cli/test_serve_owner.py.
"""

from __future__ import annotations

import json

import httpx
import pytest

import eventwire.api as api
from eventwire.api import create_app
from eventwire.api.owner import Writer
from eventwire.config import defaults
from eventwire.store import Store

from .conftest import EVENTS, _fill, serving

TOKEN = "t" * 40
STORY = "Gunmen attacked the village of Kadugli on Monday, killing four civilians, residents said."


class FakeProcessor:
    def __init__(self):
        self.batches = []

    def __call__(self, store, docs):
        self.batches.append([d.id for d in docs])
        with store.batch():
            store.mark_documents([d.id for d in docs], "processed")


@pytest.fixture
def writable(tmp_path):
    path = tmp_path / "writes.duckdb"
    with Store(path) as store:
        _fill(store)
    app = create_app(str(path), token=TOKEN)
    fake = FakeProcessor()
    app.state.writer = Writer(app.state.store, app.state.settings, processor=lambda: fake)
    with serving(app) as url:
        yield url, fake


def post(url, path, body, token=TOKEN, **headers):
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    return httpx.post(url + path, content=json.dumps(body), timeout=30,
                      headers={"Content-Type": "application/json", **headers})


def doc(doc_id, text=STORY, **extra):
    return {"id": doc_id, "raw_text": text, "source": f"/inbox/{doc_id}.txt", **extra}


def test_documents_posted_with_the_token_are_stored_and_processed_once(writable):
    url, fake = writable
    res = post(url, "/api/documents", {"documents": [doc("a"), doc("b", STORY + " Again.")],
                                       "rejections": [{"source": "dump.jsonl", "code": "E006", "reason": "bad",
                                                       "line": 3}]})
    assert res.status_code == 200, res.text
    body = res.json()
    # the fixture's doc-1 was stored unprocessed: it is finished first (resumed), in storing order
    assert (body["read"], body["stored"], body["rejected"], body["processed"], body["resumed"]) == (2, 2, 1, 3, 1)
    assert body["rejections"][0]["line"] == 3 and body["events"] == len(EVENTS)
    assert fake.batches == [["doc-1"], ["a", "b"]]
    again = post(url, "/api/documents", {"documents": [doc("a")]}).json()
    assert (again["stored"], again["duplicates"]) == (0, 1) and len(fake.batches) == 2
    stored = {d["document_id"]: d["status"] for d in httpx.get(url + "/api/documents", timeout=10).json()["documents"]}
    assert stored == {"doc-1": "processed", "a": "processed", "b": "processed"}


def test_store_only_then_process(writable):
    url, fake = writable
    assert post(url, "/api/documents", {"documents": [doc("c")], "extract": False}).json()["stored"] == 1
    assert fake.batches == []
    done = post(url, "/api/process", {}).json()
    assert done["processed"] == 2 and done["failed"] == []   # doc-1 of the fixture, then c
    assert fake.batches == [["doc-1"], ["c"]]


@pytest.mark.parametrize("path", ["/api/documents", "/api/process"])
def test_writes_need_the_token(writable, path):
    url, fake = writable
    body = {"documents": [doc("x")]} if path == "/api/documents" else {}
    missing = post(url, path, body, token=None)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["error"]["code"] == "unauthorized"
    for wrong in (TOKEN[:-1] + "u", TOKEN + "u", "x"):
        res = post(url, path, body, token=wrong)
        assert res.status_code in (401, 403) and res.json()["error"]["status"] == res.status_code
    basic = post(url, path, body, token=None, Authorization=f"Basic {TOKEN}")
    assert basic.status_code == 403
    assert fake.batches == [] and httpx.get(url + "/api/documents/x", timeout=10).status_code == 404


def test_the_token_is_compared_in_constant_time(monkeypatch):
    calls = []

    def compare(a, b):
        calls.append((a, b))
        return a == b

    monkeypatch.setattr(api.hmac, "compare_digest", compare)
    assert api.token_matches(f"Bearer {TOKEN}", TOKEN) and calls == [(TOKEN.encode(), TOKEN.encode())]
    assert not api.token_matches("Bearer nope", TOKEN) and len(calls) == 2
    assert not api.token_matches(None, TOKEN) and not api.token_matches(f"Basic {TOKEN}", TOKEN)


def test_a_large_body_needs_the_token(writable):
    url, _ = writable
    big = {"documents": [doc("big", STORY + " " + "word " * 30_000)], "extract": False}
    assert post(url, "/api/documents", big, token=None).status_code == 413
    res = post(url, "/api/documents", big)
    assert res.status_code == 200 and res.json()["stored"] == 1


@pytest.mark.parametrize("bad", [
    {"documents": [doc("ok"), {"id": 5, "raw_text": "x"}]},
    {"documents": [doc("ok"), {"id": "y" * 300, "raw_text": "x"}]},
    {"documents": [doc("ok"), {"id": "z"}]},
    {"documents": [doc("ok", meta=[1])]},
    {"documents": [doc("ok", nlp="x")]},
    {"documents": [doc("ok")], "rejections": [{"source": "s"}]},
    {"documents": "nope"},
])
def test_a_bad_batch_is_refused_whole(writable, bad):
    url, fake = writable
    res = post(url, "/api/documents", bad)
    assert res.status_code == 422 and res.json()["error"]["code"] == "invalid_parameter"
    assert httpx.get(url + "/api/documents/ok", timeout=10).status_code == 404 and fake.batches == []


def test_the_source_path_is_shown_only_with_the_token(writable):
    url, _ = writable
    post(url, "/api/documents", {"documents": [doc("p")], "extract": False})
    public = httpx.get(url + "/api/documents/p", timeout=10).json()
    assert "source" not in public and public["text"] == STORY and public["clean_text"]
    private = httpx.get(url + "/api/documents/p", headers={"Authorization": f"Bearer {TOKEN}"}, timeout=10).json()
    assert private["source"] == "/inbox/p.txt"


def test_reads_cannot_write(tmp_path):
    with Store(tmp_path / "ro.duckdb") as store:
        with store.reading() as view:
            assert view.count("events") == 0
            with pytest.raises(Exception, match="read-only"):
                view.con.execute("DELETE FROM events")
        assert store.count("events") == 0


# -- pages ----------------------------------------------------------------------------------------

@pytest.fixture
def many(tmp_path):
    from eventwire.store.events import EventStore

    path = tmp_path / "many.duckdb"
    records = []
    for i in range(57):
        e = json.loads(json.dumps(EVENTS[i % 2]))
        e["event_id"] = f"ev-{i:03d}"
        e["event_date"] = e["date_start"] = e["date_end"] = None if i % 10 == 0 else f"2024-05-{1 + i % 7:02d}"
        records.append(e)
    with Store(path) as store:
        EventStore(store).put_event_records(records)
    with serving(create_app(str(path), defaults())) as url:
        yield url, records


@pytest.mark.parametrize("order", ["newest", "oldest"])
def test_keyset_pages_cover_every_event_once_in_order(many, order):
    url, records = many
    seen, after, pages = [], None, 0
    while True:
        params = {"limit": 10, "order": order, **({"after": after} if after else {})}
        body = httpx.get(url + "/api/events", params=params, timeout=10).json()
        assert body["total"] == 57
        seen += body["events"]
        pages += 1
        after = body["next"]
        if after is None:
            break
    assert pages == 6 and [e["event_id"] for e in seen] == [e["event_id"] for e in _ordered(records, order)]
    assert all(e["updated_at"] for e in seen)


def _ordered(records, order):
    dated = sorted((r for r in records if r["event_date"]), key=lambda r: r["event_id"])
    dated.sort(key=lambda r: r["event_date"], reverse=order == "newest")
    return dated + sorted((r for r in records if not r["event_date"]), key=lambda r: r["event_id"])


def test_the_default_page_is_small_and_a_bad_cursor_is_422(many):
    url, _ = many
    body = httpx.get(url + "/api/events", timeout=10).json()
    assert body["limit"] == 50 and body["next"] and len(body["events"]) == 50
    for after in ("nope", "W10", "eyJhIjoxfQ"):
        res = httpx.get(url + "/api/events", params={"after": after}, timeout=10)
        assert res.status_code == 422 and res.json()["error"]["code"] == "invalid_parameter"


def test_a_page_is_the_stored_record_with_its_updated_at(many):
    url, records = many
    page = httpx.get(url + "/api/events", params={"limit": 1, "order": "oldest"}, timeout=10).json()["events"]
    one = httpx.get(url + f"/api/events/{page[0]['event_id']}", timeout=10).json()
    assert {k: v for k, v in page[0].items() if k != "updated_at"} == one


# -- the server file ------------------------------------------------------------------------------

def test_the_server_file_is_written_private_and_trusted_only_so(tmp_path):
    import os
    import stat

    from eventwire.api.owner import (
        ServerInfo,
        read_server_file,
        remove_server_file,
        server_file,
        write_server_file,
    )

    store = str(tmp_path / "s.duckdb")
    info = ServerInfo(url="http://127.0.0.1:1", pid=os.getpid(), token=TOKEN, store=store, max_ingest_bytes=10)
    path = write_server_file(info)
    assert path == server_file(store) and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_server_file(store) == info
    path.chmod(0o644)                      # readable by others: not trusted (nor removed by a stranger)
    assert read_server_file(store) is None
    remove_server_file(store, os.getpid())
    assert path.exists()
    path.chmod(0o600)
    remove_server_file(store, os.getpid() + 1)   # another server's file stays
    assert path.exists()
    remove_server_file(store, os.getpid())
    assert not path.exists()


def test_a_server_that_stops_answering_is_one_clear_error(tmp_path):
    import os
    import socket

    from eventwire.api.client import ServerClient
    from eventwire.api.owner import ServerInfo
    from eventwire.errors import StoreError
    from eventwire.records import Document

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]          # nothing listens there once closed
    client = ServerClient(ServerInfo(url=f"http://127.0.0.1:{port}", pid=os.getpid(), token=TOKEN,
                                     store=str(tmp_path / "gone.duckdb")))
    with pytest.raises(StoreError) as info:
        client.add_documents([Document(id="a", raw_text=STORY)], [])
    text = str(info.value)
    assert "\n" not in text and "stopped answering" in text and "run the same command again" in text
    assert ServerClient.for_store(str(tmp_path / "gone.duckdb"), os.getpid()) is None


def test_a_batch_larger_than_the_server_takes_goes_in_several_requests(tmp_path):
    import os

    from eventwire.api.client import ServerClient
    from eventwire.api.owner import ServerInfo
    from eventwire.records import Document, Rejection

    path = tmp_path / "split.duckdb"
    settings = defaults().replace("serve", max_ingest_bytes=20_000)
    app = create_app(str(path), settings, token=TOKEN)
    fake = FakeProcessor()
    app.state.writer = Writer(app.state.store, settings, processor=lambda: fake)
    with serving(app) as url:
        client = ServerClient(ServerInfo(url=url, pid=os.getpid(), token=TOKEN, store=str(path),
                                         max_ingest_bytes=20_000))
        docs = [Document(id=f"d{i}", raw_text=f"{STORY} Number {i}. " + "More words here. " * 400) for i in range(5)]
        docs.append(Document(id="huge", raw_text="x " * 20_000, source="huge.txt"))
        report, _ = client.add_documents(docs, [Rejection("dump.jsonl", "E006", "bad", 2)])
    assert (report.read, report.stored, report.rejected) == (5, 5, 2)
    assert {r.code for r in report.rejections} == {"E006", "E005"}
    assert len(fake.batches) >= 3 and sorted(sum(fake.batches, [])) == [f"d{i}" for i in range(5)]


class GatedProcessor(FakeProcessor):
    """Processing waits for ``gate``: the first write holds the write lock until the test opens it."""

    def __init__(self):
        super().__init__()
        self.gate = __import__("threading").Event()

    def __call__(self, store, docs):
        assert self.gate.wait(30)
        super().__call__(store, docs)


@pytest.fixture
def gated(tmp_path):
    path = tmp_path / "busy.duckdb"
    settings = defaults().replace("serve", max_pending_ingests=2)
    app = create_app(str(path), settings, token=TOKEN)
    fake = GatedProcessor()
    app.state.writer = Writer(app.state.store, settings, processor=lambda: fake)
    with serving(app) as url:
        yield url, fake, app.state.writer, path
    fake.gate.set()


def _wait_for(check, timeout=15.0):
    import time

    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def test_writes_beyond_max_pending_ingests_are_refused_503_with_retry_after(gated):
    from concurrent.futures import ThreadPoolExecutor

    url, fake, writer, _ = gated
    with ThreadPoolExecutor(3) as pool:
        first = pool.submit(post, url, "/api/documents", {"documents": [doc("a")]})
        _wait_for(writer.lock.locked)
        queued = [pool.submit(post, url, "/api/documents", {"documents": [doc(f"q{i}", f"{STORY} {i}.")]})
                  for i in range(2)]
        _wait_for(lambda: writer.waiting == 2)
        refused = post(url, "/api/documents", {"documents": [doc("late", STORY + " Late.")]})
        also = post(url, "/api/process", {})
        fake.gate.set()
        answers = [first.result(30), *(q.result(30) for q in queued)]
    for res in (refused, also):
        assert res.status_code == 503 and res.headers["content-type"] == "application/json"
        assert int(res.headers["retry-after"]) >= 1
        error = res.json()["error"]
        assert (error["status"], error["code"]) == (503, "busy") and "max_pending_ingests" in error["hint"]
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert sorted(d for batch in fake.batches for d in batch) == ["a", "q0", "q1"]   # the refused one: never stored
    assert writer.waiting == 0 and not writer.lock.locked()


def test_the_client_waits_while_the_server_is_busy_then_sends(gated, monkeypatch):
    import os
    import threading

    import eventwire.api.client as client_mod
    from eventwire.api.client import ServerClient
    from eventwire.api.owner import ServerInfo
    from eventwire.records import Document

    url, fake, writer, path = gated
    monkeypatch.setattr(client_mod, "_BUSY_MOST", 0.05)
    writer.settings = writer.settings.replace("serve", max_pending_ingests=0)
    holder = threading.Thread(target=post, args=(url, "/api/documents", {"documents": [doc("a")]}))
    holder.start()
    _wait_for(writer.lock.locked)
    sent = []
    real_post = httpx.Client.post

    def counting(self, *args, **kwargs):
        response = real_post(self, *args, **kwargs)
        sent.append(response.status_code)
        if len(sent) == 3:
            fake.gate.set()          # the first write ends after the client was refused twice
        return response

    monkeypatch.setattr(httpx.Client, "post", counting)
    client = ServerClient(ServerInfo(url=url, pid=os.getpid(), token=TOKEN, store=str(path)))
    report, _ = client.add_documents([Document(id="b", raw_text=STORY + " Again.")], [])
    holder.join(30)
    assert report.stored == 1 and sent[:3] == [503, 503, 503] and sent[-1] == 200


def test_the_client_gives_up_on_a_busy_server_in_one_line(gated, monkeypatch):
    import os
    import threading

    import eventwire.api.client as client_mod
    from eventwire.api.client import ServerClient
    from eventwire.api.owner import ServerInfo
    from eventwire.errors import StoreError
    from eventwire.records import Document

    url, fake, writer, path = gated
    monkeypatch.setattr(client_mod, "_BUSY_MOST", 0.05)
    monkeypatch.setattr(client_mod, "BUSY_PATIENCE", 0.3)
    writer.settings = writer.settings.replace("serve", max_pending_ingests=0)
    holder = threading.Thread(target=post, args=(url, "/api/documents", {"documents": [doc("a")]}))
    holder.start()
    _wait_for(writer.lock.locked)
    client = ServerClient(ServerInfo(url=url, pid=os.getpid(), token=TOKEN, store=str(path)))
    with pytest.raises(StoreError) as info:
        client.add_documents([Document(id="b", raw_text=STORY + " Again.")], [])
    fake.gate.set()
    holder.join(30)
    text = str(info.value)
    assert "\n" not in text and "busy" in text and "gave up after" in text and "run the same command again" in text


def test_a_write_shortens_the_gil_switch_interval_until_it_ends(gated):
    import sys
    import threading

    from eventwire.api.owner import WRITE_SWITCH_INTERVAL

    url, fake, writer, _ = gated
    before = sys.getswitchinterval()
    answers = []
    holder = threading.Thread(target=lambda: answers.append(post(url, "/api/documents", {"documents": [doc("a")]})))
    holder.start()
    _wait_for(lambda: sys.getswitchinterval() == WRITE_SWITCH_INTERVAL)   # while the write runs
    assert writer.lock.locked() and WRITE_SWITCH_INTERVAL < before
    fake.gate.set()
    holder.join(30)
    assert answers[0].status_code == 200 and sys.getswitchinterval() == before
