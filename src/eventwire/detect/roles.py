"""Actor roles from the dependency parse: actor1 (doer / side A), actor2 (target / side B), associates.

Active subject and passive "by" agent give actor1; direct object, passive
subject and "against/on X" give actor2; "with X support", "aided/backed by X"
give associated actors of actor1; "clashes between X and Y" and "fought with
Y" give both sides. Phrases are normalised through the actor dictionary
(``eventwire.resolve.actors``); "the group", "it", "the extremists" go through
its anaphor resolver with the actors seen so far in the document.

When the trigger's own clause names no doer, the rest of the sentence is read,
nearest evidence first (``_find_doer``): the owner of a weapon ("the regime's
warplanes"), "shelling of X", the doer of a nested act ("dead in shelling by
X"), a coordinated clause about the same operation ("X took two villages and
heavy shelling hit ..."), a claimant ("X claimed responsibility"). The victims'
side comes from the named subset of the dead ("56 killed including 14 members
of X", "in the ranks of X", "32 of X") and from the holder of a targeted place
("villages held by X", "a checkpoint of X"). Word classes are data
(``[roles]`` in ``data/actors.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.detect.view import agents, clause_verb, objects, prep_objects, semicolon_between, subjects
from eventwire.records import Actor, Span

FALL_VERBS = frozenset({"fall"})   # a place "fell to" its taker
SUPPORT_VERBS = frozenset({"aid", "back", "support", "assist", "help", "accompany", "reinforce", "cover"})
SUPPORT_NOUNS = frozenset({"support", "backing", "help", "assistance", "cover", "aid"})
DOER_VERBS = frozenset({"carry", "launch", "conduct", "stage", "mount", "claim", "perpetrate", "commit",
                        "unleash", "lead", "organise", "organize", "hold", "begin", "start", "wage",
                        "execute", "fire", "drop", "use", "plant", "detonate", "throw", "hurl", "lob"})
TARGET_PREPS = frozenset({"against", "on", "at", "targeting", "upon", "into"})
ANAPHORS = frozenset({"it", "they", "them", "its", "their", "he", "she", "group", "extremists", "militants",
                      "jihadists", "insurgents", "rebels", "terrorists", "fighters", "movement",
                      "organisation", "organization", "outfit"})
CIVILIAN_TYPES = ("civilian",)
CIVILIAN_WORDS = ("civilian", "citizen", "child", "women", "woman", "resident", "villager", "worker", "student")
PROTEST_TYPES = frozenset({"Protesters", "Rioters"})
STATE_TYPE = "State forces"
UNIDENTIFIED = "Unidentified"   # the generic actors' names: "Unidentified Armed Group (Nigeria)"
ARMED = frozenset({"Rebel group", "Political militia", "Identity militia", "External/Other"})
# "in the ranks of X", "5 members of X", "losses among X": the dead belong to X (actor2 of a killing)
VICTIM_HEADS = frozenset({"rank", "ranks", "member", "members", "element", "elements", "casualty", "casualties",
                          "loss", "losses", "death", "deaths", "fighter", "fighters", "personnel", "soldier",
                          "soldiers", "dead", "body", "bodies", "martyr", "martyrs"})
VICTIM_PREPS = frozenset({"of", "from", "among", "for", "in"})
VICTIM_PREDICATES = frozenset({"dead"})
RESULT_STATES = frozenset({"dead", "alive"})   # "shot dead", "burned alive": the state the victims were left in
ATTACK_NOUNS = frozenset({"attack", "attacks", "airstrike", "airstrikes", "strike", "strikes", "raid", "raids",
                          "bombing", "bombings", "shelling", "bombardment", "ambush", "assault", "offensive"})
DEATH_VERBS = frozenset({"die", "kill", "perish", "fall"})
DEATH_NOUNS = frozenset({"casualties", "losses", "deaths", "martyrs", "dead"})
SUBSET_PREPS = frozenset({"including", "among"})
CLAIM_VERBS = frozenset({"say", "claim", "announce", "state", "confirm", "report", "admit", "declare", "boast"})


@dataclass(slots=True)
class Roles:
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: list[Actor] = field(default_factory=list)
    assoc_actor_2: list[Actor] = field(default_factory=list)
    civilian_targeting: bool = False
    victims: Any = None      # the head of a named subset of the dead ("including 14 members of X"), if actor2 is it
    claimed_by: Actor | None = None   # the doer a later sentence's claim or blame names, when the event's own names none


@dataclass(slots=True)
class ActorLookup:
    """Normalises a phrase head to a canonical Actor using one sentence's dictionary hits."""

    dictionary: Any
    hits: list[tuple[Any, Actor]]
    previous: list[Actor]
    country: str | None = None

    def actor(self, tok: Any) -> Actor | None:
        span = _phrase(tok)
        if _is_anaphor(span, tok):
            found = self._anaphor(span, tok)
            if found is not None:
                return found
        inside = [(h, a) for h, a in self.hits if span.start <= h.start and h.end <= span.end]
        named = [(h, a) for h, a in inside if _proper(h)]
        at_head = [(h, a) for h, a in self.hits if h.start <= tok.i < h.end]
        if at_head and at_head[0][1].name.startswith(UNIDENTIFIED):
            member = self._group_of(tok)   # "Gunmen from the West Papua National Liberation Army (TPNPB)"
            if member is not None:
                return member
        if at_head and not (named and not _proper(at_head[0][0])):   # "Fighters of the SDF" are the SDF's
            return _with_span(at_head[0][1], at_head[0][0])
        if named or inside:
            hit, actor = (named or inside)[0]
            return _with_span(actor, hit)
        return self._resolve(span) or self._owner(tok)

    def _group_of(self, tok: Any) -> Actor | None:
        """The named group that generic fighters belong to: "gunmen of the CJNG", "militants from the Maute group"."""
        for obj in prep_objects(tok, frozenset({"of", "from"})):
            for hit, actor in self.hits:
                if obj.left_edge.i <= hit.start and hit.end <= obj.right_edge.i + 1 and actor.type in ARMED and \
                        not actor.name.startswith(UNIDENTIFIED):
                    return _with_span(actor, hit)
        return None

    def _owner(self, tok: Any) -> Actor | None:
        """The owner of a weapon is its doer: "the regime's warplanes", "bullets of ISIS", "regime
        aircraft" (an owner word that is no actor by itself is tried as "<word> forces")."""
        if tok.lower_ not in getattr(self.dictionary, "instrument_nouns", ()):
            return None
        owners = [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        for owner in owners + prep_objects(tok, frozenset({"of"})):
            actor = self.actor(owner) if owner.lower_ not in getattr(self.dictionary, "instrument_nouns", ()) else None
            if actor is None and owner.pos_ in ("NOUN", "PROPN", "ADJ"):
                actor = self._as_forces(owner)
            if actor is not None and actor.type != "Civilians":
                return actor
        return None

    def _as_forces(self, tok: Any) -> Actor | None:
        """A word that is no actor by itself read as "<word> forces" ("regime" -> the story's state forces)."""
        found = self.dictionary.resolve(f"{tok.text} forces", context_country=self.country)
        return _with_span(found, tok.doc[tok.i:tok.i + 1]) if found is not None else None

    def _anaphor(self, span: Any, tok: Any) -> Actor | None:
        claimant = self._claimant(tok) or self._possessor(tok)
        if claimant is not None:
            return claimant
        if self.dictionary is None or not self.previous:
            return None
        form = tok.lower_ if tok.pos_ == "PRON" else f"the {tok.lower_}"
        actor = self.dictionary.resolve_anaphor(form, list(self.previous))
        return _with_span(actor, span) if actor is not None else None

    def _claimant(self, tok: Any) -> Actor | None:
        """"X says it killed ...", "X claimed they had shot down ...": a pronoun subject of a clause
        reported by a claim verb is that verb's subject."""
        if tok.pos_ != "PRON" or tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = tok.head
        while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
            clause = clause.head
        verbs = getattr(self.dictionary, "claim_verbs", None) or CLAIM_VERBS
        if clause.dep_ not in ("ccomp", "parataxis") or clause.head.lemma_.lower() not in verbs:
            return None
        for subj in subjects(clause.head)[0]:
            if subj.pos_ != "PRON":
                return self.actor(subj)
        return None

    def doer(self, tok: Any) -> Actor | None:
        """The actor of a doer head; a bare country name that does a violent act stands for its forces
        ("shelling by Turkey", "Israel struck ...")."""
        actor = self.actor(tok)
        if actor is None and self.dictionary is not None and tok.dep_ in ("compound", "amod") and \
                tok.lemma_.lower() in getattr(self.dictionary, "doer_modifiers", ()):
            return self._as_forces(tok)   # "regime bombardment"
        if actor is not None or self.dictionary is None or not (tok.ent_type_ == "GPE" or tok.pos_ == "PROPN"):
            return actor
        country = self.dictionary.country_of(_phrase(tok).text)
        found = self.dictionary.resolve("government forces", context_country=country) if country else None
        return _with_span(found, _phrase(tok)) if found is not None else None

    def people_of(self, tok: Any) -> Actor | None:
        """A people named by its plural demonym as those harmed ("at least 170 Afghans killed", "12 Syrians died"):
        that country's civilians."""
        if self.dictionary is None or tok.tag_ not in ("NNPS", "NNS") or not tok.text[:1].isupper() or \
                not tok.text.endswith("s"):
            return None
        country = self.dictionary.country_of(tok.text[:-1])
        found = self.dictionary.resolve("civilians", context_country=country) if country else None
        return _with_span(found, tok.doc[tok.i:tok.i + 1]) if found is not None else None

    def _possessor(self, tok: Any) -> Actor | None:
        """"X renew their shelling on ...", "X lost its positions": a possessive pronoun on the object
        of a clause is that clause's subject."""
        if tok.pos_ != "PRON" or tok.dep_ != "poss" or tok.head.dep_ not in ("dobj", "obj", "pobj"):
            return None
        for subj in subjects(clause_verb(tok.head))[0]:
            if subj.pos_ != "PRON":
                return self.actor(subj)
        return None

    def _resolve(self, span: Any) -> Actor | None:
        if self.dictionary is None:
            return None
        actor = self.dictionary.resolve(span.text, context_country=self.country)
        if actor is None:
            norp = [t for t in span if t.ent_type_ == "NORP" and t.dep_ in ("amod", "compound")]
            if norp:  # "Russian air power", "Turkish jets": that country's forces
                actor = self.dictionary.resolve(f"{norp[0].text} forces", context_country=self.country)
        return _with_span(actor, span) if actor is not None else None


def _proper(span: Any) -> bool:
    """A name, not a common noun that opens a sentence or a title-case headline ("Fighters of ...")."""
    return any(t.is_upper and len(t) > 1 or (t.is_title and t.pos_ == "PROPN" and not t.is_sent_start)
               for t in span)


def _with_span(actor: Actor, span: Any) -> Actor:
    return Actor(actor.name, actor.type, actor.country, span.text,
                 Span(span.start_char, span.end_char, span.text))


def _phrase(tok: Any) -> Any:
    """The noun phrase of a head token, without relative clauses or trailing modifiers."""
    doc = tok.doc
    start = tok.left_edge.i
    end = tok.i + 1
    if start < tok.i and tok.idx - tok.sent.start_char < 80:   # "POPAYAN, Colombia - Guerrillas": not the dateline
        from eventwire.parse import dateline_end

        sent = tok.sent
        filed = dateline_end(sent)
        if filed is not None and tok.idx - sent.start_char >= filed:
            start = max(start, next(t.i for t in sent if t.idx - sent.start_char >= filed))
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "appos") or (child.dep_ == "prep" and child.lower_ == "of"):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ in ("acl", "relcl"):
            break   # what follows a clause on the head is no part of its name ("hunters accused of ..., X region")
    return doc[start:end]


