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
