"""An agreement proposed, offered, sought or near is not reached, and ACLED codes only agreements reached between
the sides of a conflict: "Saudi Arabia proposed a nationwide ceasefire", "shuttling between Cairo and Doha in search
of a ceasefire deal", "at the threshold of an agreement" had each been an Agreement at the place named. Word class
``unreached`` in data/rules.toml (the agreement's object or 'of'/'for' phrase). Sentences written for these tests."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow


def _types(text):
    return [e["sub_event_type"] for e in eventwire.extract(text, published="2021-03-24")]


@pytest.mark.parametrize("text", [
    "Saudi Arabia on Monday proposed a nationwide ceasefire in Yemen and the reopening of Sanaa airport.",
    "The envoy said on Sunday that Washington and the Taliban were at the threshold of an agreement after talks in "
    "Doha.",
    "The army offered a ceasefire to the rebels in Marawi on Monday, but the rebels did not answer.",
    "Mediators from Qatar and Egypt met in Cairo on Tuesday in search of a truce between the two sides.",
])
def test_an_agreement_not_reached_is_no_event(text):
    assert "Agreement" not in _types(text), text


@pytest.mark.parametrize("text", [
    "The government and the rebels signed a ceasefire agreement in Juba on Monday.",
    "The two sides agreed on a ceasefire in Marawi on Monday.",
])
def test_an_agreement_reached_stays_an_event(text):   # guard
    assert "Agreement" in _types(text), text
