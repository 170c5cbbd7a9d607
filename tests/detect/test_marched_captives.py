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
def test_captives_marched_are_no_protest(kinds, text):
    assert "Peaceful protest" not in kinds(text), text


@pytest.mark.parametrize("text", [
    "Hundreds of people marched through Bogota, Colombia, on Sunday to demand the release of the hostages.",
    "A protest against the kidnappings was held in Neiva, Colombia, on Sunday.",
])
def test_guard_people_who_march_protest(kinds, text):
    assert kinds(text) == ["Peaceful protest"], text
