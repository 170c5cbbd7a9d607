"""Shared fixtures for detection tests: one spaCy pipeline per session, real resolvers."""

from __future__ import annotations

import pytest

from eventwire.config import defaults
from eventwire.records import Document


@pytest.fixture(scope="session")
def nlp():
    from eventwire.detect import ruler_patterns
    from eventwire.parse import load_nlp

    return load_nlp(defaults(), ruler_patterns())


@pytest.fixture(scope="session")
def resolvers():
    from eventwire.detect.resolvers import Resolvers

    try:
        return Resolvers.default()
    except ImportError:  # the attribution resolver lands separately; detection works without it
        from eventwire.resolve.actors import load_actor_dictionary
        from eventwire.resolve.dates import is_past_reference, resolve_date
        from eventwire.resolve.fatalities import extract_fatalities

        return Resolvers(load_actor_dictionary(), resolve_date, is_past_reference, extract_fatalities,
                         lambda sent, doc: None)


@pytest.fixture(scope="session")
def toponym_stage():
    from eventwire.geo import ToponymStage

    return ToponymStage(defaults())


@pytest.fixture(scope="session")
def detect(nlp, resolvers, toponym_stage):
    """detect(text, published=None) -> mentions of that text (clean text = text), toponyms recognised."""
    from eventwire.detect import detect_mentions

    def run(text: str, published: str | None = "2023-06-12"):
        doc = Document(id="t", raw_text=text, published=published)
        doc.nlp = nlp(text)
        doc = toponym_stage(doc)
        return detect_mentions(doc, resolvers)

    return run


@pytest.fixture(scope="session")
def first_kind(detect):
    """first_kind(text) -> the sub-event type of the sentence's first mention, or None (what most detection
    tests assert)."""
    def run(text: str, published: str | None = "2023-06-12"):
        found = detect(text, published)
        return found[0].sub_event_type if found else None

    return run
