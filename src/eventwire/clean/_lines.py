"""Line-level cleaning rules: repeated captions kept once, page widgets dropped.

The cleaner never rewrites text: it decides which raw lines to keep, and the
clean text is the concatenation of the kept raw segments (see ``OffsetMap``).
Patterns live in ``eventwire/data/boilerplate.toml``.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

_MIN_REPEAT_WORDS = 4
_SHORT_LINE_WORDS = 12
_END_PUNCT = (".", "!", "?", "\"", "”", "'", "’", ":", ";")


@dataclass(slots=True)
class Line:
    """One raw line: ``[start, end)`` without its line break, ``stop`` after it."""

    start: int
    end: int
    stop: int
    text: str
    keep: bool = True
    caption: bool = False

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def key(self) -> str:
        return " ".join(self.text.lower().split())


@dataclass(frozen=True, slots=True)
class Patterns:
    anywhere: re.Pattern[str]
    trailing: re.Pattern[str]


@functools.lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The boilerplate patterns shipped in ``data/boilerplate.toml``, compiled once."""
    text = resources.files("eventwire").joinpath("data/boilerplate.toml").read_text("utf-8")
    data = tomllib.loads(text)
    join = lambda items: re.compile("|".join(f"(?:{p})" for p in items), re.IGNORECASE)  # noqa: E731
    return Patterns(anywhere=join(data["anywhere"]), trailing=join(data["trailing"]))


def split_lines(raw: str) -> list[Line]:
    lines, pos = [], 0
    for chunk in raw.splitlines(keepends=True):
        body = chunk.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lines.append(Line(pos, pos + len(body), pos + len(chunk), body.strip()))
        pos += len(chunk)
    return lines


def mark_repeats(lines: list[Line]) -> None:
    """A line repeating an earlier one (a caption printed twice) is dropped; the first is a caption."""
    first: dict[str, Line] = {}
    for line in lines:
        if line.blank or len(line.text.split()) < _MIN_REPEAT_WORDS:
            continue
        if line.key in first:
            line.keep = False
            first[line.key].caption = True
        else:
            first[line.key] = line


def mark_chrome(lines: list[Line], rules: Patterns) -> None:
    """Whole lines of page chrome (``Advertisement``, share buttons, cookie notices) are dropped."""
    for line in lines:
        if line.keep and not line.blank and rules.anywhere.fullmatch(line.text):
            line.keep = False


def _short(line: Line) -> bool:
    return len(line.text.split()) <= _SHORT_LINE_WORDS and not line.text.endswith(_END_PUNCT)


def mark_trailing(lines: list[Line], rules: Patterns) -> None:
    """Drop the closing widgets: from the highest widget line of the trailing block of short lines."""
    top = None
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if line.blank or not line.keep:
            continue
        if rules.trailing.fullmatch(line.text) or rules.anywhere.fullmatch(line.text):
            top = i
        elif not _short(line):
            break
    if top is not None:
        for line in lines[top:]:
            line.keep = False


def mark_edges(lines: list[Line]) -> None:
    """Blank lines before the first and after the last kept text line are dropped."""
    kept = [i for i, line in enumerate(lines) if line.keep and not line.blank]
    if not kept:
        return
    for line in lines[: kept[0]] + lines[kept[-1] + 1:]:
        line.keep = False


def mark_blank_runs(lines: list[Line]) -> None:
    """Of several kept blank lines in a row (left where lines were dropped), only the first stays."""
    previous_blank = False
    for line in lines:
        if not line.keep:
            continue
        if line.blank and previous_blank:
            line.keep = False
        previous_blank = line.blank


def segments(lines: list[Line]) -> list[tuple[int, int]]:
    """Raw ``(start, stop)`` ranges of the kept lines, merged; the last line loses its break."""
    kept = [line for line in lines if line.keep]
    ranges: list[tuple[int, int]] = []
    for n, line in enumerate(kept):
        stop = line.end if n == len(kept) - 1 else line.stop
        if ranges and ranges[-1][1] == line.start:
            ranges[-1] = (ranges[-1][0], stop)
        else:
            ranges.append((line.start, stop))
    return [r for r in ranges if r[1] > r[0]]
