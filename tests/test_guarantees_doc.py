"""docs/guarantees.md cannot drift from the code.

Every ``tests/...py::name`` the page cites is a test function that exists. Every
``[section] key`` it names is a setting in ``src/eventwire/defaults.toml``. Every
``[store]``, ``[read]``, ``[fetch]``, ``[parse]`` and ``[serve]`` setting has a row in
its limits tables, and the default in that row is the shipped one. Every benchmark it
cites exists, and every promise (``**Gn.``) cites at least one test.
"""

from __future__ import annotations

import ast
import re
import tomllib
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "guarantees.md"
DEFAULTS = ROOT / "src" / "eventwire" / "defaults.toml"
LIMIT_SECTIONS = ("store", "read", "fetch", "parse", "serve")

TEST_REF = re.compile(r"(tests/[\w/]+\.py)::(\w+)")
SETTING_REF = re.compile(r"`\[(\w+)\] (\w+)`")
BENCH_REF = re.compile(r"`(bench/\w+\.py)`")
TABLE_ROW = re.compile(r"^\| `\[(\w+)\] (\w+)` \| `(.+?)` \|", re.MULTILINE)
PROMISE = re.compile(r"^\*\*(G\d+)\.", re.MULTILINE)


def page() -> str:
    return PAGE.read_text(encoding="utf-8")


@cache
def defaults() -> dict:
    with DEFAULTS.open("rb") as handle:
        return tomllib.load(handle)


@cache
def functions_in(path: str) -> frozenset[str]:
    """Names of the test functions in a test file, at module level or in classes."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    return frozenset(node.name for node in ast.walk(tree)
                     if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_"))


def cited_tests() -> list[tuple[str, str]]:
    return sorted(set(TEST_REF.findall(page())))


def test_the_page_cites_tests():
    assert len(cited_tests()) >= 50


@pytest.mark.parametrize("path, name", cited_tests(), ids=lambda v: v)
def test_every_cited_test_exists(path, name):
    assert (ROOT / path).is_file(), f"docs/guarantees.md cites {path}, which does not exist"
    assert name in functions_in(path), f"docs/guarantees.md cites {path}::{name}, which is not a test there"


def test_every_named_setting_exists():
    named = set(SETTING_REF.findall(page()))
    assert named
    missing = sorted(f"[{s}] {k}" for s, k in named if k not in defaults().get(s, {}))
    assert not missing, f"docs/guarantees.md names settings defaults.toml does not have: {missing}"


def test_every_limit_setting_has_a_row_with_the_shipped_default():
    rows = {(s, k): cell for s, k, cell in TABLE_ROW.findall(page())}
    for section in LIMIT_SECTIONS:
        for key, value in defaults()[section].items():
            assert (section, key) in rows, f"docs/guarantees.md has no row for [{section}] {key}"
            stated = tomllib.loads(f"v = {rows[section, key]}")["v"]
            assert stated == value, f"[{section}] {key}: the page says {stated!r}, defaults.toml {value!r}"


def test_every_cited_benchmark_exists():
    benches = set(BENCH_REF.findall(page()))
    assert benches
    assert not [b for b in benches if not (ROOT / b).is_file()]


def test_every_promise_cites_a_test():
    text = page()
    marks = list(PROMISE.finditer(text))
    assert marks
    for mark, following in zip(marks, [*marks[1:], None]):
        body = text[mark.start():following.start() if following else len(text)]
        assert TEST_REF.search(body), f"promise {mark.group(1)} cites no test"
