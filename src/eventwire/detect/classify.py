"""Sentence classification into ACLED sub-event types.

Rules follow the ACLED codebook's precedence: the most specific weapon wins
(chemical, suicide, grenade, IED, air, shelling), territory changes beat plain
clashes, an air strike during a ground battle is part of the battle, protests
are graded by the intervention they meet, and one sentence yields one event
(the ``rank`` in ``data/taxonomy.toml`` breaks ties).

``classify(view)`` returns a ``Decision`` (sub-event type, trigger cue, score)
or ``None`` when the sentence describes no political violence or protest.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from eventwire.detect.context import people_protest, silenced, unsupported, weak_word
from eventwire.detect.lexicon import Cue
from eventwire.detect.modality import without
from eventwire.detect.view import (
    SentenceView,
    agents,
    clause_verb,
    is_place,
    objects,
    prep_objects,
    same_clause,
    subjects,
)

STATE_WORDS = frozenset({
    "army", "troops", "soldiers", "soldier", "military", "government", "regime", "police", "forces",
    "force", "policemen", "security", "loyalist", "pro-government", "marines", "navy", "commandos",
    "gendarmes", "gendarmerie", "authorities", "jawans", "crpf", "bsf", "sappers", "paratroopers",
    "coalition", "officials", "officers", "personnel", "units", "battalion", "brigade", "division",
})
NONSTATE_WORDS = frozenset({
    "militants", "militant", "rebels", "rebel", "insurgents", "insurgent", "jihadists", "jihadist",
    "is", "isis", "isil", "daesh", "group", "extremists", "terrorists", "fighters", "militia",
    "militias", "taliban", "al-shabaab", "shabaab", "houthis", "houthi", "maoists", "naxals", "guerrillas",
    "gunmen", "separatists", "boko", "haram", "nusra", "hts", "sdf", "ypg", "opposition", "mujahideen",
})
# Specific weapon or violence classes; their presence lets a weak cue start an event.
DETONATE = frozenset({"explode", "detonate", "blast", "explosion", "go", "blow", "rip", "explosive"})
DELIVERY = frozenset({"drop", "fire", "use", "launch", "deploy", "release", "expose", "exposure", "hit",
                      "strike", "shell", "bomb", "poison", "victim", "victims", "symptom", "symptoms"})
CRIME_PRONE = frozenset({"Arrests", "Attack", "Disrupted weapons use", "Looting/property destruction",
                         "Abduction/forced disappearance", "Armed clash"})
POLICE = frozenset({"police", "policeman", "policemen", "officer", "officers", "guard", "guards", "cop", "cops"})
CONTEXT_TYPES = frozenset({"Agreement", "Change to group/activity", "Headquarters or base established",
                           "Non-violent transfer of territory"})
OFFICE_WORDS = frozenset({"headquarters", "base", "post", "office", "position", "camp"})
ALWAYS_CONTEXT = frozenset({"Non-violent transfer of territory", "Headquarters or base established"})
GENERIC_WORDS = frozenset({"agreement", "deal", "accord", "pact", "treaty", "memorandum", "mou", "settlement", "agree",
                           "sign", "merger", "merge", "split", "join", "form", "recruit", "recruitment", "appoint",
                           "announce", "launch", "dissolve", "ban", "alliance", "swap", "exchange"})
STATE_CONTEXT = frozenset({"government", "ministry", "minister", "president", "rebel", "militia", "army",
                           "military", "opposition", "junta", "regime", "insurgent", "separatist"})
AIR_VERBS = frozenset({"drop", "target", "hit", "strike", "bomb", "pound", "raid", "shell", "fire", "attack",
                       "bombard", "launch", "carry", "conduct", "kill"})
SHELL_VERBS = frozenset({"launch", "fire", "land", "hit", "target", "fall", "strike", "pound", "kill", "wound"})
ADVANCE = frozenset({"advance", "advances", "push", "progress", "storm", "offensive"})
TARGETING = frozenset({"target", "hit", "strike", "bomb", "raid"})
CASUALTY = frozenset({"casualty", "casualties", "loss", "losses", "injury", "injuries", "dead", "body", "bodies",
                      "death", "deaths", "die", "wound", "injure"})
PARTISANS = frozenset({"supporter", "activist", "cadre", "loyalist", "faction", "follower", "worker", "member",
                       "youth", "student", "villager", "resident", "mob", "crowd"})
DEFENCELESS = frozenset({"execute", "execution", "executions", "behead", "beheading", "massacre", "torture",
                         "slaughter", "lynch"})
BROKEN = frozenset({"violate", "breach", "break", "collapse", "flout", "ignore", "end", "abandon", "undermine",
                    "threaten", "jeopardize", "jeopardise", "test", "strain"})
FRAME_NOUNS = frozenset({"day", "days", "hour", "hours", "week", "weeks", "month", "months", "stage", "phase",
                         "terms", "violation", "violations", "breach", "breaches", "collapse", "area", "areas",
                         "zone", "zones", "framework", "period"})
WITHDRAW = frozenset({"withdraw", "pull", "evacuate", "abandon", "retreat", "vacate", "leave", "hand", "cede"})
PROPERTY = frozenset({"house", "home", "shop", "school", "building", "vehicle", "car", "market", "church",
                      "mosque", "crop", "hut", "office", "property", "village", "store", "bridge", "tower", "clinic",
                      "hospital", "station", "farm", "granary", "truck", "bus", "warehouse", "infrastructure"})
EXPEL = frozenset({"push", "drive", "force", "kick", "chase", "flush", "beat", "throw", "wrest", "win", "take"})
HARM = frozenset({"burn", "hack", "beat", "stone", "torture", "mutilate", "behead", "stab", "whip", "flog"})
SEIZE = frozenset({"seize", "capture", "grab", "snatch", "round"})
PROTEST_ACTS = frozenset({"protest", "rally", "march", "demonstrate", "demonstration", "block", "blockade",
                          "sit", "picket", "strike", "occupy", "chant", "vigil"})
PROTESTERS = frozenset({"protester", "protestor", "demonstrator", "marcher", "striker", "picketer"})
DEMANDING = frozenset({"demand", "protest", "denounce", "condemn", "call", "oppose", "reject", "demonstrate",
                       "express", "voice", "press", "decry", "mourn", "commemorate", "show"})
RIOT_WORDS = frozenset({"riot", "riots", "rioting", "rioter", "rioters", "unrest", "violent"})
SWAPPED = frozenset({"prisoner", "detainee", "captive", "hostage", "body", "pow", "pows"})
STASH = frozenset({"cache", "stash", "depot", "hideout", "arsenal", "stockpile", "haul", "consignment"})
SPECIFIC = ("chemical", "suicide", "grenade", "ied", "air", "shell", "abduct", "sexual")
VIOLENT = ("clash", "attack", "air", "shell", "ied", "suicide", "grenade", "chemical")


BASE_VERBS = frozenset({"establish", "set", "open", "build", "construct", "erect", "install", "setup", "create"})
BASE_NOUNS = frozenset({"base", "camp", "headquarters", "checkpoint", "outpost", "post", "garrison", "position",
                        "point", "airbase", "airstrip", "barracks", "observation"})
MOVE_VERBS = frozenset({"deploy", "dispatch", "send", "move", "forward", "reinforce", "mobilize", "mobilise",
                        "redeploy", "station", "transfer", "bring", "rush", "amass", "mass", "pull", "withdraw"})
FORCE_NOUNS = frozenset({"troops", "troop", "force", "forces", "fighter", "fighters", "soldier", "soldiers", "unit",
                         "units", "reinforcement", "reinforcements", "equipment", "vehicle", "vehicles", "tank",
                         "tanks", "convoy", "battalion", "brigade", "member", "members", "personnel", "militiaman"})
FORM_VERBS = frozenset({"form", "establish", "set", "create", "launch", "found", "merge", "unite", "announce"})
GROUP_NOUNS = frozenset({"group", "groups", "unit", "units", "force", "militia", "brigade", "battalion", "party",
                         "organisation", "organization", "coalition", "alliance", "front", "council", "movement",
                         "wing", "faction", "command", "division", "regiment", "formation"})


@dataclass(frozen=True, slots=True)
class Decision:
    sub_event_type: str
    trigger: Cue
    score: float


def _first(cues: list[Cue]) -> Cue | None:
    return min(cues, key=lambda c: (c.weak, -c.strength, c.start)) if cues else None


def _decide(name: str, cues: list[Cue]) -> Decision | None:
    cue = _first(cues)
    return Decision(name, cue, cue.strength * (0.7 if cue.weak else 1.0)) if cue else None


def _violence_present(v: SentenceView) -> bool:
    return v.has_strong(*VIOLENT) or v.has_strong("lethal")


def _chemical(v: SentenceView) -> Decision | None:
    if v.has("nonpolitical") and not v.has("armed") and not v.has_strong("attack"):
        return None  # a chlorine leak at a plant, chemicals stored in a warehouse
    delivered = any(t.lemma_.lower() in DELIVERY for t in v.sent)
    gassed = any(t.lemma_.lower() in ("gas", "choke", "choking", "suffocate", "suffocation") for t in v.sent)
    if not v.has_strong("chemical") and v.any("chemical") and gassed and v.has("shell", "air", "weapon", "attack"):
        return _decide("Chemical weapon", v.any("chemical"))  # "shells released a gas smelling of chlorine"
    if v.has_strong("chemical") and (_violence_present(v) or delivered or v.has("attack", "weapon")):
        return _decide("Chemical weapon", v.strong("chemical"))
    return None


def _sexual(v: SentenceView) -> Decision | None:
    return _decide("Sexual violence", v.strong("sexual")) if v.has_strong("sexual") else None


def _suicide(v: SentenceView) -> Decision | None:
    if v.has_strong("suicide"):
        return _decide("Suicide bomb", v.strong("suicide"))
    if v.any("suicide") and v.has("ied", "attack"):
        return _decide("Suicide bomb", v.any("suicide"))
    return None


def _lethal_by_state(v: SentenceView) -> bool:
    """A lethal or injuring act whose doer is the police or security forces."""
    for cue in v.any("lethal"):
        verb = clause_verb(v.token(cue))
        active, passive = subjects(verb)
        doers = active + agents(verb)
        if any(_is_state(t) for t in doers):
            return True
        if passive and not doers and any(_protester(t) for t in passive):
            return True
        if verb.lemma_.lower() == "die" and any(_protester(t) for t in active):
            return True
        if any(_protester(t) for t in objects(verb)) and not any(_protester(t) for t in active):
            return True
    return False


def _protester(tok) -> bool:
    return tok.lemma_.lower() in ("protester", "protestor", "demonstrator", "student", "marcher",
                                  "activist", "farmer", "worker", "crowd", "people", "protest",
                                  "demonstration", "rally")


def _is_state(tok) -> bool:
    """The phrase headed by ``tok`` (its left modifiers, not its conjuncts) names state forces."""
    words = {t.lower_ for t in tok.lefts} | {tok.lower_}
    return bool(words & STATE_WORDS) and not words & NONSTATE_WORDS


def _shown(v: SentenceView, cue: Cue) -> bool:
    """"her spirit demonstrated the power of ...": to demonstrate something is not to protest."""
    tok = v.token(cue)
    return tok.lemma_.lower() == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in tok.children)


def _gathered(v: SentenceView) -> list[Cue]:
    """"Hundreds gathered ... to demand ...": a weak protest verb with a purpose of protest."""
    out = []
    for cue in v.any("protest"):
        tok = v.token(cue)
        if tok.pos_ == "VERB" and any(c.lemma_.lower() in DEMANDING for c in tok.children
                                      if c.dep_ in ("xcomp", "advcl", "conj")):
            out.append(cue)
    return out


def _protest(v: SentenceView) -> Decision | None:
    cues = [c for c in v.strong("protest") if not _shown(v, c)] or _gathered(v)
    if not cues:
        return None
    if (v.has_strong("riot") or v.has("protester_violence")) and not _peaceful(v):
        return _decide("Violent demonstration", v.strong("riot") or cues)
    if v.has("lethal") and (_lethal_by_state(v) or (_intervened(v) and _deaths(v))):
        return _decide("Excessive force against protesters", cues)
    if v.has("intervention") and _intervened(v):
        return _decide("Protest with intervention", cues)
    return _decide("Peaceful protest", cues)


def _earlier_event(tok) -> bool:
    """"a protest following the arrest of ...": an event the sentence refers back to."""
    return any(a.lower_ in ("after", "following", "since", "over", "against") for a in list(tok.ancestors)[:2])


def _deaths(v: SentenceView) -> bool:
    return any(t.lemma_.lower() in ("die", "kill", "dead", "death", "fatal", "fatally") for t in v.sent)


def _peaceful(v: SentenceView) -> bool:
    return any(t.lower_ in ("peaceful", "peacefully", "non-violent", "nonviolent", "unarmed") for t in v.sent)


def _intervened(v: SentenceView) -> bool:
    cues = [c for c in v.any("intervention") if v.token(c).dep_ != "amod"  # "detained activists"
            and not _earlier_event(v.token(c))]
    words = {v.sent.doc[c.start].lower_ for c in cues}
    return bool(words - {"police", "policemen", "security forces", "cops", "security"})


def _riot(v: SentenceView) -> Decision | None:
    if v.has_strong("mob"):
        return _decide("Mob violence", v.strong("mob"))
    if v.has_strong("riot"):
        words = {v.sent.doc[c.start].lemma_.lower() for c in v.strong("riot")}
        if not words & RIOT_WORDS and v.any("mob") and not v.any("protest"):
            return _decide("Mob violence", v.strong("riot"))  # two communities throwing stones
        return _decide("Violent demonstration", v.strong("riot"))
    return None


def _expelled(v: SentenceView) -> Decision | None:
    """"pushed the Taliban out of X", "drove the rebels back from X": a verb with its particle apart."""
    for cue in v.any("clash") + v.any("retake") + v.any("attack") + v.any("capture"):
        tok = v.token(cue)
        outs = [c for c in tok.children if c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "back")]
        if tok.lemma_.lower() in EXPEL and outs:
            places = prep_objects(tok, frozenset({"of", "from"})) + [
                g for o in outs for g in prep_objects(o, frozenset({"of", "from"}))]
            if any(is_place(p, v.places) or p.pos_ == "PROPN" for p in places):
                return Decision(_taker(v, cue, default_state=True), cue, 0.8)
    return None


def _territory(v: SentenceView) -> Decision | None:
    for cue in v.strong("retake"):
        return _handed(v, Decision(_taker(v, cue, default_state=True), cue, cue.strength))
    expelled = _expelled(v)
    if expelled is not None:
        return expelled
    if v.has_strong("transfer") and not _fought(v):
        return _decide("Non-violent transfer of territory", v.strong("transfer"))
    for cue in v.any("retake"):
        if _takes_place(v, cue):
            return Decision(_taker(v, cue, default_state=True), cue, cue.strength * 0.8)
    for cue in v.any("capture"):
        if _sought(v, cue):
            continue  # "fought for control of the road": a battle, not (yet) a capture
        if (not cue.weak or not _lethal_with(v, cue)) and _takes_place(v, cue):
            score = cue.strength * (0.8 if cue.weak else 1)
            return _handed(v, Decision(_taker(v, cue, default_state=False), cue, score))
    return _transfer(v)


def _sought(v: SentenceView, cue: Cue) -> bool:
    tok = v.token(cue)
    return tok.dep_ == "pobj" and tok.head.lower_ in ("for", "over")


def _lethal_with(v: SentenceView, cue: Cue) -> bool:
    """Casualties in the same clause as a weak capture cue ("stormed the base, killing 41")."""
    verb = clause_verb(v.token(cue))
    return any(same_clause(clause_verb(v.token(c)), verb) for c in v.any("lethal"))


def _handed(v: SentenceView, decision: Decision) -> Decision:
    """"X took the town after Y pulled out": control changed hands without a fight."""
    if decision.sub_event_type != "Non-state actor overtakes territory" or _fought(v):
        return decision
    taker = clause_verb(v.token(decision.trigger))
    for cue in v.any("transfer"):
        verb = clause_verb(v.token(cue))
        if verb.i != taker.i and v.sent.doc[cue.start].lemma_.lower() in WITHDRAW:
            return Decision("Non-violent transfer of territory", decision.trigger, decision.score)
    return decision


def _takes_place(v: SentenceView, cue: Cue) -> bool:
    tok = v.token(cue)
    verb = clause_verb(tok)
    preps = frozenset({"of", "over", "on"}) if "control" in v.sent.doc[cue.start:cue.end].text.lower() else frozenset(
        {"of", "over"})
    objs = objects(verb) + prep_objects(tok, preps) + prep_objects(verb, frozenset({"of", "from"}))
    if verb.lower_ in ("fell", "fall", "falls", "fallen"):
        objs += subjects(verb)[0]
    _, passive = subjects(verb)
    objs += passive
    return any(is_place(t, v.places) or any(is_place(c, v.places) for c in t.conjuncts) for t in objs)


def _taker(v: SentenceView, cue: Cue, *, default_state: bool) -> str:
    verb = clause_verb(v.token(cue))
    active, _ = subjects(verb)
    doers = active + agents(verb) + prep_objects(v.token(cue), frozenset({"by", "to"}))
    if any(_is_state(t) for t in doers):
        return "Government regains territory"
    if doers and not default_state:
        return "Non-state actor overtakes territory"
    if doers and any(t.lower_ in NONSTATE_WORDS for d in doers for t in d.subtree):
        return "Non-state actor overtakes territory"
    return "Government regains territory" if default_state else "Non-state actor overtakes territory"


def _fought(v: SentenceView) -> bool:
    """Fighting or attack cues that are not negated by "without" ("without a fight"); "under fire"."""
    if any(t.lower_ == "fire" and t.head.lower_ == "under" for t in v.sent):
        return True
    cues = v.strong("clash") + v.strong("attack")
    return any(not without(v.token(c)) for c in cues)


def _transfer(v: SentenceView) -> Decision | None:
    if v.has_strong("transfer") and not _fought(v):
        return _decide("Non-violent transfer of territory", v.strong("transfer"))
    for cue in v.any("transfer"):
        tok = v.token(cue)
        if v.sent.doc[cue.start].lemma_ in ("withdraw", "pull", "vacate", "abandon") and \
                any(is_place(t, v.places) for t in prep_objects(tok, frozenset({"from"})) + objects(tok)) and \
                not _violence_present(v):
            return _decide("Non-violent transfer of territory", [cue])
    return None


def _disrupt_strong(v: SentenceView) -> Decision | None:
    if v.has_strong("disrupt"):
        return _decide("Disrupted weapons use", v.strong("disrupt"))
    return None


def _disrupt(v: SentenceView) -> Decision | None:
    for cue in v.any("disrupt"):
        tok = v.token(cue)
        if tok.pos_ != "VERB" and tok.lemma_.lower() not in ("seizure", "recovery", "discovery", "haul"):
            continue  # "hitting a weapons depot": the depot is a target, not a seizure
        objs = objects(clause_verb(tok)) + objects(tok) + subjects(clause_verb(tok))[1]
        if any(v.cues_in(o.subtree, "weapon") or o.lemma_.lower() in STASH for o in objs):
            return _decide("Disrupted weapons use", [cue])
    return None


def _explosive(v: SentenceView) -> Decision | None:
    if v.has_strong("grenade"):
        return _decide("Grenade", v.strong("grenade"))
    if v.has_strong("ied"):
        return _decide("Remote explosive/landmine/IED", v.strong("ied"))
    return None


def _air_doer(v: SentenceView) -> Cue | None:
    """"Turkish drones struck a vehicle": an aircraft word as the doer of a strike verb."""
    for cue in v.any("air"):
        tok = v.token(cue)
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else tok.head
        if tok.dep_ in ("nsubj", "pobj") and verb.lemma_.lower() in AIR_VERBS:
            return cue
    return None


def _remote(v: SentenceView) -> Decision | None:
    doer = _air_doer(v)
    if doer is not None and not v.has_strong("shell", "ied"):
        return Decision("Air/drone strike", doer, doer.strength * 0.9)
    if v.has_strong("air"):
        if _during_battle(v):
            return _decide("Armed clash", v.strong("clash") or v.strong("air"))
        return _decide("Air/drone strike", v.strong("air"))
    if v.has_strong("shell"):
        return _decide("Shelling/artillery/missile attack", v.strong("shell"))
    if v.any("ied") and (v.has_strong("attack") or v.has("lethal") or (_detonation(v) and not v.has("heritage"))):
        return _decide("Remote explosive/landmine/IED", v.any("ied"))
    if v.any("air") and v.has("attack", "lethal") and v.has("ied", "shell"):
        return _decide("Air/drone strike", v.any("air"))
    if v.any("shell") and v.has_strong("attack", "lethal"):
        return _decide("Shelling/artillery/missile attack", v.any("shell"))
    return None


def _detonation(v: SentenceView) -> bool:
    """An explosive going off: "a bomb exploded", "detonated explosives", "blast"."""
    return any(v.sent.doc[c.start].lemma_.lower() in DETONATE for c in v.any("attack") + v.any("ied"))


def _during_battle(v: SentenceView) -> bool:
    """The sentence places the strike "during"/"amid" a ground battle."""
    for cue in v.strong("clash"):
        head = v.token(cue)
        if head.dep_ == "pobj" and head.head.lower_ in ("during", "amid", "amidst", "in"):
            return True
    return False


def _seized_people(v: SentenceView) -> Decision | None:
    """"Armed men seized three engineers": people taken by force (arrest when state forces take them)."""
    for cue in v.cues:
        tok = v.token(cue)
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in SEIZE:
            continue
        people = [o for o in objects(tok) + subjects(tok)[1] if v.cues_in(o.subtree, "civilian")]
        if people and not any(v.cues_in(p.subtree, "weapon") for p in people):
            doers = subjects(tok)[0] + agents(tok)
            kind = "Arrests" if any(_is_state(d) for d in doers) else "Abduction/forced disappearance"
            return Decision(kind, cue, 0.75)
    return None


def _abduct(v: SentenceView) -> Decision | None:
    if v.has_strong("abduct"):
        return _decide("Abduction/forced disappearance", v.strong("abduct"))
    seized = _seized_people(v)
    if seized is not None:
        return seized
    for cue in v.any("abduct"):  # "taken away by security agents", "disappeared after armed men came"
        verb = clause_verb(v.token(cue))
        doers = agents(verb) + subjects(verb)[0]
        if any(v.cues_in(d.subtree, "armed") or _is_state(d) for d in doers):
            return Decision("Abduction/forced disappearance", cue, cue.strength * 0.8)
    return None


def _arrest(v: SentenceView) -> Decision | None:
    if not v.has_strong("arrest"):
        return _arrest_weak(v)
    cue = _first(v.strong("arrest"))
    verb = clause_verb(v.token(cue))
    doers = subjects(verb)[0] + agents(verb)
    if doers and any(t.lower_ in NONSTATE_WORDS for d in doers for t in d.subtree):
        return Decision("Abduction/forced disappearance", cue, cue.strength)
    if _protesters_held(v, verb):
        return Decision("Protest with intervention", cue, cue.strength)
    return Decision("Arrests", cue, cue.strength)


def _protesters_held(v: SentenceView, verb) -> bool:
    """Arrests of demonstrators (or of activists who were protesting) are a protest met with force."""
    held = {t.lemma_.lower() for o in objects(verb) + subjects(verb)[1] for t in o.subtree}
    acts = [c for c in v.any("protest") if v.sent.doc[c.start].lemma_.lower() in PROTEST_ACTS]
    marching = bool(held & (PROTEST_ACTS - {"strike", "block"}))  # "detained farmers who tried to march"
    return bool(held & PROTESTERS) or marching or ("activist" in held and bool(acts))


def _arrest_weak(v: SentenceView) -> Decision | None:
    """"jailed 60 suspects", "picked up two activists": a weak arrest verb with people as object."""
    for cue in v.any("arrest"):
        tok = v.token(cue)
        people = objects(tok) + subjects(tok)[1]
        if tok.pos_ == "VERB" and any(v.cues_in(p.subtree, "armed") or v.cues_in(p.subtree, "civilian") or
                                      p.lemma_.lower() in ("suspect", "member") for p in people):
            return Decision("Arrests", cue, cue.strength * 0.8)
    return None


def _harmed(v: SentenceView) -> Decision | None:
    """"Militiamen burned a man alive", "hacked two farmers": harm done to people."""
    for cue in v.cues:
        tok = v.token(cue)
        if tok.pos_ == "VERB" and tok.lemma_.lower() in HARM and any(
                v.cues_in(o.subtree, "civilian") for o in objects(tok) + subjects(tok)[1]):
            return Decision("Attack", cue, 0.75)
    return None


def _fight(v: SentenceView) -> Decision | None:
    if v.has_strong("clash"):
        return _decide("Armed clash", v.strong("clash"))
    harmed = _harmed(v)
    if harmed is not None and not v.has_strong("attack"):
        return harmed
    cues = v.strong("attack") or (v.any("attack") if v.has("lethal") and v.has("armed", "weapon") else [])
    if not cues:
        return None
    cue = _first(cues)
    if _partisans(v, cue):
        return Decision("Mob violence", cue, cue.strength)
    if v.sent.doc[cue.start].lemma_.lower() in DEFENCELESS:  # executed captives are not a battle
        return Decision("Attack", cue, cue.strength)
    if _state_offensive(v, cue):
        return Decision("Armed clash", cue, cue.strength)
    return Decision("Armed clash" if _armed_target(v, cue) else "Attack", cue, cue.strength)


def _partisans(v: SentenceView, cue: Cue) -> bool:
    """Party supporters or activists fighting each other without arms: mob violence in ACLED."""
    verb = clause_verb(v.token(cue))
    doers = subjects(verb)[0] + agents(verb)
    words = {t.lemma_.lower() for d in doers for t in d.subtree}
    armed = [c for c in v.any("armed") + v.any("weapon") if v.sent.doc[c.start].lemma_.lower() not in POLICE]
    return bool(words & PARTISANS) and not armed and not v.has("air", "shell", "ied", "grenade")


def _state_offensive(v: SentenceView, cue: Cue) -> bool:
    """State forces launching an assault on a place (not on named civilians): a battle."""
    verb = clause_verb(v.token(cue))
    doers = subjects(verb)[0] + agents(verb)
    if not any(_is_state(d) for d in doers) or v.has("civilian"):
        return False
    return v.sent.doc[cue.start].lemma_.lower() in ("assault", "offensive", "attack", "raid", "operation")


def _armed_target(v: SentenceView, cue: Cue) -> bool:
    """The attack's target is an armed actor (soldiers, police, militants): a battle in ACLED terms."""
    tok = v.token(cue)
    verb = clause_verb(tok)
    targets = prep_objects(tok, frozenset({"on", "against"}))
    for head in (verb, *verb.conjuncts):
        targets += objects(head) + subjects(head)[1] + prep_objects(head, frozenset({"on", "against", "upon"}))
    armed = [t for t in targets if v.cues_in(t.subtree, "armed")]
    civil = [t for t in targets if v.cues_in(t.subtree, "civilian")]
    return bool(armed) and not civil