def _is_anaphor(span: Any, tok: Any) -> bool:
    """"it", "they", "the group", "the extremists", "over 100 militants": a back-reference."""
    if tok.pos_ == "PRON":
        return True
    if tok.lower_ not in ANAPHORS:
        return False
    mods = [t for t in span if t.i != tok.i]
    return all(t.lower_ in ("the", "this", "these", "those") or t.like_num or t.dep_ in ("quantmod", "nummod")
               for t in mods)


def _conj_heads(toks: list[Any]) -> list[Any]:
    return [c for t in toks for c in [t, *t.conjuncts] if c.pos_ in ("NOUN", "PROPN", "PRON") or c.ent_type_]


def _noun_doers(trig: Any, forces: frozenset[str] = frozenset()) -> list[Any]:
    """Doers of a noun trigger: "IS attack", "Russian air strikes", "police raid" (a common noun of ``forces``: data
    ``doer_modifiers``), "attack by X", "a missile fired by X"."""
    forces = frozenset() if trig.lower_ in VICTIM_HEADS else forces   # "military losses" are no military's deed
    doers = [c for c in trig.children if c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod") and
             (c.ent_type_ or c.pos_ == "PROPN" or c.lower_ in ANAPHORS or c.lemma_.lower() in forces)]
    doers += prep_objects(trig, frozenset({"by", "from"}))
    # "a missile fired by Ansar Allah", "strikes carried out by the coalition", "a drone operated by the RSF"
    doers += [g for c in trig.children if c.dep_ == "acl" and c.tag_ == "VBN" for g in agents(c)]
    if not doers and trig.dep_ in ("dobj", "obj") and trig.head.lemma_.lower() in DOER_VERBS:
        doers = subjects(trig.head)[0]
    return doers


