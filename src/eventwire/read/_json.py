"""Bounded parsing of one JSON line: length, nesting depth, huge numbers, ids, invalid Unicode.

``parse_json_line`` refuses, with a coded ``InputError`` naming the line, what
Python's ``json`` would choke on or what would cost far more memory than the
line itself: lines over ``[read] max_line_chars`` (E027), nesting deeper than
``[read] max_json_depth`` (E028, checked before parsing, so 100k brackets cost
no recursion), and invalid JSON (E006). Integers too long for ``int`` are kept
as ``Oversized`` markers instead of failing the whole line; ``record_id`` then
rejects them as ids (E029). ``check_unicode`` rejects lone surrogates (E006),
which are not Unicode text and cannot be stored.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from eventwire.config import ReadSettings
from eventwire.errors import InputError
from eventwire.read._common import lone_surrogate

_MAX_INT_DIGITS = 1000  # longer integers are never meaningful here (Python refuses > 4300)
# A string (possessive, so linear even when unterminated) or one bracket.
_TOKENS = re.compile(r'"(?:[^"\\]++|\\.?)*+"?|[\[\]{}]')
_USED_FIELDS = ("text", "html", "id", "url", "title", "outlet", "published", "author")


@dataclass(frozen=True, slots=True)
class Oversized:
    """An integer literal with more digits than any id or number we use (only its length is kept)."""

    digits: int


def _parse_int(literal: str) -> int | Oversized:
    return int(literal) if len(literal) <= _MAX_INT_DIGITS else Oversized(len(literal.lstrip("-")))


def parse_json_line(line: str, source: str, limits: ReadSettings, *, number: int | None = None) -> Any:
    """The JSON value of ``line``, or InputError E027/E028/E006 (see the module docstring)."""
    if len(line) > limits.max_line_chars:
        raise InputError("E027", source, f"{len(line)} characters > {limits.max_line_chars}", line=number)
    if too_deep(line, limits.max_json_depth):
        raise InputError("E028", source, f"more than {limits.max_json_depth} levels of arrays and objects",
                         line=number)
    try:
        return json.loads(line, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise InputError("E006", source, exc.msg, line=number) from None
    except RecursionError:
        raise InputError("E028", source, "too many levels of arrays and objects", line=number) from None
    except ValueError as exc:
        raise InputError("E006", source, str(exc)[:120], line=number) from None


def too_deep(line: str, max_depth: int) -> bool:
    """Whether arrays/objects in ``line`` nest deeper than ``max_depth`` (brackets in strings do not count)."""
    if line.count("[") + line.count("{") <= max_depth:
        return False
    depth = 0
    for token in _TOKENS.finditer(line):
        char = token.group()[0]
        if char in "[{":
            depth += 1
            if depth > max_depth:
                return True
        elif char in "]}":
            depth -= 1
    return False


def record_id(value: Any, max_chars: int, source: str, number: int | None) -> str | None:
    """A record's ``id`` as a string; None when absent or empty; InputError E029 when unusable."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, Oversized):
        raise InputError("E029", source, f"the id is an integer of {value.digits} digits", line=number)
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        kind = {bool: "a boolean", float: "a number with a fraction", list: "an array", dict: "an object"}
        raise InputError("E029", source, f"the id is {kind.get(type(value), type(value).__name__)}", line=number)
    text = str(value)
    if len(text) > max_chars:
        raise InputError("E029", source, f"the id has {len(text)} characters > {max_chars}", line=number)
    if any(unicodedata.category(c) == "Cc" for c in text):
        raise InputError("E029", source, "the id holds control characters (line breaks, tabs)", line=number)
    return text


def check_unicode(record: dict[str, Any], source: str, number: int | None) -> None:
    """E006 when a field the reader uses holds a lone surrogate (``"\\ud800"``): it is not Unicode text."""
    for key in _USED_FIELDS:
        value = record.get(key)
        if isinstance(value, str) and (bad := lone_surrogate(value)) is not None:
            raise InputError("E006", source, f"'{key}' holds the lone surrogate \\u{ord(bad):04x}, which is "
                                             "not valid Unicode", line=number)
