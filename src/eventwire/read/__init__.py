"""Read any news input into ``Document`` records (or ``Rejection`` records).

``iter_documents(inputs, settings)`` takes files, directories (recursive),
globs, ``-`` for stdin and http(s) URLs; the format is chosen by content
sniffing first and extension second:

    magic bytes  PDF/image/binary -> rejected (E003/E004/E002); WARC(.gz) -> WARC records
    text         RSS/Atom -> one document per entry; HTML -> trafilatura main text;
                 JSONL (.jsonl/.ndjson or a first line that is a JSON object) -> one per line;
                 anything else -> plain text (title = first line, set by the cleaner)

It never raises for one bad input: it yields a ``Rejection`` naming the source
(and line) and goes on. Publication date: the input's own metadata (JSONL,
feed), else ``published``, else the page's date (htmldate) or a date in the
file name; the cleaner may still find a dateline in the text. Document ids:
see ``eventwire.read._common``.
"""

from __future__ import annotations

import dataclasses
import glob
import logging
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

import httpx

from eventwire.config import Settings
from eventwire.errors import InputError, UsageError
from eventwire.read._common import (
    Origin,
    date_in_name,
    decode,
    document_id,
    from_error,
    lone_surrogate,
    normalise_date,
    rejection,
    sniff_bytes,
    strip_credentials,
)
from eventwire.read._fetch import Fetcher, is_url
from eventwire.read._html import read_html
from eventwire.read._json import parse_json_line
from eventwire.read._records import (
    Item,
    jsonl_record,
    looks_like_feed,
    read_feed,
    read_jsonl,
)
from eventwire.records import Document, Rejection

log = logging.getLogger(__name__)

_HTML_EXT = (".html", ".htm", ".xhtml")
_JSONL_EXT = (".jsonl", ".ndjson", ".json")
_WARC_EXT = (".warc", ".warc.gz")