def _sides(trig: Any, victim_verbs: frozenset[str] = frozenset(), victim_objects: frozenset[str] = frozenset(),
           forces: frozenset[str] = frozenset()) -> tuple[list[Any], list[Any], list[Any]]:
    """(side A heads, side B heads, associates of A) for a trigger token (``forces``: see ``_noun_doers``)."""
    if trig.dep_ in ("amod", "compound") and trig.head.pos_ == "NOUN" and trig.head.dep_ in ("nsubj", "nsubjpass"):
        trig = trig.head  # "a booby-trapped car exploded at ...": the sides of the car's clause
    verb = clause_verb(trig)
    if trig.pos_ in ("NOUN", "PROPN"):
        return _noun_sides(trig, verb, forces)
    return _verb_sides(verb, victim_verbs, victim_objects, forces)


def _and_after(side: Any) -> list[Any]:
    """The other side of "between X and Y" where the parse hung Y elsewhere ("clashes between regime forces and IS",
    "IS" read as a verb): the word right after "and" that closes X's phrase."""
    doc, end = side.doc, side.right_edge.i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "and" and doc[end + 1].is_alpha and \
            (doc[end + 1].pos_ in ("PROPN", "NOUN") or doc[end + 1].is_upper or doc[end + 1].is_title):
        return [doc[end + 1]]
    return []


def _noun_sides(trig: Any, verb: Any, forces: frozenset[str] = frozenset()) -> tuple[list[Any], list[Any], list[Any]]:
    side_a = _noun_doers(trig, forces)
    side_b = prep_objects(trig, TARGET_PREPS | {"with", "of"})
    if trig.dep_ in ("dobj", "obj") and trig.head.lemma_.lower() in DOER_VERBS:
        side_b += prep_objects(trig.head, TARGET_PREPS)  # "fired tear gas at protesters"
    if trig.dep_ in ("nsubj",):  # "a car bomb exploded at a checkpoint of X", "... hit a base of X"
        side_b += [o for o in objects(verb) if o.pos_ != "PRON"] + prep_objects(verb, TARGET_PREPS | {"outside"})
    between = prep_objects(trig, frozenset({"between"}))
    if between:
        return between[:1], ([c for c in between[0].conjuncts] or _and_after(between[0]))[:1], []
    if not side_a and trig.dep_ == "pobj" and verb.i != trig.i:
        clause_a, clause_b, assoc = _verb_sides(verb)
        return clause_a, side_b or [t for t in clause_b if t.i != trig.i], assoc
    if trig.dep_ == "pobj" and verb.i != trig.i and verb.pos_ == "VERB":
        # "Three villagers killed in a Russian airstrike": the clause's victims are the strike's
        side_b += [t for t in _verb_sides(verb)[1] if t.i != trig.i and t.i not in {a.i for a in side_a}]
    return side_a, side_b, []


def _headline_passive(verb: Any, active: list[Any], victim_objects: frozenset[str]) -> bool:
    """"20 hostages and 2 police officers killed", "Twelve soldiers martyred as ...", "three residents burned
    alive", "two police officers found shot dead": a verb whose object is the victim (or that leaves them
    "alive" no more), in the past form with no object (the state they were left in is none) and no auxiliary,
    after counted people - a headline's passive."""
    alive = any(c.lower_ == "alive" and c.dep_ in ("acomp", "oprd", "advmod", "xcomp") for c in verb.children)
    return verb.tag_ in ("VBD", "VBN") and (verb.lemma_.lower() in victim_objects or alive) and \
        not [o for o in objects(verb) if o.lower_ not in RESULT_STATES] and \
        not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and \
        all(any(c.dep_ == "nummod" for c in t.children) for t in _conj_heads(active))


def _verb_sides(verb: Any, victim_verbs: frozenset[str] = frozenset(), victim_objects: frozenset[str] = frozenset(),
                forces: frozenset[str] = frozenset()) -> tuple[list[Any], list[Any], list[Any]]:
    active, passive = subjects(verb)
    if active and (verb.dep_ == "acl" and verb.tag_ == "VBN" and active == [verb.head] and not objects(verb)
                   or verb.pos_ == "ADJ" and verb.lower_ in VICTIM_PREDICATES
                   or verb.lemma_.lower() in victim_verbs or _headline_passive(verb, active, victim_objects)):
        # "Turkish soldier killed in ...", "16 ISIS dead", "12 died": the victims, every one of them ("20 hostages
        # and 2 police officers killed")
        active, passive = [], _conj_heads(active)
    if not active and not passive:
        active = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "dep", "npadvmod")
                  and c.i < verb.i and (c.ent_type_ or c.pos_ == "PROPN")]
    taker = prep_objects(verb, frozenset({"to"})) if verb.lemma_.lower() in FALL_VERBS else []
    if taker:   # "Raqqa fell to the SDF": the one it fell to took it; the place is no side
        return taker, [], []
    by = agents(verb)
    if not by and verb.tag_ == "VBG":  # "shelling by the regime forces" parsed as a gerund
        by = prep_objects(verb, frozenset({"by"}))
    if verb.lemma_.lower() in SUPPORT_VERBS and passive:
        return passive, [], by
    # "A raid by bandits killed 12", "a police raid left two dead": the doer of the attack that is the subject
    side_a = active + by + [d for n in active if n.lower_ in ATTACK_NOUNS for d in _noun_doers(n, forces)]
    if not side_a and passive:  # "killed in an Islamic State attack", "died in Russian airstrikes"
        side_a = [d for n in prep_objects(verb, frozenset({"in", "during", "by"})) if n.lower_ in ATTACK_NOUNS
                  for d in _noun_doers(n, forces)]
    side_b = objects(verb) + passive + prep_objects(verb, TARGET_PREPS | {"with"})
    return side_a, side_b, []


