"""Where the event happened, as the syntax tells it: the place name attached to the trigger.

"clashes in X", "strike near X", "recaptured (the city of) X", "X's recapture",
"an explosion at the site in X". Destinations ("retreating to X", "fled into
X") and origins ("fired from X") are not event locations.
"""

from __future__ import annotations

from typing import Any

from eventwire.detect.view import PLACE_LABELS, PLACE_NOUNS, clause_verb, objects, prep_objects
from eventwire.records import Span

LOCATIVE = frozenset({"in", "at", "near", "around", "outside", "inside", "on", "across", "throughout",
                      "within", "off", "along", "of", "nearby", "close", "between", "over"})
NESTED = frozenset({"of", "in", "near", "outside", "at", "on"})
AT = frozenset({"in", "at", "near", "outside", "inside", "around"})   # where a thing acted on lies
# Nouns that make the proper noun attached to them a place name ("Zahra neighbourhood", "city of X").
PLACE_HEADS = PLACE_NOUNS | {"outskirts", "outskirt", "edge", "heart", "suburbs", "streets", "street", "market",
                             "square", "neighbourhood", "camp", "farms", "quarter"}
OUT_BACK = frozenset({"out", "back"})
OUT_OF = frozenset({"of", "from"})
TERRITORY = frozenset({"recapture", "retake", "capture", "seize", "overrun", "overran", "liberate",
                       "regain", "control", "take", "storm", "enter", "occupy", "reclaim"})


def location_text(trig: Any, toponyms: list[tuple[int, int]],
                  countries: frozenset[tuple[int, int]] = frozenset()) -> Span | None:
    """The clean-text span of the place name the event happened at, if the syntax tells: the first one, unless
    it names a country (``countries``: toponym offsets) and the syntax also puts the event at a place in it
    ("killed three soldiers near Dori in Burkina Faso": Dori, the most specific place)."""
    first = None
    for tok in _candidates(trig):
        name = _name(tok, toponyms) or _nested_name(tok, toponyms)
        if name is None:
            continue
        span = Span(name.start_char, name.end_char, name.text)
        if (span.start, span.end) not in countries:
            return span
        first = first or span
    return first


def _candidates(trig: Any) -> list[Any]:
    verb = clause_verb(trig)
    told_in = prep_objects(trig, LOCATIVE)
    # "drove the jihadists out of Timbuktu", "pushed the rebels back from Kidal": where they were driven from
    # (before where the sentence sets it: "out of Timbuktu, in northern Mali")
    outs = [c for c in trig.children if c.lower_ in OUT_BACK and c.dep_ in ("prt", "prep", "advmod")]
    cands = [p for out in outs for p in prep_objects(out, OUT_OF)] + (prep_objects(trig, OUT_OF) if outs else [])
    cands += told_in
    cands += [c for c in trig.children if c.dep_ == "poss"]
    if trig.lemma_.lower() in TERRITORY or verb.lemma_.lower() in TERRITORY:
        cands += objects(verb) + [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.i != trig.i:
        cands += prep_objects(verb, LOCATIVE)
    for sub in verb.children:  # "... shot while driving in X": the circumstance clause's place
        if sub.dep_ in ("advcl", "conj") and sub.pos_ == "VERB":
            cands += prep_objects(sub, LOCATIVE - {"of"})
    cands += [c for c in trig.children if c.dep_ in ("compound", "npadvmod") and c.ent_type_ in PLACE_LABELS]
    for arg in objects(verb) + prep_objects(verb, frozenset({"with", "against", "on"})) + objects(trig):
        cands += prep_objects(arg, AT)
    # "5 dead in raids targeting a town in Quneitra countryside": what the happening named by the trigger or by
    # the words it is told in was aimed at, and where
    for head in (trig, *told_in):
        for acl in (c for c in head.children if c.dep_ == "acl" and c.pos_ == "VERB"):
            cands += prep_objects(acl, LOCATIVE - {"of"})
            for arg in objects(acl):
                cands += [arg, *prep_objects(arg, AT)]
    return [c for t in cands for c in (t, *t.conjuncts)]


def _toponym_at(tok: Any, toponyms: list[tuple[int, int]]) -> tuple[int, int] | None:
    for start, end in toponyms:
        if start <= tok.idx < end:
            return start, end
    return None


def _name(tok: Any, toponyms: list[tuple[int, int]]) -> Any | None:
    """The place-name span at a token: a toponym, a place entity, or the name of a place noun."""
    parts = [c for c in tok.children if c.dep_ in ("compound", "poss", "appos", "nmod")]
    for t in [tok, *parts]:
        hit = _toponym_at(t, toponyms)
        if hit is not None:
            return t.doc.char_span(hit[0], hit[1], alignment_mode="expand")
        if t.ent_type_ in PLACE_LABELS:
            return next(e for e in t.doc.ents if e.start <= t.i < e.end)
    if tok.lemma_.lower() in PLACE_HEADS:
        names = [c for c in parts if c.pos_ == "PROPN"]
        if names:
            return _proper_phrase(names[0])
    return None


def _proper_phrase(tok: Any) -> Any:
    """A proper name with its compound parts ("Chebaa Farms", "Nuevo Laredo")."""
    start = min([tok.i] + [c.i for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"])
    return tok.doc[start:tok.i + 1]


def _nested_name(tok: Any, toponyms: list[tuple[int, int]], depth: int = 2) -> Any | None:
    """"the town of X", "the site in X", "the outskirts of the city of X": the name down a preposition."""
    for inner in prep_objects(tok, NESTED):
        name = _name(inner, toponyms)
        if name is None and tok.lemma_.lower() in PLACE_HEADS and inner.pos_ == "PROPN":
            name = _proper_phrase(inner)  # "the city of Karachi" whatever the tagger calls Karachi
        if name is None and depth > 1:
            name = _nested_name(inner, toponyms, depth - 1)
        if name is not None:
            return name
    return None
