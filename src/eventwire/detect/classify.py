"""Sentence classification into ACLED sub-event types: the rules of ``data/rules.toml`` applied.

The rules follow the ACLED codebook's precedence (their ``priority``): the
most specific weapon wins (chemical, suicide, grenade, IED, air, shelling),
territory changes beat plain clashes, an air strike during a ground battle is
part of the battle, protests are graded by the intervention they meet, and one
sentence yields one event. ``_engine`` interprets the rules; this module adds
the gates around them:

* a sentence of a non-conflict domain with nothing specific to conflict
  yields nothing (``context.silenced``);
* a decision of a crime-prone type in a crime sentence with no political
  actor is dropped, and so is a generic word ("agreement", "set up") with no
  armed or state actor near it;
* a weak trigger with no actor, target or violence context gives way to the
  next cue (``context.unsupported``).

``classify(view, rules)`` returns a ``Decision`` (sub-event type, trigger cue,
score, the id of the rule that fired) or ``None``.
"""

from __future__ import annotations

from typing import Any

from eventwire.detect._conditions import swapped
from eventwire.detect._engine import Decision, Rules
from eventwire.detect.context import people_protest, silenced, unsupported, weak_word
from eventwire.detect.lexicon import TRIGGER_CLASSES
from eventwire.detect.view import SentenceView, clause_verb, is_place

# Word sets of data/rules.toml that the gates (here, in ``context`` and the stage's check that a trigger
# only names a group, ``group_heads``, what a sentence remembers, ``remembered``, and what a figure of going off
# erupts into, ``erupted_into``) read, besides the rules' own.
GATE_WORDS = ("group_heads", "specific_classes", "chemical_means", "crime_prone_types", "police", "context_types", "always_context_types",
              "generic_words", "state_context", "office_words", "exchange_verbs", "swapped", "speaker_heads",
              "not_actors", "weak_triggers", "weak_context_classes", "protest_words", "battle_words", "people",
              "unarmed_types", "hit_property", "harm_verbs", "remembered", "erupted_into", "procurement", "talk_aside",
              "shell_verbs")


def classify(view: SentenceView, rules: Rules) -> Decision | None:
    """The sub-event type a sentence supports, or None for no event."""
    words = rules.words
    view = _without_talk_aside(view, words["talk_aside"])
    view = _without_weapons_verb(view, words["shell_verbs"])
    if silenced(view, _specific(view, rules), words):
        return None
    strong = any(c.is_trigger for c in view.cues) or rules.weak_event(view, None)
    for decision in rules.cascade(view, strong):
        if _plain_crime(view, decision, rules) or _needs_context(view, decision, rules):
            return None
        if unsupported(view, decision.trigger.start, decision.trigger.end, words) or _traded(view, decision, rules):
            return classify(_without(view, decision), rules)  # the next cue may still be an event
        return decision
    return None


def _without_weapons_verb(v: SentenceView, verbs: frozenset[str]) -> SentenceView:
    """Without a word of a non-conflict domain that is the verb projectiles are told by ("Rockets rain down on
    northern towns", "Shells crash into the market"): the weather's "rain" and an accident's "crash" are no domain
    of a barrage."""
    weapons = ("shell", "air", "ied")
    told = [c for c in v.by_class.get("nonpolitical", ()) if (tok := v.token(c)).pos_ == "VERB" and
            tok.lemma_.lower() in verbs and any(v.cues_in([s], w) for s in tok.children
                                                if s.dep_ in ("nsubj", "nsubjpass") for w in weapons)]
    if not told:
        return v
    return _without_domain_words(v, {c.start for c in told})


def _without_talk_aside(v: SentenceView, talk: frozenset[str]) -> SentenceView:
    """Without the words of diplomacy told in a clause of their own beside an event word ("Bomb kills five in
    Mogadishu as leaders meet for peace talks"): talks elsewhere make no non-conflict domain of the bombing."""
    aside = [c for c in v.by_class.get("nonpolitical", ()) if v.sent.doc[c.start:c.end].text.lower() in talk]
    if not aside:
        return v
    events = {_subject_clause(v.token(c)).i for c in v.cues if c.cls in TRIGGER_CLASSES}
    drop = {c.start for c in aside if events and _subject_clause(v.token(c)).i not in events}
    return _without_domain_words(v, drop) if drop else v