def _support(verb: Any, side_a: list[Any]) -> list[Any]:
    """Associates from "with X support" / "with the support of X" / "backed by X" on a verb or side A."""
    found = []
    for head in side_a:
        for child in head.children:
            if child.dep_ in ("acl", "advcl", "relcl") and child.lemma_.lower() in SUPPORT_VERBS:
                found += agents(child)
    for obj in prep_objects(verb, frozenset({"with", "alongside"})):
        if obj.lemma_.lower() in SUPPORT_NOUNS:
            found += [c for c in obj.children if c.dep_ in ("amod", "compound", "poss")]
            found += prep_objects(obj, frozenset({"of", "from"}))
        elif obj.lemma_.lower() not in SUPPORT_NOUNS and verb.pos_ == "VERB" and obj.dep_ == "pobj":
            continue
    for child in verb.children:
        if child.dep_ in ("advcl", "acl") and child.lemma_.lower() in SUPPORT_VERBS:
            found += agents(child)
    return found


def find_roles(trig: Any, lookup: ActorLookup, *, civilian_words: frozenset[str], opposing: bool = False,
               event_type: str | None = None) -> Roles:
    """Roles for the event whose trigger head token is ``trig``: the trigger's own syntax first,
    then the doer and the victims' side from the rest of the sentence; with ``opposing``
    (battles) both sides. ``event_type``: civilians do no violence of that type (``_unnamed_doer``)."""
    side_a, side_b, assoc = _sides(trig, getattr(lookup.dictionary, "victim_subject_verbs", frozenset()),
                                   getattr(lookup.dictionary, "victim_object_verbs", frozenset()),
                                   getattr(lookup.dictionary, "doer_modifiers", frozenset()))
    assoc += _support(clause_verb(trig), side_a)
    roles = Roles()
    roles.actor1 = _first_actor(_conj_heads(side_a) + [t for t in side_a if t.pos_ == "ADJ" and not t.ent_type_],
                                lookup, doer=True)   # the tagger's adjectives: "a rebel attack", "militant raid"
    roles.actor2 = _first_actor(_conj_heads(side_b), lookup, doer=opposing) or _holder(side_b, lookup) or (
        None if opposing else next(filter(None, map(lookup.people_of, _conj_heads(side_b))), None))
    if roles.actor1 is None:
        _find_doer(trig, lookup, roles, side_b)
    if roles.actor1 is not None and roles.actor1.name.startswith(UNIDENTIFIED):
        _claimed_by_name(trig, lookup, roles)
    roles.assoc_actor_1 = _all_actors(_conj_heads(assoc), lookup, exclude=roles.actor1)
    if roles.actor2 is None or _generic_victims(roles.actor2):
        _named_victims(trig.sent, lookup, roles)
    if opposing:
        _battle_sides(trig, lookup, roles)
    if roles.victims is None:  # "142 killed including 10 members of X" in a clash where X is side A
        found = _victim_side(trig.sent, lookup, None)
        if found is not None and any(a is not None and a.name == found[0].name for a in (roles.actor1, roles.actor2)):
            roles.victims = found[1]
    if roles.actor2 is None and not side_b:
        roles.actor2 = _adjacent_target(trig, lookup, roles.actor1)
    if roles.actor2 is None and event_type == "Violence against civilians":
        roles.actor2 = _named_person(side_b, lookup)
    _protesters_first(trig, lookup, roles)
    if event_type is not None:
        _unnamed_doer(roles, lookup, event_type)
    if roles.actor1 and roles.actor2 and roles.actor1.name == roles.actor2.name:
        roles.actor2 = None
    roles.civilian_targeting = _civilian(roles.actor2, side_b, civilian_words)
    return roles


# ACLED's civilians are only ever the ones acted upon: people who riot are rioters, people who attack, abduct or
# bomb are an armed group the text does not name ("a group of men assaulted two traders", "two men stabbed an officer")
UNNAMED_DOERS = {"Riots": "rioters", "Violence against civilians": "gunmen", "Battles": "gunmen",
                 "Explosions/Remote violence": "gunmen"}


def _unnamed_doer(roles: Roles, lookup: ActorLookup, event_type: str) -> None:
    """actor 1 of a violent event resolved as civilians ("men", "villagers") is the text's unnamed rioters or armed
    group (of the same country), with the same words as its mention."""
    doer, generic = roles.actor1, UNNAMED_DOERS.get(event_type)
    if doer is None or doer.type != "Civilians" or generic is None or lookup.dictionary is None:
        return
    found = lookup.dictionary.resolve(generic, context_country=doer.country or lookup.country)
    if found is not None:
        roles.actor1 = Actor(found.name, found.type, found.country, doer.mention, doer.span)


def transfer_sides(trig: Any, lookup: ActorLookup, roles: Roles) -> None:
    """A transfer of territory told by the side giving the place up ("as FARDC withdraws"): that side is actor 2, and
    the side another clause has taking it ("M23 rebels take Goma") actor 1; with no taker named, as it was (the
    verbs: data/actors.toml give_up_verbs, take_verbs)."""
    give_up = getattr(lookup.dictionary, "give_up_verbs", frozenset())
    take = getattr(lookup.dictionary, "take_verbs", frozenset())
    verb = trig if trig.lemma_.lower() in give_up else clause_verb(trig)   # "as FARDC withdraws", read a noun
    if verb.lemma_.lower() not in give_up or roles.actor1 is None:
        return
    takers = [s for t in trig.sent if t.pos_ == "VERB" and t.i != verb.i and t.lemma_.lower() in take
              for s in subjects(t)[0]]
    taker = _first_actor(_conj_heads(takers), lookup, doer=True)
    if taker is not None and taker.name != roles.actor1.name:
        roles.actor1, roles.actor2 = taker, roles.actor1


