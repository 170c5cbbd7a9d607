"""From one classified sentence to a ``Mention``: roles, date, background, fatalities, attribution.

All spans are in clean-text offsets (the pipeline's ``Finalize`` maps them to
the raw text).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from eventwire.detect.classify import Decision
from eventwire.detect.location import location_text
from eventwire.detect.lexicon import modality_words
from eventwire.detect.modality import background_cue
from eventwire.detect.resolvers import Resolvers
from eventwire.detect.roles import ActorLookup, Roles, claimed_later, find_roles, side_of_the_dead, transfer_sides
from eventwire.detect.scoring import Evidence, confidence, tag_evidence, tags_for
from eventwire.detect.taxonomy import sub_event
from eventwire.detect.view import SentenceView, clause_chain, clause_verb
from eventwire.parse import text_of
from eventwire.records import Actor, DateSpan, Fatalities, Mention, Span
from eventwire.resolve.fatalities import count_value

NO_FATALITY_TYPES = frozenset({"Agreement", "Change to group/activity", "Headquarters or base established",
                               "Non-violent transfer of territory", "Peaceful protest", "Arrests",
                               "Disrupted weapons use", "Protest with intervention"})


@dataclass(slots=True)
class DocContext:
    """What the detector carries from sentence to sentence within one document."""

    document_id: str
    published: str | None
    resolvers: Resolvers
    sentences: list[Any]
    toponyms: list[tuple[int, int]]
    civilian_words: frozenset[str]
    country: str | None = None
    previous_actors: list[Actor] = field(default_factory=list)
    actor_hits: dict[int, list[Any]] = field(default_factory=dict)   # the actor dictionary's hits per sentence start
    previous_background: bool = False
    background_date: DateSpan | None = None
    window_days: int = 7                 # the reporting window ([story] window_days)
    rules: Any = None                    # the detect stage's compiled rules (detect._engine.Rules)
    countries: frozenset[tuple[int, int]] = frozenset()   # the toponyms that name a country


def span_of(obj: Any) -> Span:
    """Clean-text ``Span`` of a spaCy Token or Span."""
    if hasattr(obj, "start_char"):
        return Span(obj.start_char, obj.end_char, obj.text)
    return Span(obj.idx, obj.idx + len(obj.text), obj.text)


def _background(ctx: DocContext, trig: Any, sent: Any, date: DateSpan) -> tuple[bool, Any | None]:
    """(is background, the cue) from a past date, a history marker, or a continued history."""
    if date.text and ctx.resolvers.is_past_reference(date, ctx.published, days=ctx.window_days):
        return True, date.span
    cue = background_cue(trig, sent)
    if cue is not None and date.text and ctx.published and _pluperfect_cue(cue, trig) \
            and _time_of_clause(date, trig, sent, cue):
        # "By Monday morning the rebels had taken control", "on Thursday had been raped": a pluperfect
        # whose sentence names a time inside the window tells the story's own days (unless another cue
        # tells history: "had been killed since January")
        cue = background_cue(trig, sent, beside_pluperfect=True)
    if cue is not None and date.text and ctx.published and _other_clause(cue, trig) \
            and _time_of_clause(date, trig, sent):
        # "struck ... on Thursday afternoon, in one of the deadliest attacks since Moscow opened a new offensive
        # last month": a history word in another clause tells that clause's time; the trigger's own clause
        # tells a time inside the window
        cue = None
    if cue is not None:
        return True, span_of(cue)
    if ctx.previous_background and not date.text and _continues(sent):
        return True, None
    return False, None


def _event_clauses(trig: Any) -> list[Any]:
    """The trigger's clause verb and, while that clause tells the time of the one it hangs on ("Two soldiers were
    killed on Tuesday when their positions came under mortar fire": "came", then "killed"), that clause's verb."""
    simultaneous = modality_words()["simultaneous"]
    verbs = [clause_verb(trig)]
    for _ in range(3):
        verb = verbs[-1]
        if verb.dep_ != "advcl" or verb.head.i == verb.i or \
                not any(c.dep_ in ("advmod", "mark") and c.lower_ in simultaneous for c in verb.children):
            break
        verbs.append(clause_verb(verb.head))
    return verbs


def _other_clause(cue: Any, trig: Any) -> bool:
    """The history cue is told in a clause under the trigger's own ("since ... opened ... last month"), or in one
    that hangs on the verb of saying the trigger's clause is told under ("Two soldiers were killed on Tuesday ...,
    the military said, as Ukraine prepared to mark the fifth anniversary of its worst defeat")."""
    head = cue if hasattr(cue, "i") else cue.root
    own = _event_clauses(trig)
    if clause_verb(head).i in {v.i for v in own}:
        return False
    top = own[-1]
    saying = top.head if top.dep_ == "ccomp" and top.head.i != top.i else None
    return any(head in v.subtree for v in own) or (saying is not None and head in saying.subtree)


