"""Measuring instruments: scorers for the gold formats of ``../shared/eval`` and the golden set.

    events   format A (event type, detection, actors, dates, fatalities)
    golden   the hand-written golden articles in ``tests/golden`` (expect / must_not)
    geo      formats B and C (geoparsing, event location)

``python -m eventwire.evaluate`` runs every dev set and prints a summary table.
"""