def _find_doer(trig: Any, lookup: ActorLookup, roles: Roles, victims: list[Any] = ()) -> None:
    """actor1 when the trigger's own syntax names no doer, from the nearest evidence outwards: the
    owner of a weapon trigger, "shelling of X", an actor right before the trigger, the doer of a
    nested act, then the rest of the sentence (coordinated clauses, claimants)."""
    if trig.lower_ in getattr(lookup.dictionary, "instrument_nouns", ()):
        _take_doer([trig], lookup, roles)  # "regime aircraft bombed ...": the owner
    if roles.actor1 is None:
        _doer_of(trig, lookup, roles)
    if roles.actor1 is None:
        roles.actor1 = _adjacent_doer(trig, lookup, roles.actor2, victims)
    if roles.actor1 is None:
        _take_doer(_nested_doers(trig, lookup), lookup, roles)
    if roles.actor1 is None:
        _borrowed_doer(trig, lookup, roles)
    if roles.actor1 is None:
        _speaker_doer(trig, lookup, roles)


def _unarmed(actor: Actor) -> bool:
    """Civilians, protesters or rioters."""
    return actor.type in PROTEST_TYPES or any(t in (actor.type or "").lower() for t in CIVILIAN_TYPES)


def _speaker_doer(trig: Any, lookup: ActorLookup, roles: Roles) -> None:
    """A force that tells of its enemies' dead in a passive with no doer is the doer: "The army said 20 militants
    were killed in air strikes", "Turkish army says 12 PKK terrorists neutralised". Not when the dead are its own
    or civilians ("Police say 600 policemen were executed"), nor when the speaker is no armed actor."""
    verb = clause_verb(trig)
    if verb.tag_ != "VBN" or agents(verb):
        return
    if verb.dep_ in ("ccomp", "parataxis"):
        victims, say = [c for c in verb.children if c.dep_ == "nsubjpass"], verb.head
    elif verb.dep_ == "acl" and verb.head.dep_ in ("dobj", "obj"):   # headline: "says 12 X neutralised"
        victims, say = [verb.head], verb.head.head
    else:
        return
    verbs = getattr(lookup.dictionary, "claim_verbs", None) or CLAIM_VERBS
    if not victims or say.lemma_.lower() not in verbs:
        return
    speaker = _first_actor([t for t in subjects(say)[0] if t.pos_ != "PRON"], lookup)
    dead = _first_actor(victims, lookup)
    if speaker is None or dead is None or speaker.name == dead.name or not speaker.type or _unarmed(speaker) or \
            _unarmed(dead):
        return
    roles.actor1 = speaker
    roles.actor2 = roles.actor2 or dead


def _battle_sides(trig: Any, lookup: ActorLookup, roles: Roles) -> None:
    """A battle has two sides: a sentence actor other than side A becomes side B when the syntax
    names none ("... killing over 100 militants"); whoever died, the other side is side A ("5 rebels
    killed in clashes against regime forces"), any other actor of the sentence only for a fighting
    word (a killing's other actor may be the victim's, "an X militant was killed when a device
    planted by Y militants ...")."""
    if roles.actor2 is None:
        roles.actor2 = _other_side(trig.sent, lookup, [roles.actor1, *roles.assoc_actor_1])
    if roles.actor1 is None and roles.actor2 is not None:
        victims = _conj_heads(_verb_sides(clause_verb(trig))[1])
        roles.actor1 = next((a for a in (lookup.actor(t) for t in victims)
                             if a is not None and a.name != roles.actor2.name and a.type != "Civilians"), None) \
            or (None if trig.lemma_.lower() in DEATH_VERBS else _other_side(trig.sent, lookup, [roles.actor2]))


def _nested_doers(trig: Any, lookup: ActorLookup) -> list[Any]:
    """Doers of the acts nested under a noun trigger ("10 casualties in the second day of the
    escalation of airstrikes by X", "dead in shelling by X"): down its in/of/during/from phrases,
    a by-phrase or the doer of an attack noun."""
    if trig.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
        return []
    acts = getattr(lookup.dictionary, "doer_of_nouns", None) or ATTACK_NOUNS
    frontier, found = [trig], []
    for _ in range(3):
        frontier = [o for n in frontier for o in prep_objects(n, frozenset({"in", "of", "during", "from", "by"}))]
        for node in frontier:
            if node.head.lower_ == "by" and node.i != trig.i:
                found.append(node)
            elif node.lower_ in acts:
                found += _noun_doers(node)
        if found:
            return found
    return found


def _borrowed_doer(trig: Any, lookup: ActorLookup, roles: Roles) -> None:
    """When the event's own clause names no doer, the doer told elsewhere in the sentence about the
    same happening: a coordinated clause's subject ("the army took two villages and heavy shelling
    hit ..."), a coordinated nominalisation's doer ("shelling by X on A and airstrikes on B"), or
    the claimant of the attack ("..., X claimed responsibility")."""
    ops = getattr(lookup.dictionary, "operation_words", None) or frozenset()
    acts = (getattr(lookup.dictionary, "doer_of_nouns", None) or frozenset()) | \
        (getattr(lookup.dictionary, "instrument_nouns", None) or frozenset())
    act = _act_head(trig)
    coordinated = _coordinated(act) if act.pos_ in ("VERB", "AUX") or act.lower_ in acts else []
    states_only = act.lower_ in (getattr(lookup.dictionary, "air_acts", None) or frozenset())
    for tok in coordinated:
        if tok.lemma_.lower() not in ops and tok.lower_ not in ops:
            continue
        heads = subjects(tok)[0] if tok.pos_ in ("VERB", "AUX") else _noun_doers(tok)
        if tok.pos_ in ("VERB", "AUX") and tok.tag_ == "VBG":  # "shelling by X on A and airstrikes on B"
            heads = heads + agents(tok) + prep_objects(tok, frozenset({"by"}))
        if _take_doer(heads, lookup, roles, states_only=states_only):
            return
    for tok in trig.sent:
        if _take_doer(_claimants(tok, trig, lookup.dictionary), lookup, roles):
            return
    _take_doer([h for h in _opening_doer(trig) if lookup.actor(h) is not None], lookup, roles)  # an actor's
    # name, not a country's ("Colombia budget battle heats up; drone attack hits Cauca police station")


def _claimed_by_name(trig: Any, lookup: ActorLookup, roles: Roles) -> None:
    """"Twelve soldiers martyred as militants ambush convoy; TTP claims responsibility": the group that claims
    the deed, or is blamed for it, names the "militants" or "gunmen" who did it."""
    for tok in trig.sent:
        for head in _conj_heads(_claimants(tok, trig, lookup.dictionary)):
            actor = lookup.doer(head)
            if actor is not None and actor.type in ARMED and not actor.name.startswith(UNIDENTIFIED) and \
                    (roles.actor2 is None or roles.actor2.name != actor.name):
                roles.actor1 = actor
                return


