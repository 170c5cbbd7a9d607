"""The server owns the store: one writer in-process, a server file beside the store, a watched inbox.

DuckDB lets one process open a database read-write, or many processes read-only - never both,
and a read-only open fails while a writer holds the file. So while ``eventwire serve`` runs it
is the one process using its store, and everything else goes through it:

* ``Writer`` - the server's only way to write: documents sent to ``POST /api/documents``,
  ``POST /api/process`` and the watched inputs all pass one lock into one long-lived
  ``eventwire.ingest.Ingester`` (clean, deduplicate, store in batches, then ``process_pending``:
  the same pipeline and the same exactly-once processing as ``eventwire ingest``).
* The server file ``<store>.serve.json`` (mode 0600, written once the server listens, removed
  when it stops) holds the URL, the PID and the write token. An ``eventwire ingest``, ``export``,
  ``documents`` or ``process`` that finds the store locked reads it and talks to that server
  (``eventwire.api.client``); a file left by a killed server is ignored, since then the store opens.
* ``Watcher`` - a thread ingesting ``[serve] watch`` (folders, files, globs, feed URLs) at start and
  every ``[serve] watch_interval`` seconds; files already read and unchanged are skipped.
"""

from __future__ import annotations

import glob
import json
import logging
import os
import secrets
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from eventwire.config import Settings
from eventwire.errors import StoreError
from eventwire.ingest import Ingester, IngestReport
from eventwire.process import ProcessReport, process_pending
from eventwire.read._fetch import is_url
from eventwire.records import Document, Rejection
from eventwire.store import Store

log = logging.getLogger("eventwire.serve")

SUFFIX = ".serve.json"


@dataclass(frozen=True)
class ServerInfo:
    """What the server file says: where the server listens, its PID, the write token, its limits."""

    url: str
    pid: int
    token: str
    store: str
    max_ingest_bytes: int = 0


def server_file(store_path: str | os.PathLike[str]) -> Path:
    """Where the server of ``store_path`` records itself."""
    return Path(f"{os.path.abspath(store_path)}{SUFFIX}")


def new_token(settings: Settings) -> str:
    """The write token: ``[serve] token`` when configured, else a fresh random one for this run."""
    return settings.serve.token or secrets.token_urlsafe(32)


def write_server_file(info: ServerInfo) -> Path:
    """Write the server file readable by its owner only (0600, created so, then renamed into place)."""
    path = server_file(info.store)
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        tmp.unlink()
    except FileNotFoundError:
        pass
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, json.dumps(asdict(info)).encode("utf-8"))
    finally:
        os.close(fd)
    os.replace(tmp, path)
    return path


def read_server_file(store_path: str | os.PathLike[str]) -> ServerInfo | None:
    """The server file of ``store_path``, or None when there is none, it cannot be read, or it is not
    this user's own private file (documents are never sent to a server another user named)."""
    path = server_file(store_path)
    try:
        st = path.stat()
        if hasattr(os, "getuid") and (st.st_uid != os.getuid() or st.st_mode & 0o077):
            return None
        data = json.loads(path.read_text("utf-8"))
        return ServerInfo(**{k: data[k] for k in ("url", "pid", "token", "store")},
                          max_ingest_bytes=int(data.get("max_ingest_bytes", 0)))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remove_server_file(store_path: str | os.PathLike[str], pid: int | None = None) -> None:
    """Remove the server file (only when it is this ``pid``'s, if given)."""
    found = read_server_file(store_path)
    if pid is not None and (found is None or found.pid != pid):
        return
    try:
        server_file(store_path).unlink()
    except OSError:
        pass


Processor = Callable[[object, list[Document]], None]

# While a write runs, the GIL changes hands every 0.5 ms instead of Python's 5 ms: extraction and the
# API share one interpreter, and a read waiting for the GIL behind extraction then waits less
# (bench_load, 100k events, 20 req/s, while ingesting: /api/events p95 about 50 ms instead of 75-117 ms;
# the ingest no slower). Restored once the write ends.
WRITE_SWITCH_INTERVAL = 0.0005


# The extraction worker runs at a lower priority than the server (nice +10): when a request comes in
# while it extracts, the operating system runs the request first. Extraction only waits as long as
# requests keep a core busy.
WORKER_NICE = 10


class Busy(Exception):
    """More writes are waiting their turn than ``[serve] max_pending_ingests``: try again in ``retry_after`` s."""

    def __init__(self, waiting: int, retry_after: int) -> None:
        super().__init__(f"the server is busy: {waiting} writes are already waiting their turn")
        self.waiting, self.retry_after = waiting, retry_after


