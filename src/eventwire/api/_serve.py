"""``eventwire serve`` end to end: take the store, listen, say so only then, clean up on the way out.

Order matters for the promise "the start message appears only once it really serves":

1. open the store read-write (a store another process holds: ``StoreInUse``, one line naming
   it - or, when that process is a running ``eventwire serve``, its URL);
2. bind the socket (an address in use: ``UsageError``, one line);
3. start uvicorn on that socket; once it accepts connections, write the server file (0600),
   start the watcher and call ``on_ready(url)``;
4. on Ctrl-C or SIGTERM: stop accepting, finish requests in flight, stop the watcher, remove
   the server file, close the store.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Callable
from typing import Any

import uvicorn

from eventwire.api import create_app, server_config
from eventwire.api.owner import (
    ServerInfo,
    Watcher,
    new_token,
    read_server_file,
    remove_server_file,
    write_server_file,
)
from eventwire.config import Settings
from eventwire.errors import StoreError, UsageError
from eventwire.store import Store, StoreInUse

log = logging.getLogger("eventwire.serve")


def open_owned(path: str) -> Store:
    """The store, read-write, for the server; a clear error when another process holds it."""
    try:
        return Store(path)
    except StoreInUse as exc:
        info = read_server_file(path)
        if info is not None and info.pid == exc.pid:
            raise StoreError("E030", f"{path} is already served by eventwire serve (PID {exc.pid}) at {info.url}",
                             hint="browse it there; ingest and export go through it") from None
        raise


def bind(host: str, port: int) -> socket.socket:
    """A listening-ready TCP socket on ``host:port`` (port 0: any free one)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, kind, proto, _, address = infos[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise UsageError("E060", f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                         hint="give --host an address of this machine") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise UsageError("E060", f"cannot listen on {host}:{port}: {exc.strerror or exc}",
                         hint="choose another --port, or stop what listens there") from None
    return sock


def local_url(sock: socket.socket) -> str:
    """The URL a client on this machine uses to reach ``sock``."""
    host, port = sock.getsockname()[:2]
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class _Server(uvicorn.Server):
    """uvicorn, calling back once it listens and cleaning up as it stops (without re-raising the signal)."""

    def __init__(self, config: uvicorn.Config, ready: Callable[[], None], stopped: Callable[[], None]) -> None:
        super().__init__(config)
        self._ready, self._stopped = ready, stopped

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and not self.should_exit:
            self._ready()

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        await super().shutdown(sockets=sockets)
        self._stopped()
        self._captured_signals.clear()   # a stop asked for by a signal is a normal end


def serve(settings: Settings, host: str, port: int, *, on_ready: Callable[[str], None],
          **options: Any) -> None:
    """Serve the store of ``settings`` until stopped; see the module docstring."""
    path = settings.store.path
    store = open_owned(path)
    try:
        sock = bind(host, port)
    except UsageError:
        store.close()
        raise
    token = new_token(settings)
    app = create_app(path, settings, store=store, token=token)
    watcher = Watcher(app.state.writer, settings.serve.watch, settings.serve.watch_interval)
    url = local_url(sock)
    done = []

    def ready() -> None:
        write_server_file(ServerInfo(url=url, pid=os.getpid(), token=token, store=os.path.abspath(path),
                                     max_ingest_bytes=settings.serve.max_ingest_bytes))
        watcher.start()
        on_ready(url)

    def stopped() -> None:
        if done:
            return
        done.append(True)
        watcher.close()
        remove_server_file(path, os.getpid())
        app.state.writer.close()
        store.close()

    try:
        _Server(server_config(app, settings=settings, **options), ready, stopped).run(sockets=[sock])
    finally:
        stopped()
        sock.close()


__all__ = ["bind", "local_url", "open_owned", "serve"]
