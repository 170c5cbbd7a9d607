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


_LEAD = "\"“”‘'([{«"
_TRAIL = "\"“”’',.;:!?)]}»"
_WORD_RE = re.compile(r"[^\s;,()\[\]{}\"“”«»]+")
_STOPS = frozenset(",.;:!?()[]{}")


def _strip(word: str) -> tuple[int, int]:
    """(start, end) of a whitespace-separated word without quotes, brackets, trailing punctuation
    and a possessive "'s"."""
    start, end = 0, len(word)
    while start < end and word[start] in _LEAD:
        start += 1
    while end > start and word[end - 1] in _TRAIL:
        end -= 1
    if end - start > 2 and word[end - 2:end].lower() in ("'s", "’s"):
        end -= 2
    return start, end


def phrase_key(phrase: str) -> str:
    """The lookup key of a phrase: its words stripped as ``PhraseIndex`` strips text words."""
    words = []
    for m in _WORD_RE.finditer(phrase.replace("’", "'")):
        s, e = _strip(m.group(0))
        if e > s:
            words.append(m.group(0)[s:e])
    return " ".join(words)


class PhraseIndex:
    """Literal phrases found by word n-gram lookup (no regular expression: thousands of phrases
    build in milliseconds and match in time linear in the text).

    Words are separated by whitespace, quotes, brackets, commas and semicolons, and stripped of
    trailing punctuation and a possessive "'s", so "ISIS's", "(ISIS)", "“Islamic State”" and
    "...;IS shells" all find their phrase, while "ISIS-linked" does not. ``exact`` phrases match case-sensitively, ``folded`` ones in any case.
    """

    def __init__(self, exact: Iterable[str], folded: Iterable[str]) -> None:
        """``exact`` and ``folded`` are phrase keys (``phrase_key``; folded ones lower-cased)."""
        self.exact = {k: k for k in exact if k}
        self.folded = {k: k for k in folded if k}
        self.exact_prefixes = {" ".join(k.split(" ")[:i]) for k in self.exact for i in range(1, k.count(" ") + 2)}
        self.folded_prefixes = {" ".join(k.split(" ")[:i]) for k in self.folded for i in range(1, k.count(" ") + 2)}

    def finditer(self, text: str) -> list[tuple[int, int, str, bool]]:
        """(start, end, phrase, exact) of every phrase occurrence, longest at each start first."""
        words = []
        for m in _WORD_RE.finditer(text.replace("’", "'")):
            s, e = _strip(m.group(0))
            if e > s:
                words.append((m.start() + s, m.start() + e, m.group(0)[s:e]))
        out = []
        for i in range(len(words)):
            key = folded = ""
            for j in range(i, len(words)):
                key = f"{key} {words[j][2]}" if key else words[j][2]
                folded = key.lower()
                in_exact, in_folded = key in self.exact_prefixes, folded in self.folded_prefixes
                if not (in_exact or in_folded):
                    break
                if in_exact and key in self.exact:
                    out.append((words[i][0], words[j][1], key, True))
                elif in_folded and folded in self.folded:
                    out.append((words[i][0], words[j][1], folded, False))
                if j + 1 < len(words) and _STOPS & set(text[words[j][1]:words[j + 1][0]]):
                    break  # "ISIS, the group": a phrase does not run past a comma or full stop
        return out

