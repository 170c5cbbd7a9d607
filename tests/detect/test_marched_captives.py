"""Captives marched somewhere did not march in protest: a verb of protest in the passive ("the hostages were
marched into the mountains") is done to its subject. People who march, and a protest that was held, are
protests. Sentences written for this test."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("text", [
    "The hostages were marched into the mountains towards Caqueta, Colombia, on Sunday.",
    "The captured soldiers were marched through the streets of Goma, Congo, on Friday.",
])
def test_captives_marched_are_no_protest(extractor, text):
    assert "Peaceful protest" not in _types(extractor, text), text


@pytest.mark.parametrize("text", [
    "Hundreds of people marched through Bogota, Colombia, on Sunday to demand the release of the hostages.",
    "A protest against the kidnappings was held in Neiva, Colombia, on Sunday.",
])
def test_guard_people_who_march_protest(extractor, text):
    assert _types(extractor, text) == ["Peaceful protest"], text


def _types(extractor, text):
    return [e.sub_event_type for _, evs in extractor.pipe([text], published="2023-03-02", include_background=True)
            for e in evs]
