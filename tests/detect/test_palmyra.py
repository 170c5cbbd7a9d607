"""The example article: what a user expects from ../shared/examples/palmyra_2016-03-27.txt.

Nothing in eventwire special-cases this article; it is one example of a kind
(news of a recapture, with quoted sources, captions and history paragraphs).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.config import defaults
from eventwire.records import Document

pytestmark = pytest.mark.slow

ARTICLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "palmyra_2016-03-27.txt"


@pytest.fixture(scope="module")
def mentions(nlp, resolvers, toponym_stage):
    if not ARTICLE.exists():
        pytest.skip("shared example article not available")
    from eventwire.clean import Cleaner
    from eventwire.detect import DetectStage

    doc = Cleaner(defaults())(Document(id="palmyra", raw_text=ARTICLE.read_text("utf-8"), published="2016-03-27"))
    doc.nlp = nlp(doc.clean_text)
    doc = toponym_stage(doc)
    return DetectStage(defaults(), resolvers=resolvers)(doc).mentions


def _of(mentions, sub_type, *, background):
    """The detector's trusted mentions of a type (those its model doubts are the story stage's to keep or drop)."""
    return [m for m in mentions if m.sub_event_type == sub_type and m.is_background == background and not m.doubted]


def test_recapture_by_government_forces_is_todays_news(mentions):
    [m] = _of(mentions, "Government regains territory", background=False)
    assert m.actor1.name == "Military Forces of Syria"
    assert m.actor2.name == "Islamic State"
    assert m.date.start == "2016-03-27"
    assert m.location_text.text == "Palmyra"
    assert m.attribution_type == "anonymous official"


def test_russian_air_strikes_with_over_100_killed_per_russian_ministry(mentions):
    [m] = [m for m in mentions if m.fatalities.text and "over 100" in m.fatalities.text]
    assert not m.is_background
    assert m.fatalities.best is not None and m.fatalities.best >= 100
    assert "Russia" in m.attribution and m.attribution_type == "belligerent/government"
    russia = [a for a in [m.actor1, *m.assoc_actor_1] if a is not None and "Russia" in a.name]
    assert russia and "airstrike" in m.tags


def test_sappers_clearing_mines_is_disrupted_weapons_use(mentions):
    [m] = _of(mentions, "Disrupted weapons use", background=False)
    assert "sapper" in m.sentence.text.lower() or "defus" in m.sentence.text.lower()


def test_history_is_background_with_its_own_dates(mentions):
    background = [m for m in mentions if m.is_background]
    starts = {m.date.start[:7] for m in background if m.date.start}
    assert "2015-05" in starts and "2015-08" in starts
    assert all(m.date.start < "2016-03" for m in background if m.date.start)
    kinds = {m.sub_event_type for m in background}
    assert "Non-state actor overtakes territory" in kinds
    assert "Looting/property destruction" in kinds
    assert "Attack" in kinds  # the executions
    news = [m for m in mentions if not m.is_background]
    assert all(m.date.start >= "2016-03-26" for m in news)


def test_no_event_at_the_towns_is_retreated_to(mentions):
    assert not [m for m in mentions if "retreating to" in m.sentence.text]
    for m in mentions:
        place = m.location_text.text if m.location_text else ""
        assert not {"Sukhnah", "Raqqa", "Deir Ezzor"} & {place}


def test_ages_sorties_targets_and_percentages_are_not_fatalities(mentions):
    counts = {n for m in mentions for n in (m.fatalities.low, m.fatalities.best, m.fatalities.high)}
    assert not counts & {82, 40, 158, 20}


def test_each_event_once(mentions):
    news = [m.sub_event_type for m in mentions if not m.is_background and not m.doubted]
    assert news.count("Government regains territory") == 1
    assert news.count("Disrupted weapons use") == 1
