"""Long texts are parsed in parts and joined back: never rejected, never a traceback, offsets exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from eventwire.config import defaults
from eventwire.parse import split_parts
from eventwire.records import Document


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=400), st.integers(min_value=5, max_value=60))
@hsettings(max_examples=300, deadline=None)
def test_parts_join_back_into_the_text_and_respect_the_size_when_they_can(text, size):
    parts = split_parts(text, size)
    assert "".join(parts) == text
    assert all(p for p in parts)
    assert all(len(p) <= size for p in parts[:-1]) or " " not in text


@pytest.mark.slow
def test_a_text_longer_than_a_part_yields_events_from_every_part_with_exact_evidence():
    from eventwire.extract import Extractor

    towns = ["Kirkuk", "Mosul", "Baquba", "Tikrit", "Ramadi", "Samarra"]
    text = "".join(f"Report {i}: a car bomb exploded in {towns[i % 6]} on Sunday, killing {i + 2} people. "
                   f"Police said the blast damaged shops near checkpoint {i}.\n\n" for i in range(60))
    extractor = Extractor(defaults().replace("parse", part_chars=1500))
    events = extractor.extract([Document(id="long", raw_text=text, published="2024-05-14")])
    assert len({e.location.name for e in events if e.location}) == 6      # one event per town (all on Sunday)
    spans = [span for e in events for source in e.sources for span in source.evidence]
    assert all(text[span.start:span.end] == span.text for span in spans)
    assert min(s.start for s in spans) < 1500 and max(s.end for s in spans) > len(text) - 1500   # first and last part


@pytest.mark.slow
def test_a_long_run_without_spaces_neither_hangs_nor_hides_the_news():
    import time

    from eventwire.extract import Extractor

    text = "{" + "[" * 100_000 + "\n\nGunmen killed five villagers in Kaduna on Monday, police said."
    started = time.perf_counter()
    events = Extractor(defaults()).extract([Document(id="run", raw_text=text, published="2024-05-14")])
    assert time.perf_counter() - started < 60
    [event] = events
    assert event.location.name == "Kaduna"
    assert all(text[s.start:s.end] == s.text for src in event.sources for s in src.evidence)


def test_a_long_text_in_another_language_gives_one_line_and_no_traceback(tmp_path):
    """The toponym stage parses a document the parse stage left unparsed as the parse stage would (in parts):
    a plain nlp() call there gave spaCy's E088 traceback past 1,000,000 characters."""
    from click.testing import CliRunner

    from eventwire.cli import main

    path = tmp_path / "long.txt"
    path.write_text("a" * 1_200_000)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 0 and "not in English" in result.output, result.output
