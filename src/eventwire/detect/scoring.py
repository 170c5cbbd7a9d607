"""Tags and confidence of a mention.

Tags say what the text says: ``cultural_heritage``, ``airstrike``,
``landmine_ied``, ``chemical``, ``suicide``, ``child_victims``, ``journalists``,
``health_workers``, ``aid_workers``.

Confidence is built from the evidence, not a constant: the trigger's strength,
how many roles were found, a date and a place from the text, an attribution,
minus hedging ("reportedly", "allegedly") and weak (context-only) triggers.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire.detect.view import SentenceView
from eventwire.records import Span

SUBTYPE_TAGS = {
    "Air/drone strike": "airstrike",
    "Remote explosive/landmine/IED": "landmine_ied",
    "Chemical weapon": "chemical",
    "Suicide bomb": "suicide",
}
CUE_TAGS = {"air": "airstrike", "ied": "landmine_ied", "chemical": "chemical", "heritage": "cultural_heritage"}
VICTIM_TAGS = {"child": "child_victims", "journalist": "journalists", "health": "health_workers",
               "aid": "aid_workers"}
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots",
                           "Protests"})


def tags_for(view: SentenceView, sub_event_type: str, event_type: str) -> list[str]:
    """Tags supported by the sentence (victim tags only for violent event types)."""
    tags = {SUBTYPE_TAGS[sub_event_type]} if sub_event_type in SUBTYPE_TAGS else set()
    tags |= {tag for cls, tag in CUE_TAGS.items() if view.has_strong(cls) or (cls == "heritage" and view.has(cls))}
    if event_type in VIOLENT_TYPES or sub_event_type == "Looting/property destruction":
        tags |= {tag for cls, tag in VICTIM_TAGS.items() if view.has(cls)}
    if "ied" in {c.cls for c in view.cues} and sub_event_type == "Disrupted weapons use":
        tags.add("landmine_ied")
    return sorted(tags)


def tag_evidence(view: SentenceView, tags: list[str]) -> list[Span]:
    """The first cue span behind each cue-based tag (clean-text offsets)."""
    by_tag = {tag: cls for cls, tag in {**CUE_TAGS, **VICTIM_TAGS}.items()}
    spans = []
    for tag in tags:
        cues = view.any(by_tag[tag]) if tag in by_tag else []
        if cues:
            words = view.sent.doc[cues[0].start:cues[0].end]
            spans.append(Span(words.start_char, words.end_char, words.text))
    return spans


@dataclass(frozen=True, slots=True)
class Evidence:
    trigger_strength: float
    weak_trigger: bool
    roles: int
    has_date: bool
    has_place: bool
    attributed: bool
    hedged: bool
    neighbour_attribution: bool = False


def confidence(ev: Evidence) -> float:
    """A 0..1 score from the evidence behind a mention."""
    score = 0.25 + 0.35 * ev.trigger_strength
    score += 0.08 * min(ev.roles, 2)
    score += 0.05 * ev.has_date + 0.06 * ev.has_place
    score += 0.08 if ev.attributed and not ev.neighbour_attribution else 0.04 * ev.attributed
    score -= 0.12 * ev.hedged + 0.12 * ev.weak_trigger
    return round(max(0.05, min(score, 0.99)), 3)