class _Reader:
    """One reading run: settings, the publication-date default, a lazily made fetcher."""

    def __init__(self, settings: Settings, published: str | None, stdin: TextIO | None,
                 client: httpx.Client | None) -> None:
        self.settings = settings
        self.published = published
        self.stdin = stdin
        self.client = client
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings, self.client)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    # -- inputs -----------------------------------------------------------------
    def read(self, given: str) -> Iterator[Item]:
        """Documents and rejections of one input, each fit to be stored and printed (see ``_scrubbed``)."""
        for item in self._guarded(given):
            yield _scrubbed(item)

    def _guarded(self, given: str) -> Iterator[Item]:
        try:
            yield from self._dispatch(given)
        except InputError as err:
            yield from_error(err)
        except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
            yield rejection("E019", given, f"{exc.__class__.__name__}: {str(exc)[:160]}")

    def _dispatch(self, given: str) -> Iterator[Item]:
        if given == "-":
            yield from self._stdin()
        elif is_url(given):
            yield from self._url(given)
        elif os.path.isdir(given):
            yield from self._directory(given)
        elif os.path.lexists(given):
            yield from self._file(given)
        elif glob.has_magic(given):
            yield from self._glob(given)
        else:
            yield rejection("E008", given, "no such file or directory")

    def _stdin(self) -> Iterator[Item]:
        limit = self.settings.read.max_bytes
        text = self.stdin.read(limit + 1) if self.stdin is not None else ""
        if len(text) > limit:
            raise InputError("E005", "<stdin>", f"more than {limit} characters")
        if not text.strip():
            yield rejection("E001", "<stdin>")
            return
        yield from self._text(text, Origin("<stdin>", "stdin"), "", "")

    def _url(self, url: str) -> Iterator[Item]:
        fetched = self.fetcher.get(url)
        ext = os.path.splitext(fetched.url.split("?", 1)[0])[1].lower()
        given = strip_credentials(url)
        yield from self._bytes(fetched.content, Origin(given, given, fetched.url), ext, fetched.content_type)

    def _directory(self, root: str) -> Iterator[Item]:
        found = False
        for path in _walk(root, self.settings.read.extensions):
            found = True
            yield from self.read(path)
        if not found:
            yield rejection("E015", root, "the directory holds no file with a known extension")

    def _glob(self, pattern: str) -> Iterator[Item]:
        paths = sorted(glob.glob(pattern, recursive=True))
        if not paths:
            yield rejection("E015", pattern, "the pattern matches nothing")
        for path in paths:
            yield from self.read(path)

    def _file(self, path: str) -> Iterator[Item]:
        size = _regular_size(path)
        if size == 0:
            raise InputError("E001", path)
        if size > self.settings.read.max_bytes:
            raise InputError("E005", path, f"{size} bytes > {self.settings.read.max_bytes}")
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise InputError("E008", path, exc.strerror or exc.__class__.__name__) from None
        shown = _printable(path)  # a name with bytes that are not UTF-8 is shown (and stored) with escapes
        yield from self._bytes(data, Origin(shown, os.path.basename(shown)), _extension(path), "")

    # -- content ----------------------------------------------------------------
    def _bytes(self, data: bytes, origin: Origin, ext: str, ctype: str) -> Iterator[Item]:
        jsonl = ext in _JSONL_EXT  # judged line by line: a NUL or bad byte in one line costs only that line
        kind = sniff_bytes(data[:8192], lines=jsonl)
        if kind == "warc" or ext in _WARC_EXT or (kind == "gzip" and _gzipped_warc(data)):
            from eventwire.read._warc import (
                read_warc,  # warcio is imported only when needed
            )

            yield from read_warc(data, origin, self.settings.read, published=self.published)
            return
        if kind is not None:
            code = {"pdf": "E003", "image": "E004"}.get(kind, "E002")
            raise InputError(code, origin.source)
        decoded = decode(data, self.settings.read.fallback_encodings, lines=jsonl)
        if decoded is None:
            raise InputError("E011", origin.source)
        text, encoding = decoded
        if not text.strip():
            raise InputError("E001", origin.source, "only whitespace")
        yield from self._text(text, origin, ext, ctype, encoding)

    def _text(self, text: str, origin: Origin, ext: str, ctype: str, encoding: str = "utf-8") -> Iterator[Item]:
        kind = _text_kind(text, ext, ctype, self.settings)
        if kind != "jsonl" and (bad := lone_surrogate(text)) is not None:  # undecodable bytes (stdin)
            raise InputError("E011", origin.source, f"it holds the lone surrogate \\u{ord(bad):04x} "
                                                    "(bytes that are not valid in its encoding)")
        if kind == "feed":
            yield from read_feed(text, origin, published=self.published)
        elif kind == "jsonl":
            yield from read_jsonl(text, origin, self.settings.read, published=self.published)
        elif kind == "html":
            yield self._note(read_html(text, origin, published=self.published), encoding)
        else:
            yield self._note(self._plain(text, origin), encoding)

    def _plain(self, text: str, origin: Origin) -> Document:
        published = self.published or date_in_name(origin.source)
        return Document(id=document_id(origin, text), raw_text=text, source=origin.source, format="txt",
                        url=origin.url, published=published)

    @staticmethod
    def _note(doc: Document, encoding: str) -> Document:
        if encoding not in ("utf-8", "utf-8-sig"):
            doc.meta["encoding"] = encoding
        return doc


def _extension(path: str) -> str:
    name = path.lower()
    return ".warc.gz" if name.endswith(".warc.gz") else os.path.splitext(name)[1]


def _regular_size(path: str) -> int:
    try:
        info = os.stat(path)
    except OSError as exc:
        raise InputError("E008", path, exc.strerror or exc.__class__.__name__) from None
    if not stat.S_ISREG(info.st_mode):
        raise InputError("E008", path, "not a regular file")
    if not os.access(path, os.R_OK):
        raise InputError("E008", path, "permission denied")
    return info.st_size


