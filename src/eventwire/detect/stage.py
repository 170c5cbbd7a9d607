"""The detect stage: sentences -> classified, resolved, de-duplicated mentions."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from eventwire.config import DetectSettings, Settings
from eventwire.detect._scorer import NONE, Scorer, Verdict, features
from eventwire.detect.build import DocContext, build_mention, hits_in
from eventwire.detect.classify import Decision, Rules, classify
from eventwire.detect.dedupe import dedupe
from eventwire.detect.lexicon import TRIGGER_CLASSES, Cue, cue_matcher, load_lexicon
from eventwire.detect.modality import generic, modality
from eventwire.detect.resolvers import Resolvers
from eventwire.detect.taxonomy import sub_event
from eventwire.detect.view import SentenceView, clause_verb, same_clause
from eventwire.resolve.actors import ARMED_TYPES, STATE, load_actor_dictionary
from eventwire.pipeline import Stage
from eventwire.records import Document, Mention

MAX_RETRIES = 3
GENERIC_FACTOR = 0.5  # "thousands have died": kept for recall, scored below the default threshold
SECOND_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
PERSISTENT_DOMAINS = ("nonpolitical", "sport", "fiction")  # a disaster, sports or film story stays one
LEAD_SENTENCES = 3  # the headline and lede set a story's domain; a later "talks" or "like rain" does not
WEAPON_CLASSES = frozenset({"chemical", "air", "shell", "ied", "grenade", "suicide"})
# The cue class of each weapon's sub-event type: the model retypes to one only on a cue of its weapon.
WEAPON_OF = {"Chemical weapon": "chemical", "Air/drone strike": "air", "Shelling/artillery/missile attack": "shell",
             "Remote explosive/landmine/IED": "ied", "Grenade": "grenade", "Suicide bomb": "suicide"}


def ruler_patterns() -> list[tuple[str, str]]:
    """(label, phrase) entity-ruler patterns for ParseStage: the actor dictionary's."""
    from eventwire.resolve.actors import load_actor_dictionary

    return list(load_actor_dictionary().patterns())


def _cues_by_sentence(sents: list[Any], cues: list[Cue]) -> dict[int, list[Cue]]:
    starts = [s.start for s in sents]
    grouped: dict[int, list[Cue]] = defaultdict(list)
    for cue in cues:
        grouped[bisect.bisect_right(starts, cue.start) - 1].append(cue)
    return grouped


def _readings(view: SentenceView, rules: Rules) -> Iterator[tuple[Decision | None, str]]:
    """Each decision the rules make in turn, with its modality: a rejected trigger gives way to the next cue, up
    to ``MAX_RETRIES``; ``(None, "none")`` ends the readings where the rules find nothing more."""
    for _ in range(MAX_RETRIES):
        decision = classify(view, rules)
        if decision is None:
            yield None, "none"
            return
        trig = view.sent.doc[decision.trigger.start:decision.trigger.end].root
        mood = modality(trig, verbal=decision.trigger.cls not in WEAPON_CLASSES | {"protest"})
        if mood == "descriptive" and decision.trigger.cls not in ("clash", "attack"):
            mood = "asserted"  # "students protesting fees" is the protest itself
        if mood == "asserted" and _embedded_history(trig, view.sent):
            mood = "embedded history"
        if mood == "asserted" and _source(trig):
            mood = "source"
        if mood == "asserted" and _reference(trig, view, decision, rules.words["group_heads"], rules.words["harm_verbs"]):
            mood = "reference"
        yield decision, mood
        if mood == "asserted":
            return
        view = SentenceView(view.sent, [c for c in view.cues if c.start != decision.trigger.start])


def _decide(view: SentenceView, rules: Rules) -> tuple[Decision | None, str, Decision | None]:
    """The sentence's decision and its modality (a rejected trigger gives way to the next cue), and, when no
    decision stands, the first one rejected only because it is told in a clause naming an earlier year ("El
    Aguaje is the community where gunmen killed 13 police officers in October 2019"): history, not nothing."""
    history = None
    for decision, mood in _readings(view, rules):
        if decision is None or mood == "asserted":
            return decision, mood, history
        if mood == "embedded history" and history is None:
            history = decision
    return None, "rejected", history


