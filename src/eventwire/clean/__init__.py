"""Clean already-scraped text, keeping an exact map back to the text as given.

``Cleaner(settings)`` is a pipeline ``Stage`` (and a plain ``Document ->
Document`` callable). It keeps each repeated caption line once, drops page
chrome and the widgets that close a page ("Most Popular", "read more:",
share/subscribe/newsletter/related lines, cookie notices), recognises the title
(first line) and standfirst, finds a dateline when the input carried no date,
detects the language and sets the content hash. The clean text is a
concatenation of kept raw segments, so ``doc.offsets`` maps every clean offset
back into ``doc.raw_text`` exactly.

Extra facts go into ``doc.meta``: ``body_start`` (clean offset where the body
starts, after title and standfirst), ``captions`` (clean ``[start, end]`` of
lines that were repeated, i.e. captions), ``date_source`` when the date came
from a dateline. Near-duplicate detection lives in ``eventwire.clean.dedup``.
"""

from __future__ import annotations

from eventwire.clean._lines import (Line, mark_blank_runs, mark_chrome, mark_edges, mark_repeats,
                                    mark_trailing, patterns, segments, split_lines)
from eventwire.clean._meta import detect_language, find_dateline, find_standfirst, find_title
from eventwire.config import Settings
from eventwire.pipeline import Stage
from eventwire.records import Document, OffsetMap, content_hash


class Cleaner(Stage):
    """``Document -> Document``: sets text, offsets, language, content_hash (and title, standfirst)."""

    name = "clean"
    requires = ("raw_text",)
    provides = ("text", "offsets", "language", "content_hash", "title", "standfirst", "published")

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.rules = patterns()

    def __call__(self, doc: Document) -> Document:
        lines = split_lines(doc.raw_text)
        for rule in (mark_repeats, lambda ls: mark_chrome(ls, self.rules),
                     lambda ls: mark_trailing(ls, self.rules), mark_blank_runs, mark_edges):
            rule(lines)
        offsets = _offset_map(segments(lines))
        doc.text = "".join(doc.raw_text[raw:raw + n] for _, raw, n in offsets.segments)
        doc.offsets = offsets
        body = self._front_matter(doc, lines)
        doc.meta["body_start"] = _clean_offset(offsets, body)
        doc.meta["captions"] = [[_clean_offset(offsets, ln.start), _clean_offset(offsets, ln.end)]
                                for ln in lines if ln.caption and ln.keep]
        self._date(doc, lines, body)
        doc.language = detect_language(doc.text)
        doc.content_hash = content_hash(doc.text)
        return doc

    @staticmethod
    def _front_matter(doc: Document, lines: list[Line]) -> int:
        """Set title and standfirst when the text starts with them; return the raw body start."""
        title = find_title(lines)
        if title is None or (doc.title and _norm(doc.title) != _norm(title.text) and doc.format != "txt"):
            return 0
        doc.title = doc.title or title.text
        standfirst = find_standfirst(lines, title)
        if standfirst is None:
            return title.stop
        doc.standfirst = doc.standfirst or standfirst.text
        return standfirst.stop

    @staticmethod
    def _date(doc: Document, lines: list[Line], body: int) -> None:
        if doc.published:
            return
        found = find_dateline(lines, body) or find_dateline(lines, 0)
        if found:
            doc.published = found
            doc.meta["date_source"] = "dateline"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _offset_map(ranges: list[tuple[int, int]]) -> OffsetMap:
    result, clean = [], 0
    for start, stop in ranges:
        result.append((clean, start, stop - start))
        clean += stop - start
    return OffsetMap(result)


def _clean_offset(offsets: OffsetMap, raw: int) -> int:
    """Clean offset of a raw offset (the next kept character when ``raw`` was dropped)."""
    for clean_start, raw_start, length in offsets.segments:
        if raw < raw_start + length:
            return clean_start + max(raw - raw_start, 0)
    return sum(n for _, _, n in offsets.segments)


__all__ = ["Cleaner"]
