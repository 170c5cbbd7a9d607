"""Within one document, one mention per event where the text lets us tell.

Two mentions are the same event when they have the same sub-event type,
background flag and date, the detector's model doubts both or neither, and
they do not contradict each other on actor1 or place
(a missing value contradicts nothing, but two that tell no place by their syntax
and whose sentences name only different places are two): a headline and its
lede, a caption repeated by the scraper, a quote restating the news. Mentions in different
documents are left to ``eventwire.fuse``.
"""

from __future__ import annotations

from eventwire.records import Actor, Mention, Span


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _agree(a: str | None, b: str | None) -> bool:
    return not a or not b or a == b


def _actor_name(actor: Actor | None) -> str | None:
    return actor.name if actor is not None else None


def _named(m: Mention, toponyms: list[tuple[int, int]]) -> set[str]:
    """The place names its sentence holds."""
    s = m.sentence
    return {_norm(s.text[start - s.start:end - s.start]) for start, end in toponyms if s.start <= start < s.end}


def same_event(a: Mention, b: Mention, toponyms: list[tuple[int, int]] = ()) -> bool:
    """True when two mentions of one document describe one event."""
    if _norm(a.sentence.text) == _norm(b.sentence.text):
        # one sentence may tell two happenings of one kind on two days ("Kunduz fell in September 2015, and its
        # fighters overran parts of the city again in October 2016")
        return a.sub_event_type == b.sub_event_type and _agree(a.date.start, b.date.start)
    if a.doubted != b.doubted:
        # a telling the detector's model doubts (a standfirst's "The killing of 26 people ... has revived a cycle
        # of attack") is the story stage's to keep or drop on its own; merged, its doubt drowned the lede's news
        return False
    if (a.sub_event_type, a.is_background, a.date.start, a.date.end) != \
            (b.sub_event_type, b.is_background, b.date.start, b.date.end):
        return False
    if a.date.start is None:
        return False  # two undated sentences share no date: the story stage tells whether they retell one
    place_a = _norm(a.location_text.text) if a.location_text else None
    place_b = _norm(b.location_text.text) if b.location_text else None
    deaths_a, deaths_b = a.fatalities.best, b.fatalities.best
    if deaths_a is not None and deaths_b is not None and deaths_a != deaths_b:
        return False
    if place_a is None and place_b is None:
        # neither tells a place by its syntax: the places their sentences name must meet ("SANA reporter in Hama said
        # the terrorists targeted the houses ..." is not "the army targeted positions in Kafr Zita")
        named_a, named_b = _named(a, toponyms), _named(b, toponyms)
        if named_a and named_b and not named_a & named_b:
            return False
    return _agree(_actor_name(a.actor1), _actor_name(b.actor1)) and _agree(place_a, place_b)


def _better(a: Mention, b: Mention) -> Mention:
    return a if _filled(a) >= _filled(b) else b


def _filled(m: Mention) -> tuple[int, float]:
    fields = (m.actor1, m.actor2, m.location_text, m.fatalities.best, m.attribution, m.date.text)
    return sum(f is not None for f in fields), m.confidence


def _merge(keep: Mention, other: Mention) -> Mention:
    """``keep`` completed with what ``other`` adds; evidence of both."""
    for attr in ("actor1", "actor2", "location_text", "attribution", "attribution_type"):
        if getattr(keep, attr) is None and getattr(other, attr) is not None:
            setattr(keep, attr, getattr(other, attr))
    if keep.fatalities.best is None and other.fatalities.best is not None:
        keep.fatalities = other.fatalities
    names = {a.name for a in keep.assoc_actor_1}
    keep.assoc_actor_1 += [a for a in other.assoc_actor_1 if a.name not in names]
    keep.tags = sorted(set(keep.tags) | set(other.tags))
    keep.civilian_targeting = keep.civilian_targeting or other.civilian_targeting
    keep.confidence = min(0.99, max(keep.confidence, other.confidence) + 0.03)
    keep.evidence = _spans(keep.evidence + other.evidence)
    return keep


def _spans(spans: list[Span]) -> list[Span]:
    unique = {(s.start, s.end): s for s in spans}
    return [unique[k] for k in sorted(unique)]


def dedupe(mentions: list[Mention], toponyms: list[tuple[int, int]] = ()) -> list[Mention]:
    """Mentions with same-event repeats merged into the most complete one, in text order (``toponyms``: the
    clean-text spans of the document's place names)."""
    kept: list[Mention] = []
    for mention in mentions:
        twin = next((k for k in kept if same_event(k, mention, toponyms)), None)
        if twin is None:
            kept.append(mention)
            continue
        best = _better(twin, mention)
        merged = _merge(best, twin if best is mention else mention)
        kept[kept.index(twin)] = merged
    kept.sort(key=lambda m: m.sentence.start)  # stable: a sentence's main event stays first
    for m in kept:
        m.mention_id = f"{m.document_id}:{m.trigger.start}-{m.trigger.end}"
    return kept
