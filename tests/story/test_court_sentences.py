"""A court that holds people sentences them: "A judge imprisoned two journalists", "were jailed by a tribunal" is a
step of a trial, not an arrest (ACLED codes the arrest, not the courts that follow it); police who jail suspects
arrest them. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventwire.records import Document

pytestmark = pytest.mark.slow


def _types(extractor, text):
    got = extractor.extract([Document(id="t", raw_text=text, published="2024-06-14")], include_background=True)
    return [e.sub_event_type for e in got]


@pytest.mark.parametrize("text", [
    "A judge imprisoned two journalists on Wednesday over reports on the army.",
    "A military tribunal in Kinshasa on Tuesday jailed four opposition activists for two years.",
    "Two students were imprisoned by a court in Minsk on Monday for taking part in last year's marches.",
])
def test_a_court_that_jails_people_sentences_them(extractor, text):
    assert "Arrests" not in _types(extractor, text), text


@pytest.mark.parametrize("text", [
    "Police jailed 60 suspects after the riot in the market on Sunday.",
    "Soldiers detained 14 men at a checkpoint outside Goma on Tuesday.",
])
def test_guard_police_and_soldiers_who_hold_people_arrest_them(extractor, text):
    assert _types(extractor, text) == ["Arrests"], text
