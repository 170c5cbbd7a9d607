"""Is there political violence around a cue at all? Domain cues and weak triggers.

Many trigger words have everyday senses: shares "rally", a storm "hits" the
coast, a senator "attacks" the budget, a film shows a "battle". Two checks,
both fed from ``data/detect_lexicon.toml``:

* ``silenced(view, specific)``: the sentence belongs to a non-conflict domain
  (accidents and disasters, sport, fiction: also when the story earlier did;
  markets and campaign rhetoric: this sentence only, and only without any
  violence word) and carries nothing specific to conflict.
* ``unsupported(view, decision)``: a weak trigger (``[context] weak_triggers``)
  with no actor, target or violence context: no armed actor, weapon, lethal
  cue, other violent cue, and (for attacks) no people or place attacked, (for
  battles) no place, (for rallies and marches) no people doing it.

Armed words that only name who reports ("Taliban officials said") are no
armed context.
"""

from __future__ import annotations

from typing import Any

from eventwire.detect.lexicon import context_words
from eventwire.detect.view import (
    SentenceView,
    clause_verb,
    is_place,
    objects,
    prep_objects,
    subjects,
)

STRONG_DOMAINS = ("nonpolitical", "sport", "fiction")
SOFT_DOMAINS = ("market", "rhetoric")
POLICE = frozenset({"police", "policeman", "policemen", "officer", "officers", "guard", "guards", "cop", "cops"})
# Armed-context words that name no fighting side by themselves ("long positions", "the force of the wind").
NOT_ACTORS = frozenset({"position", "positions", "base", "unit", "units", "convoy", "checkpoint", "patrol", "force",
                        "outpost", "garrison"})
VIOLENT_CLASSES = ("air", "shell", "ied", "suicide", "grenade", "chemical", "riot", "mob", "abduct", "sexual")
ATTACK_WORDS = frozenset({"attack", "strike", "fire", "hit", "blast", "shoot", "shot", "bomb", "raid"})
BATTLE_WORDS = frozenset({"clash", "battle", "fight", "storm", "push", "advance"})
PROTEST_WORDS = frozenset({"rally", "march"})
PEOPLE_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
NAMED_ENTS = PEOPLE_ENTS | {"LOC", "FAC"}
UNARMED_TYPES = frozenset({"Civilians", "Protesters", "Rioters"})
PROPERTY = frozenset({"house", "home", "shop", "school", "building", "vehicle", "car", "market", "church", "mosque",
                      "temple", "hospital", "clinic", "station", "office", "convoy", "patrol", "checkpoint", "camp",
                      "hotel", "bus", "truck", "village", "town", "ship", "vessel", "tanker", "base", "post"})


def armed_actors(v: SentenceView) -> list[Any]:
    """Armed cues that name a fighting side: not the police alone, not a speaker ("Taliban officials")."""
    speakers = context_words()["speaker_heads"]
    out = []
    for cue in v.any("armed"):
        tok = v.sent.doc[cue.start]
        if tok.lemma_.lower() in POLICE or tok.lower_ in NOT_ACTORS:
            continue
        if tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.lower_ in speakers:
            continue
        out.append(cue)
    return out


def silenced(v: SentenceView, specific: bool) -> bool:
    """A non-conflict domain sentence with nothing specific to conflict and no armed side."""
    if armed_actors(v):
        return False
    if v.has("fiction"):
        return True  # "the film depicts the air raids": what a film shows is not news
    if specific:
        return False
    if v.has(*STRONG_DOMAINS) or v.nonpolitical_context:
        return True
    if not v.has(*SOFT_DOMAINS) or v.has("lethal") or v.has_strong(*VIOLENT_CLASSES):
        return False
    return all(weak_word(v, c.start) for c in v.cues if c.is_trigger)  # "detained farmers over prices" stays


def weak_word(v: SentenceView, start: int) -> str | None:
    """The lemma of a weak trigger word at ``start``, or None."""
    tok = v.sent.doc[start]
    weak = context_words()["weak_triggers"]
    lemma = tok.lemma_.lower()
    return lemma if tok.lower_ in weak or lemma in weak else None


def unsupported(v: SentenceView, trigger_start: int, trigger_end: int) -> bool:
    """A single weak trigger word with no actor, target or violence context around it."""
    if trigger_end - trigger_start != 1:
        return False  # "opened fire", "air strike", "gun battle": the phrase is specific
    word = weak_word(v, trigger_start)
    if word is None or _violent_context(v, trigger_start):
        return False
    tok = v.sent.doc[trigger_start]
    if word in PROTEST_WORDS:
        return not _people_doing(v, tok)
    if word in BATTLE_WORDS and any(_named(v, t) or v.cues_in([t], "civilian") for t in v.sent):
        return False
    if word not in BATTLE_WORDS and _people_or_place_hit(v, tok):
        return False
    return not _armed_actor_named(v)


def _named(v: SentenceView, tok: Any) -> bool:
    return is_place(tok, v.places) or tok.ent_type_ in NAMED_ENTS or tok.pos_ == "PROPN"


def _armed_actor_named(v: SentenceView) -> bool:
    """The actor dictionary names an armed group or state force in the sentence ("the IS", "SDF")."""
    from eventwire.resolve.actors import load_actor_dictionary

    return any(actor.type not in UNARMED_TYPES for _, actor in load_actor_dictionary().find(v.sent))


def people_protest(v: SentenceView, start: int) -> bool:
    """A weak protest word ("rallied") done by people, outside sport and market sentences."""
    return not v.has("sport") and _people_doing(v, v.sent.doc[start])


def _violent_context(v: SentenceView, start: int) -> bool:
    if armed_actors(v) or v.has("weapon", "lethal"):
        return True
    return any(c.start != start and not c.weak for cls in VIOLENT_CLASSES for c in v.any(cls))


def _people_doing(v: SentenceView, tok: Any) -> bool:
    """Someone who can protest: the verb's subject, or the sentence, names people or a group."""
    people = context_words()["people"]
    if tok.pos_ == "VERB":
        doers = subjects(tok)[0]
        if doers:
            return any(_is_people(v, d, people) for d in doers)
    return any(_is_people(v, t, people) for t in v.sent if t.pos_ in ("NOUN", "PROPN", "NUM"))


def _is_people(v: SentenceView, tok: Any, people: frozenset[str]) -> bool:
    words = {t.lower_ for t in tok.subtree} | {t.lemma_.lower() for t in tok.subtree}
    if words & people or v.cues_in(tok.subtree, "civilian") or v.cues_in(tok.subtree, "mob"):
        return True
    return any(t.ent_type_ in PEOPLE_ENTS for t in tok.subtree)


def _people_or_place_hit(v: SentenceView, tok: Any) -> bool:
    """The attack's target is people, property or a place (not a record, a policy or a ball)."""
    verb = clause_verb(tok)
    targets = prep_objects(tok, frozenset({"on", "against", "at", "in"}))
    targets += objects(verb) + subjects(verb)[1] + prep_objects(verb, frozenset({"on", "against", "at", "in"}))
    for target in targets:
        if v.cues_in(target.subtree, "civilian") or is_place(target, v.places):
            return True
        if target.lemma_.lower() in PROPERTY or target.ent_type_ in ("PERSON", "NORP", "GPE", "FAC", "LOC"):
            return True
    return False
