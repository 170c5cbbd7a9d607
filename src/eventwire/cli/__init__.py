"""The ``eventwire`` command line.

Each sub-command lives in its own module of this package and registers itself
on ``main``. Library errors become one clean line on stderr and an exit code:

    0  all good
    1  some inputs were rejected (the rest went through)
    2  usage or configuration error
    3  nothing could be processed (or the store/model is unusable)
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from typing import Any

import click

from eventwire.config import Settings, load_settings
from eventwire.errors import EventwireError

EXIT_OK, EXIT_SOME_REJECTED, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3


@dataclass
class App:
    """What every sub-command gets: settings, verbosity, and a way to talk to the user."""

    settings: Settings
    verbosity: int = 0
    _store: Any = field(default=None, repr=False)
    _server: Any = field(default=None, repr=False)

    def store(self, *, read_only: bool = False) -> Any:
        from eventwire.store import Store

        if self._store is None:
            self._store = Store(self.settings.store.path, read_only=read_only)
        return self._store

    def store_or_server(self) -> Any:
        """The store; or, when a running ``eventwire serve`` owns it, a ``ServerClient`` of that server
        (DuckDB lets only one process use a store). Anything else holding it: ``StoreInUse``, one line."""
        from eventwire.store import StoreInUse

        try:
            return self.store()
        except StoreInUse as exc:
            from eventwire.api.client import ServerClient

            client = ServerClient.for_store(self.settings.store.path, exc.pid)
            if client is None:
                raise
            self._server = client
            self.say(f"eventwire: {self.settings.store.path} is served by {client.describe()}; going through it")
            return client

    def close(self) -> None:
        for held in (self._store, self._server):
            if held is not None:
                held.close()
        self._store = self._server = None

    def say(self, message: str) -> None:
        """A status line on stderr (silenced by -q)."""
        if self.verbosity >= 0:
            click.echo(message, err=True)

    def warn(self, message: str) -> None:
        """A warning line on stderr (always shown)."""
        click.echo(message, err=True)


def is_local(target: Any) -> bool:
    """Whether ``App.store_or_server()`` gave the store itself (else a client of its server)."""
    from eventwire.store import Store

    return isinstance(target, Store)


class _Group(click.Group):
    """Turns eventwire errors anywhere below into one line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except EventwireError as exc:
            click.echo(f"eventwire: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("eventwire: interrupted; what was committed before is kept", err=True)
            ctx.exit(130)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="TOML file overriding the shipped defaults key by key.")
@click.option("--db", "db_path", default=None, help="DuckDB store path (default: eventwire.duckdb).")
@click.option("-v", "--verbose", count=True, help="More detail on stderr (repeatable).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
@click.version_option(package_name="eventwire")
@click.pass_context
def main(ctx: click.Context, config_path: str | None, db_path: str | None, verbose: int, quiet: bool) -> None:
    """eventwire: news reports of armed conflict in, one record per real-world event out."""
    try:
        settings = load_settings(config_path)
        if db_path:
            settings = settings.replace("store", path=db_path)
    except EventwireError as exc:
        click.echo(f"eventwire: {exc}", err=True)
        ctx.exit(exc.exit_code)
    verbosity = -1 if quiet else verbose
    logging.basicConfig(level=logging.WARNING if verbosity <= 0 else logging.INFO if verbosity == 1
                        else logging.DEBUG, format="eventwire: %(message)s", stream=sys.stderr)
    app = App(settings=settings, verbosity=verbosity)
    ctx.obj = app
    ctx.call_on_close(app.close)


def _register() -> None:
    from eventwire.cli import commands_documents, commands_eval, commands_extract  # noqa: F401
    from eventwire.cli import commands_export, commands_geoparse, commands_ingest  # noqa: F401
    from eventwire.cli import commands_process, commands_serve  # noqa: F401


_register()

__all__ = ["App", "is_local", "main"]