def read_sentence(view: SentenceView, rules: Rules) -> tuple[Decision | None, str, list[tuple[str, int | None]],
                                                            Decision | None]:
    """The rules' decision, its modality and the scorer's features for one sentence (the same at run
    time and in training/detect/train.py), and the decision told only as history (``_decide``)."""
    decision, mood, history = _decide(view, rules) if view.cues else (None, "none", None)
    return decision, mood, _features(view, decision, mood), history


def _features(view: SentenceView, decision: Decision | None, mood: str) -> list[tuple[str, int | None]]:
    rule = decision.sub_event_type if decision is not None else ("rejected" if mood == "rejected" else None)
    return features(view.sent, view.cues, rule, decision.trigger.cls if decision else None,
                    decision.rule if decision else None)


def _model_moot(view: SentenceView, decision: Decision | None, mood: str, history: Decision | None) -> bool:
    """Nothing the model reads can matter: the rules propose nothing, keep no history, and either rejected what
    they read or found no event word the model's own event could stand on (``_judge``)."""
    return decision is None and history is None and (
        mood != "none" or not any(c.cls in TRIGGER_CLASSES for c in view.cues))


def example_features(doc: Document, rules: Rules | None = None) -> list[tuple[str, int | None]]:
    """Features of a whole (one-sentence) training example, read as one sentence (pass ``rules``,
    ``Rules.load()`` once, when reading many)."""
    spacy_doc = doc.nlp
    rules = rules or Rules.load()
    cues = _present(spacy_doc, cue_matcher()(spacy_doc), rules.words["remembered"])
    cues = _named_groups(spacy_doc, cues, load_actor_dictionary().find(spacy_doc[:]))
    view = SentenceView(spacy_doc[:], cues, _place_tokens(spacy_doc, [(t.start, t.end) for t in doc.toponyms]))
    return read_sentence(view, rules)[2]


def _judge(view: SentenceView, decision: Decision | None, mood: str, verdict: Verdict,
           policy: DetectSettings, rules: Rules | None = None) -> tuple[Decision | None, bool]:
    """The model decides on the rules' proposal: keeps it, retypes it (only to another event type,
    protests and riots counting as one: within a type, the rules' reading of who did what to whom
    decides), doubts it, or (without a proposal, and when the rules found nothing to reject) makes an
    event of its own at high probability, on the lexicon event word that weighs most for its type.
    Returns (decision, doubted): a doubted proposal is kept only if the story stage tells it as history
    (the model reads references to past events as non-events; the story stage flags them instead)."""
    if decision is not None:
        label = verdict.label
        if label not in (NONE, decision.sub_event_type) and verdict.p(label) >= policy.retype_above and \
                _family(label) != _family(decision.sub_event_type) and not _means_only(view, label, rules):
            return Decision(label, decision.trigger, decision.score, rule=f"{decision.rule}>model"), False
        return decision, verdict.p_event < policy.keep_above
    if mood != "none" or verdict.label == NONE or verdict.p_event < policy.add_above:
        return None, False
    words = [c for c in view.cues if c.cls in TRIGGER_CLASSES and verdict.weights.get(view.token(c).i, 0.0) > 0]
    if not words:
        return None, False  # the model's own event needs an event word of the lexicon as its trigger
    cue = max(words, key=lambda c: (verdict.weights[view.token(c).i], -c.start))
    tok = view.token(cue)
    if modality(tok, verbal=tok.pos_ in ("VERB", "AUX")) not in ("asserted", "descriptive"):
        return None, False
    return Decision(verdict.label, Cue(cue.cls, cue.start, cue.end, verdict.probability, False), verdict.probability,
                    rule="model"), False


def _means_only(view: SentenceView, label: str, rules: Rules | None) -> bool:
    """Every cue of the weapon ``label`` is told as one of several arms, the means of a fight ("attacked the base
    ... using machine guns and rocket-propelled grenades"): the rules read the fight, and the model may not make it
    an attack of that weapon."""
    cls = WEAPON_OF.get(label)
    cues = view.by_class.get(cls, ()) if cls is not None and rules is not None else ()
    return bool(cues) and all(rules.among_arms(view, c) for c in cues)


