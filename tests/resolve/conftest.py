import pytest


@pytest.fixture(scope="module")
def nlp():
    from eventwire.config import load_settings
    from eventwire.parse import load_nlp

    return load_nlp(load_settings())
