"""Resolvers: normalise what detection found into the event record's fields.

* :mod:`eventwire.resolve.actors` - actor dictionary (canonical names, types, countries)
* :mod:`eventwire.resolve.dates` - event dates and ACLED time precision
* :mod:`eventwire.resolve.fatalities` - low/best/high fatality counts
* :mod:`eventwire.resolve.attribution` - who reports the event

All returned ``records.Span`` offsets index the clean text of the document.
"""