def claimed_later(later: list[tuple[Any, list[Any]]], lookup: ActorLookup, roles: Roles) -> None:
    """The group that claims the deed, or is blamed for it, in the sentences that follow in the paragraph names the
    "gunmen" or "militants" of the event's own sentence: "Gunmen set the casino ablaze ... Officials blamed the
    Zetas"; "Militants stormed the hotel ... Al-Shabaab said its fighters carried out the assault". A claim of
    something else ("X claimed control of the town") names no doer. When the event's sentence names no doer at
    all, the claimant is only offered (``claimed_by``): the story stage takes it when no telling of the happening
    names a doer (a doer set here would keep tellings of one happening apart). ``later``: (sentence, its actor
    hits); the deeds a claim may name: data ``doer_of_nouns`` and ``claimed_deeds``."""
    if lookup.dictionary is None or roles.actor1 is not None and not roles.actor1.name.startswith(UNIDENTIFIED):
        return
    deeds = (getattr(lookup.dictionary, "doer_of_nouns", None) or frozenset()) | \
        (getattr(lookup.dictionary, "claimed_deeds", None) or frozenset())
    for sent, hits in later:
        there = ActorLookup(lookup.dictionary, hits, [], lookup.country)
        for tok in sent:
            if tok.pos_ == "VERB" and not any(o.lower_ in deeds for o in tok.children if o.dep_ in ("dobj", "obj")) \
                    and tok.lemma_.lower() not in (getattr(lookup.dictionary, "blame_verbs", None) or ()):
                continue   # "X claimed control of the town": no deed claimed
            heads = _claimants(tok, tok, lookup.dictionary)
            if not heads and tok.lemma_.lower() in DOER_VERBS:   # "X said its fighters carried out the assault"
                heads = subjects(tok)[0]
                if any(c.dep_ == "poss" and c.pos_ == "PRON" for h in heads for c in h.children) and \
                        tok.dep_ in ("ccomp", "parataxis") and tok.head.lemma_.lower() in lookup.dictionary.claim_verbs:
                    heads = subjects(tok.head)[0]   # "its fighters": the speaker's
            for head in _conj_heads(heads):
                actor = there.doer(head)
                if actor is not None and (actor.type in ARMED or actor.type == STATE_TYPE) and \
                        not actor.name.startswith(UNIDENTIFIED) and (roles.actor2 is None or roles.actor2.name != actor.name):
                    if roles.actor1 is None:
                        roles.claimed_by = actor
                    else:
                        roles.actor1 = actor
                    return


def _opening_doer(trig: Any) -> list[Any]:
    """"Maoists storm district headquarters in Achham; 57 killed", "Junta troops torch homes; three residents
    burned alive": a headline tells the deed, then after a semicolon what it left. The heads that open the
    clause before the trigger's semicolon (whatever the parser made of the headline's verb) are the doer's."""
    sent = trig.sent
    stops = [t.i for t in sent if t.text == ";" and t.i < trig.i]
    if not stops:
        return []
    start = max([t.i + 1 for t in sent if t.text == ";" and t.i < stops[-1]], default=sent.start)
    return [t for t in sent.doc[start:stops[-1]] if t.pos_ in ("NOUN", "PROPN") and t.left_edge.i <= start + 1
            and t.dep_ not in ("pobj", "dobj", "obj")][:1]


def _claimants(tok: Any, trig: Any, dictionary: Any) -> list[Any]:
    """The doer a claim or a blame at ``tok`` names: "X claimed responsibility", "X claims the bombing", "X claims
    Dhaka cafe siege; 20 hostages ... killed", a headline's closing "...; X claim", "the government blames X",
    "...; X blamed". A claim of a clause ("the army claimed it had killed 20") names no doer of this event; a
    toll's "claimed the lives of" has a deed, not a doer, for subject (``_take_doer`` takes actors only)."""
    objects_ = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if tok.lower_ in (getattr(dictionary, "claim_objects", None) or ()) and tok.dep_ in ("dobj", "obj") \
            and tok.head.pos_ == "VERB":
        return subjects(tok.head)[0]
    if tok.lower_ in (getattr(dictionary, "behind_words", None) or ()) and tok.dep_ == "prep":
        # "the Taliban were behind the attack", "...; minister says PKK behind it" (the verbless clause's doer read
        # as the object of "says")
        head = tok.head
        return subjects(head)[0] if head.lemma_.lower() == "be" else [
            c for c in head.children if c.dep_ in ("dobj", "obj", "nsubj") and c.i < tok.i and c.pos_ == "PROPN"]
    if tok.pos_ != "VERB":
        return []
    lemma = tok.lemma_.lower()
    if lemma in (getattr(dictionary, "pointing_verbs", None) or ()):   # "authorities point to CJNG"
        return prep_objects(tok, frozenset({"to", "at"}))
    if lemma in (getattr(dictionary, "deed_claim_verbs", None) or ()):
        told = any(c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")   # a clause, not a misparsed noun
                   and not semicolon_between(c, tok) for c in tok.children)   # "... kill 23; X claim"
        return [] if told else subjects(tok)[0]
    if lemma in (getattr(dictionary, "blame_verbs", None) or ()):
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        closing = tok.tag_ in ("VBN", "VBD") and tok.i == tok.sent.end - 1   # "...; GIA blamed": a passive
        on = prep_objects(tok, getattr(dictionary, "blame_preps", None) or frozenset())   # "blamed the attack on X"
        return on or objects_ or passive or (subjects(tok)[0] if closing else [])
    return []


def _act_head(trig: Any) -> Any:
    """The act noun a modifier trigger belongs to: "air and missile strikes" -> "strikes"."""
    act = trig
    while act.head.i != act.i and act.head.pos_ in ("NOUN", "PROPN") and (
            act.dep_ in ("compound", "nmod") or act.dep_ == "conj" and act.head.dep_ in ("compound", "nmod")):
        act = act.head
    return act


