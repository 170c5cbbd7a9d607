"""Event detection and classification: which sentences report which ACLED events.

``DetectStage`` reads ``doc.nlp`` (the spaCy Doc of the clean text) and sets
``doc.mentions``: one ``Mention`` per reported event, classified into the ACLED
taxonomy (``data/taxonomy.toml``) with CAMEO root and PLOVER category, roles,
date, background flag, fatalities, attribution, tags, confidence and evidence
spans (clean-text offsets). Negated, hypothetical, future, threatened and
purpose-only events are dropped; history is kept with ``is_background=True``.

    stage = DetectStage(settings)
    doc = stage(parsed_doc)          # doc.mentions filled

``ruler_patterns()`` gives the entity-ruler patterns ``ParseStage`` needs.
"""

from __future__ import annotations

from eventwire.detect.stage import DetectStage, detect_mentions, ruler_patterns
from eventwire.detect.taxonomy import SubEventType, event_types, load_taxonomy

__all__ = ["DetectStage", "SubEventType", "detect_mentions", "event_types", "load_taxonomy", "ruler_patterns"]
