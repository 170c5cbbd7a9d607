"""The fuzz benchmark job (bench/bench_fuzz.py) runs, deterministically, and finds no unexpected exception
on a small run: generated and mutated inputs through read, a few documents through extraction."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def bench(load_bench):
    return load_bench("bench_fuzz")


def test_generation_is_deterministic(bench):
    assert [bench.generate(3, i) for i in range(50)] == [bench.generate(3, i) for i in range(50)]
    assert len({bench.generate(3, i)[0] for i in range(400)}) >= 8  # most generators are used


def test_small_fuzz_run_has_no_unexpected_exception(bench):
    summary = bench.run(150, seed=5, extract=4, batch=50)
    assert summary["inputs"] == 150
    assert summary["read_documents"] > 0 and summary["read_rejections"] > 0
    assert summary["extracted_documents"] == 4
    assert summary["unexpected"] == 0, summary["unexpected_examples"]