def _family(sub_event_type: str) -> str:
    """The event type, with protests and riots one family: whether demonstrators or the police used
    violence is what the rules' reading of the sentence decides, not the words around it."""
    kind = sub_event(sub_event_type).event_type
    return "Demonstrations" if kind in ("Protests", "Riots") else kind


def _confidence(evidence: float, p: float | None) -> float:
    """A mention's confidence: the mean of the evidence score (trigger strength, roles, date, place,
    source; ``scoring.confidence``) and the model's probability of the mention's type. The evidence score
    alone was flat (on CASE tune 0.78 right from 0.5 to 0.8, 0.89 above); with the model's probability the
    events at 0.8 or more are right about nine times in ten (see ``eventwire eval``'s reliability table)."""
    if p is None:
        return evidence
    return round(max(0.05, min(0.5 * evidence + 0.5 * p, 0.99)), 3)


def _source(trig: Any) -> bool:
    """The trigger names who reports, not what happened: "killing six people, according to the local
    vigilante force" (a crowd word that would make a mob)."""
    cur = trig
    for _ in range(8):
        if cur.lower_ == "according":
            return True
        if cur.head.i == cur.i or cur.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj"):
            return False
        cur = cur.head
    return False


def _embedded_history(trig: Any, sent: Any) -> bool:
    """A trigger inside a relative or noun clause that names an earlier year ("the town that
    was the scene of a 2017 chemical attack") describes the past, not this sentence's news."""
    cur = trig
    for _ in range(6):
        if cur.dep_ in ("relcl", "acl", "appos") or cur.head.i == cur.i:
            break
        cur = cur.head
    if cur.dep_ not in ("relcl", "acl", "appos"):
        return False
    subtree = range(cur.left_edge.i, cur.right_edge.i + 1)
    return any(sent.doc[i].ent_type_ == "DATE" and sent.doc[i].like_num and len(sent.doc[i]) == 4
               for i in subtree) and not any(t.ent_type_ == "DATE" for t in sent if t.i not in subtree)


def _present(spacy_doc: Any, cues: list[Cue], remembered: frozenset[str]) -> list[Cue]:
    """Without the cues in what the sentence remembers ("marched through Kisumu on Saturday to mark five
    years since police shot dead 12 protesters"), when it tells a happening of its own: the march is
    news, the killing it marks is neither its trigger nor its context. A sentence that only remembers
    keeps them (the story stage tells that past as background)."""
    past = [c for c in cues if _remembered(spacy_doc[c.start], remembered)]
    if past and any(c.is_trigger for c in cues if c not in past):
        return [c for c in cues if c not in past]
    return cues


def _literal(spacy_doc: Any, cues: list[Cue], detonate: frozenset[str], erupted_into: frozenset[str]) -> list[Cue]:
    """Without a word of going off used as a figure: "a power struggle exploded into fighting" (the fighting is
    the happening, told by its own cue), not "the car exploded into flames"."""
    def figure(cue: Cue) -> bool:
        tok = spacy_doc[cue.start]
        return tok.lemma_.lower() in detonate and any(
            c.dep_ == "prep" and c.lower_ == "into" and any(o.dep_ == "pobj" and o.lemma_.lower() in erupted_into
                                                           for o in c.children) for c in tok.children)
    return [c for c in cues if not figure(c)]


