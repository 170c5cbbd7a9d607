"""Shared test helpers."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"


@pytest.fixture(scope="session")
def load_bench():
    """Load a benchmark script of ``bench/`` as a module (its jobs are tested on small inputs)."""
    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    return load


@pytest.fixture(scope="session")
def extractor():
    """One extractor with the default settings for the behaviour tests that read short texts of their own."""
    from eventwire.config import defaults
    from eventwire.extract import Extractor

    return Extractor(defaults())


@pytest.fixture(scope="session")
def kinds(extractor):
    """The sub-event types the default extractor reads in a short text of a test's own, background included."""
    from eventwire.records import Document

    def read(text, published="2023-03-02"):
        got = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
        return [e.sub_event_type for e in got]
    return read


@pytest.fixture(scope="session")
def flagged(extractor):
    """(sub-event type, is background) of each event the default extractor reads in a short text of a test's own."""
    from eventwire.records import Document

    def read(text, published="2023-03-02"):
        got = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
        return [(e.sub_event_type, e.is_background) for e in got]
    return read
