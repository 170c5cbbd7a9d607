"""The normalisers detection calls, gathered in one injectable object.

``Resolvers.default()`` wires the real ones from ``eventwire.resolve`` (actor
dictionary, dates, fatalities, attribution); tests may pass fakes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from eventwire.records import DateSpan, Fatalities


@dataclass(frozen=True, slots=True)
class Resolvers:
    actors: Any
    resolve_date: Callable[..., DateSpan]  # (sent, published, *, anchor=char offset)
    is_past_reference: Callable[..., bool]  # (date, published, *, days=window)
    extract_fatalities: Callable[..., Fatalities]  # (sent, *, anchor=char offset)
    find_attribution: Callable[[Any, Any], Any]

    @classmethod
    def default(cls) -> Resolvers:
        from eventwire.resolve.actors import load_actor_dictionary
        from eventwire.resolve.attribution import find_attribution
        from eventwire.resolve.dates import is_past_reference, resolve_date
        from eventwire.resolve.fatalities import extract_fatalities

        return cls(load_actor_dictionary(), resolve_date, is_past_reference, extract_fatalities,
                   find_attribution)