class Writer:
    """The server's single writer: one lock, one ``Ingester``, one extractor (built when first needed).

    Writes run one at a time; a request finding ``[serve] max_pending_ingests`` others already waiting
    is refused (``Busy``) rather than queued, so waiting writes never pile up in the server's threads.
    While a write runs, the GIL switch interval is ``WRITE_SWITCH_INTERVAL``, so reads stay quick."""

    def __init__(self, store: Store, settings: Settings, *,
                 processor: Callable[[], Processor] | None = None) -> None:
        self.store = store.cursor()
        self.settings = settings
        self.lock = threading.Lock()
        self._queue = threading.Lock()
        self.waiting = 0
        self._last_write = 1.0   # seconds the last write held the lock (for Retry-After)
        self._make_processor = processor or _store_processor(settings)
        self._processor: Processor | None = None
        self._ingester: Ingester | None = None
        self.stopping = threading.Event()

    def _ready(self, extract: bool) -> tuple[Ingester, Processor | None]:
        if self.stopping.is_set():
            raise StoreError("E030", "the server is stopping", hint="run this again once the server is back")
        if self._ingester is None:
            self._ingester = Ingester(self.store, self.settings)
        if extract and self._processor is None:
            self._processor = self._make_processor()
        return self._ingester, (self._processor if extract else None)

    @contextmanager
    def turn(self, *, bounded: bool = True) -> Iterator[None]:
        """Hold the write lock; ``bounded``: refuse (``Busy``) when ``[serve] max_pending_ingests``
        writes are already waiting for it (the watcher, unbounded, just waits)."""
        if not self.lock.acquire(blocking=False):
            with self._queue:
                if bounded and self.waiting >= self.settings.serve.max_pending_ingests:
                    raise Busy(self.waiting, max(1, min(60, round(self._last_write))))
                self.waiting += 1
            try:
                self.lock.acquire()
            finally:
                with self._queue:
                    self.waiting -= 1
        began, switch = time.monotonic(), sys.getswitchinterval()
        sys.setswitchinterval(min(switch, WRITE_SWITCH_INTERVAL))
        try:
            yield
        finally:
            sys.setswitchinterval(switch)
            self._last_write = time.monotonic() - began
            self.lock.release()

    def add(self, docs: Sequence[Document], rejections: Sequence[Rejection] = (), *,
            extract: bool = True) -> IngestReport:
        """Store (and with ``extract``, extract and fuse) documents read elsewhere."""
        with self.turn():
            ingester, processor = self._ready(extract)
            return ingester.add(docs, rejections, process=processor)

    def inputs(self, inputs: Sequence[str]) -> IngestReport:
        """Read, store, extract and fuse inputs (the watched ones)."""
        with self.turn(bounded=False):
            ingester, processor = self._ready(True)
            return ingester.inputs(inputs, process=processor, stop=self.stopping.is_set)

    def process(self, *, everything: bool = False, retry_failed: bool = False) -> ProcessReport:
        """``eventwire process`` in the server: extract and fuse what is pending."""
        with self.turn():
            _, processor = self._ready(True)
            return process_pending(self.store, self.settings, processor, everything=everything,
                                   retry_failed=retry_failed)

    def events(self) -> int:
        with self.lock:
            return self.store.count("events")

    def close(self) -> None:
        """Close once what is being written is committed (a watched pass stops after its batch)."""
        self.stopping.set()
        with self.lock:
            self.store.close()
            close = getattr(self._processor, "close", None)
            if close is not None:
                close()


def _store_processor(settings: Settings) -> Callable[[], Processor]:
    def build() -> Processor:
        from eventwire.process import StoreProcessor, WorkerProcessor

        if settings.serve.extract_in_worker:
            return WorkerProcessor(settings, nice=WORKER_NICE)
        return StoreProcessor(settings)

    return build


class Watcher:
    """Ingests the watched inputs through the writer now and every ``interval`` seconds, in a thread."""

    def __init__(self, writer: Writer, inputs: Sequence[str], interval: float) -> None:
        self.writer, self.inputs, self.interval = writer, list(inputs), interval
        self.stop = threading.Event()
        self.seen: dict[str, tuple[int, int]] = {}
        self.thread = threading.Thread(target=self._loop, name="eventwire-watch", daemon=True)
        self.passes = 0

    def start(self) -> None:
        if self.inputs:
            self.thread.start()

    def close(self, timeout: float = 30.0) -> None:
        self.stop.set()
        self.writer.stopping.set()
        if self.thread.is_alive():
            self.thread.join(timeout)

    def _loop(self) -> None:
        while not self.stop.is_set():
            try:
                self.once()
            except Exception:
                log.exception("watch: a pass failed; trying again in %g s", self.interval)
            self.passes += 1
            self.stop.wait(self.interval)

    def once(self) -> IngestReport | None:
        """One pass: new or changed files and every URL; None when there was nothing to read.
        Files count as read only once the pass stored them (a failed pass reads them again)."""
        todo, stamps = changed_inputs(self.inputs, self.seen, self.writer.settings.read.extensions)
        if not todo:
            return None
        report = self.writer.inputs(todo)
        self.seen.update(stamps)
        for item in report.rejections:
            log.warning("watch: %s", item.message())
        if report.stored or report.rejected:
            log.warning("watch: %s", report.summary())
        return report


def changed_inputs(watch: Sequence[str], seen: dict[str, tuple[int, int]],
                   extensions: Sequence[str]) -> tuple[list[str], dict[str, tuple[int, int]]]:
    """The watched inputs to read now - URLs always, files new or changed since ``seen`` - and the
    (size, mtime) of those files."""
    out: list[str] = []
    stamps: dict[str, tuple[int, int]] = {}
    for entry in watch:
        if is_url(entry):
            out.append(entry)
            continue
        for path in _files(entry, extensions):
            try:
                st = os.stat(path)
            except OSError:
                continue
            stamp = (st.st_size, st.st_mtime_ns)
            if seen.get(path) != stamp and path not in stamps:
                stamps[path] = stamp
                out.append(path)
    return out, stamps


def _files(entry: str, extensions: Sequence[str]) -> list[str]:
    if os.path.isdir(entry):
        found = [os.path.join(d, f) for d, _, names in os.walk(entry) for f in names]
        wanted = tuple(e.lower() for e in extensions)
        return sorted(f for f in found if not wanted or f.lower().endswith(wanted))
    if any(c in entry for c in "*?["):
        return sorted(p for p in glob.glob(entry, recursive=True) if os.path.isfile(p))
    return [entry] if os.path.isfile(entry) else []


__all__ = ["SUFFIX", "Busy", "ServerInfo", "Watcher", "Writer", "changed_inputs", "new_token", "read_server_file",
           "remove_server_file", "server_file", "write_server_file"]
