"""Talking to the ``eventwire serve`` that owns a store (for commands that find the store in use).

``ServerClient.for_store(path, pid)`` reads the server file beside the store (``<store>.serve.json``)
and checks that the server it names is the process holding the store and answers; then
``add_documents`` / ``process`` write through it (with its token) and ``events``, ``changes``,
``documents`` and ``document`` read through its API. Every failure is one ``EventwireError`` line:
a server that stops answering mid-way says how much it confirmed and that running the same
command again finishes the rest (stored documents are recognised as duplicates).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator, Sequence
from typing import Any

import httpx

from eventwire.api._wire import (
    document_to_wire,
    process_from_wire,
    rejection_to_wire,
    report_from_wire,
)
from eventwire.api.owner import ServerInfo, read_server_file, server_file
from eventwire.errors import EventwireError, StoreError, UsageError
from eventwire.ingest import IngestReport
from eventwire.process import ProcessReport
from eventwire.read._common import rejection
from eventwire.records import Document, Rejection

_PAGE = 1000
_COUNTS = ("read", "stored", "duplicates", "near_duplicates", "rejected", "skipped_language", "processed", "resumed")
_WRITE_TIMEOUT = httpx.Timeout(10.0, read=3600.0)   # a batch is extracted before the answer
# A server busy with other writes answers 503 "busy" with Retry-After: wait that long (at least the
# backoff, doubling from 2 s, at most 60 s; a little jitter), for at most this many seconds in all.
BUSY_PATIENCE = 600.0
_BUSY_FIRST, _BUSY_MOST = 2.0, 60.0


class ServerClient:
    """The API of the server that owns a store."""

    def __init__(self, info: ServerInfo, *, client: httpx.Client | None = None) -> None:
        self.info = info
        self.http = client or httpx.Client(base_url=info.url, timeout=30.0, trust_env=False)
        self._auth = {"Authorization": f"Bearer {info.token}"}

    @classmethod
    def for_store(cls, path: str, pid: int | None) -> ServerClient | None:
        """The client of the server holding ``path`` (as process ``pid``), or None when no answering
        eventwire server holds it (another kind of process, or a server file left by a killed one)."""
        info = read_server_file(path)
        if info is None or (pid is not None and info.pid != pid):
            return None
        client = cls(info)
        try:
            client.http.get("/api/health", timeout=5.0).raise_for_status()
        except httpx.HTTPError:
            client.close()
            return None
        return client

    def close(self) -> None:
        self.http.close()

    def describe(self) -> str:
        return f"eventwire serve (PID {self.info.pid}) at {self.info.url}"

    # -- writing ----------------------------------------------------------------------------------
    def add_documents(self, docs: Sequence[Document], rejections: Sequence[Rejection], *,
                      extract: bool = True) -> tuple[IngestReport, int]:
        """Send one batch (in several requests when it is larger than the server takes in one); the
        server's report of it, and how many events the store then holds."""
        total, events = IngestReport(), 0
        for body in self._ingest_bodies(list(docs), list(rejections), extract):
            answer = self._post("/api/documents", body)
            report, events = report_from_wire(answer), int(answer.get("events", 0))
            for key in _COUNTS:
                setattr(total, key, getattr(total, key) + getattr(report, key))
            total.rejections += report.rejections
        return total, events

    def _ingest_bodies(self, docs: list[Document], rejections: list[Rejection], extract: bool) -> list[bytes]:
        """JSON bodies of at most ``max_ingest_bytes`` each (the read rejections go with the first); a
        document larger than that alone becomes a rejection (E005) instead."""
        limit = (self.info.max_ingest_bytes or 1 << 62) - 4096
        parts: list[list[bytes]] = [[]]
        size = 0
        for doc in docs:
            item = json.dumps(document_to_wire(doc), ensure_ascii=False).encode("utf-8")
            if len(item) > limit:
                rejections.append(rejection("E005", doc.source or doc.id, f"{doc.id}: larger than the server takes "
                                            f"in one request ([serve] max_ingest_bytes = {self.info.max_ingest_bytes})"))
                continue
            if size + len(item) > limit and parts[-1]:
                parts.append([])
                size = 0
            parts[-1].append(item)
            size += len(item) + 1
        refused = json.dumps([rejection_to_wire(r) for r in rejections], ensure_ascii=False).encode("utf-8")
        flag = b"true" if extract else b"false"
        return [b'{"documents": [' + b",".join(part) + b'], "rejections": ' + (refused if i == 0 else b"[]")
                + b', "extract": ' + flag + b"}" for i, part in enumerate(parts)]

    def process(self, *, everything: bool = False, retry_failed: bool = False) -> tuple[ProcessReport, int]:
        answer = self._post("/api/process", json.dumps({"everything": everything,
                                                        "retry_failed": retry_failed}).encode())
        return process_from_wire(answer), int(answer.get("events", 0))

    def _post(self, path: str, body: bytes) -> dict[str, Any]:
        """POST a write; while the server answers "busy", wait as it asks and try again (bounded)."""
        headers = {**self._auth, "Content-Type": "application/json"}
        waited, tries, backoff = 0.0, 0, _BUSY_FIRST
        while True:
            try:
                response = self.http.post(path, content=body, headers=headers, timeout=_WRITE_TIMEOUT)
            except httpx.HTTPError as exc:
                raise self._gone(exc) from None
            tries += 1
            if not _busy(response):
                return self._answer(response)
            pause = min(max(_retry_after(response), backoff), _BUSY_MOST) * random.uniform(1.0, 1.2)
            if waited + pause > BUSY_PATIENCE:
                raise StoreError("E030", f"{self.describe()} stayed busy with other writes; gave up after {tries} "
                                         f"tries over {waited:.0f} s",
                                 hint="what it confirmed is stored; run the same command again later to send "
                                      "the rest")
            time.sleep(pause)
            waited += pause
            backoff = min(backoff * 2, _BUSY_MOST)

    # -- reading ----------------------------------------------------------------------------------
    def events(self, *, limit: int | None = None, **filters: Any) -> Iterator[dict[str, Any]]:
        """Event records (with ``updated_at``) passing the filters, oldest first, page by page."""
        params = {k: v for k, v in _api_filters(filters).items() if v not in (None, "", False)}
        after, given = None, 0
        while True:
            size = _PAGE if limit is None else min(_PAGE, limit - given)
            page = self._get("/api/events", {**params, "order": "oldest", "limit": size,
                                             **({"after": after} if after else {})})
            for record in page["events"]:
                yield record
            given += len(page["events"])
            after = page.get("next")
            if not after or (limit is not None and given >= limit):
                return

    def count(self, table: str) -> int:
        """How many documents, events or rejections the store holds."""
        return int(self._get("/api/health", {})[table])

    def changes(self, since: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        while True:
            rows = self._get("/api/changes", {"since": since, "limit": _PAGE, "offset": len(out)})["changes"]
            out += rows
            if len(rows) < _PAGE:
                return out

    def documents(self, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
        given = 0
        while limit is None or given < limit:
            size = _PAGE if limit is None else min(_PAGE, limit - given)
            rows = self._get("/api/documents", {"limit": size, "offset": given})["documents"]
            yield from rows
            given += len(rows)
            if len(rows) < size:
                return

    def document(self, document_id: str) -> dict[str, Any] | None:
        try:
            response = self.http.get(f"/api/documents/{_quote(document_id)}", headers=self._auth)
        except httpx.HTTPError as exc:
            raise self._gone(exc) from None
        if response.status_code == 404:
            return None
        return self._answer(response)

    def _get(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        try:
            response = self.http.get(path, params=params)
        except httpx.HTTPError as exc:
            raise self._gone(exc) from None
        return self._answer(response)

    # -- errors -----------------------------------------------------------------------------------
    def _gone(self, exc: Exception) -> EventwireError:
        return StoreError("E030", f"{self.info.store} is served by {self.describe()}, which stopped answering "
                                  f"({exc.__class__.__name__})",
                          hint="what it confirmed is stored; run the same command again once it is back "
                               "(or stopped) to finish the rest")

    def _answer(self, response: httpx.Response) -> dict[str, Any]:
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code == 200 and isinstance(body, dict):
            return body
        error = body.get("error", {}) if isinstance(body, dict) else {}
        message = error.get("message") or f"HTTP {response.status_code}"
        if response.status_code == 422:
            raise UsageError("E060", message, hint=error.get("hint") or None)
        if response.status_code in (401, 403):
            raise StoreError("E030", f"{self.describe()} refused the write token of {server_file(self.info.store)}",
                             hint="the file may be from an earlier run; restart the server or wait for it")
        raise StoreError("E030", f"{self.describe()} answered {response.status_code}: {message}",
                         hint=error.get("hint") or "see the server's log")


def _busy(response: httpx.Response) -> bool:
    if response.status_code != 503:
        return False
    try:
        return response.json()["error"]["code"] == "busy"
    except (ValueError, KeyError, TypeError):
        return False


def _retry_after(response: httpx.Response) -> float:
    try:
        return max(0.0, float(response.headers.get("retry-after", "")))
    except ValueError:
        return _BUSY_FIRST


def _quote(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


def _api_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """Library filter names (``event_type``) as the API's query parameters (``type``)."""
    out = dict(filters)
    if "event_type" in out:
        out["type"] = out.pop("event_type")
    if out.get("include_background"):
        out["include_background"] = "true"
    return out


__all__ = ["ServerClient"]