def _pluperfect_cue(cue: Any, trig: Any) -> bool:
    """The history cue is a pluperfect: the trigger's own clause verb ("had taken") or "had been"."""
    if hasattr(cue, "i"):
        return cue.i == clause_verb(trig).i and cue.tag_ == "VBN"
    return cue.text.lower() == "had been"


def _time_of_clause(date: DateSpan, trig: Any, sent: Any, cue: Any = None) -> bool:
    """The date governs the trigger's clause or the pluperfect's own (``cue``: "On Saturday, fighters attacked men
    who had been ordered to dig trenches"), not a verb of saying around it ("officials said on Monday that
    2,000 people had been killed"). A time told before the sentence, as the heading of its paragraph, governs
    every clause of it."""
    doc = trig.doc
    if date.span and date.span.end <= sent.start_char:
        return True   # "Saturday: ..."
    span = doc.char_span(date.span.start, date.span.end, alignment_mode="expand") if date.span else None
    if span is None or len(span) == 0:
        return False
    # "four women collecting firewood on Thursday had been raped": the scene of its subject
    governors = {v.i for v in clause_chain(clause_verb(span.root), ("acl", "relcl", "csubj", "csubjpass"))}
    own = {v.i for v in _event_clauses(trig)}
    if cue is not None and not hasattr(cue, "i"):   # "had been": the verb it is the auxiliary of
        own.add(clause_verb(cue[-1].head if cue[-1].head.i != cue[-1].i else cue[-1]).i)
    return bool(governors & own)


def _history_date(ctx: DocContext, date: DateSpan) -> DateSpan:
    """A background event's own date; without a cue, "some time since the last dated history"."""
    if date.text:
        ctx.background_date = date
        return date
    since = ctx.background_date.start if ctx.background_date else None
    return DateSpan(since, ctx.published, 3, None, None)


def _continues(sent: Any) -> bool:
    """The sentence goes on about the previous one's subject ("It used ...", "The group ...") or points back to the
    stretch told before it (lexicon: modality.told_stretches)."""
    stretches = modality_words()["told_stretches"]
    if any(t.lower_ in ("that", "those") and t.dep_ == "det" and t.head.lemma_.lower() in stretches for t in sent):
        return True   # "One of the deadliest strikes in that conflict ...", "During those weeks, ..."
    subj = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    return subj.pos_ == "PRON" or (subj.i > sent.start and sent.doc[subj.i - 1].lower_ == "the"
                                   and subj.lower_ in ("group", "militants", "extremists", "jihadists"))


def _attribution(ctx: DocContext, index: int) -> tuple[Any, bool]:
    """The sentence's source (the resolver follows "the source added" back to its antecedent).

    A source found outside the sentence is kept only for quotes and short
    captions (flagged as neighbour): a history paragraph is not what the
    next sentence's analyst said.
    """
    sent = ctx.sentences[index]
    found = ctx.resolvers.find_attribution(sent, sent.doc)
    span = getattr(found, "span", None)
    if found is None or span is None or sent.start_char <= span.start < sent.end_char:
        return found, False
    return (found, True) if _is_quote(sent) else (None, False)


def _is_quote(sent: Any) -> bool:
    """A quotation (the sentence opens with a quote mark), not a name in quotes."""
    return sent.text.lstrip()[:1] in ("“", "\"", "«")


def _fatalities(ctx: DocContext, sent: Any, name: str, anchor: int, roles: Roles, place: Any) -> Fatalities:
    """The count nearest the trigger (``anchor``, a char offset): two counts in one sentence
    ("11 died in the shelling and 6 in the raid") go to their own events.

    A combined toll is split when actor2 is a named subset of the dead and the total is not one
    happening's: it has no place ("127 killed yesterday including 16 members of X") or the text
    counts the other dead apart ("... including 10 members of X and 35 civilians"). The event on
    X counts the subset."""
    if name in NO_FATALITY_TYPES:
        return Fatalities()
    found = ctx.resolvers.extract_fatalities(sent, anchor=anchor)
    part = _subset_count(roles)
    if part is None or found.best is None or part[0] >= found.best:
        return found
    if place is not None and not _counted_apart(roles.victims, sent):
        return found
    return Fatalities(part[0], part[0], part[0], part[1].text, part[1])


def _subset_count(roles: Roles) -> tuple[int, Span] | None:
    """(count, span) of the victims' named subset: "including 14 members of X" -> 14."""
    head = roles.victims
    if head is None or head.dep_ != "pobj" or head.head.lower_ not in ("including", "among"):
        return None
    num = next((c for c in head.children if c.dep_ == "nummod"), None)
    value = count_value(num.text) if num is not None else None
    return (value, span_of(head.doc[num.i:head.i + 1])) if value else None


