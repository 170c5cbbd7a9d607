"""Modality and time of a trigger: negated, hypothetical, future, threatened; background.

Negated ("denied shelling", "no clashes"), hypothetical ("could attack"),
future ("plans to march"), threatened ("threatened to storm") and simulated ("drills
simulating an artillery barrage") events are not events. ``modality(trigger)`` names the reason or returns ``"asserted"``.
Threats are dropped like the others (documented choice): eventwire records what
happened; ``modality`` returns the reason ``"threat"`` for callers that want to log it.

``background_cue(trigger, sent)`` finds history markers: pluperfect ("had
captured"), "has since ...", "last year", "years ago", "anniversary".
"""

from __future__ import annotations

from typing import Any

from eventwire.detect.lexicon import modality_words
from eventwire.detect.view import clause_verb, reported, semicolon_between

# Dependencies through which a trigger's governing predicate is reached.
# Subject links are not followed: "protesters demanded" does not make the protest a demand.
UP_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "prep", "pcomp", "acomp", "attr", "compound",
                     "amod", "conj", "acl"})
MAX_UP = 4
TOLL_VERBS = frozenset({"die", "kill", "perish", "lose", "wound", "injure", "displace", "flee", "leave", "be"})


def _governors(tok: Any) -> list[Any]:
    """The trigger, its clause verb and the predicates above it (a few levels)."""
    chain = [tok]
    cur = tok
    for _ in range(MAX_UP):
        if (cur.dep_ not in UP_DEPS and not _infinitive_advcl(cur)) or cur.head.i == cur.i:
            break
        if semicolon_between(cur, cur.head):   # "Fighters overran a base; the army has not said how many were
            break                              # killed": the parser hangs the first clause under the second
        cur = cur.head
        chain.append(cur)
    return chain


def _infinitive_advcl(tok: Any) -> bool:
    """"threatened on Tuesday to fire missiles": an infinitive the parser hung as an adverbial clause; "they have no
    reason to accept a ceasefire": an infinitive relative clause, whose noun tells whether it is done."""
    return tok.dep_ in ("advcl", "relcl") and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _lemma(tok: Any) -> str:
    return tok.lemma_.lower()


def without(tok: Any) -> bool:
    """Inside a "without ..." phrase: "without a fight", "without a shot being fired"."""
    return any(a.lower_ == "without" for a in list(tok.ancestors)[:3])


def _negated(chain: list[Any], words: dict[str, frozenset[str]]) -> bool:
    if without(chain[0]):
        return True
    for tok in chain[:3] + [clause_verb(chain[0])]:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
            return True
    if any(_lemma(t) in words["denial"] or t.lower_ in words["denial"] for t in chain[1:]):
        return True
    if _banned(chain[0], words["ban"]):
        return True
    if chain[0].pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and _nobody(c)
                                               for c in chain[0].children):
        return True   # "no one was detained", "they arrested nobody" (not "no group claimed the attack")
    # "Reports of an explosion at the airport were false", "claims of an attack are baseless": what is said
    # of the report that tells the trigger
    top = chain[-1]
    return top.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ in ("acomp", "attr") and (c.lower_ in words["denial"] or _lemma(c) in words["denial"])
        for c in top.head.children)


