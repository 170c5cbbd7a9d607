"""Is there political violence around a cue at all? Domain cues and weak triggers.

Many trigger words have everyday senses: shares "rally", a storm "hits" the
coast, a senator "attacks" the budget, a film shows a "battle". Two checks,
fed from the cue classes of ``data/detect_lexicon.toml`` and the word sets of
``data/rules.toml`` (``words``: the rule set's, owned by the detect stage):

* ``silenced(view, specific, words)``: the sentence belongs to a non-conflict domain
  (accidents and disasters, sport, fiction: also when the story earlier did;
  markets and campaign rhetoric: this sentence only, and only without any
  violence word) and carries nothing specific to conflict.
* ``unsupported(view, start, end, words)``: a weak trigger (``weak_triggers``)
  with no actor, target or violence context: no armed actor, weapon, lethal
  cue, other violent cue, and (for attacks) no people or place attacked, (for
  battles) no place, (for rallies and marches) no people doing it.

Armed words that only name who reports ("Taliban officials said") are no
armed context.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventwire.detect.view import (
    SentenceView,
    clause_verb,
    is_place,
    objects,
    prep_objects,
    subjects,
)

Words = Mapping[str, frozenset[str]]
STRONG_DOMAINS = ("nonpolitical", "sport", "fiction")
SOFT_DOMAINS = ("market", "rhetoric")
PEOPLE_ENTS = frozenset({"PERSON", "NORP", "ORG", "GPE"})
NAMED_ENTS = PEOPLE_ENTS | {"LOC", "FAC"}
TARGET_ENTS = frozenset({"PERSON", "NORP", "GPE", "FAC", "LOC"})
HIT_PREPS = frozenset({"on", "against", "at", "in"})


def armed_actors(v: SentenceView, words: Words) -> list[Any]:
    """Armed cues that name a fighting side: not the police alone, not a speaker ("Taliban officials")."""
    speakers = words["speaker_heads"]
    out = []
    for cue in v.any("armed"):
        tok = v.sent.doc[cue.start]
        if tok.lemma_.lower() in words["police"] or tok.lower_ in words["not_actors"]:
            continue
        if tok.dep_ in ("compound", "amod", "poss", "nmod") and tok.head.lower_ in speakers:
            continue
        out.append(cue)
    return out


def silenced(v: SentenceView, specific: bool, words: Words) -> bool:
    """A non-conflict domain sentence with nothing specific to conflict and no armed side."""
    if armed_actors(v, words):
        return False
    if v.has("fiction"):
        return True  # "the film depicts the air raids": what a film shows is not news
    if specific:
        return False
    if v.has(*STRONG_DOMAINS) or v.nonpolitical_context:
        return True
    if not v.has(*SOFT_DOMAINS) or v.has("lethal") or v.has_strong(*words["weak_context_classes"]):
        return False
    return all(weak_word(v, c.start, words) for c in v.cues if c.is_trigger)  # "detained farmers over prices" stays


def weak_word(v: SentenceView, start: int, words: Words) -> str | None:
    """The lemma of a weak trigger word at ``start``, or None."""
    tok = v.sent.doc[start]
    weak = words["weak_triggers"]
    lemma = tok.lemma_.lower()
    return lemma if tok.lower_ in weak or lemma in weak else None


def unsupported(v: SentenceView, trigger_start: int, trigger_end: int, words: Words) -> bool:
    """A single weak trigger word with no actor, target or violence context around it."""
    if trigger_end - trigger_start != 1:
        return False  # "opened fire", "air strike", "gun battle": the phrase is specific
    word = weak_word(v, trigger_start, words)
    if word is None or _violent_context(v, trigger_start, words):
        return False
    tok = v.sent.doc[trigger_start]
    if word in words["protest_words"]:
        return not _people_doing(v, tok, words)
    battle = word in words["battle_words"]
    if battle and any(_named(v, t) or v.cues_in([t], "civilian") for t in v.sent):
        return False
    if not battle and _people_or_place_hit(v, tok, words):
        return False
    return not _armed_actor_named(v, words)


def _named(v: SentenceView, tok: Any) -> bool:
    return is_place(tok, v.places) or tok.ent_type_ in NAMED_ENTS or tok.pos_ == "PROPN"


def _armed_actor_named(v: SentenceView, words: Words) -> bool:
    """The actor dictionary names an armed group or state force in the sentence ("the IS", "SDF")."""
    from eventwire.resolve.actors import load_actor_dictionary

    return any(actor.type not in words["unarmed_types"] for _, actor in load_actor_dictionary().find(v.sent))


def people_protest(v: SentenceView, start: int, words: Words) -> bool:
    """A weak protest word ("rallied") done by people, outside sport and market sentences."""
    return not v.has("sport") and _people_doing(v, v.sent.doc[start], words)


def _violent_context(v: SentenceView, start: int, words: Words) -> bool:
    if armed_actors(v, words) or v.has("weapon", "lethal"):
        return True
    return any(c.start != start and not c.weak for cls in words["weak_context_classes"] for c in v.any(cls))


def _people_doing(v: SentenceView, tok: Any, words: Words) -> bool:
    """Someone who can protest: the verb's subject, or the sentence, names people or a group."""
    people = words["people"]
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


def _people_or_place_hit(v: SentenceView, tok: Any, words: Words) -> bool:
    """The attack's target is people, property or a place (not a record, a policy or a ball)."""
    verb = clause_verb(tok)
    targets = prep_objects(tok, HIT_PREPS) + objects(verb) + subjects(verb)[1] + prep_objects(verb, HIT_PREPS)
    for target in targets:
        if v.cues_in(target.subtree, "civilian") or is_place(target, v.places):
            return True
        if target.lemma_.lower() in words["hit_property"] or target.ent_type_ in TARGET_ENTS:
            return True
    return False
