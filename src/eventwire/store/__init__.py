"""The DuckDB store: documents, rejections, mentions, events, sources, history.

``Store`` owns one DuckDB connection. Writes happen per batch in a transaction
(``with store.batch():``) so a failure leaves what was stored before intact.
``store.cursor()`` is a ``Store`` over its own cursor, for another thread;
``store.reading()`` one inside a read-only transaction (the HTTP server reads
through one per request: one snapshot per request, and no way to write). SQL
lives here, in ``store.queries`` (filtered event reads) and ``store.events``
(fusion) only.

DuckDB lets one process open a file read-write, or many processes read-only,
never both: a store another process holds raises ``StoreInUse`` (E030) naming
that process, so callers can say what to do (or talk to the ``eventwire
serve`` that owns it, see ``eventwire.api.owner``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.records import Document, OffsetMap, Rejection
from eventwire.store.migrations import LATEST, MIGRATIONS
from eventwire.store.queries import check_rows

_DOC_COLUMNS = ("document_id", "content_hash", "source", "format", "url", "title", "standfirst",
                "author", "outlet", "published", "language", "raw_text", "clean_text",
                "offset_map", "near_duplicate_of", "status", "meta")
_SUMMARY_COLUMNS = ("document_id", "published", "language", "status", "title")
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (.*?) \(PID (\d+)\)")


class StoreInUse(StoreError):
    """The store file is locked by another process (``pid``, or None when DuckDB did not say)."""

    def __init__(self, path: str, pid: int | None, program: str = "") -> None:
        self.path, self.pid, self.program = path, pid, program
        who = f"process {pid}" + (f" ({program})" if program else "") if pid else "another process"
        super().__init__("E030", f"{path} is in use by {who}",
                         hint="DuckDB lets one process write a store at a time: wait for it to finish, "
                              "or stop it, then run this again")


def _opening_error(path: str, exc: Exception) -> StoreError:
    first = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    found = _LOCK_HOLDER.search(str(exc))
    if found:
        return StoreInUse(path, int(found.group(2)), process_name(int(found.group(2))))
    return StoreError("E030", f"{path}: {first}")


def process_name(pid: int) -> str:
    """A short name for a running process: its command line (on Linux), else ''."""
    try:
        words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return ""
    words = [w.decode("utf-8", "replace") for w in words if w]
    if len(words) > 2 and words[1] == "-m":
        words = [words[2], *words[3:]]
    elif words:
        words = [Path(words[0]).name, *words[1:]]
    text = " ".join(words)
    return text if len(text) <= 80 else text[:77] + "..."


class Store:
    """A DuckDB-backed store. ``Store(":memory:")`` for tests."""

    def __init__(self, path: str | Path = "eventwire.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:" and not read_only:
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.con = duckdb.connect(self.path, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise _opening_error(self.path, exc) from None
        if not read_only:
            self.migrate()

    # -- schema -----------------------------------------------------------------
    def applied_migrations(self) -> list[int]:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_migrations ("
                         "version INTEGER PRIMARY KEY, name VARCHAR, "
                         "applied_at TIMESTAMP DEFAULT current_timestamp)")
        return [r[0] for r in self.con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]

    def migrate(self) -> list[int]:
        """Apply pending migrations in order; return the versions applied now."""
        done = set(self.applied_migrations())
        if done and max(done) > LATEST:
            raise StoreError("E031", f"{self.path} has schema {max(done)}, this eventwire knows {LATEST}")
        applied = []
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            with self.batch():
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_migrations (version, name) VALUES (?, ?)", [version, name])
            applied.append(version)
        return applied

    @contextmanager
    def batch(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction: all of the batch is written, or none of it."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def cursor(self) -> Store:
        """A ``Store`` over a cursor of this connection (same database, own transaction state), for
        use from another thread; closing it closes only the cursor."""
        view = object.__new__(Store)
        view.path, view.con = self.path, self.con.cursor()
        return view

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A ``Store`` over a cursor of its own inside a read-only transaction: one consistent snapshot,
        and any write fails (DuckDB refuses it). Closed at the end."""
        view = self.cursor()
        try:
            view.con.execute("BEGIN TRANSACTION READ ONLY")
            yield view
        finally:
            try:
                view.con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            view.close()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents --------------------------------------------------------------
    def find_hash(self, content_hash: str) -> str | None:
        row = self.con.execute("SELECT document_id FROM documents WHERE content_hash = ?",
                               [content_hash]).fetchone()
        return row[0] if row else None

    def has_document(self, document_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE document_id = ?",
                                [document_id]).fetchone() is not None

    def put_document(self, doc: Document, *, status: str = "new") -> None:
        """Insert (or replace, same id) one document. Call inside ``batch()``."""
        offsets = doc.offsets or OffsetMap.identity(len(doc.raw_text))
        row = (doc.id, doc.content_hash, doc.source, doc.format, doc.url, doc.title, doc.standfirst,
               doc.author, doc.outlet, doc.published, doc.language, doc.raw_text, doc.clean_text,
               json.dumps(offsets.segments), doc.near_duplicate_of, status, json.dumps(doc.meta))
        self.con.execute("DELETE FROM documents WHERE document_id = ?", [doc.id])
        marks = ", ".join("?" * len(row))
        self.con.execute(f"INSERT INTO documents ({', '.join(_DOC_COLUMNS)}) VALUES ({marks})", row)

    def insert_documents(self, rows: list[dict[str, Any]]) -> None:
        """Insert many new ``documents`` rows (dicts by column) in one statement. Call inside ``batch()``."""
        self._insert_rows("documents", rows)

    def put_signatures(self, rows: list[dict[str, Any]]) -> None:
        """Insert or replace MinHash signatures (``document_id``, ``num_perm``, ``minhash``) in one statement."""
        self._insert_rows("document_signatures", rows, replace=True)

    def _insert_rows(self, table: str, rows: list[dict[str, Any]], *, replace: bool = False) -> None:
        if not rows:
            return
        import pyarrow as pa

        self.con.register("_eventwire_rows", pa.Table.from_pylist(rows))
        try:
            verb = "INSERT OR REPLACE" if replace else "INSERT"
            self.con.execute(f"{verb} INTO {table} BY NAME SELECT * FROM _eventwire_rows")
        finally:
            self.con.unregister("_eventwire_rows")

    def known_hashes(self, hashes: list[str]) -> dict[str, str]:
        """The stored document id of each content hash that is stored already."""
        if not hashes:
            return {}
        rows = self.con.execute("SELECT content_hash, document_id FROM documents "
                                "WHERE content_hash IN (SELECT unnest(?))", [hashes]).fetchall()
        return dict(rows)

    def existing_ids(self, ids: list[str]) -> set[str]:
        """Which of these document ids are stored."""
        if not ids:
            return set()
        rows = self.con.execute("SELECT document_id FROM documents WHERE document_id IN (SELECT unnest(?))", [ids])
        return {r[0] for r in rows.fetchall()}

    def has_alias(self, alias_id: str, document_id: str) -> bool:
        return self.con.execute("SELECT 1 FROM document_aliases WHERE alias_id = ? AND document_id = ?",
                                [alias_id, document_id]).fetchone() is not None

    def signatures(self, num_perm: int) -> list[tuple[Any, ...]]:
        """(document_id, near_duplicate_of, num_perm, minhash, clean_text when the signature is missing or
        of another size) of every stored document, oldest first."""
        return self.con.execute(
            "SELECT d.document_id, d.near_duplicate_of, s.num_perm, s.minhash, "
            "CASE WHEN s.num_perm IS DISTINCT FROM ? THEN d.clean_text END "
            "FROM documents d LEFT JOIN document_signatures s USING (document_id) "
            "ORDER BY d.ingested_at, d.document_id", [num_perm]).fetchall()

    def add_alias(self, alias_id: str, source: str, document_id: str) -> None:
        self.con.execute("INSERT INTO document_aliases (alias_id, source, document_id) VALUES (?, ?, ?)",
                         [alias_id, source, document_id])

    def get_document(self, document_id: str) -> Document | None:
        rows = self._documents("WHERE document_id = ?", [document_id])
        return rows[0] if rows else None

    def documents(self, *, limit: int | None = None, status: str | None = None) -> list[Document]:
        where, params = ("WHERE status = ?", [status]) if status else ("", [])
        tail = " ORDER BY ingested_at, document_id"
        if limit:
            tail, params = tail + " LIMIT ?", [*params, check_rows(limit, "limit", low=1)]
        return self._documents(where + tail, params)

    def document_summaries(self, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """One dict per stored document (id, published, language, status, title), in storing order,
        ``limit`` of them after ``offset``; dates as ISO text."""
        tail, params = (" LIMIT ?", [check_rows(limit, "limit", low=1)]) if limit else ("", [])
        if offset:
            tail, params = f"{tail} OFFSET ?", [*params, check_rows(offset, "offset")]
        rows = self.con.execute(f"SELECT {', '.join(_SUMMARY_COLUMNS)} FROM documents "
                                f"ORDER BY ingested_at, document_id{tail}", params).fetchall()
        return [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in zip(_SUMMARY_COLUMNS, row)}
                for row in rows]

    def _documents(self, where: str, params: list[Any]) -> list[Document]:
        cur = self.con.execute(f"SELECT {', '.join(_DOC_COLUMNS)} FROM documents {where}", params)
        return [_row_to_document(dict(zip(_DOC_COLUMNS, row))) for row in cur.fetchall()]

    # -- processing state ---------------------------------------------------------
    def record_batch(self, document_ids: list[str]) -> int:
        """Note the order in which one committed batch stored these documents. Call inside ``batch()``.

        A resumed run processes pending documents batch by batch in this order, so
        it fuses them exactly as an uninterrupted run would (same event ids)."""
        if not document_ids:
            return 0
        row = self.con.execute("SELECT coalesce(max(batch_no), 0) + 1 FROM document_batches").fetchone()
        batch_no = int(row[0])
        self.con.execute("DELETE FROM document_batches WHERE list_contains(?, document_id)", [document_ids])
        self.con.executemany("INSERT INTO document_batches (document_id, batch_no, position) VALUES (?, ?, ?)",
                             [[d, batch_no, i] for i, d in enumerate(document_ids)])
        return batch_no

    def pending_batches(self, languages: list[str], *, everything: bool = False,
                        retry_failed: bool = False) -> list[list[str]]:
        """Ids of documents stored but not yet extracted and fused (also those that failed, with
        ``retry_failed``; all of them, with ``everything``) in one of ``languages``,
        grouped by the batch that stored them, in storing order (``documents_by_id`` loads them)."""
        wanted = "'new', 'failed'" if retry_failed else "'new'"
        status = "" if everything else f"d.status IN ({wanted}) AND "
        rows = self.con.execute(
            f"SELECT d.document_id, coalesce(b.batch_no, -1), "
            f"CAST(epoch_us(d.ingested_at) AS BIGINT), coalesce(b.position, 0) "
            f"FROM documents d LEFT JOIN document_batches b USING (document_id) "
            f"WHERE {status}d.status <> 'skipped_language' "
            f"AND (d.language IS NULL OR list_contains(?, d.language)) "
            f"ORDER BY 2, 3, 4, 1", [languages]).fetchall()
        groups: dict[tuple[int, int], list[str]] = {}
        for document_id, batch_no, stamp, _ in rows:  # documents stored before batches were recorded: by time
            groups.setdefault((batch_no, stamp if batch_no < 0 else 0), []).append(document_id)
        return [ids for _, ids in sorted(groups.items())]

    def documents_by_id(self, document_ids: list[str]) -> list[Document]:
        """The stored documents with these ids, in the order given (unknown ids are left out)."""
        found = {d.id: d for d in self._documents("WHERE list_contains(?, document_id)", [document_ids])}
        return [found[i] for i in document_ids if i in found]

    def mark_documents(self, document_ids: list[str], status: str) -> None:
        """Set the processing status of documents (``processed`` or ``failed``). Call inside ``batch()``
        to make it part of the same transaction as the fused events."""
        if status not in {"new", "processed", "failed", "skipped_language"}:
            raise ValueError(status)
        if document_ids:
            self.con.execute("UPDATE documents SET status = ? WHERE list_contains(?, document_id)",
                             [status, document_ids])

    def count(self, table: str) -> int:
        if table not in {"documents", "rejections", "mentions", "events", "event_sources", "history",
                         "document_aliases"}:
            raise ValueError(table)
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    # -- rejections -------------------------------------------------------------
    def put_rejection(self, rejection: Rejection) -> None:
        self.con.execute("INSERT INTO rejections (source, line, code, reason) VALUES (?, ?, ?, ?)",
                         [rejection.source, rejection.line, rejection.code, rejection.reason])

    def has_rejection(self, item: Rejection) -> bool:
        """Whether this rejection (same source, code and line) is stored already."""
        line = item.line if item.line is not None else -1
        return self.con.execute("SELECT 1 FROM rejections WHERE source = ? AND code = ? AND coalesce(line, -1) = ?",
                                [item.source, item.code, line]).fetchone() is not None

    def rejections(self) -> list[Rejection]:
        rows = self.con.execute("SELECT source, code, reason, line FROM rejections ORDER BY rejection_id")
        return [Rejection(*row) for row in rows.fetchall()]


def _row_to_document(row: dict[str, Any]) -> Document:
    published = row["published"]
    return Document(
        id=row["document_id"], raw_text=row["raw_text"], source=row["source"] or "",
        format=row["format"] or "txt", url=row["url"], title=row["title"],
        standfirst=row["standfirst"], author=row["author"], outlet=row["outlet"],
        published=published.isoformat() if published else None, text=row["clean_text"],
        offsets=OffsetMap([tuple(s) for s in json.loads(row["offset_map"])]),
        language=row["language"], content_hash=row["content_hash"],
        near_duplicate_of=row["near_duplicate_of"], meta=json.loads(row["meta"] or "{}"),
    )


__all__ = ["Store", "StoreInUse", "process_name"]