def _named_groups(spacy_doc: Any, cues: list[Cue], hits: list[tuple[Any, Any]]) -> list[Cue]:
    """An armed group the actor dictionary names is armed, whatever words its name is made of ("the Volunteers for
    the Defence of the Homeland", "the Civilian Joint Task Force"), and so are its members ("members of the VDP"):
    no civilian cue inside such a name or on its members."""
    spans = [(span.start, span.end) for span, actor in hits if actor.type in ARMED_TYPES or actor.type == STATE]
    if not spans:
        return cues
    armed = spans + [(c.start, c.end) for c in cues if c.cls == "armed"]

    def inside(i: int, ranges: list[tuple[int, int]]) -> bool:
        return any(a <= i < b for a, b in ranges)

    def of_a_group(cue: Cue) -> bool:   # "members of the VDP"
        tok = spacy_doc[cue.end - 1]   # the parser may hang the "of" on a conjunct ("soldiers and members of X")
        return tok.lemma_.lower() == "member" and any(
            p.dep_ == "prep" and p.lower_ == "of" and p.i > tok.i and
            any(inside(o.i, armed) for o in p.children if o.dep_ == "pobj")
            for t in (tok, *tok.conjuncts) for p in t.children)

    kept = [c for c in cues if not (c.cls == "civilian" and (inside(c.start, spans) or of_a_group(c)))]
    return kept


def _remembered(trig: Any, remembered: frozenset[str]) -> bool:
    """The trigger is in what a word of remembering remembers ("to mark five years since police shot
    dead 12 protesters", "the anniversary of the bombing"): the past, not this sentence's news."""
    cur = trig
    for _ in range(6):
        if cur.head.i == cur.i or cur.dep_ in ("conj", "ccomp", "parataxis"):
            return False
        cur = cur.head
        if cur.lemma_.lower() in remembered:
            return True
    return False


def _reference(trig: Any, view: SentenceView, decision: Decision, group_heads: frozenset[str],
               harm_verbs: frozenset[str] = frozenset()) -> bool:
    """"declared martial law after the attack", "protest organisers": the trigger names another
    event or a group, while the sentence reports something else. Deaths told after it are its own ("three
    people were killed following an air strike on a market")."""
    if trig.dep_ == "compound" and trig.head.lemma_.lower() in group_heads:
        return True
    if _describes_whom_held(trig, view):
        return True
    if not (trig.dep_ == "pobj" and trig.head.lower_ in ("after", "following", "since")):
        return False
    phrase = range(trig.head.left_edge.i, trig.head.right_edge.i + 1)
    doc = trig.doc
    return any(c.is_trigger and c.start not in phrase and doc[c.start].lemma_.lower() not in harm_verbs
               for c in view.cues)


def _describes_whom_held(trig: Any, view: SentenceView) -> bool:
    """"police arrested the man who planted the bomb", "... the owner of the garage where the car bomb was
    assembled": a relative clause tells who the people held are; the sentence reports the arrest."""
    rel = trig if trig.dep_ == "relcl" else next((a for a in trig.ancestors if a.dep_ == "relcl"), None)
    if rel is None:
        return False
    inside = range(rel.left_edge.i, rel.right_edge.i + 1)
    return any(c.is_trigger and c.cls == "arrest" and c.start not in inside for c in view.cues)


def _clause_read_as_phrase(trig: Any) -> Any:
    """The verb of a clause the parser read as a prepositional phrase and a verb without a subject ("after [a
    missile from Syria] struck the town"): the trigger is that verb's subject. None otherwise."""
    if not (trig.dep_ == "pobj" and trig.head.dep_ == "prep"):
        return None
    end = trig.head.right_edge.i + 1
    verb = trig.doc[end] if end < len(trig.doc) else None
    if verb is None or verb.tag_ not in ("VBD", "VBZ", "VBP") or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    return verb


def _civilian_words() -> frozenset[str]:
    return frozenset(load_lexicon()["cues"]["civilian"]["terms"])


def _story_country(resolvers: Resolvers, doc: Document) -> str | None:
    """The country the story is about: the country of most of its resolved place names (where things happened:
    "Russian air strikes on Idlib" is about Syria, and its civilians are Syria's), else the most named country or
    demonym ("regime forces retook the city" with no place named), else the country the named groups fight in
    ("Maoists", "Naxals"), else any toponym's country."""
    places = Counter(t.place.country for t in doc.toponyms
                     if t.role == "place" and t.place is not None and t.place.country)
    if places:
        return places.most_common(1)[0][0]
    finder = getattr(resolvers.actors, "story_country", None)
    named = finder(doc.clean_text) if finder is not None else None
    if named:
        return named
    home = getattr(resolvers.actors, "home_country", None)
    named = home(doc.clean_text) if home is not None else None
    if named:   # "Maoists storm ...; 57 killed including 49 security personnel": Nepal's forces
        return named
    countries = Counter(t.place.country for t in doc.toponyms if t.place is not None and t.place.country)
    return countries.most_common(1)[0][0] if countries else None


