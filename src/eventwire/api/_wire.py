"""Documents, rejections and ingest reports as JSON, between ``eventwire ingest`` and the server.

A client that finds the store served reads its inputs itself (the same readers, the same limits
and fetch rules) and sends the documents as read - before cleaning - with the read rejections; the
server cleans, deduplicates, stores and processes them (``eventwire.ingest.Ingester``). What
arrives is checked like any input: strings where strings belong, ids of sane length, a JSON
object for ``meta``; a bad record is refused with the reason (HTTP 422), never half stored.
"""

from __future__ import annotations

from typing import Any

from eventwire.config import Settings
from eventwire.errors import UsageError
from eventwire.ingest import IngestReport
from eventwire.process import ProcessReport
from eventwire.records import Document, Rejection

_TEXT_FIELDS = ("source", "format", "url", "title", "standfirst", "author", "outlet", "published")
_COUNTS = ("read", "stored", "duplicates", "near_duplicates", "rejected", "skipped_language", "processed",
           "resumed")
_SHORT = 10_000  # longest metadata string accepted (titles, URLs, sources)


def document_to_wire(doc: Document) -> dict[str, Any]:
    """A document as read (before cleaning) as a JSON object."""
    body: dict[str, Any] = {"id": doc.id, "raw_text": doc.raw_text, "meta": doc.meta}
    body.update({k: getattr(doc, k) for k in _TEXT_FIELDS if getattr(doc, k) is not None})
    return body


def document_from_wire(item: Any, settings: Settings, where: str) -> Document:
    """The document of a JSON object (``document_to_wire``), checked; ``UsageError`` E060 says what is wrong."""
    if not isinstance(item, dict):
        raise UsageError("E060", f"{where} is not an object")
    doc_id, raw = item.get("id"), item.get("raw_text")
    if not isinstance(doc_id, str) or not doc_id or len(doc_id) > settings.read.max_id_chars:
        raise UsageError("E060", f"{where}.id must be a string of 1 to {settings.read.max_id_chars} characters")
    if not isinstance(raw, str):
        raise UsageError("E060", f"{where}.raw_text must be a string")
    values = {}
    for key in _TEXT_FIELDS:
        value = item.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > _SHORT):
            raise UsageError("E060", f"{where}.{key} must be a string of at most {_SHORT} characters")
        values[key] = value
    meta = item.get("meta", {})
    if not isinstance(meta, dict):
        raise UsageError("E060", f"{where}.meta must be an object")
    unknown = sorted(set(item) - {"id", "raw_text", "meta", *_TEXT_FIELDS})
    if unknown:
        raise UsageError("E060", f"{where} has an unknown field {unknown[0]!r}")
    values["source"] = values["source"] or ""
    values["format"] = values["format"] or "txt"
    return Document(id=doc_id, raw_text=raw, meta=dict(meta), **values)


def rejection_to_wire(item: Rejection) -> dict[str, Any]:
    return {"source": item.source, "code": item.code, "reason": item.reason, "line": item.line}


def rejection_from_wire(item: Any, where: str) -> Rejection:
    if not isinstance(item, dict) or not all(isinstance(item.get(k), str) and len(item[k]) <= _SHORT
                                             for k in ("source", "code", "reason")):
        raise UsageError("E060", f"{where} must be an object with string source, code and reason")
    line = item.get("line")
    if line is not None and (not isinstance(line, int) or isinstance(line, bool) or not 0 <= line < 2**31):
        raise UsageError("E060", f"{where}.line must be a line number or null")
    return Rejection(item["source"], item["code"], item["reason"], line)


def report_to_wire(report: IngestReport) -> dict[str, Any]:
    return {**{k: getattr(report, k) for k in _COUNTS},
            "rejections": [rejection_to_wire(r) for r in report.rejections]}


def report_from_wire(body: dict[str, Any]) -> IngestReport:
    report = IngestReport(**{k: int(body.get(k, 0)) for k in _COUNTS})
    report.rejections = [rejection_from_wire(r, "rejection") for r in body.get("rejections", [])]
    return report


def process_to_wire(report: ProcessReport) -> dict[str, Any]:
    return {"processed": report.processed, "failed": [rejection_to_wire(r) for r in report.failed]}


def process_from_wire(body: dict[str, Any]) -> ProcessReport:
    return ProcessReport(processed=int(body.get("processed", 0)),
                         failed=[rejection_from_wire(r, "failed") for r in body.get("failed", [])])


__all__ = ["document_from_wire", "document_to_wire", "process_from_wire", "process_to_wire",
           "rejection_from_wire", "rejection_to_wire", "report_from_wire", "report_to_wire"]
