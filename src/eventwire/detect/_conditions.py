"""The rule engine's vocabulary: named conditions on a sentence and a trigger cue.

A rule in ``data/rules.toml`` names its conditions as strings; each name maps
here to a factory that, given the rule set's word sets (``Words``) and the
condition's argument, returns a test ``(view, cue) -> bool``. Conditions read
the sentence through the view helpers (``subjects``, ``objects``, ``agents``,
``clause_verb``, ``is_place``, ``prep_objects``, ``same_clause``); every
vocabulary they need is a word set from data, named in ``sets``.

Argument forms: ``has:air,shell`` (cue classes), ``lemma:harm`` (a word set),
``doer:state`` (a doer class, see ``DOER_CLASSES``), ``target:civilians`` (a
target class, see ``TARGET_CLASSES``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from eventwire.detect.lexicon import Cue
from eventwire.detect.modality import denied, without
from eventwire.detect.view import (
    SentenceView,
    agents,
    clause_verb,
    antecedent,
    is_place,
    objects,
    prep_objects,
    same_clause,
    semicolon_between,
    subjects,
)

Check = Callable[[SentenceView, Cue], bool]
Words = Mapping[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class Condition:
    """A named condition: how it reads its argument (``arg``: None, "classes", "words", "doer",
    "target"), the word sets it always reads, and its factory ``make(words, arg, via)``."""

    make: Callable[[Words, str, tuple[str, ...]], Check]
    arg: str | None = None
    sets: tuple[str, ...] = ()


# ------------------------------------------------------------------ generic


def _has(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    classes = tuple(arg.split(","))
    return lambda v, cue: v.has(*classes)


def _has_beside(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """A cue of these classes outside the trigger's own words ("chemical weapons" is no weapon beside itself)."""
    classes = tuple(arg.split(","))
    return lambda v, cue: any(c.end <= cue.start or c.start >= cue.end
                              for cls in classes for c in v.by_class.get(cls, ()))