def sentences(spacy_doc: Any) -> list[Any]:
    """The parser's sentences, cut at line breaks (headlines, captions, paragraphs) and re-joined
    where the parser cut mid-sentence (a piece that starts in lower case after no full stop)."""
    cached = spacy_doc.user_data.get(_SENTENCES)
    if cached is not None and cached[0] == len(spacy_doc):   # read by detection and the story stage alike
        return [spacy_doc[start:end] for start, end in cached[1]]
    from spacy.attrs import IS_SPACE

    spaces = (spacy_doc.to_array([IS_SPACE]) != 0).nonzero()[0].tolist() if len(spacy_doc) else []
    breaks = [i for i in spaces if "\n" in spacy_doc[i].text]
    out: list[Any] = []
    for sent in spacy_doc.sents:
        start = sent.start
        for i in breaks[bisect.bisect_left(breaks, sent.start):bisect.bisect_left(breaks, sent.end)]:
            if i > start:
                out.append(spacy_doc[start:i])
            start = i + 1
        if sent.end > start:
            piece = spacy_doc[start:sent.end]
            if out and start == sent.start and _continues_previous(out[-1], piece):
                out[-1] = spacy_doc[out[-1].start:piece.end]
            else:
                out.append(piece)
    spacy_doc.user_data[_SENTENCES] = (len(spacy_doc), [(s.start, s.end) for s in out])
    return out


_SENTENCES = ("eventwire", "sentences")


def _continues_previous(prev: Any, piece: Any) -> bool:
    first, last = piece[0], prev[-1]
    return first.is_lower and first.is_alpha and last.text not in (".", "!", "?", "”", "\"", ":", ";") \
        and prev.end == piece.start


def _place_tokens(spacy_doc: Any, toponyms: list[tuple[int, int]]) -> frozenset[int]:
    """Token indices covered by the toponyms the geo stage recognised."""
    out: set[int] = set()
    for start, end in toponyms:
        span = spacy_doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
    return frozenset(out)


def detect_mentions(doc: Document, resolvers: Resolvers | None = None, *, window_days: int = 7,
                    scorer: Scorer | None = None, policy: DetectSettings | None = None,
                    rules: Rules | None = None) -> list[Mention]:
    """Mentions of one parsed document (``doc.nlp`` set), in clean-text offsets; ``rules`` are the
    stage's (read anew from the package when not given)."""
    spacy_doc = doc.nlp
    sents = sentences(spacy_doc)
    resolvers = resolvers or Resolvers.default()
    ctx = DocContext(doc.id, doc.published, resolvers, sents, [(t.start, t.end) for t in doc.toponyms],
                     _civilian_words(), _story_country(resolvers, doc), window_days=window_days,
                     rules=rules or Rules.load(),
                     countries=frozenset((t.start, t.end) for t in doc.toponyms
                                         if t.place is not None and t.place.feature == "PCLI"))
    grouped = _cues_by_sentence(sents, cue_matcher()(spacy_doc))
    places = _place_tokens(spacy_doc, ctx.toponyms)
    mentions: list[Mention] = []
    nonpolitical = False  # an accident, disaster, sports or film story stays one
    for index, sent in enumerate(sents):
        cues = grouped.get(index)
        if not cues:
            ctx.previous_background = False
            continue
        cues = _present(spacy_doc, cues, ctx.rules.words["remembered"])
        cues = _literal(spacy_doc, cues, ctx.rules.words["detonate"], ctx.rules.words["erupted_into"])
        hits = hits_in(ctx, sent)
        cues = _named_groups(spacy_doc, cues, hits)
        view = SentenceView(sent, cues, places, nonpolitical)
        mentions.extend(_sentence(ctx, index, view, scorer, policy or DetectSettings(), hits))
        # after this sentence's own mentions: a headline that tells an attack as well as talks ("Kherson shelled
        # again; Kyiv prepares for Jeddah talks") sets no non-conflict domain for the story
        nonpolitical = nonpolitical or (index < LEAD_SENTENCES and not mentions
                                        and view.has(*PERSISTENT_DOMAINS) and not view.has("armed"))
    return dedupe(mentions, ctx.toponyms)


