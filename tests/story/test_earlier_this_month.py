""""Earlier this month" in a story told late in the month is context: most of the month's earlier days lie before
the reporting window (data: story.toml [time] earlier_in_month). Told early in the month, within the window, it
stays news. Sentences written for these tests."""

from __future__ import annotations

import pytest

import eventwire

pytestmark = pytest.mark.slow

TEXT = ("Suicide bomber kills 12 in Mogadishu\n\n"
        "A suicide bomber killed 12 people at a restaurant in Mogadishu on Tuesday, police said.\n\n"
        "Earlier this month, the army recaptured the town of Mahaday from al-Shabaab fighters.")


def _retaking(published):
    return [e for e in eventwire.extract(TEXT, published=published, include_background=True)
            if e["sub_event_type"] == "Government regains territory"]


def test_earlier_this_month_told_late_in_the_month_is_background():
    events = _retaking("2022-09-24")
    assert events and all(e["is_background"] for e in events), events


def test_earlier_this_month_told_early_in_the_month_stays_news():   # guard: its days are the window's
    events = _retaking("2022-09-08")
    assert events and not any(e["is_background"] for e in events), events
