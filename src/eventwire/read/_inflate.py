"""Bounded inflation of gzip (and zlib) streams: decompress as a stream, stop at a limit.

A decompression bomb (a few megabytes of gzip that expand to gigabytes) is
stopped early and with little memory: output is produced in pieces of at most
``_STEP`` bytes, and the stream is refused (``InputError`` E026) as soon as it
grows past ``Limits.max_bytes`` or, once past its first ``_RATIO_FLOOR``
bytes, expands more than ``Limits.max_ratio`` times the compressed bytes read
so far. Corrupt or cut-off streams raise ``CorruptStream``.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from eventwire.config import ReadSettings
from eventwire.errors import InputError

_STEP = 1 << 16           # output bytes per inflate call
_RATIO_FLOOR = 1 << 20    # the ratio is checked only past this much output
_GZIP = 31                # zlib wbits: gzip header and trailer
_AUTO = 47                # zlib wbits: gzip or zlib header, detected


_TRUNCATED = "the compressed stream ends early (the file is truncated)"


class CorruptStream(ValueError):
    """The compressed bytes are damaged, or end before the stream does."""


@dataclass(frozen=True, slots=True)
class Limits:
    """How far one stream may inflate; ``setting`` names the size limit in messages."""

    max_bytes: int
    max_ratio: float
    setting: str = "max_decompressed_bytes"

    @classmethod
    def of(cls, read: ReadSettings) -> Limits:
        return cls(read.max_decompressed_bytes, read.max_compression_ratio)


class Inflater:
    """Incremental inflater of one or more concatenated gzip members (``auto``: also zlib)."""

    def __init__(self, limits: Limits, source: str, *, auto: bool = False) -> None:
        self.limits = limits
        self.source = source
        self._wbits = _AUTO if auto else _GZIP
        self._member: Any = None  # zlib decompress object of the current member, if one is open
        self._members = 0
        self.consumed = 0   # compressed bytes used so far
        self.produced = 0   # bytes inflated so far

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Inflated pieces (each at most 64 KiB) of the next compressed ``data``."""
        while True:
            if self._member is None:
                data = data.lstrip(b"\0") if self._members else data  # gzip allows zero padding
                if not data:
                    return
                self._member = zlib.decompressobj(self._wbits)
                self._members += 1
            out, data = self._step(data)
            if out:
                self._count(len(out))
                yield out
            if not data and (self._member is None or len(out) < _STEP):
                return

    @property
    def complete(self) -> bool:
        """Whether the input so far ends a member (not inside one, as a cut-off file does)."""
        return self._member is None and self._members > 0

    def finish(self) -> None:
        """Raise CorruptStream when the input ended inside a member (a cut-off file)."""
        if not self.complete:
            raise CorruptStream(_TRUNCATED)

    def _step(self, data: bytes) -> tuple[bytes, bytes]:
        member = self._member
        try:
            out = member.decompress(data, _STEP)
        except zlib.error as exc:
            raise CorruptStream(f"the compressed stream is damaged ({exc})") from None
        if member.eof:
            rest = member.unused_data
            self._member = None
        else:
            rest = member.unconsumed_tail
        self.consumed += len(data) - len(rest)
        return out, rest

    def _count(self, size: int) -> None:
        self.produced += size
        limits = self.limits
        if self.produced > limits.max_bytes:
            raise InputError("E026", self.source,
                             f"more than {limits.max_bytes} bytes once decompressed ([read] {limits.setting})")
        if limits.max_ratio and self.produced > _RATIO_FLOOR \
                and self.produced > limits.max_ratio * max(self.consumed, 1):
            raise InputError("E026", self.source,
                             f"{self.consumed} compressed bytes expand to more than {self.produced} "
                             f"(over {limits.max_ratio:g} times; [read] max_compression_ratio)")


class GzipReader(io.RawIOBase):
    """A read-only file of the inflated content of gzip ``data``, within ``limits``.

    It reads like a whole file up to where the data ends (so a cut-off last
    record shows as a short record); ``finish()`` then says whether the gzip
    stream itself was complete. Once a limit is hit, every read raises it again.
    """

    def __init__(self, data: bytes, limits: Limits, source: str) -> None:
        super().__init__()
        self._data = memoryview(data)
        self._offset = 0
        self._inflater = Inflater(limits, source)
        self._pieces: Iterator[bytes] = iter(())
        self._buffer = b""
        self._failure: Exception | None = None

    def readable(self) -> bool:
        return True

    def truncated(self) -> bool:
        """Whether all the data was read and it ended inside a gzip member."""
        return self._offset >= len(self._data) and not self._inflater.complete

    def finish(self) -> None:
        """Raise CorruptStream when the gzip data ended inside a member."""
        if self.truncated():
            raise CorruptStream(_TRUNCATED)

    def readinto(self, target: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._failure is not None:
            raise self._failure
        try:
            return self._readinto(target)
        except (InputError, CorruptStream) as exc:
            self._failure = exc
            raise

    def _readinto(self, target: bytearray | memoryview) -> int:
        while not self._buffer:
            piece = next(self._pieces, None)
            if piece is not None:
                self._buffer = piece
            elif self._offset < len(self._data):
                chunk = bytes(self._data[self._offset:self._offset + _STEP])
                self._offset += len(chunk)
                self._pieces = self._inflater.feed(chunk)
            else:
                return 0
        size = min(len(target), len(self._buffer))
        target[:size] = self._buffer[:size]
        self._buffer = self._buffer[size:]
        return size