def _carried_by(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The trigger lies in the noun phrase of a cue of these classes: what it carries ("explosive-laden drones",
    "a bomb-laden drone", "drones carrying explosives": the aircraft is the weapon, the explosive its load)."""
    classes = tuple(arg.split(","))

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        for c in (c for cls in classes for c in v.by_class.get(cls, ())):
            head = v.token(c)
            if head.i != tok.i and head.pos_ in ("NOUN", "PROPN") and tok in head.subtree and \
                    not any(a.pos_ == "VERB" and a.dep_ not in ("acl", "amod") for a in tok.ancestors
                            if head in a.ancestors):
                return True
        return False
    return check


def _dropped_by(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The trigger, an explosive, a grenade or a shell, is dropped by a cue of these classes (an aircraft): the
    aircraft is the doer of a verb of dropping whose object is the trigger ("a drone dropped an explosive device on
    a car"), or the trigger is dropped from or by it ("explosives dropped from a drone", "drone-dropped grenades")."""
    classes, verbs = tuple(arg.split(",")), words["drop_verbs"]

    def check(v: SentenceView, cue: Cue) -> bool:
        load = v.token(cue)
        heads = [load.head, load.head.head] if load.dep_ == "conj" else [load.head]   # "a grenade and a mine"
        verbs_on = [d for d in heads + [c for c in load.children if c.dep_ in ("acl", "amod", "relcl")]
                    if d.lemma_.lower() in verbs]
        for air in (v.token(c) for cls in classes for c in v.by_class.get(cls, ())):
            for d in verbs_on:
                if air.i == load.i or not _drops_from(air, d):
                    continue
                if d in heads and load.dep_ not in ("dobj", "obj", "nsubjpass", "conj") and not (
                        load.dep_ == "nsubj" and air.head.dep_ in ("prep", "agent") and air.head.head == d):
                    continue   # "explosives dropped from a drone" parsed with the explosives as the doer
                return True
        return False
    return check


def _drops_from(air: Any, verb: Any) -> bool:
    """The aircraft word is the verb's doer ("drones dropped", "the drone operator dropped", "drone-dropped")
    or what the load falls from ("dropped from a drone", "dropped by a quadcopter")."""
    while air.dep_ in ("compound", "conj") and air.head.i != air.i:
        air = air.head
    if air.head == verb:
        return air.dep_ in ("nsubj", "npadvmod", "compound")
    return air.head.dep_ in ("prep", "agent") and air.head.lower_ in ("from", "by") and air.head.head == verb


def _has_strong(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    classes = tuple(arg.split(","))
    return lambda v, cue: v.has_strong(*classes)


def _weak(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    return lambda v, cue: cue.weak


def _verb(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    return lambda v, cue: v.token(cue).pos_ == "VERB"


def _passive(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The trigger is a verb in the passive ("the hostages were marched into the mountains"): done to its subject,
    not by it."""
    return lambda v, cue: v.token(cue).pos_ == "VERB" and any(c.dep_ in ("nsubjpass", "auxpass")
                                                               for c in v.token(cue).children)


def _lemma(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The lemma of the trigger's head word is in the set."""
    s = words[arg]
    return lambda v, cue: v.token(cue).lemma_.lower() in s


def _first_word(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The lemma of the trigger's first word is in the set."""
    s = words[arg]
    return lambda v, cue: v.sent.doc[cue.start].lemma_.lower() in s


def _first_word_cased(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """As ``first-word``, with the lemma as the tagger gave it (not lower-cased)."""
    s = words[arg]
    return lambda v, cue: v.sent.doc[cue.start].lemma_ in s


def _sentence_lemma(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    s = words[arg]
    return lambda v, cue: any(t.lemma_.lower() in s for t in v.sent)


def _sentence_word(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    s = words[arg]
    return lambda v, cue: any(t.lower_ in s for t in v.sent)


def _violence(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """A strong cue of a violent class (or a lethal one) anywhere in the sentence."""
    classes = tuple(sorted(words["violent_classes"])) + ("lethal",)
    return lambda v, cue: v.has_strong(*classes)


def _violence_beside(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """A cue of a violent class (or a lethal one) other than the trigger's own, weak ones included ("positions
    were pounded by chemical weapons", "a suspected chlorine attack"): "a chemical weapons declaration" tells no
    violence by itself."""
    classes = tuple(sorted(words["violent_classes"])) + ("lethal",)
    return lambda v, cue: any((c.start, c.end) != (cue.start, cue.end)
                              for cls in classes for c in v.by_class.get(cls, ()))


# ------------------------------------------------------------------ doers


def is_state(tok: Any, words: Words) -> bool:
    """The phrase headed by ``tok`` (its left modifiers, not its conjuncts) names state forces, and the actor
    dictionary names no armed group there: "the Arakan Army", "the New People's Army" are rebels."""
    found = {t.lower_ for t in tok.lefts} | {tok.lower_}
    if not found & words["state_words"] or found & words["nonstate_words"]:
        return False
    from eventwire.resolve.actors import ARMED_TYPES, load_actor_dictionary

    phrase = tok.doc[tok.left_edge.i:tok.i + 1]
    return not any(actor.type in ARMED_TYPES for _, actor in load_actor_dictionary().find(phrase))


def _doers(v: SentenceView, cue: Cue, via: tuple[str, ...]) -> list[Any]:
    """Active subjects and passive agents of the trigger's clause, plus objects of ``via`` prepositions
    on the trigger ("fell to the rebels") or, for a noun, on its passive clause verb ("Control of the town was
    restored to government forces")."""
    tok = v.token(cue)
    verb = clause_verb(tok)
    active, passive = subjects(verb)
    found = active + agents(verb)
    if not via:
        return found
    found += prep_objects(tok, frozenset(via))
    if verb.i != tok.i and verb.tag_ == "VBN" and tok in passive:
        found += prep_objects(verb, frozenset(via))
    return found


def _doer_state(v: SentenceView, doers: list[Any], words: Words) -> bool:
    return any(is_state(d, words) for d in doers)


def _doer_nonstate(v: SentenceView, doers: list[Any], words: Words) -> bool:
    return any(t.lower_ in words["nonstate_words"] for d in doers for t in d.subtree)


def _doer_armed(v: SentenceView, doers: list[Any], words: Words) -> bool:
    return any(v.cues_in(d.subtree, "armed") for d in doers)


def _doer_forces(v: SentenceView, doers: list[Any], words: Words) -> bool:
    return any(c.start <= d.i < c.end for d in doers for c in v.by_class.get("armed", ()))


def _doer_aircraft(v: SentenceView, doers: list[Any], words: Words) -> bool:
    return any(c.start <= d.i < c.end for d in doers for c in v.by_class.get("air", ()))


def _doer_partisans(v: SentenceView, doers: list[Any], words: Words) -> bool:
    return bool({t.lemma_.lower() for d in doers for t in d.subtree} & words["partisans"])


def _doer_named(v: SentenceView, doers: list[Any], words: Words) -> bool:
    """The actor dictionary names an armed group or state forces in the doer's phrase ("The Syrian Democratic
    Forces advance ...", "The Syrian Arab Army advance in the countryside of Hama")."""
    from eventwire.resolve.actors import ARMED_TYPES, STATE

    return any(actor.type in ARMED_TYPES or actor.type == STATE for actor in _named_in(doers))


def _doer_external(v: SentenceView, doers: list[Any], words: Words) -> bool:
    """The actor dictionary names a coalition or a force of other states in the doer's phrase ("the Saudi-led
    coalition", "NATO", "AMISOM")."""
    from eventwire.resolve.actors import EXTERNAL

    return any(actor.type == EXTERNAL for actor in _named_in(doers))


def _named_in(doers: list[Any]) -> Any:
    """The actors the actor dictionary names in the doers' phrases."""
    from eventwire.resolve.actors import load_actor_dictionary

    for d in doers:
        for _, actor in load_actor_dictionary().find(d.doc[d.left_edge.i:d.right_edge.i + 1]):
            yield actor


def _doer_country(v: SentenceView, doers: list[Any], words: Words) -> bool:
    """The doer is a country named for its forces ("Israel bombed a school in Gaza", "Russia bombs Kharkiv"): the
    state acting, as news writes it."""
    from eventwire.resolve.actors import load_actor_dictionary

    return any(d.ent_type_ == "GPE" and load_actor_dictionary().country_of(d.doc[d.left_edge.i:d.i + 1].text)
               for d in doers)


def _doer_individual(v: SentenceView, doers: list[Any], words: Words) -> bool:
    """A lone person does it: "he entered the United States", "helped the bomber enter the compound"."""
    return bool(doers) and all(d.lower_ in words["individuals"] or (
        d.tag_ == "NN" and d.lemma_.lower() in words["lone_persons"]) for d in doers)


def _doer_none(v: SentenceView, doers: list[Any], words: Words) -> bool:
    return not doers


DOER_CLASSES: Mapping[str, Callable[[SentenceView, list[Any], Words], bool]] = MappingProxyType({
    "state": _doer_state,            # a phrase headed by state words (army, police), none of a non-state group
    "external": _doer_external,      # a coalition or other states' force the actor dictionary names
    "country": _doer_country,        # a country named for its forces ("Israel bombed")
    "nonstate": _doer_nonstate,      # a non-state word (rebels, militants, IS) anywhere in the doer's phrase
    "armed": _doer_armed,            # an armed-actor cue in the doer's phrase
    "forces": _doer_forces,          # the doer is itself armed men ("soldiers", "troops"; not "soldiers' wives")
    "aircraft": _doer_aircraft,      # the doer is itself an aircraft ("a helicopter", "warplanes", "a drone")
    "crowd": _doer_partisans,        # supporters, activists, youths, villagers (unarmed partisans)
    "named": _doer_named,            # an armed group or state forces the actor dictionary names
    "individual": _doer_individual,  # a lone person (he, she)
    "none": _doer_none,              # nobody named as doer
})


def _doer(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    test = DOER_CLASSES[arg]
    return lambda v, cue: test(v, _doers(v, cue, via), words)


# ------------------------------------------------------------------ targets


def _undergoers(tok: Any) -> list[Any]:
    """Direct objects and passive subjects of a token."""
    return objects(tok) + subjects(tok)[1]


def _target_civilians(v: SentenceView, cue: Cue, words: Words) -> bool:
    """"burned a man alive", "hacked two farmers": people named as what the trigger verb acts on."""
    return any(v.cues_in(o.subtree, "civilian") for o in _undergoers(v.token(cue)))


def _target_captives(v: SentenceView, cue: Cue, words: Words) -> bool:
    """People taken ("seized three engineers", "seized Ferrandi as he left his home": a person named), not weapons
    seized from them."""
    people = [o for o in _undergoers(v.token(cue)) if v.cues_in(o.subtree, "civilian") or o.ent_type_ == "PERSON"]
    return bool(people) and not any(v.cues_in(p.subtree, "weapon") for p in people)


def _target_held(v: SentenceView, cue: Cue, words: Words) -> bool:
    """"jailed 60 suspects", "picked up two activists": armed men, civilians or suspects held."""
    return any(v.cues_in(p.subtree, "armed") or v.cues_in(p.subtree, "civilian") or
               p.lemma_.lower() in words["suspects"] for p in _undergoers(v.token(cue)))


def _target_property(v: SentenceView, cue: Cue, words: Words) -> bool:
    """Houses, shops, shrines: property or heritage named as what the verb acts on."""
    return any(t.lemma_.lower() in words["property"] or v.cues_in([t], "heritage")
               for t in _undergoers(v.token(cue)))


def _target_seat(v: SentenceView, cue: Cue, words: Words) -> bool:
    """A post or a seat of power named as what is taken ("seized the police station and the administration
    building", "occupied the governor's office"): its seizure changes who holds the place."""
    seats = words["base_nouns"] | words["premises"] | words["seats"]
    return any(t.lemma_.lower() in seats or " ".join(w.lower_ for w in t.subtree if w.dep_ != "det") in seats
               for o in _undergoers(v.token(cue)) for t in (o, *o.conjuncts))


def _target_armed(v: SentenceView, cue: Cue, words: Words) -> bool:
    """The attack's target is an armed actor (soldiers, police, militants) and no civilians."""
    tok = v.token(cue)
    verb = clause_verb(tok)
    targets = prep_objects(tok, words["attack_preps"])
    for head in (verb, *verb.conjuncts):
        targets += objects(head) + subjects(head)[1] + prep_objects(head, words["attack_head_preps"])
        # what a participle of the attack's own clause acts on: "attacked Kidal, killing four soldiers",
        # "attacked the town, targeting the army barracks"
        targets += [o for c in head.children if c.dep_ == "advcl" and c.tag_ == "VBG"
                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) for o in objects(c)]
    # the trigger is no target of its own verb: "carried out a terrorist attack on a market", "was a militant
    # attack": the armed word in its phrase tells who attacked
    targets = [t for t in targets if t.i != tok.i]
    armed = [t for t in targets if v.cues_in(t.subtree, "armed") or t.lower_ in words["guard_posts"]]
    civil = [t for t in targets if v.cues_in(t.subtree, "civilian")]
    return bool(armed) and not civil


def _target_pelted(v: SentenceView, cue: Cue, words: Words) -> bool:
    """Armed men or police named as what is thrown or fired at ("hurled stones at police", "threw bricks at an army
    patrol"): the objects of the aiming prepositions on the trigger's clause verb or on what it throws."""
    verb = clause_verb(v.token(cue))
    heads = [verb, *verb.conjuncts]
    heads += [o for h in list(heads) for t in objects(h) for o in (t, *t.conjuncts)]  # "threw bombs and masonry at"
    return any(v.cues_in(t.subtree, "armed") for head in heads for t in prep_objects(head, words["aimed_preps"]))


def _target_weapon(v: SentenceView, cue: Cue, words: Words) -> bool:
    """Weapons, a cache or a stash named as what is seized, found or defused."""
    tok = v.token(cue)
    objs = objects(clause_verb(tok)) + objects(tok) + subjects(clause_verb(tok))[1]
    return any(v.cues_in(o.subtree, "weapon") or o.lemma_.lower() in words["stash"] for o in objs)


def _target_base(v: SentenceView, cue: Cue, words: Words) -> bool:
    """A base, camp, post or checkpoint named as what is set up."""
    return any(c.lemma_.lower() in words["base_nouns"] for o in _undergoers(v.token(cue)) for c in o.subtree)


def _target_place(v: SentenceView, cue: Cue, words: Words) -> bool:
    """A place taken: the object of the verb, "control of/over X", "X fell", a passive subject."""
    verb = clause_verb(v.token(cue))
    if any(o.lower_ in words["person_pronouns"] or (v.cues_in(o.subtree, "civilian") and not is_place(o, v.places))
           for o in objects(verb)):
        return False   # "police captured him in a raid in Molenbeek, the Brussels district ...", "troops seized 15
                       # villagers from a village": people taken (a place beside them is where, not what)
    return any(is_place(t, v.places) or any(is_place(c, v.places) for c in t.conjuncts)
               for t in _taken(v, cue, words))


def _taken(v: SentenceView, cue: Cue, words: Words) -> list[Any]:
    """What a capture or retake word takes: its clause verb's objects and passive subjects, "control of/over X", "X
    fell", "from X", "parts of X"."""
    tok = v.token(cue)
    verb = clause_verb(tok)
    control = "control" in v.sent.doc[cue.start:cue.end].text.lower()
    preps = words["control_preps"] if control else words["of_over"]
    objs = objects(verb) + prep_objects(tok, preps) + prep_objects(verb, words["of_from"])
    objs += [g for o in objects(verb) for g in prep_objects(o, words["of_over"])]   # "overran parts of the city"
    if verb.lower_ in words["fall_words"] and not any(c.dep_ in ("acomp", "oprd") for c in verb.children):
        objs += [antecedent(s) for s in subjects(verb)[0]]   # "Raqqa, which fell", not "Kabul fell silent"
    return objs + subjects(verb)[1]


def _target_siege_site(v: SentenceView, cue: Cue, words: Words) -> bool:
    """A building attackers held is what is retaken ("regained control of the hotel", "cleared the mall"): the end
    of a siege."""
    return any(t.lemma_.lower() in words["siege_sites"] or
               " ".join(w.lower_ for w in t.subtree if w.dep_ != "det") in words["siege_sites"]
               for t in _taken(v, cue, words))


def _target_place_left(v: SentenceView, cue: Cue, words: Words) -> bool:
    """"withdrew from X", "abandoned X": a place as what is left."""
    tok = v.token(cue)
    return any(is_place(t, v.places) for t in prep_objects(tok, words["from"]) + objects(tok))


def _target_place_out(v: SentenceView, cue: Cue, words: Words) -> bool:
    """"pushed the Taliban out of X", "drove the rebels back from X": the verb's particle apart,
    a place (or a name) after "of"/"from"."""
    tok = v.token(cue)
    outs = [c for c in tok.children if c.dep_ in ("prt", "prep", "advmod") and c.lower_ in words["out_back"]]
    if not outs:
        return False
    places = prep_objects(tok, words["of_from"]) + [g for o in outs for g in prep_objects(o, words["of_from"])]
    return any(is_place(p, v.places) or p.pos_ == "PROPN" for p in places)


TARGET_CLASSES: Mapping[str, tuple[Callable[[SentenceView, Cue, Words], bool], tuple[str, ...]]] = MappingProxyType({
    "civilians": (_target_civilians, ()),
    "captives": (_target_captives, ()),
    "people": (_target_held, ("suspects",)),
    "property": (_target_property, ("property",)),
    "seat": (_target_seat, ("base_nouns", "premises", "seats")),
    "armed": (_target_armed, ("attack_preps", "attack_head_preps", "guard_posts")),
    "pelted": (_target_pelted, ("aimed_preps",)),
    "weapon": (_target_weapon, ("stash",)),
    "base": (_target_base, ("base_nouns",)),
    "place": (_target_place, ("control_preps", "of_over", "of_from", "fall_words", "person_pronouns")),
    "place-left": (_target_place_left, ("from",)),
    "siege-site": (_target_siege_site, ("control_preps", "of_over", "of_from", "fall_words", "siege_sites")),
    "place-out": (_target_place_out, ("out_back", "of_from")),
})


def _target(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    test = TARGET_CLASSES[arg][0]
    return lambda v, cue: test(v, cue, words)


# ------------------------------------------------------------------ protests


def _protester(tok: Any, words: Words) -> bool:
    return tok.lemma_.lower() in words["protester_heads"]


def _lethal_by_state(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """A lethal or injuring act whose doer is the police or security forces, or whose victims are
    the protesters."""
    def check(v: SentenceView, cue: Cue) -> bool:
        for lethal in v.any("lethal"):
            verb = clause_verb(v.token(lethal))
            active, passive = subjects(verb)
            doers = active + agents(verb)
            if any(is_state(t, words) for t in doers):
                return True
            if passive and not doers and any(_protester(t, words) for t in passive):
                return True
            if verb.lemma_.lower() == "die" and any(_protester(t, words) for t in active):
                return True
            if verb.i == v.token(lethal).i and any(_protester(t, words) for t in objects(verb)) and \
                    not any(_protester(t, words) for t in active):
                return True   # "shot protesters" (not "the killings triggered protests": the verb must harm)
        return False
    return check


def _intervened(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """An intervention cue that acts here (not "detained activists", not "a protest after the arrest
    of ...", not what the protesters demand: "demanding the arrest of the killers", "calling for the release of
    the detained", nor what they avoid or fear: "dispersing quickly to avoid arrest", "for fear of arrest"), other
    than the police merely being present."""
    earlier, present = words["earlier_preps"], words["police_present"]
    not_done = words["demand_verbs"] | words["avoid_verbs"]   # wanted, avoided or feared: not done to them

    def check(v: SentenceView, cue: Cue) -> bool:
        cues = [c for c in v.any("intervention") if v.token(c).dep_ != "amod"
                and not any(a.lower_ in earlier for a in list(v.token(c).ancestors)[:2])
                and not any(a.lemma_.lower() in not_done for a in list(v.token(c).ancestors)[:3])
                and not denied(v.token(c)) and not _done_by_people(v, v.token(c))]
        return bool({v.sent.doc[c.start].lower_ for c in cues} - present)
    return check


def _done_by_people(v: SentenceView, tok: Any) -> bool:
    """The intervention word is what the protesters did ("Farmers blocked highways", "residents stopped
    traffic"): its active subject names civilians or a crowd and no armed or police force."""
    doers = subjects(tok)[0] if tok.pos_ in ("VERB", "AUX") else []
    return bool(doers) and all(v.cues_in(d.subtree, "civilian") or v.cues_in(d.subtree, "protest") for d in doers) \
        and not any(v.cues_in(d.subtree, "armed") or v.cues_in(d.subtree, "intervention") for d in doers)


def _shown(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """"her spirit demonstrated the power of ...": to demonstrate something is not to protest."""
    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        return tok.lemma_.lower() == "demonstrate" and any(c.dep_ in ("dobj", "ccomp") for c in tok.children)
    return check


def _gathered(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """"Hundreds gathered ... to demand ...": a protest verb with a purpose of protest."""
    demanding = words["demanding"]

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        return tok.pos_ == "VERB" and any(c.lemma_.lower() in demanding for c in tok.children
                                          if c.dep_ in ("xcomp", "advcl", "conj"))
    return check


def _setting_of_violence(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The protest is only where violence told above it happened: a protest noun in a clause that hangs under a
    verb of violence ("Gunmen shot dead the candidate as he left a campaign rally", "killed the activist after she
    addressed a march"). Not the protesters harmed (they are that verb's objects: another rule's) nor a protest
    verb ("shot dead as they protested": the protesters were shot)."""
    classes = frozenset(words["violent_classes"]) | {"lethal"}

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        if tok.pos_ not in ("NOUN", "PROPN"):
            return False
        clause = clause_verb(tok)
        if clause.i == tok.i or clause.dep_ not in ("advcl", "pcomp", "relcl"):
            return False
        above = clause_verb(clause.head)
        return any(c.is_trigger and v.token(c).i == above.i for cls in classes for c in v.by_class.get(cls, ()))
    return check


def _protesters_held(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """Arrests of demonstrators (or of activists who were protesting) are a protest met with force."""
    acts_words, protesters = words["protest_acts"], words["protesters"]
    marches = acts_words - words["not_marching"]

    def check(v: SentenceView, cue: Cue) -> bool:
        verb = clause_verb(v.token(cue))
        held = {t.lemma_.lower() for o in objects(verb) + subjects(verb)[1] for t in o.subtree}
        acts = [c for c in v.any("protest") if v.sent.doc[c.start].lemma_.lower() in acts_words]
        return bool(held & protesters) or bool(held & marches) or ("activist" in held and bool(acts))
    return check


def _protesters_struck(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """Protesters doing harm to what stands or to people: a verb of attack whose active subject is the
    protesters and whose object is a building, property, a post, armed men or people ("Protesters attacked the
    French embassy", "demonstrators assaulted a journalist"); not words aimed at a policy ("protesters attacked
    the government's plan")."""
    heads, things = words["protester_heads"], words["property"] | words["base_nouns"] | words["premises"]

    def struck(v: SentenceView, obj: Any) -> bool:
        return (obj.lemma_.lower() in things or obj.ent_type_ in ("PERSON", "FAC") or
                bool(v.cues_in([obj], "armed") or v.cues_in([obj], "civilian") or v.cues_in([obj], "heritage")))

    def check(v: SentenceView, cue: Cue) -> bool:
        for hit in v.any("attack"):
            verb = v.token(hit)
            if verb.pos_ != "VERB" or denied(verb) or not any(t.lemma_.lower() in heads for t in subjects(verb)[0]):
                continue
            if any(struck(v, o) for o in objects(verb)):
                return True
        return False
    return check


def _riot_word(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """A strong riot cue is a word for rioting itself (not stones or arson alone)."""
    riot = words["riot_words"]
    return lambda v, cue: bool({v.sent.doc[c.start].lemma_.lower() for c in v.strong("riot")} & riot)


# ------------------------------------------------------------------ fighting, territory


def _fought(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """Fighting or attack cues not negated by "without" ("without a fight"), or "under fire"."""
    def check(v: SentenceView, cue: Cue) -> bool:
        if any(t.lower_ == "fire" and t.head.lower_ == "under" for t in v.sent):
            return True
        return any(not without(v.token(c)) for c in v.strong("clash") + v.strong("attack"))
    return check


def _fought_there(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """A verb of going in joined to a verb of fighting, attack or abduction: "a column entered Diffa and fought the
    army", "rebels entered the town and clashed with soldiers" tell a battle, "gunmen stormed the village and
    abducted 23 worshippers", "stormed the village ..., shooting sporadically" an attack or an abduction, not a
    place held ("captured the town and fought off a counterattack" still tells the capture)."""
    entry = words["entry_verbs"]

    def joined(a: Any, b: Any) -> bool:
        return (a.dep_ in ("conj", "advcl") and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i)

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        return tok.lemma_.lower() in entry and any(joined(v.token(c), tok)
                                                   for c in v.strong("clash") + v.strong("attack") + v.strong("abduct"))
    return check


def _act_people(tok: Any, people: frozenset[str]) -> bool:
    """The token is a noun for the people of an abduction ("the kidnappers", "hostages")."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.lower_ in people


def _named_beside_act(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The trigger names people of an act ("the kidnappers", "the hostages") while a verb of fighting or
    attack tells what happened: "Marines pursuing the kidnappers clashed with 30 fighters" is the clash."""
    people = words["act_people"]

    return lambda v, cue: _act_people(v.token(cue), people) and any(
        v.token(c).pos_ == "VERB" for c in v.strong("clash") + v.strong("attack"))


def _people_only(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The trigger names people of an abduction in a sentence that tells no taking: "the kidnappers had called
    demanding a ransom", "the kidnappers are believed to be members of a gang" (not "Gunmen took 12 hostages",
    "Kidnappers seized three aid workers")."""
    people, take = words["act_people"], words["take_verbs"]

    return lambda v, cue: _act_people(v.token(cue), people) and \
        not any(t.pos_ == "VERB" and t.lemma_.lower() in take for t in v.sent) and \
        not any(v.token(c).pos_ == "VERB" for c in v.any("abduct"))


def _harmed(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The trigger word names who was harmed ("bandits killed three vigilantes", "a mob was fired on"):
    the object or the passive subject of a lethal or attack verb, not the doer."""
    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i:
            tok = tok.head.head   # "three of our vigilantes were killed": the count of them was harmed
        verb = tok.head
        if tok.dep_ not in ("dobj", "nsubjpass") or verb.i == tok.i:
            return False
        return any(v.token(c).i == verb.i for c in v.any("lethal") + v.any("attack"))
    return check


def _withdrawn_elsewhere(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """"X took the town after Y pulled out": a withdrawal in another clause than the taking; not one the taker
    forced ("overran a base, forcing soldiers to retreat"), nor the taker's own later retreat, told by a verb
    with no subject or agent of its own ("had briefly occupied the city before withdrawing")."""
    withdraw, forcing = words["withdraw"], words["forcing"]

    def check(v: SentenceView, cue: Cue) -> bool:
        taker = clause_verb(v.token(cue))
        return any(clause_verb(v.token(c)).i != taker.i and v.sent.doc[c.start].lemma_.lower() in withdraw
                   and v.token(c).head.lemma_.lower() not in forcing and not _takers_own(v.token(c))
                   for c in v.any("transfer"))
    return check


def _takers_own(tok: Any) -> bool:
    """A withdrawal verb told without a subject or agent of its own, as a gerund ("before withdrawing")."""
    return tok.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in tok.children)


def _sought(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """"fought for control of the road": the prize of a fight, not (yet) a capture."""
    preps = words["sought_preps"]

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        return tok.dep_ == "pobj" and tok.head.lower_ in preps
    return check


def _casualties_same_clause(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """Casualties in the trigger's clause ("stormed the base, killing 41"), not beyond a semicolon ("overran a base,
    seizing weapons; the army has not said how many troops were killed")."""
    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        verb = clause_verb(tok)
        return any(same_clause(clause_verb(v.token(c)), verb) and not _in_other_relative(v.token(c), tok)
                   and not semicolon_between(v.token(c), tok) for c in v.any("lethal"))
    return check


def _in_other_relative(tok: Any, trigger: Any) -> bool:
    """The word lies in a relative clause about another noun than the trigger ("seized Goma after days of
    fighting in which 3,000 people were killed": the fighting's dead)."""
    for a in [tok, *tok.ancestors]:
        if a.dep_ == "relcl":
            return not (a.head.i == trigger.i or a.left_edge.i <= trigger.i <= a.right_edge.i)
    return False


def _during_battle(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The sentence places the strike "during"/"amid" a ground battle."""
    preps = words["battle_preps"]
    return lambda v, cue: any(v.token(c).dep_ == "pobj" and v.token(c).head.lower_ in preps
                              for c in v.strong("clash"))


def _aircraft_strikes(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """"Turkish drones struck a vehicle": an aircraft word as the doer of a strike verb."""
    verbs, keep = words["air_verbs"], words["air_keep_verbs"]

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        while tok.dep_ == "compound" and tok.head.i != tok.i:
            tok = tok.head   # "air force planes bombed a market": the air word names the doer's kind
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "agent" else tok.head
        if tok.dep_ not in ("nsubj", "pobj"):
            return False
        if verb.lemma_.lower() in keep:   # "continued the bombing": its object is a strike
            return any(c.dep_ in ("dobj", "obj") and any(v.cues_in([c], k) for k in ("attack", "air", "shell", "ied"))
                       for c in verb.children)
        return verb.lemma_.lower() in verbs
    return check


def _state_strikes(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """"Israeli strikes killed 12 people in Rafah", "US and British strikes hit the airbase": "strikes" qualified by
    a country, a people or a state force, the doer of a verb of striking (not a labour strike: it hits nothing)."""
    verbs, state = words["air_verbs"], words["state_words"]

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        if tok.lower_ not in ("strikes", "strike") or tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass"):
            return False
        mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
        mods += [d for c in mods for d in c.conjuncts]   # "US and British strikes"
        if not any(c.i in v.places or c.lower_ in state for c in mods) or \
                any(v.cues_in([c], k) for c in mods for k in ("shell", "ied", "protest")):
            return False   # "missile strikes" are a missile attack; "rail strikes" a labour dispute
        verb = tok.head
        return verb.lemma_.lower() in verbs or tok.dep_ == "nsubjpass"
    return check


def _names_a_bombing(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The trigger tells what a bombing told by its name did or was ("The Hipercor bombing was an attack
    carried out by ETA", "The 2013 bombing killed three people", "the Omagh bombing"): a place, a venue, an event
    or a year names it. A country, a people or an armed force before it names the bomber ("NATO bombing", "the
    US bombing"): not this."""
    nouns = words[arg]

    def named(noun: Any) -> bool:
        from eventwire.resolve.actors import load_actor_dictionary

        mods = [c for c in noun.children if c.dep_ in ("compound", "nmod", "amod", "nummod") and c.i < noun.i]
        if any(c.like_num and len(c.text) == 4 and c.text.isdigit() for c in mods):
            return True
        names = [c for c in mods if c.pos_ == "PROPN" or (c.pos_ == "ADJ" and c.is_title)]
        if not names:
            return False
        actors = load_actor_dictionary()
        phrase = noun.doc[min(c.left_edge.i for c in names):noun.i]
        return not actors.country_of(phrase.text) and not any(actors.find(phrase))

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        if tok.dep_ == "attr":   # "The Hipercor bombing was an attack"
            verb = tok.head
        elif tok.pos_ == "VERB":   # "The 2013 bombing killed three people" (not "compared with the attack of ...")
            verb = tok
        else:
            return False
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in nouns and named(c) for c in verb.children)
    return check


def _detonation(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """An explosive going off: "a bomb exploded", "detonated explosives", "blast"."""
    detonate = words["detonate"]
    return lambda v, cue: any(v.sent.doc[c.start].lemma_.lower() in detonate for c in v.any("attack") + v.any("ied"))


def _handed_over(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """A person given up or giving himself up ("he was surrendered to Belgium", "the suspect surrendered to
    police"): an extradition or an arrest's prelude, no agreement between the sides of a conflict."""
    individuals, suspects = words["individuals"], words["suspects"]

    def one(d: Any) -> bool:
        return d.lower_ in individuals or (d.lemma_.lower() in suspects and d.tag_ == "NN")

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in words["handover_verbs"]:
            return False
        active, passive = subjects(tok)
        return bool(passive) or (bool(active) and all(one(d) for d in active))
    return check


def _among_arms(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The weapon is one of several arms named together ("with gun trucks and rocket-propelled grenades", "clashes
    involving machine guns and RPGs"): the means of a fight or an assault, not an attack of that weapon's own."""
    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        others = [t for t in tok.conjuncts if not cue.start <= t.i < cue.end]
        return any(v.cues_in([t, *t.lefts], "weapon") for t in others)
    return check


def _adjunct_of(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The trigger's clause hangs on a verb that is a cue of these classes, as a participle or a second verb of
    the same doer: "police arrested four men in a flat, seizing pistols", "arrested two suspects in a raid and
    recovered explosives" tell the arrest, the weapons found in it a detail of it."""
    classes = tuple(arg.split(","))

    def check(v: SentenceView, cue: Cue) -> bool:
        verb = clause_verb(v.token(cue))
        if verb.dep_ not in ("conj", "advcl") or verb.head.i == verb.i:
            return False
        if verb.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return False   # "police arrested two men and troops seized a cache": two doers, two happenings
        return any(v.cues_in([verb.head], cls) for cls in classes)
    return check


def _unarmed_sides(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The sides of the fight are all communities or crowds by their own head word: "clashes between
    Christians and Muslims", "Hindus and Muslims clashed", "supporters clashed with villagers"; not
    "members of ARSA", not a group whose name holds such a word ("Group for the Support of Islam and
    Muslims"), not people who fled "during the fighting"."""
    sides_words, between, with_ = words["unarmed_sides"], words["between"], words["with"]

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        sides = prep_objects(tok, between)
        if tok.pos_ == "VERB":
            sides += subjects(tok)[0] + prep_objects(tok, with_)
        sides = [c for d in sides for c in (d, *d.conjuncts)]
        return bool(sides) and all(t.lemma_.lower() in sides_words or t.lower_ in sides_words for t in sides)
    return check


def _armed_not_police(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """Armed men or weapons other than the police."""
    police = words["police"]
    return lambda v, cue: any(v.sent.doc[c.start].lemma_.lower() not in police
                              for c in v.any("armed") + v.any("weapon"))


# ------------------------------------------------------------------ agreements, changes


def _frame_only(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """"the truce areas", "the third day of the ceasefire", "talks for an agreement", "despite the
    truce", "forces violated the truce": the agreement is a frame of reference, not the news; "proposed a
    ceasefire", "in search of a deal": one not reached is none."""
    broken, frames, preps = words["broken"], words["frame_nouns"], words["frame_preps"]
    time_marks, harm, unreached = words["time_marks"], words["harm_verbs"], words["unreached"]

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        if tok.dep_ in ("compound", "amod", "nmod"):
            return True
        head = tok.head
        if (tok.dep_ == "dobj" and head.lemma_.lower() in unreached) or \
                (tok.dep_ == "pobj" and head.lower_ in ("of", "for") and head.head.lemma_.lower() in unreached):
            return True   # "proposes a nationwide ceasefire", "in search of a ceasefire", "at the threshold of a deal"
        if tok.dep_ in ("dobj", "nsubj", "nsubjpass") and head.lemma_.lower() in broken:
            return True
        if tok.dep_ == "pobj" and head.lower_ in preps:
            return True
        if tok.dep_ == "nsubj" and head.lemma_.lower() in harm:
            return True   # "False truce kills 12 civilians": the deaths are the news, the truce their frame
        if tok.dep_ in ("nsubj", "nsubjpass", "dobj") and any(
                c.dep_ == "mark" and c.lower_ in time_marks for c in clause_verb(tok).children):
            return True   # a time it is told by: "days after the Minsk ceasefire was supposed to take effect"
        return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in frames
    return check


def _fell_in(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """"Eight Maoists killed in encounter", "two soldiers died in combat": a death word whose "in" or
    "during" phrase names the fight the dead fell in."""
    preps, deaths, fights = words["battle_preps"], words["death_words"], words["fight_nouns"]

    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        return tok.lemma_.lower() in deaths and any(
            p.dep_ == "prep" and p.lower_ in preps and any(o.dep_ == "pobj" and o.lemma_.lower() in fights
                                                           for o in p.children) for p in tok.children)
    return check


def _main_news(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    """The trigger is the main clause's verb or one of its core arguments."""
    def check(v: SentenceView, cue: Cue) -> bool:
        tok = v.token(cue)
        verb = clause_verb(tok)
        main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
        return main and (tok.i == verb.i or tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"))
    return check


def two_parties(verb: Any) -> bool:
    """"X and Y agreed", "X signed a deal with Y": an agreement needs two sides."""
    active = subjects(verb)[0]
    return any(t.conjuncts for t in active) or bool(prep_objects(verb, frozenset({"with", "between"})))


def swapped(verb: Any, words: Words) -> bool:
    """"X and Y exchanged 400 prisoners of war": a prisoner or body exchange is an agreement (ACLED)."""
    if verb.lemma_.lower() not in words["exchange_verbs"]:
        return False
    return any(t.lemma_.lower() in words["swapped"] for o in objects(verb) for t in o.subtree)


def _two_parties(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    return lambda v, cue: two_parties(v.token(cue))


def _swapped(words: Words, arg: str, via: tuple[str, ...]) -> Check:
    return lambda v, cue: swapped(v.token(cue), words)


def _moved_heads(v: SentenceView, cue: Cue, words: Words) -> tuple[str, set[str]]:
    """The trigger's lemma and the lemmas of what it moves, forms or leaves."""
    tok = v.token(cue)
    lemma = tok.lemma_.lower()
    targets = objects(tok) + subjects(tok)[1] + prep_objects(tok, words["from"])
    # "troops are redeploying"; not a sayer whose clause tells what ("The Council announced that the army will ...")
    if not objects(tok) and lemma not in words["pull_back"] and not any(_told_clause(c) for c in tok.children):
        targets += subjects(tok)[0]
    return lemma, {c.lemma_.lower() for o in targets for c in o.subtree}


def _told_clause(tok: Any) -> bool:
    """A clause a verb tells, opened by "that" or with its own "will" ("announced that the army will launch")."""
    return tok.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" or
                                       c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll")
                                       for c in tok.children)


def _lemma_and_heads(verbs: str, nouns: str) -> Callable[[Words, str, tuple[str, ...]], Check]:
    def make(words: Words, arg: str, via: tuple[str, ...]) -> Check:
        vs, ns = words[verbs], words[nouns]

        def check(v: SentenceView, cue: Cue) -> bool:
            lemma, heads = _moved_heads(v, cue, words)
            return lemma in vs and bool(heads & ns)
        return check
    return make


CONDITIONS: Mapping[str, Condition] = MappingProxyType({
    # generic: cue classes, the trigger word, the sentence's words
    "has": Condition(_has, "classes"),
    "has-strong": Condition(_has_strong, "classes"),
    "has-beside": Condition(_has_beside, "classes"),
    "carried-by": Condition(_carried_by, "classes"),
    "dropped-by": Condition(_dropped_by, "classes", sets=("drop_verbs",)),
    "weak": Condition(_weak),
    "verb": Condition(_verb),
    "passive": Condition(_passive),
    "lemma": Condition(_lemma, "words"),
    "first-word": Condition(_first_word, "words"),
    "first-word-cased": Condition(_first_word_cased, "words"),
    "sentence-lemma": Condition(_sentence_lemma, "words"),
    "sentence-word": Condition(_sentence_word, "words"),
    "violence": Condition(_violence, sets=("violent_classes",)),
    "violence-beside": Condition(_violence_beside, sets=("violent_classes",)),
    # who does it, to whom
    "doer": Condition(_doer, "doer", ("state_words", "nonstate_words", "partisans", "individuals", "lone_persons")),
    "target": Condition(_target, "target"),
    # protests
    "lethal-by-state": Condition(_lethal_by_state, sets=("state_words", "nonstate_words", "protester_heads")),
    "intervened": Condition(_intervened, sets=("earlier_preps", "police_present", "demand_verbs", "avoid_verbs")),
    "demonstrated-something": Condition(_shown),
    "gathered-to-demand": Condition(_gathered, sets=("demanding",)),
    "setting-of-violence": Condition(_setting_of_violence, sets=("violent_classes",)),
    "protesters-held": Condition(_protesters_held, sets=("protest_acts", "protesters", "not_marching")),
    "protesters-struck": Condition(_protesters_struck, sets=("protester_heads", "property", "base_nouns", "premises")),
    "riot-word": Condition(_riot_word, sets=("riot_words",)),
    # fighting and territory
    "fought": Condition(_fought),
    "fought-there": Condition(_fought_there, sets=("entry_verbs",)),
    "named-beside-act": Condition(_named_beside_act, sets=("act_people",)),
    "people-only": Condition(_people_only, sets=("act_people", "take_verbs")),
    "withdrawn-elsewhere": Condition(_withdrawn_elsewhere, sets=("withdraw", "forcing")),
    "sought": Condition(_sought, sets=("sought_preps",)),
    "casualties-same-clause": Condition(_casualties_same_clause),
    "harmed": Condition(_harmed),
    "during-battle": Condition(_during_battle, sets=("battle_preps",)),
    "fell-in": Condition(_fell_in, sets=("battle_preps", "death_words", "fight_nouns")),
    "aircraft-strikes": Condition(_aircraft_strikes, sets=("air_verbs", "air_keep_verbs")),
    "state-strikes": Condition(_state_strikes, sets=("air_verbs", "state_words")),
    "detonation": Condition(_detonation, sets=("detonate",)),
    "names-a-bombing": Condition(_names_a_bombing, "words"),
    "armed-not-police": Condition(_armed_not_police, sets=("police",)),
    "among-arms": Condition(_among_arms),
    "adjunct-of": Condition(_adjunct_of, "classes"),
    "handed-over": Condition(_handed_over, sets=("individuals", "suspects", "handover_verbs")),
    "unarmed-sides": Condition(_unarmed_sides, sets=("unarmed_sides", "between", "with")),
    # agreements and changes
    "frame-only": Condition(_frame_only, sets=("broken", "frame_nouns", "frame_preps", "time_marks",
                                                "harm_verbs", "unreached")),
    "main-news": Condition(_main_news),
    "two-parties": Condition(_two_parties),
    "swapped": Condition(_swapped, sets=("exchange_verbs", "swapped")),
    "forces-moved": Condition(_lemma_and_heads("move_verbs", "force_nouns"),
                              sets=("move_verbs", "force_nouns", "from", "pull_back")),
    "group-formed": Condition(_lemma_and_heads("form_verbs", "group_nouns"),
                              sets=("form_verbs", "group_nouns", "from", "pull_back")),
    "base-left": Condition(_lemma_and_heads("leave_base_verbs", "base_nouns"),
                           sets=("leave_base_verbs", "base_nouns", "from", "pull_back")),
})