def _gzipped_warc(data: bytes) -> bool:
    import zlib

    try:
        head = zlib.decompressobj(wbits=31).decompress(data[:4096], 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")


def _walk(root: str, extensions: tuple[str, ...]) -> Iterator[str]:
    """Files under ``root`` (sorted, recursive, hidden ones skipped) with a known extension."""
    wanted = tuple(e.lower() for e in extensions)
    skipped = 0
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and (not wanted or name.lower().endswith(wanted)):
                yield os.path.join(folder, name)
            else:
                skipped += 1
    if skipped:
        log.info("%s: skipped %d hidden files or files with other extensions ([read] extensions)", root, skipped)


def _text_kind(text: str, ext: str, ctype: str, settings: Settings) -> str:
    """``feed``/``jsonl``/``html``/``txt``: a JSONL extension first, then markup that starts the text, then content."""
    head = text[:4000].lstrip()[:2000].lower()
    if ext in _JSONL_EXT:
        return "jsonl"
    if (head.startswith("<") and looks_like_feed(head)) or any(k in ctype for k in ("rss", "atom")):
        return "feed"
    if head.startswith("{") and _first_line_is_object(text, settings):
        return "jsonl"
    if ext in _HTML_EXT or "html" in ctype or head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    return "txt"


def _first_line_is_object(text: str, settings: Settings) -> bool:
    """Whether the first line is a JSON object (one too long or deep to parse counts when it looks like one)."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    try:
        return isinstance(parse_json_line(line, "", settings.read), dict)
    except InputError as err:
        return err.code in ("E027", "E028") and line.endswith("}")


def _scrubbed(item: Item) -> Item:
    """``item`` as it may be stored and printed: no credentials in its URLs, no lone surrogates in its text.

    A lone surrogate (from an escape in a feed, a badly decoded stream or an
    undecodable file name) is not Unicode and cannot be stored, so such a
    document becomes a rejection (E011) whose source is shown with escapes.
    """
    if isinstance(item, Rejection):
        return dataclasses.replace(item, source=_printable(item.source), reason=_printable(item.reason))
    item.source = strip_credentials(item.source)
    item.url = strip_credentials(item.url) if item.url else item.url
    for name in ("source", "raw_text", "id", "title", "author", "outlet", "url"):
        value = getattr(item, name)
        if isinstance(value, str) and (bad := lone_surrogate(value)) is not None:
            return rejection("E011", _printable(item.source), f"its {name.replace('raw_', '')} holds the lone "
                             f"surrogate \\u{ord(bad):04x}, which is not valid Unicode", line=item.meta.get("line"))
    return item


def _printable(text: str) -> str:
    """``text`` without credentials, lone surrogates written as ``\\udcff`` escapes."""
    text = strip_credentials(text)
    return text.encode("utf-8", "backslashreplace").decode("utf-8") if lone_surrogate(text) else text


def _check_published(published: str | None) -> str | None:
    if published is None:
        return None
    value = normalise_date(published)
    if value is None:
        raise UsageError("E060", f"--published {published!r} is not a date",
                         hint="give the date as YYYY-MM-DD")
    return value


def iter_documents(inputs: Sequence[str], settings: Settings, *, published: str | None = None,
                   stdin: TextIO | None = None, client: httpx.Client | None = None) -> Iterator[Document | Rejection]:
    """Documents (or rejections) from every input, in order; see the module docstring."""
    reader = _Reader(settings, _check_published(published), stdin, client)
    try:
        for given in inputs:
            yield from reader.read(given)
    finally:
        reader.close()


def document_from(item: str | dict, settings: Settings, *, published: str | None = None,
                  source: str = "python") -> Document:
    """A ``Document`` from a string or an input record (the JSONL reader's rules: ids, ``html``, dates);
    a record the reader would reject raises ``InputError`` with the reason."""
    if isinstance(item, str):
        record: object = {"text": item}
    else:
        record = item
    found = jsonl_record(record, Origin(source, source), 1, settings.read, published)
    if isinstance(found, Rejection):
        raise InputError(found.code, source, found.reason)
    found.meta.pop("line", None)
    return found


__all__ = ["document_from", "iter_documents"]
