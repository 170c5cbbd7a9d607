"""eventwire: turn news reports of armed conflict into event data.

Public API only; everything else is private to its module::

    import eventwire
    eventwire.extract("Gunmen killed five villagers in Kaduna on Monday.", published="2024-05-14")

    extractor = eventwire.Extractor()               # settings from load_settings(); models load once
    for doc, events in extractor.pipe(texts_or_records):
        ...
"""

from eventwire.config import Settings, load_settings
from eventwire.errors import EventwireError
from eventwire.extract import Extractor, extract
from eventwire.records import Document, Event, Mention, Rejection
from eventwire.store import Store

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Event",
    "EventwireError",
    "Extractor",
    "Mention",
    "Rejection",
    "Settings",
    "Store",
    "__version__",
    "extract",
    "load_settings",
]