def _coordinated(trig: Any) -> list[Any]:
    """Heads of the clauses and nominalisations coordinated with the trigger's own, nearest
    coordination first: from the trigger up to its conjunct, that conjunct's siblings (twice, for
    a coordination nested in another)."""
    out: list[Any] = []
    cur = trig
    for _ in range(2):
        while cur.dep_ != "conj" and cur.head.i != cur.i:
            cur = cur.head
        siblings = [c for c in cur.conjuncts if c.i != trig.i and c.i not in {o.i for o in out}]
        first = min([cur, *siblings], key=lambda t: t.i)
        if first.pos_ not in ("VERB", "AUX") and clause_verb(first).i != first.i:
            siblings.append(clause_verb(first))  # "took two villages and heavy shelling ...": the clause's
        out += sorted(siblings, key=lambda t: abs(t.i - trig.i))
        # "renewed airstrikes on X and the regime forces advance ...", parsed as a relative clause
        out += [c for c in cur.children if c.dep_ in ("relcl", "acl") and c.i > trig.i
                and any(g.dep_ == "nsubj" and g.pos_ != "PRON" for g in c.children)]
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return out


def _take_doer(heads: list[Any], lookup: ActorLookup, roles: Roles, *, states_only: bool = False) -> bool:
    """Make the first state or armed actor among ``heads`` (not the victims' side) actor1; with
    ``states_only`` (air power) a state or external force only."""
    allowed = {STATE_TYPE, "External/Other"} if states_only else {STATE_TYPE, *ARMED}
    for head in _conj_heads(heads):
        actor = lookup.doer(head)
        if actor is not None and states_only and actor.type in ARMED and roles.actor2 is None:
            roles.actor2 = actor  # "IS advance ... and warplanes bomb ...": the group is the air power's opponent
            continue
        if actor is None or actor.type not in allowed:
            continue
        if roles.actor2 is not None and roles.actor2.name == actor.name:
            continue
        roles.actor1 = actor
        return True
    return False


def _doer_of(trig: Any, lookup: ActorLookup, roles: Roles) -> None:
    """"shelling of the regime forces", "raids of the coalition": after an attack noun, "of" + an armed
    or state actor is the doer (the target of such a noun is a place or "on/against X")."""
    nouns = getattr(lookup.dictionary, "doer_of_nouns", None) or frozenset()
    heads = [t for t in (trig, *(c for c in trig.children if c.dep_ in ("pcomp", "pobj"))) if t.lower_ in nouns]
    for head in heads:
        for obj in prep_objects(head, frozenset({"of"})):
            actor = lookup.actor(obj)
            if actor is not None and (actor.type == STATE_TYPE or actor.type in ARMED):
                roles.actor1 = actor
                if roles.actor2 is not None and roles.actor2.name == actor.name:
                    roles.actor2 = None
                return


def _generic_victims(actor: Actor) -> bool:
    """Victims resolved to civilians from a word that does not say so ("56 persons", "people")."""
    return actor.type == "Civilians" and not any(w in actor.mention.lower() for w in CIVILIAN_WORDS)


def _named_victims(sent: Any, lookup: ActorLookup, roles: Roles) -> None:
    """The victims' side from the sentence when the syntax names none, or only "persons"/"people":
    the named subset of the dead ("56 persons killed including 14 members of X") is actor2."""
    found = _victim_side(sent, lookup, roles.actor1)
    if found is None:
        return
    roles.actor2, roles.victims = found


def _victim_side(sent: Any, lookup: ActorLookup, actor1: Actor | None) -> tuple[Actor, Any] | None:
    """The side the dead belong to, with the head of their phrase: "9 dead in the ranks of X",
    "5 members of X were killed", "127 killed including 16 X"."""
    heads = getattr(lookup.dictionary, "victim_heads", None) or VICTIM_HEADS
    for tok in sent:
        if tok.dep_ in ("nsubj", "csubj") and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in DEATH_VERBS \
                and tok.lower_ not in DEATH_NOUNS:
            continue  # "members of X shelled ...": a doer, not the dead
        found: list[Any] = []
        if tok.lower_ in heads:
            found = prep_objects(tok, VICTIM_PREPS)
        elif tok.like_num and tok.dep_ in ("dobj", "obj", "nsubjpass", "conj", "appos"):
            found = prep_objects(tok, frozenset({"of"}))  # "kills 32 of the regime forces"
        counted, whole = any(c.dep_ == "nummod" for c in tok.children), False
        if not found and tok.dep_ == "pobj" and tok.head.lower_ in SUBSET_PREPS and counted:
            # "127 killed including 16 X"; "including 49 security personnel": a victim word with no "of X" names the
            # side itself
            found, whole = [tok], tok.lower_ in heads
        for head in found:
            actor = lookup.actor(head)
            if actor is not None and actor.type != "Civilians" and (actor1 is None or actor.name != actor1.name):
                # the subset whose count splits a day's total: not the victim word standing alone (one attack's
                # "57 killed including 49 security personnel" stays one toll)
                return actor, (tok if counted and not whole else None)
    return None


def side_of_the_dead(sent: Any, dead: Span | None, lookup: ActorLookup, roles: Roles) -> None:
    """actor2, when nothing else names it, from the people the death toll counts: "killing 305 worshippers",
    "SEVEN POLICEMEN KILLED", "leaves 9 civilians dead", "kills 4 members of the police" (``dead``: the toll's
    span). The doer is never its own victim."""
    if roles.actor2 is not None or dead is None:
        return
    for tok in sent:
        if not dead.start <= tok.idx < dead.end or tok.pos_ not in ("NOUN", "PROPN") or \
                not any(c.dep_ == "nummod" for c in tok.children):
            continue
        for head in [tok, *prep_objects(tok, frozenset({"of"}))]:
            actor = lookup.actor(head) or lookup.people_of(head)
            if actor is not None and (roles.actor1 is None or actor.name != roles.actor1.name):
                roles.actor2 = actor
                roles.civilian_targeting = roles.civilian_targeting or actor.type == "Civilians"
                return


def _protesters_first(trig: Any, lookup: ActorLookup, roles: Roles) -> None:
    """Protesters are never the police. Force that harms them ("shot dead six demonstrators",
    data: ``excessive_force_verbs``) makes the force actor1 and the protesters actor2; otherwise
    the protesters are actor1 and the force that met them actor2 (tear gas, dispersal, arrests)."""
    protest = [(h, a) for h, a in lookup.hits if a.type in PROTEST_TYPES]
    if not protest:
        return
    force_verbs = getattr(lookup.dictionary, "force_verbs", None) or frozenset()
    harmed = any(_force_at(t, force_verbs) for t in trig.sent)
    sides = [a for a in (roles.actor1, roles.actor2) if a is not None]
    crowd = next((a for a in sides if a.type in PROTEST_TYPES), None)
    force = next((a for a in sides if a.type not in PROTEST_TYPES), None)
    if crowd is None:
        own = next(((h, a) for h, a in protest if h.start <= trig.i < h.end), None)
        if own is None and not (force is not None and force.type == STATE_TYPE):
            return
        hit, actor = own or protest[0]
        crowd = _with_span(actor, hit)
    if force is None:
        verb = clause_verb(trig)
        for tok in _conj_heads(subjects(verb)[0] + agents(verb)):
            actor = lookup.actor(tok)
            if actor is not None and actor.type not in PROTEST_TYPES:
                force = actor
                break
    if force is None:  # "police ... when they opened fire on demonstrators"
        force = next((_with_span(a, h) for h, a in lookup.hits if a.type == STATE_TYPE), None)
    if force is not None and force.type != STATE_TYPE and force.type not in ARMED:
        force = None  # "farmers protest", "civilians": not a force that met them
    roles.actor1, roles.actor2 = (force, crowd) if harmed and force is not None else (crowd, force)


