"""Small helpers shared by the resolvers: phrase alternations and span conversion."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from eventwire.records import Span


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of literal phrases as a prefix trie (fast, longest branch first).

    Spaces in phrases match any run of whitespace; a straight apostrophe also
    matches a curly one.
    """
    trie: dict[str, Any] = {}
    for phrase in {p for p in phrases if p}:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _char(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char in "'’":
        return "['’]"
    return re.escape(char)


def _trie_pattern(node: dict[str, Any]) -> str:
    if set(node) == {""}:
        return ""
    optional = "" in node
    branches = [_char(c) + _trie_pattern(child) for c, child in sorted(node.items()) if c]
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if optional:
        return f"(?:{body})?"
    return body


def bounded(pattern: str) -> str:
    """``pattern`` between word boundaries that also refuse hyphens ("Russian-backed")."""
    return rf"(?<![\w-])(?:{pattern})(?![\w-])"


def record_span(sent: Any, start: int, end: int) -> Span:
    """A records.Span in document (clean-text) offsets for sentence-relative ``[start, end)``."""
    base = sent.start_char
    return Span(base + start, base + end, sent.text[start:end])


def spacy_span(sent: Any, start: int, end: int) -> Any:
    """The spaCy span covering sentence-relative chars ``[start, end)`` (expanded to tokens)."""
    base = sent.start_char
    return sent.doc.char_span(base + start, base + end, alignment_mode="expand")
