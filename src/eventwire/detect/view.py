"""A sentence seen through the lexicon: cues by class plus small syntactic helpers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from eventwire.detect.lexicon import Cue, modality_words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_NOUNS = frozenset({
    "town", "city", "village", "area", "district", "province", "region", "territory", "base",
    "airport", "airbase", "hill", "hills", "neighbourhood", "neighborhood", "suburb", "ruins", "site",
    "positions", "position", "stronghold", "strongholds", "outpost", "county", "capital", "port",
    "border", "crossing", "road", "highway", "oasis", "camp", "countryside", "villages", "towns",
    "areas", "quarter", "quarters", "island", "valley", "mountain", "mountains", "field", "oilfield",
    "dam", "bridge", "checkpoint", "headquarters", "localities", "locality", "governorate", "state",
    "centre", "center", "compound", "zone", "front", "frontline", "posts", "post", "municipality",
    "settlement", "settlements", "neighbourhoods", "neighborhoods", "districts", "cities", "regions",
    "territories", "airfield", "barracks", "garrison", "islands", "enclave", "pocket", "corridor",
})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# prepositions of the happening a passive's subject suffered ("killed in shelling", "wounded during fighting")
SUFFERED_IN = frozenset({"in", "during", "amid", "under", "through", "as", "while"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj", "attr", "oprd"})


@dataclass(slots=True)
class SentenceView:
    """Cues of one sentence grouped by class; ``sent`` is the spaCy sentence Span."""

    sent: Any
    cues: list[Cue]
    places: frozenset[int] = frozenset()
    nonpolitical_context: bool = False
    by_class: dict[str, list[Cue]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for cue in self.cues:
            self.by_class[cue.cls].append(cue)

    def strong(self, cls: str) -> list[Cue]:
        return [c for c in self.by_class.get(cls, ()) if not c.weak]

    def any(self, cls: str) -> list[Cue]:
        return list(self.by_class.get(cls, ()))

    def has(self, *classes: str) -> bool:
        return any(self.by_class.get(c) for c in classes)

    def has_strong(self, *classes: str) -> bool:
        return any(self.strong(c) for c in classes)

    def token(self, cue: Cue) -> Any:
        """The syntactic head token of a cue's tokens."""
        return head_of(self.sent.doc[cue.start:cue.end])

    def cues_in(self, tokens: Iterable[Any], cls: str) -> list[Cue]:
        idx = {t.i for t in tokens}
        return [c for c in self.by_class.get(cls, ()) if c.start in idx]


def head_of(span: Any) -> Any:
    """The token of a span whose head lies outside it (its syntactic root)."""
    return span.root