def _antecedents(hits: list[tuple[Any, Any]]) -> list[Any]:
    """Actors a later "the group" may refer to; "Al-Shabaab fighters" counts once, as Al-Shabaab."""
    out = []
    for i, (span, actor) in enumerate(hits):
        after_name = i > 0 and hits[i - 1][0].end == span.start and span.text.islower()
        if not after_name:
            out.append(actor)
    return out


def _sentence(ctx: DocContext, index: int, view: SentenceView, scorer: Scorer | None = None,
              policy: DetectSettings | None = None, hits: list[tuple[Any, Any]] | None = None) -> list[Mention]:
    """Up to two mentions: the sentence's main event and one in an independent clause."""
    vetoed, verdict = False, None
    decision, mood, history = _decide(view, ctx.rules)
    if scorer is not None and not _model_moot(view, decision, mood, history):
        verdict = scorer.score(_features(view, decision, mood))
        decision, vetoed = _judge(view, decision, mood, verdict, policy or DetectSettings(), ctx.rules)
    if decision is None and history is not None:   # kept only if the story stage tells it as history
        decision, vetoed = history, True
    else:
        history = None
    hits = hits_in(ctx, view.sent) if hits is None else hits
    mentions: list[Mention] = []
    second = _second_decision(view, decision, ctx.rules) if decision is not None else None
    if decision is not None:
        mentions.append(build_mention(ctx, index, view, decision, hits, view.has("hedge")))
        if verdict is not None:
            mentions[0].probability = round(verdict.p(decision.sub_event_type), 3)
        if vetoed:
            mentions[0].doubted = True
            mentions[0].story.append("told in a clause that names an earlier year: kept only if told as history"
                                     if history is not None else
                                     "the detector's model reads no event here: kept only if told as history")
        if generic(view.sent.doc[decision.trigger.start:decision.trigger.end].root, view.sent):
            mentions[0].confidence = round(mentions[0].confidence * GENERIC_FACTOR, 3)
        if second is not None:
            mentions.append(build_mention(ctx, index, second[0], second[1], hits, view.has("hedge")))
        ctx.previous_background = mentions[0].is_background
    ctx.previous_actors.extend(_antecedents(hits))
    ctx.previous_actors.extend(m.actor1 for m in mentions if m.actor1 is not None)  # likeliest antecedents
    return mentions


def _second_decision(view: SentenceView, first: Decision, rules: Rules) -> tuple[SentenceView, Decision] | None:
    """Another event in a clause of its own ("..., while a bomb killed five at the base")."""
    if sub_event(first.sub_event_type).event_type in ("Protests", "Riots"):
        return None  # arrests or beatings at a protest are part of it
    doc = view.sent.doc
    verb = clause_verb(doc[first.trigger.start:first.trigger.end].root)
    found = first.sub_event_type == "Other"  # a grave found and the killings it holds are two events
    rest = [c for c in view.cues if c.start != first.trigger.start and (
        found or not same_clause(clause_verb(view.token(c)), verb))]
    # weak words of another clause are read only when that clause tells a day of its own (a cheap test first)
    if not any(c.is_trigger for c in rest) and not any(
            _told_on_another_day(verb, view.token(c)) for c in rest if c.cls in TRIGGER_CLASSES):
        return None
    other = SentenceView(view.sent, rest, view.places, view.nonpolitical_context)
    decision, *_ = _decide(other, rules)
    misread = _clause_read_as_phrase(doc[first.trigger.start:first.trigger.end].root)
    if decision is None:
        return None
    trig = doc[decision.trigger.start:decision.trigger.end].root
    # a clause with a date of its own tells its own happening, even of the first's kind or on a weak word
    # ("Rebels seized the town in January 2013, and the army recaptured it in May")
    another_day = _told_on_another_day(verb, trig)
    if (decision.trigger.weak and not another_day) or _harm_of(trig, verb, view, rules.words["harm_verbs"], misread):
        return None
    kind = sub_event(decision.sub_event_type).event_type
    if kind not in SECOND_TYPES or (kind == sub_event(first.sub_event_type).event_type and not another_day):
        return None
    return other, decision


