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

How it decides (modules): ``lexicon`` finds cue phrases once per Doc (data in
``data/detect_lexicon.toml``); ``classify`` applies ACLED precedence rules to a
sentence's cues and its parse; ``modality`` drops negated, hypothetical,
future, threatened, purpose-only and descriptive triggers and finds history
markers; ``roles`` and ``location`` read actors and the event's place from the
syntax; ``build`` resolves dates, fatalities and sources through
``eventwire.resolve``; ``dedupe`` merges repeats within a document; ``context`` silences non-conflict
domains and unsupported weak triggers.

Documented choices: a threat is dropped, not kept as a low-confidence event;
a sentence yields at most two mentions (its main event and one in an
independent clause of another event type); a history mention without a date
of its own is dated "since the last dated history" up to publication
(precision 3); the sub-event type "Other" is given only for the developments the
lexicon's ``other`` class names (mass graves found), never as a fallback. Weak
triggers ("rallied", "attack", "storm hit") need an actor, target or violence
context and sentences of non-conflict domains (sport, fiction, disasters,
markets, campaign rhetoric) stay silent (``context``).
"""

from __future__ import annotations

from eventwire.detect.stage import DetectStage, detect_mentions, ruler_patterns
from eventwire.detect.taxonomy import SubEventType, event_types, load_taxonomy

__all__ = ["DetectStage", "SubEventType", "detect_mentions", "event_types", "load_taxonomy", "ruler_patterns"]