def _counted_apart(head: Any, sent: Any) -> bool:
    """Another count of people follows the subset ("... and 35 civilians", "and about 10 others")."""
    return any(t.like_num and t.ent_type_ != "DATE" and t.head.i != head.i
               for t in sent.doc[head.i + 1:sent.end])


def build_mention(ctx: DocContext, index: int, view: SentenceView, decision: Decision,
                  hits: list[tuple[Any, Actor]], hedged: bool) -> Mention:
    """The Mention for a sentence's decision (roles, date, background, numbers, source)."""
    sent = view.sent
    trig_span = sent.doc[decision.trigger.start:decision.trigger.end]
    trig = trig_span.root
    kind = sub_event(decision.sub_event_type)
    lookup = ActorLookup(ctx.resolvers.actors, hits, ctx.previous_actors, ctx.country)
    roles = find_roles(trig, lookup, civilian_words=ctx.civilian_words, opposing=kind.event_type == "Battles",
                       event_type=kind.event_type)
    if kind.name == "Non-violent transfer of territory":
        transfer_sides(trig, lookup, roles)
    claimed_later([(later, hits_in(ctx, later)) for later in _later_in_paragraph(ctx, index)], lookup, roles)
    date = ctx.resolvers.resolve_date(sent, ctx.published, anchor=trig.idx)
    is_bg, bg_cue = _background(ctx, trig, sent, date)
    date = _history_date(ctx, date) if is_bg else date
    attribution, neighbour = _attribution(ctx, index)
    place = location_text(trig, ctx.toponyms, ctx.countries)
    fatalities = _fatalities(ctx, sent, kind.name, trig.idx, roles, place)
    side_of_the_dead(sent, fatalities.span, lookup, roles)
    mention = Mention(document_id=ctx.document_id, event_type=kind.event_type, sub_event_type=kind.name,
                      trigger=span_of(trig_span), sentence=span_of(sent), cameo=kind.cameo, plover=kind.plover,
                      date=date, is_background=is_bg, location_text=place, fatalities=fatalities,
                      rule=decision.rule or None)
    _set_roles(mention, roles)
    _set_attribution(mention, attribution)
    mention.tags = tags_for(view, kind.name, kind.event_type)
    mention.confidence = confidence(Evidence(
        decision.score, decision.trigger.weak, sum(a is not None for a in (roles.actor1, roles.actor2)),
        bool(date.text), place is not None, attribution is not None, hedged, neighbour))
    mention.evidence = _evidence(mention, bg_cue, attribution) + tag_evidence(view, mention.tags)
    mention.evidence = sorted({(e.start, e.end): e for e in mention.evidence}.values(), key=lambda e: e.start)
    return mention


def hits_in(ctx: DocContext, sent: Any) -> list[Any]:
    """The actor dictionary's (span, actor) hits in a sentence, found once per document and sentence."""
    hits = ctx.actor_hits.get(sent.start)
    if hits is None:
        actors = ctx.resolvers.actors
        hits = ctx.actor_hits[sent.start] = list(actors.find(sent, context_country=ctx.country)) if actors else []
    return hits


def _later_in_paragraph(ctx: DocContext, index: int, most: int = 2) -> list[Any]:
    """Up to ``most`` sentences after sentence ``index``, while no blank line parts them."""
    out, sents = [], ctx.sentences
    for i in range(index + 1, min(index + 1 + most, len(sents))):
        if "\n\n" in text_of(sents[i].doc)[sents[i - 1].end_char:sents[i].start_char]:
            break
        out.append(sents[i])
    return out


def _set_roles(mention: Mention, roles: Roles) -> None:
    mention.actor1, mention.actor2 = roles.actor1, roles.actor2
    mention.assoc_actor_1, mention.assoc_actor_2 = roles.assoc_actor_1, roles.assoc_actor_2
    mention.civilian_targeting = roles.civilian_targeting
    mention.claimed_by = roles.claimed_by


def _set_attribution(mention: Mention, attribution: Any) -> None:
    if attribution is not None:
        mention.attribution = attribution.text
        mention.attribution_type = attribution.type


def _evidence(m: Mention, bg_cue: Span | None, attribution: Any) -> list[Span]:
    """Every span that supports a filled field, in text order, without repeats."""
    spans = [m.trigger, m.location_text, m.date.span, m.fatalities.span, bg_cue,
             getattr(attribution, "span", None)]
    spans += [a.span for a in (m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2) if a is not None]
    unique = {(s.start, s.end): s for s in spans if isinstance(s, Span)}
    return [unique[k] for k in sorted(unique)]
