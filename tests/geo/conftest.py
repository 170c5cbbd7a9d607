"""Shared fixtures: the real gazetteer (built once into the user cache) and spaCy, once per session."""

from __future__ import annotations

import pytest

from eventwire.config import defaults


@pytest.fixture(scope="session")
def settings():
    return defaults()


@pytest.fixture(scope="session")
def gazetteer(settings):
    from eventwire.geo import load_gazetteer

    return load_gazetteer(settings)


@pytest.fixture(scope="session")
def nlp(settings):
    from eventwire.parse import load_nlp

    return load_nlp(settings)


@pytest.fixture(scope="session")
def geoparse(nlp, gazetteer):
    from eventwire.geo import Geoparser

    parser = Geoparser(gazetteer)
    return lambda text: parser(nlp(text))


@pytest.fixture(scope="session")
def locate_in(nlp, gazetteer):
    """locate_in(text, trigger, sentence, kind=("Violence against civilians", "Attack")) -> the place the
    locator gives a mention whose trigger and sentence are the first occurrences of those strings."""
    from eventwire.geo import Geoparser
    from eventwire.geo.locate import Locator
    from eventwire.records import Document, Mention, Span

    parser, locator = Geoparser(gazetteer), Locator(gazetteer)

    def run(text, trigger, sentence, kind=("Violence against civilians", "Attack")):
        doc = Document(id="t", raw_text=text)
        doc.nlp = nlp(text)
        doc.toponyms = parser(doc.nlp)
        start, s_start = text.index(trigger), text.index(sentence)
        m = Mention(document_id="t", event_type=kind[0], sub_event_type=kind[1],
                    trigger=Span(start, start + len(trigger), trigger),
                    sentence=Span(s_start, s_start + len(sentence), sentence))
        return locator(doc, m)
    return run


@pytest.fixture(scope="session")
def event_place(extractor):
    """event_place(text, published="2022-06-20") -> the name of the place of the first event the extractor finds in
    a short text of a test's own (None when it has no place)."""
    from eventwire.records import Document

    def place(text, published="2022-06-20"):
        evs = extractor.extract([Document(id="t", raw_text=text, published=published)], include_background=True)
        assert evs, text
        return evs[0].location.name if evs[0].location else None

    return place