def _frame_only(v: SentenceView, cue: Cue) -> bool:
    """"the truce areas", "the third day of the ceasefire", "talks for an agreement", "despite the
    truce": the agreement is a frame of reference, not the event reported."""
    tok = v.token(cue)
    if tok.dep_ in ("compound", "amod", "nmod"):
        return True
    head = tok.head
    if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and head.lemma_.lower() in BROKEN:
        return True  # "forces violated the truce", "the ceasefire collapsed"
    if tok.dep_ == "pobj" and head.lower_ in ("for", "despite", "within", "during", "under", "toward", "towards"):
        return True
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in FRAME_NOUNS


def _agreement_first(v: SentenceView) -> Decision | None:
    """A ceasefire or deal that is the sentence's main news beats the fighting it ends."""
    for cue in [c for c in v.strong("agree") if not _frame_only(v, c)]:
        tok = v.token(cue)
        verb = clause_verb(tok)
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        if main and (tok.i == verb.i or tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr")):
            return Decision("Agreement", cue, cue.strength)
    return None


def _agreement(v: SentenceView) -> Decision | None:
    cues = [c for c in v.strong("agree") if not _frame_only(v, c)]
    if cues:
        return _decide("Agreement", cues)
    for cue in v.any("agree"):
        tok = v.token(cue)
        if tok.pos_ == "VERB" and not _violence_present(v) and (_two_parties(tok) or _swapped(tok)):
            return _decide("Agreement", [cue])
    return None


def _swapped(verb) -> bool:
    """"X and Y exchanged 400 prisoners of war": a prisoner or body exchange is an agreement (ACLED)."""
    if verb.lemma_.lower() not in ("exchange", "swap"):
        return False
    return any(t.lemma_.lower() in SWAPPED for o in objects(verb) for t in o.subtree)


def _two_parties(verb) -> bool:
    """"X and Y agreed", "X signed a deal with Y": an agreement needs two sides."""
    active = subjects(verb)[0]
    return any(t.conjuncts for t in active) or bool(prep_objects(verb, frozenset({"with", "between"})))


def _base(v: SentenceView) -> Decision | None:
    if v.has_strong("base"):
        return _decide("Headquarters or base established", v.strong("base"))
    for cue in v.any("base"):
        tok = v.token(cue)
        if tok.pos_ == "VERB" and tok.lemma_.lower() in BASE_VERBS and any(
                c.lemma_.lower() in BASE_NOUNS for o in objects(tok) + subjects(tok)[1] for c in o.subtree):
            return _decide("Headquarters or base established", [cue])
    return None


def _loot_first(v: SentenceView) -> Decision | None:
    """Looting or burning with no one hurt is property destruction even if "attack" is said."""
    if v.has("lethal") or v.has_strong("air", "shell", "ied", "grenade"):
        return None
    if v.has_strong("loot"):
        return _decide("Looting/property destruction", v.strong("loot"))
    return _property_hit(v)  # "militants demolished a shrine, in an attack condemned by ..."


def _property_hit(v: SentenceView) -> Decision | None:
    """"soldiers demolished houses", "militants burned the school": armed men destroying property."""
    for cue in v.any("loot"):
        tok = v.token(cue)
        doers = subjects(tok)[0] + agents(tok)
        things = objects(tok) + subjects(tok)[1]
        owned = any(t.lemma_.lower() in PROPERTY or v.cues_in([t], "heritage") for t in things)
        if tok.pos_ == "VERB" and owned and not v.has("lethal") \
                and (any(v.cues_in(d.subtree, "armed") for d in doers) or not doers and v.has("armed")):
            return Decision("Looting/property destruction", cue, cue.strength * 0.8)
    return None


def _loot(v: SentenceView) -> Decision | None:
    if v.has_strong("loot"):
        return _decide("Looting/property destruction", v.strong("loot"))
    hit = _property_hit(v)
    if hit is not None:
        return hit
    if v.has("lethal") or not v.has("heritage"):
        return None
    if v.any("loot"):
        return _decide("Looting/property destruction", v.any("loot"))
    if v.any("ied"):
        return _decide("Looting/property destruction", v.any("ied"))
    return None


def _change(v: SentenceView) -> Decision | None:
    if v.has_strong("change"):
        return _decide("Change to group/activity", v.strong("change"))
    for cue in v.any("change") + v.any("transfer"):
        tok = v.token(cue)
        if tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        targets = objects(tok) + subjects(tok)[1] + prep_objects(tok, frozenset({"from"}))
        if not objects(tok) and lemma not in ("withdraw", "pull", "retreat"):  # "troops are redeploying"
            targets += subjects(tok)[0]
        heads = {c.lemma_.lower() for o in targets for c in o.subtree}
        if lemma in MOVE_VERBS and heads & FORCE_NOUNS:
            return _decide("Change to group/activity", [cue])
        if lemma in FORM_VERBS and heads & GROUP_NOUNS:
            return _decide("Change to group/activity", [cue])
        if lemma in ("withdraw", "pull") and heads & BASE_NOUNS:
            return _decide("Change to group/activity", [cue])
    return None


def _other(v: SentenceView) -> Decision | None:
    """A mass grave found (ACLED "Other"): the discovery is the news, not the old killings."""
    return _decide("Other", v.strong("other")) if v.has_strong("other") else None


RULES: tuple[Callable[[SentenceView], Decision | None], ...] = (
    _other, _chemical, _sexual, _suicide, _protest, _riot, _agreement_first, _territory, _disrupt_strong, _disrupt,
    _explosive, _remote, _abduct, _arrest, _loot_first, _fight, _loot, _base, _agreement, _change,
)


def _specific(v: SentenceView) -> bool:
    """Cues that mark political violence by themselves ("battle" needs an armed side: firefighters
    battle wildfires; "rallied" and "marched" alone are no protest: fans rally, indexes march)."""
    protest = [c for c in v.strong("protest") if weak_word(v, c.start) is None or people_protest(v, c.start)]
    return v.has_strong(*SPECIFIC, "riot", "retake", "mob") or bool(protest) or (
        v.has_strong("clash") and v.has("armed"))


def _nonpolitical(v: SentenceView) -> bool:
    """Disasters, accidents, sport, fiction (here or earlier in the text), markets and campaign
    rhetoric (here) with nothing specific to conflict."""
    return silenced(v, _specific(v))


def _plain_crime(v: SentenceView, decision: Decision) -> bool:
    """Robbery, drugs, smuggling, fraud handled by the police: crime without a political dimension."""
    if not v.has("crime") or decision.sub_event_type not in CRIME_PRONE or _specific(v):
        return False
    political = [c for c in v.any("armed") if v.sent.doc[c.start].lemma_.lower() not in POLICE]
    return not political


def _needs_context(v: SentenceView, decision: Decision) -> bool:
    """Generic words ("agreement", "merger", "set up", "handed over") count only next to armed or
    state actors: a company's new headquarters is no military base."""
    if decision.sub_event_type not in CONTEXT_TYPES or _swapped(v.token(decision.trigger)):
        return False  # prisoners of war, hostages and bodies are the conflict context
    word = v.sent.doc[decision.trigger.start].lemma_.lower()
    generic = word in GENERIC_WORDS or decision.trigger.weak or decision.sub_event_type in ALWAYS_CONTEXT
    if not generic or v.has("armed") or any(t.lemma_.lower() in STATE_CONTEXT for t in v.sent):
        return False
    if decision.sub_event_type in ALWAYS_CONTEXT and any(t.ent_type_ == "NORP" for t in v.sent):
        return False  # "the latest Turkish point was established"
    territory = decision.sub_event_type == "Non-violent transfer of territory"
    return not (territory and any(is_place(t, v.places) for t in v.sent if t.lemma_.lower() not in OFFICE_WORDS))


def _delivered(v: SentenceView, cls: str, verbs: frozenset[str]) -> Decision | None:
    """A weak weapon cue with a verb of delivery: "helicopters drop barrels", "missiles land on X"."""
    cues = v.any(cls)
    if cues and any(t.lemma_.lower() in verbs for t in v.sent):
        return Decision(cues[0].cls, cues[0], cues[0].strength * 0.7)
    return None


def _weak_violence(v: SentenceView) -> Decision | None:
    """Headline-style reports: "Casualties in X", "Forces advance in Y", "Group targets Z"."""
    air = _delivered(v, "air", AIR_VERBS)
    if air is not None:
        return Decision("Air/drone strike", air.trigger, air.score)
    shell = _delivered(v, "shell", SHELL_VERBS)
    if shell is not None:
        return Decision("Shelling/artillery/missile attack", shell.trigger, shell.score)
    for cue in v.any("attack") + v.any("clash") + v.any("capture"):
        word = v.sent.doc[cue.start].lemma_.lower()
        if word in ADVANCE and v.has("armed"):
            return Decision("Armed clash", cue, cue.strength * 0.7)
        if word in TARGETING and v.has("armed"):
            name = "Armed clash" if _armed_target(v, cue) else "Attack"
            return Decision(name, cue, cue.strength * 0.7)
        if word in CASUALTY:
            return Decision("Armed clash" if v.has("armed") else "Attack", cue, cue.strength * 0.6)
    return None


# Rules that check their own combination of weak cues (verb + fitting object).
COMBO_RULES: tuple[Callable[[SentenceView], Decision | None], ...] = (
    _protest, _territory, _disrupt, _remote, _abduct, _harmed, _arrest_weak, _loot, _base, _change, _agreement,
    _weak_violence,
)


def classify(view: SentenceView) -> Decision | None:
    """The sub-event type a sentence supports, or None for no event."""
    if _nonpolitical(view):
        return None
    strong = any(c.is_trigger for c in view.cues) or _weak_event(view)
    for rule in (RULES + (_weak_violence,)) if strong else COMBO_RULES:
        decision = rule(view)
        if decision is not None:
            if _plain_crime(view, decision) or _needs_context(view, decision):
                return None
            if unsupported(view, decision.trigger.start, decision.trigger.end):
                return classify(_without(view, decision.trigger))  # the next cue may still be an event
            return decision
    return None


def _without(v: SentenceView, cue: Cue) -> SentenceView:
    rest = [c for c in v.cues if c.start != cue.start]
    return SentenceView(v.sent, rest, v.places, v.nonpolitical_context)


def _weak_event(v: SentenceView) -> bool:
    """Weak cues that together still make an event ("an explosion ... killed", "blew up the temple")."""
    return (v.has(*SPECIFIC) and v.has("lethal", "attack")) or (v.has("loot", "ied") and v.has("heritage"))