def clause_verb(tok: Any) -> Any:
    """The nearest verb at or above a token (the token itself if it is a verb)."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def subjects(verb: Any) -> tuple[list[Any], list[Any]]:
    """(active subjects, passive subjects) of a verb, inherited through conj/xcomp heads, and through a
    preposition from the verb it completes: who "fled after shooting" or "responded by shelling", and who is
    "accused of killing", "blamed for burning" or "arrested after attacking", is the doer. Not the object of
    "stopped the marchers from reaching", nor whoever was "killed in shelling" or "wounded during fighting":
    a passive's subject is no doer of the happening it suffered in."""
    if _headline_passive(verb):
        return [], [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    cur, through = verb, None
    for _ in range(4):
        active = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        passive = [c for c in cur.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if active or passive or cur.dep_ not in ("conj", "xcomp", "advcl", "acl", "relcl", "pcomp"):
            if cur is not verb and verb.dep_ == "pcomp":
                return (active, []) if through == "by" else (active + passive, [])
            return active, passive
        if cur.dep_ == "pcomp":
            prep = cur.head
            if prep.dep_ != "prep" or prep.lower_ == "from" or prep.head.pos_ not in ("VERB", "AUX"):
                return [], []
            through, cur = prep.lower_, prep.head
            if through in SUFFERED_IN or (through == "by" and cur.tag_ == "VBN"):
                return [], []   # "four soldiers killed in shelling", "were hit by shelling"
            continue
        if cur.dep_ in ("acl", "relcl"):
            return [cur.head], []
        cur = cur.head
    return [], []


def _headline_passive(verb: Any) -> bool:
    """A harm verb's past form (lexicon: modality.headline_passives) with a subject and no object, in a line
    without a closing stop (a headline)."""
    if verb.tag_ != "VBD" or verb.lemma_.lower() not in modality_words()["headline_passives"] or \
            any(c.dep_ in ("dobj", "obj") for c in verb.children) or \
            not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    doc = verb.doc
    start = verb.i
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    end = verb.i
    while end + 1 < len(doc) and "\n" not in doc[end + 1].text:
        end += 1
    return not any(t.text in (".", "!", "?") for t in doc[start:end + 1])


def objects(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in OBJECT_DEPS]


def agents(verb: Any) -> list[Any]:
    """Objects of a passive "by" phrase."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def prep_objects(tok: Any, preps: frozenset[str]) -> list[Any]:
    """Objects of prepositions in ``preps`` attached to a token."""
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


RELATIVE_PRONOUNS = frozenset({"which", "that"})


def antecedent(tok: Any) -> Any:
    """What a relative pronoun stands for ("Debaltseve, which the separatists captured": Debaltseve); any other
    token is itself."""
    if tok.lower_ not in RELATIVE_PRONOUNS or tok.tag_ != "WDT":
        return tok
    verb = tok.head
    for _ in range(3):
        if verb.dep_ == "relcl":
            return verb.head
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return tok


def is_place(tok: Any, places: frozenset[int] = frozenset()) -> bool:
    """A token that names or denotes a place (toponym, entity label or place noun)."""
    if tok.i in places or tok.ent_type_ in PLACE_LABELS or PLACE_NOUNS & {tok.lower_, tok.lemma_.lower()}:
        return True
    return any(g.ent_type_ in PLACE_LABELS or g.i in places
               for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children)


# Clause links after which a finite verb with its own subject reports an event of its own.
INDEPENDENT = frozenset({"conj", "advcl", "ccomp", "parataxis"})
FINITE = frozenset({"VBD", "VBZ", "VBP"})
HURT = frozenset({"injure", "wound", "hurt", "maim"})
REPORTING = frozenset({"say", "report", "tell", "add", "claim", "state", "announce", "confirm", "note", "allege",
                       "accord", "quote", "cite", "insist", "warn", "explain", "write", "tweet", "show"})


def semicolon_between(a: Any, b: Any) -> bool:
    """A semicolon stands between two tokens: headlines set independent clauses side by side with one ("Twelve
    soldiers martyred as militants ambush convoy; TTP claims responsibility"), and the parser often hangs the
    first under the second's verb."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[lo + 1:hi])


def clause_chain(verb: Any, deps: tuple[str, ...] = ("acl", "relcl"), steps: int = 3) -> list[Any]:
    """The clause verb and, while it is a phrase of one of ``deps`` (a participle or a relative clause that
    describes a noun), the clause verbs that hold it, nearest first ("a motorcycle packed with explosives blew up":
    "packed", then "blew")."""
    chain = [verb]
    for _ in range(steps):
        cur = chain[-1]
        if cur.dep_ not in deps or cur.head.i == cur.i:
            break
        chain.append(clause_verb(cur.head))
    return chain


def same_clause(a: Any, b: Any) -> bool:
    """Two verbs belong to one event description unless one is a finite clause of its own."""
    if a.i == b.i:
        return True
    for x, y in ((a, b), (b, a)):
        cur = x
        for _ in range(6):
            if cur.i == y.i:
                return True
            if _own_clause(cur):
                break
            if cur.head.i == cur.i:
                break
            cur = cur.head
    return False


def _own_clause(verb: Any) -> bool:
    """A clause that can report an event of its own: a finite subordinate clause, or a conjunct
    with its own subject ("stormed the village and killed 22" is one event)."""
    if verb.dep_ not in INDEPENDENT or _when(verb) or reported(verb):
        return False
    if verb.dep_ == "conj":
        return _has_subject(verb) and not _hurt_too(verb)
    return verb.tag_ in FINITE or _has_subject(verb)


def _hurt_too(verb: Any) -> bool:
    """"Four people were killed and more than 30 injured last night when a bomb exploded": a conjunct that only
    counts the hurt, its verb elided, tells the same event's wounded, not an event of its own."""
    return verb.lemma_.lower() in HURT and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def reported(verb: Any) -> bool:
    """The clause is what a source said ("X killed 19, officials said"): one report, one unit."""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in REPORTING


def _when(verb: Any) -> bool:
    """"... killed when he stepped on a mine": a when/as/because clause tells the same event."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "because", "since", "by")
               for c in verb.children)


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
