"""Measuring instruments: scorers for the gold formats of ``../shared/eval`` and the golden set.

    events   format A (event type, detection, actors, dates, fatalities)
    golden   the hand-written golden articles in ``tests/golden`` (expect / must_not)
    geo      formats B and C (geoparsing, event location)

``python -m eventwire.evaluate`` runs every dev set and prints a summary table.

Every dev set one tunes on is split into ``tune`` and ``check`` by a hash of the record id
(``split_of``): errors are studied on tune, check is reported.
"""

from __future__ import annotations

import hashlib


def split_of(key: str, *, check_share: float = 0.5, salt: str = "eventwire-split") -> str:
    """``tune`` or ``check``, from a hash of ``key`` (stable across runs and machines)."""
    value = int(hashlib.sha1(f"{salt}:{key}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "check" if value < check_share else "tune"


__all__ = ["split_of"]