def _told_on_another_day(first: Any, second: Any) -> bool:
    """Two clauses of one kind, each with a date of its own that the other does not share, tell two happenings
    ("In July 2014 Boko Haram overran the town, before troops recaptured it in August 2014"; "Kunduz fell in
    September 2015, and its fighters overran parts of it again in 2016"). ``first``: the first clause's verb;
    ``second``: the other trigger."""
    other = clause_verb(second)

    def own_dates(verb: Any, beside: Any) -> set[str]:
        mine = {t.i for t in verb.subtree}
        theirs = {t.i for t in beside.subtree}
        if beside.i in mine:
            mine -= theirs   # a clause nested in this one keeps its own dates
        return {e.text.lower() for e in verb.sent.ents if e.label_ == "DATE"
                and all(t.i in mine for t in e) and any(t.like_num or t.is_title for t in e)}

    one, two = own_dates(first, other), own_dates(other, first)
    return bool(one and two and not one & two)

def _harm_of(tok: Any, first: Any, view: SentenceView, harm_verbs: frozenset[str], misread: Any = None) -> bool:
    """"Twelve people were killed after four suicide bombers struck": a clause that only tells who
    died or was hurt, with no doer and no place of its own, is the other clause's toll; so is one whose place is
    the only one the sentence names ("In Beryslav, a woman died of her injuries after the occupiers shelled the town
    centre": the shelling's place too)."""
    if tok.lemma_.lower() not in harm_verbs:
        return False
    # a relative pronoun is no doer of its own: "an air strike on a school that killed 11 people"
    if any(c.dep_ == "agent" or (c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")) for c in tok.children) \
            and tok.lemma_.lower() != "die":
        return False
    theirs = {t.i for t in first.subtree} if tok.i in {a.i for a in first.ancestors} else set()
    if misread is not None:   # "killed after a missile struck [the town of Reyhanli]": the strike's place
        theirs |= {t.i for t in misread.subtree}
    if not any(t.i in view.places for t in tok.subtree if t.i not in theirs):
        return True
    own = {t.i for t in tok.subtree if t.i in view.places and clause_verb(t).i == tok.i}
    return bool(theirs) and {i for i in view.places if view.sent.start <= i < view.sent.end} <= own


class DetectStage(Stage):
    """Sets ``doc.mentions`` from ``doc.nlp``; mentions below ``min_confidence`` are dropped."""

    name = "detect"
    requires = ("nlp", "toponyms")
    provides = ("mentions",)

    def __init__(self, settings: Settings, *, resolvers: Resolvers | None = None) -> None:
        self.min_confidence = settings.extract.min_confidence
        self.window_days = settings.story.window_days
        self.resolvers = resolvers or Resolvers.default()
        self.policy = settings.detect
        self.story = settings.story.enabled   # the story stage settles doubted mentions; without it, here
        self.rules = Rules.load()  # data/rules.toml, read once per stage
        self.scorer = Scorer.load(settings.detect.model or None) if settings.detect.scorer else None
        cue_matcher()

    def __call__(self, doc: Document) -> Document:
        if doc.nlp is None:
            doc.mentions = []
            return doc
        found = detect_mentions(doc, self.resolvers, window_days=self.window_days, scorer=self.scorer,
                                policy=self.policy, rules=self.rules)
        doc.mentions = [m for m in found if m.confidence >= self.min_confidence
                        and (self.story or not m.doubted or m.is_background)]
        for m in doc.mentions:
            m.confidence = _confidence(m.confidence, m.probability)
        return doc