def _without_domain_words(v: SentenceView, starts: set[int]) -> SentenceView:
    """The view without the non-conflict domain cues that start at ``starts``."""
    return SentenceView(v.sent, [c for c in v.cues if not (c.cls == "nonpolitical" and c.start in starts)], v.places,
                        v.nonpolitical_context)


def _subject_clause(tok: Any) -> Any:
    """The verb of the clause with a subject of its own that a token is told in."""
    cur = clause_verb(tok)
    for _ in range(6):
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children) or cur.head.i == cur.i:
            return cur
        cur = clause_verb(cur.head)
    return cur


def _traded(v: SentenceView, decision: Decision, rules: Rules) -> bool:
    """The trigger is a weapon bought, sold or received in a batch or shipment ("Pakistan buys Chinese fighter jets",
    "received the first batch of armed drones"): up its noun phrase ("of" and compounds) to the word it belongs to,
    a verb or noun of trade in arms (data: procurement), whose buyer, if named, is a state or a firm."""
    words = rules.words["procurement"]
    tok = v.token(decision.trigger)
    for _ in range(4):
        if tok.dep_ not in ("dobj", "obj", "pobj", "nsubjpass", "compound", "amod", "conj", "prep", "appos"):
            return False
        tok = tok.head
        if tok.lemma_.lower() in words or tok.lower_ in words:
            # a state or a firm trades in arms; "the men bought the explosives" prepared an attack
            buyers = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")] if tok.pos_ == "VERB" else []
            return all(b.ent_type_ in ("GPE", "NORP", "ORG") for b in buyers)
    return False


def _without(v: SentenceView, decision: Decision) -> SentenceView:
    rest = [c for c in v.cues if c.start != decision.trigger.start]
    return SentenceView(v.sent, rest, v.places, v.nonpolitical_context)


def _specific(v: SentenceView, rules: Rules) -> bool:
    """Cues that mark political violence by themselves ("battle" needs an armed side: firefighters
    battle wildfires; "rallied" and "marched" alone are no protest: fans rally, indexes march)."""
    words = rules.words
    protest = [c for c in v.strong("protest")
               if weak_word(v, c.start, words) is None or people_protest(v, c.start, words)]
    return v.has_strong(*words["specific_classes"], "riot", "retake", "mob") or bool(protest) or (
        v.has_strong("clash") and v.has("armed")) or (v.has("chemical") and v.has(*words["chemical_means"]))


def _plain_crime(v: SentenceView, decision: Decision, rules: Rules) -> bool:
    """Robbery, drugs, smuggling, fraud handled by the police: crime without a political dimension."""
    words = rules.words
    # a crime word that names a place's kind ("a drug rehab centre", "the fraud office") tells no crime
    crimes = [c for c in v.any("crime") if not (v.token(c).dep_ in ("compound", "amod", "nmod")
                                                 and is_place(v.token(c).head, v.places))]
    if not crimes or decision.sub_event_type not in words["crime_prone_types"] or _specific(v, rules):
        return False
    return not [c for c in v.any("armed") if v.sent.doc[c.start].lemma_.lower() not in words["police"]]


def _needs_context(v: SentenceView, decision: Decision, rules: Rules) -> bool:
    """Generic words ("agreement", "merger", "set up", "handed over") count only next to armed or
    state actors: a company's new headquarters is no military base."""
    words = rules.words
    kind = decision.sub_event_type
    if kind not in words["context_types"] or swapped(v.token(decision.trigger), words):
        return False  # prisoners of war, hostages and bodies are the conflict context
    word = v.sent.doc[decision.trigger.start].lemma_.lower()
    always = kind in words["always_context_types"]
    generic = word in words["generic_words"] or decision.trigger.weak or always
    if not generic or v.has("armed") or any(t.lemma_.lower() in words["state_context"] for t in v.sent):
        return False
    if always and any(t.ent_type_ == "NORP" for t in v.sent):
        return False  # "the latest Turkish point was established"
    territory = kind == "Non-violent transfer of territory"
    return not (territory and any(is_place(t, v.places) for t in v.sent
                                  if t.lemma_.lower() not in words["office_words"]))


__all__ = ["GATE_WORDS", "Decision", "Rules", "classify"]
