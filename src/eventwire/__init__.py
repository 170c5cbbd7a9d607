"""eventwire: turn news reports of armed conflict into event data.

Public API only; everything else is private to its module.
"""

from eventwire.config import Settings, load_settings
from eventwire.errors import EventwireError
from eventwire.records import Document, Event, Mention, Rejection
from eventwire.store import Store

__version__ = "0.1.0"

__all__ = [
    "Document",
    "Event",
    "EventwireError",
    "Mention",
    "Rejection",
    "Settings",
    "Store",
    "__version__",
    "load_settings",
]