def _banned(tok: Any, ban: frozenset[str]) -> bool:
    """The trigger is what a ban forbids: the object of a ban verb ("banned protests") or of "on" after a ban noun
    ("a ban on public gatherings and protests"), or a conjunct of it."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in ("dobj", "obj", "nsubjpass"):
        return head.lemma_.lower() in ban or head.lower_ in ban
    return tok.dep_ == "pobj" and head.lower_ in ("on", "of") and (head.head.lemma_.lower() in ban or
                                                                   head.head.lower_ in ban)


def denied(tok: Any) -> bool:
    """"no one was detained", "nobody was arrested", "no arrests were made", "did not fire tear gas":
    the act is said not to have happened (its own verb negated, or nobody as its subject or object).
    Used for the acts a rule looks for beside its trigger; the trigger itself goes through ``modality``."""
    def none(t: Any) -> bool:
        return _nobody(t) or any(c.dep_ == "det" and c.lower_ == "no" for c in t.children)

    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if none(tok) or any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and none(c) for c in verb.children)


def _nobody(t: Any) -> bool:
    """The word names no one: "nobody", "none", "no one"."""
    return t.lower_ in ("nobody", "none", "noone") or t.lower_ == "one" and any(
        c.dep_ == "det" and c.lower_ == "no" for c in t.children)


def _aux_words(chain: list[Any]) -> set[str]:
    heads = chain[:3] + [clause_verb(chain[0])]
    return {c.lower_ for t in heads for c in t.children if c.dep_ in ("aux", "auxpass", "mark")}


def _purpose(tok: Any, arrival: frozenset[str]) -> bool:
    """"an operation to retake X", "a bid to storm X": an aim, not (yet) an event. Not what men who came
    (past tense) came to do: "fighters emerged from hideouts to massacre 200 people" tells the massacre."""
    infinitive = tok.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)
    if not infinitive or tok.dep_ not in ("acl", "relcl", "advcl"):
        return False
    head = tok.head
    return not (tok.dep_ == "advcl" and head.tag_ == "VBD" and head.lower_ in arrival)


def _ranked(tok: Any, ranks: frozenset[str]) -> bool:
    """"the first Iraqi city to fall to Islamic State": an infinitive on a noun ranked by an ordinal or a
    superlative tells what happened to it, not an aim."""
    head = tok.head
    return tok.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "amod" and (c.lower_ in ranks or c.tag_ == "JJS") for c in head.children)


def _descriptive(tok: Any) -> bool:
    """"forces fighting IS", "the opposition fighting Assad": a participle that describes a noun."""
    return tok.tag_ == "VBG" and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN")


def generic(tok: Any, sent: Any) -> bool:
    """A summary rather than an event: "thousands have died", with no date in the sentence."""
    verb = clause_verb(tok)
    if verb.lemma_.lower() not in TOLL_VERBS:
        return False  # "hundreds gathered" is a protest, not a summary
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    vague = modality_words()["vague"]
    if not any(s.lower_ in vague and not any(c.like_num for c in s.children) for s in subj):
        return False
    return not any(t.ent_type_ == "DATE" for t in sent)


def _supporting(tok: Any) -> bool:
    """"forces backed by US-led airstrikes": the strikes are support, not a reported event."""
    head = tok.head
    return tok.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_.lower() in (
        "back", "support", "aid", "assist", "cover", "help")


def modality(tok: Any, *, verbal: bool = True) -> str:
    """"asserted", or why the trigger is no event: negated/hypothetical/future/threat/purpose/simulated.

    ``verbal`` is False for weapon-noun triggers, which are never purpose clauses
    (the tagger sometimes reads "chlorine" in "to chlorine gas" as a verb).
    """
    words = modality_words()
    chain = _governors(tok)
    if _negated(chain, words):
        return "negated"
    if verbal and _purpose(tok, words["arrival"]) and not _ranked(tok, words["ranks"]):
        return "purpose"
    if _supporting(tok):
        return "support"
    lemmas = {_lemma(t) for t in chain[1:]} | {t.lower_ for t in chain[1:]}
    lemmas |= {c.lower_ for c in tok.children if c.dep_ == "amod"}
    if lemmas & words["threat"]:
        return "threat"
    aux = _aux_words(chain)
    if aux & words["future"] or lemmas & words["future"] or _be_to(clause_verb(tok)) or \
            any(_prospect(t, words["prospective"]) for t in [*chain, clause_verb(tok)]):
        return "future"
    sought = any(t.lower_ in words["sought_after_in"] and t.head.lower_ == "in" for t in chain[1:])
    if aux & words["hypothetical"] or lemmas & words["hypothetical"] or sought:
        return "hypothetical"
    if lemmas & words["simulated"]:
        return "simulated"
    return "descriptive" if _descriptive(tok) else "asserted"


def _be_to(verb: Any) -> bool:
    """"are to march", "is to be tested", "was to be attacked": "be" with an infinitive tells a plan or
    an arrangement, not a happening."""
    def infinitive(v: Any) -> bool:
        return v.dep_ == "xcomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)

    if verb.lemma_.lower() == "be":
        return any(infinitive(c) for c in verb.children)
    return infinitive(verb) and verb.head.lemma_.lower() == "be"


def _prospect(verb: Any, adjectives: frozenset[str]) -> bool:
    """"is sure to amount to", "are poised to storm", "the deal is due to be signed": an infinitive
    governed by an adjective of what is to come."""
    def infinitive(v: Any) -> bool:
        return v.dep_ == "xcomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)

    if infinitive(verb) and verb.head.lower_ in adjectives:
        return True
    # the trigger is the subject: only a passive infinitive makes it what is to come ("the deal is due
    # to be signed"); an active one tells what it will do ("the deal signed on Friday is sure to hold")
    return any(a.dep_ == "acomp" and a.lower_ in adjectives and any(
        infinitive(x) and any(c.dep_ == "auxpass" for c in x.children) for x in a.children) for a in verb.children)


def _pluperfect(verb: Any) -> bool:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(a.lower_ in ("had", "'d") for a in aux) and verb.tag_ == "VBN"


def background_cue(tok: Any, sent: Any, *, beside_pluperfect: bool = False) -> Any | None:
    """The token or span that marks the trigger's event as history, if any; with ``beside_pluperfect``,
    only a cue other than the pluperfect ("had taken", "had been")."""
    verb = clause_verb(tok)
    if _pluperfect(verb) and not reported(verb) and not beside_pluperfect:  # "said on Tuesday they had
        return verb                                                          # found": reported speech
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in ("since", "previously", "formerly", "earlier", "once") \
                and not _relative_time(c):
            return c
    return _background_phrase(sent, ("had been",) if beside_pluperfect else (), trigger=tok)


def _relative_time(adverb: Any) -> bool:
    """"Earlier on Monday, a roadside bomb hit ...", "earlier this week", "earlier Tuesday": "earlier" that a time
    follows places the happening before another within that time; the time itself tells whether it is history.
    So does "earlier" that a short span counts ("Hours earlier, a bomb ...", "two days earlier")."""
    if any(c.lower_ in modality_words()["counted_earlier"] for c in adverb.children if c.dep_ == "npadvmod"):
        return True
    doc = adverb.doc
    nxt = doc[adverb.i + 1] if adverb.i + 1 < len(doc) else None
    if nxt is None:
        return False
    if nxt.lower_ in ("on", "in", "at", "that") and nxt.i + 1 < len(doc):
        nxt = doc[nxt.i + 1]
    return nxt.ent_type_ in ("DATE", "TIME")


def _reported_beside(t: Any, trigger: Any | None) -> bool:
    """"had been" at ``t`` is the backshift of what a source said beside the trigger's clause ("clashed near
    Gorgadji; the army said 20 had been neutralised"): it tells the same days, not history."""
    if trigger is None or t.i + 1 >= len(t.doc):
        return False
    been = t.doc[t.i + 1]
    verb = been.head if been.dep_ in ("aux", "auxpass") else been
    return reported(verb) and not any(x.i == trigger.i for x in verb.subtree)