def _force_at(tok: Any, phrases: frozenset[str]) -> bool:
    """A force verb ("shoot", "beat") or phrase ("open fire", "fire on") at this token."""
    if tok.pos_ not in ("VERB", "AUX") and tok.lower_ not in phrases:
        return False
    lemma = tok.lemma_.lower()
    following = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    return lemma in phrases or tok.lower_ in phrases or f"{lemma} {following}" in phrases


def _adjacent_doer(trig: Any, lookup: ActorLookup, actor2: Actor | None, victims: list[Any] = ()) -> Actor | None:
    """An actor named right before the trigger when the parse gives no doer ("regime forces shell
    ...", "IS shells kill ...", "Turkish jets strike ..."): headline syntax the parser often misreads.
    Never civilians, never the target, never one of the victims the trigger's syntax names ("20 hostages and 2
    police officers killed")."""
    left = trig.i
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in trig.children):
        return None  # "an X militant was killed": the one named before a passive is its victim
    victim_tokens = {t.i for v in _conj_heads(list(victims)) for t in v.subtree}
    for span, actor in reversed(lookup.hits):
        if span.end > left:
            continue
        gap = [t for t in trig.doc[span.end:left] if not (t.is_punct and t.text in "’'\"“”")]
        if len(gap) > 1 or (gap and gap[0].pos_ != "NOUN"):
            return None
        if actor.type == "Civilians" or (actor2 is not None and actor.name == actor2.name) or \
                any(t.i in victim_tokens for t in span):
            return None
        if span.start > 0 and trig.doc[span.start - 1].lower_ in ("of", "in", "on", "against", "at", "for", "to"):
            return None
        return _with_span(actor, span)
    return None


def _named_person(side_b: list[Any], lookup: ActorLookup) -> Actor | None:
    """A person named by name as the one attacked or taken ("shot Basque councillor Miguel Angel Blanco", "shot
    dead presidential candidate Fernando Villavicencio"): a civilian of the story's country (ACLED codes named
    victims so), unless the phrase names an armed group or forces ("killed IS leader Abu Bakr al-Baghdadi")."""
    if lookup.dictionary is None:
        return None
    for head in _conj_heads(side_b):
        if head.ent_type_ != "PERSON" or head.pos_ != "PROPN":
            continue
        span = _phrase(head)
        if any(span.start <= h.start and h.end <= span.end for h, _ in lookup.hits):
            return None
        name = next((e for e in head.doc.ents if e.start <= head.i < e.end), span)
        found = lookup.dictionary.resolve("civilians", context_country=lookup.country)
        return _with_span(found, name) if found is not None else None
    return None


def _adjacent_target(trig: Any, lookup: ActorLookup, actor1: Actor | None) -> Actor | None:
    """An actor named right after the trigger when the parse gives no target ("Taliban attack police post",
    "Lebanese army shells Fatah al-Islam positions"): a headline's verb the parser read as a noun, its object as
    more of the noun phrase. Not the subject of a verb of its own ("after the attack police said ...")."""
    right = trig.i + 1
    for span, actor in lookup.hits:
        if span.start < right:
            continue
        if any(t.pos_ not in ("DET", "NUM") for t in trig.doc[right:span.start]):   # "kidnaps 7 foreigners"
            return None
        if (actor1 is not None and actor.name == actor1.name) or span.root.dep_ in ("nsubj", "nsubjpass"):
            return None
        return _with_span(actor, span)
    return None


def _other_side(sent: Any, lookup: ActorLookup, known: list[Actor | None]) -> Actor | None:
    names = {a.name for a in known if a is not None}
    for tok in sent:
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj", "ROOT") and \
                (tok.lower_ in ANAPHORS or any(h.start <= tok.i < h.end for h, _ in lookup.hits)):
            actor = lookup.actor(tok)
            if actor is not None and actor.name not in names and actor.type != "Civilians":
                return actor
    return None


def _holder(targets: list[Any], lookup: ActorLookup) -> Actor | None:
    """The side holding a targeted place is the target: "areas controlled by X", "X-held villages",
    "a town under the control of X" (verbs: data ``holder_verbs``)."""
    verbs = getattr(lookup.dictionary, "holder_verbs", None) or frozenset()
    for place in _conj_heads(targets):
        for child in place.children:
            if child.dep_ in ("acl", "amod") and child.lemma_.lower() in verbs:
                actor = _first_actor(_conj_heads(agents(child)), lookup)
                if actor is not None and actor.type != "Civilians":
                    return actor
        for under in prep_objects(place, frozenset({"under"})):
            actor = _first_actor(prep_objects(under, frozenset({"of"})), lookup)
            if actor is not None and actor.type != "Civilians":
                return actor
    return None


def _first_actor(toks: list[Any], lookup: ActorLookup, *, doer: bool = False) -> Actor | None:
    for tok in toks:
        actor = lookup.doer(tok) if doer else lookup.actor(tok)
        if actor is not None:
            return actor
    return None


def _all_actors(toks: list[Any], lookup: ActorLookup, *, exclude: Actor | None) -> list[Actor]:
    out: list[Actor] = []
    for tok in toks:
        actor = lookup.actor(tok)
        if actor and actor.name not in {a.name for a in out} and (exclude is None or actor.name != exclude.name):
            out.append(actor)
    return out


def _civilian(actor2: Actor | None, side_b: list[Any], words: frozenset[str]) -> bool:
    if actor2 is not None and actor2.type:
        return any(t in actor2.type.lower() for t in CIVILIAN_TYPES)
    return any(t.lower_ in words or t.lemma_.lower() in words for t in _conj_heads(side_b))