def _background_phrase(sent: Any, skip: tuple[str, ...] = (), trigger: Any | None = None) -> Any | None:
    words = modality_words()["background"]
    for i, t in enumerate(sent):
        two = f"{t.lower_} {sent[i + 1].lower_}" if i + 1 < len(sent) else ""
        if two in words and two not in skip and not (two == "had been" and (_reported_beside(t, trigger) or
                                                                          _describes_other(t, trigger))):
            return sent[i:i + 2]
        if t.lower_ in ("ago", "anniversary", "previously", "formerly") and not _day_of_remembering(t, trigger):
            return t
    return None


def _describes_other(t: Any, trigger: Any | None) -> bool:
    """"had been" at ``t`` is in a relative clause that describes something the happening involves, not the
    happening itself ("detained at a checkpoint with a motorcycle that had been seen near the market", "killed four
    guards at a bank that had been robbed before"): the thing's past, not the happening's."""
    if trigger is None or t.i + 1 >= len(t.doc):
        return False
    been = t.doc[t.i + 1]
    verb = been.head if been.dep_ in ("aux", "auxpass") else been
    return verb.dep_ in ("relcl", "acl") and trigger not in verb.subtree and verb.head.i != trigger.i


def _day_of_remembering(t: Any, trigger: Any | None) -> bool:
    """An anniversary that is not the trigger's own happening remembered tells the day of something else: "killed 52
    demonstrators on the 70th anniversary of the founding of Israel", "protesters marched to mark the anniversary of
    the coup" happened on that day ("the anniversary of the bombing" remembers its trigger: history)."""
    return t.lower_ == "anniversary" and trigger is not None and trigger not in t.subtree
