"""What the story stage knows of each mention: its sentence, anchors, frame and totals.

A *cue* is read once per mention from the parsed document (``doc.nlp``):

* anchors: an explicit time in its sentence, a place named in its sentence below
  country level, a death toll; a mention with none of them cannot be placed or
  dated by a coder on its own;
* frame: the word class (``history`` or ``talk``, ``data/story.toml``) of a word
  that governs the trigger ("the trial over the 2013 bombing", "investigate the
  attack");
* anaphora: a definite description ("the attack", "the blast") that refers back;
* total: the sentence sums many events ("so far this year", "a wave of attacks").
"""

from __future__ import annotations

import bisect
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from typing import Any

from eventwire.detect.view import REPORTING, agents, clause_verb, semicolon_between, subjects
from eventwire.parse import text_of
from eventwire.records import Mention
from eventwire.resolve.dates import parse_published
from eventwire.resolve.fatalities import count_value
from eventwire.story._time import over_years

MAX_UP = 6          # dependency levels searched above a trigger for a frame word
ANTECEDENT_WINDOW = 6   # words before "in which" searched for the war the clause tells of
COUNTED_MANY = 10       # happenings counted by at least this number are many events ("more than 1,000 air strikes")
COUNTED_MANY_WORDS = frozenset({"dozens", "scores", "hundreds", "thousands"})

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(frozen=True)
class StoryLexicon:
    """The word classes of ``data/story.toml``, loaded once per stage."""

    history: frozenset[str]
    talk: frozenset[str]
    reporting: frozenset[str]
    history_lede: frozenset[str]
    present_types: frozenset[str]
    news_opener: re.Pattern[str]
    history_lede_phrases: re.Pattern[str]
    history_headings: frozenset[str]
    legal_triggers: frozenset[str]
    courts: frozenset[str]
    habitual: frozenset[str]
    habitual_adjectives: frozenset[str]
    harm_nouns: frozenset[str]
    toll_nouns: frozenset[str]
    harm_verbs: frozenset[str]
    dying_verbs: frozenset[str]
    blame: frozenset[str]
    claim_verbs: frozenset[str]
    venue_verbs: frozenset[str]
    totals: re.Pattern[str]
    anaphora: frozenset[str]
    aggregate_subjects: frozenset[str]
    aggregate_stretches: frozenset[str]
    violent_anaphora: frozenset[str]
    occurring: frozenset[str]
    new_happening: re.Pattern[str]
    stretch: re.Pattern[str]
    earlier_in_month: re.Pattern[str]
    relative_days: re.Pattern[str]
    calendar_date: re.Pattern[str]
    days_after: tuple[tuple[re.Pattern[str], int | str | None], ...]
    after_happening: re.Pattern[str]
    came_after: re.Pattern[str]
    elapsed_units: dict[str, int]
    elapsed_preps: frozenset[str]
    ended_by: frozenset[str]
    rank: dict[str, int]
    families: dict[str, frozenset[str]]
    retelling: frozenset[tuple[str, str]]
    combined: dict[frozenset[str], str]
    responses: frozenset[str]

    @classmethod
    def load(cls) -> StoryLexicon:
        data = tomllib.loads(resources.files("eventwire").joinpath("data/story.toml").read_text("utf-8"))
        totals = "|".join(f"(?:{p})" for p in data["totals"]["patterns"])
        other = "|".join(re.escape(p) for p in data["coref"]["new_happening"])
        openers = "|".join(re.escape(p) for p in data["coref"]["new_happening_openers"])
        clause_start = r"(?:^\W*|[,;:\u2013\u2014]\s*|\b(?:and|but|while)\s+)"
        families: dict[str, set[str]] = {}
        for name, types in data["families"].items():
            for t in types:
                families.setdefault(t, set()).add(name)
        words = lambda section, key: frozenset(data[section][key])  # noqa: E731
        return cls(
            history=words("frames", "history"), talk=words("frames", "talk"), reporting=words("frames", "reporting"),
            legal_triggers=words("frames", "legal_triggers"), courts=words("frames", "courts"),
            habitual=words("frames", "habitual"),
            habitual_adjectives=words("frames", "habitual_adjectives"),
            harm_nouns=words("frames", "harm_nouns"), toll_nouns=words("frames", "toll_nouns"),
            harm_verbs=words("frames", "harm_verbs"),
            dying_verbs=words("frames", "dying_verbs"),
            blame=words("frames", "blame"),
            claim_verbs=words("frames", "claim_verbs"),
            venue_verbs=words("frames", "venue_verbs"),
            history_lede=words("genre", "history_lede"), present_types=words("genre", "present_types"),
            news_opener=re.compile(rf"^\W*(?:{'|'.join(re.escape(w) for w in data['genre']['news_openers'])})\b",
                                   re.IGNORECASE),
            history_lede_phrases=re.compile("|".join(data["genre"]["history_lede_phrases"])),
            history_headings=words("genre", "history_headings"),
            totals=re.compile(rf"\b(?:{totals})", re.IGNORECASE),
            anaphora=words("anaphora", "nouns"), aggregate_subjects=words("aggregates", "subjects"),
            aggregate_stretches=words("aggregates", "stretches"),
            violent_anaphora=words("anaphora", "violent"), occurring=words("anaphora", "occurring"),
            new_happening=re.compile(rf"\b(?:{other}|{data['coref']['came_after_another']})\b|"
                                     rf"{clause_start}(?:{openers})\b|\b(?:earlier|later),", re.IGNORECASE),
            stretch=re.compile(data["time"]["stretch"], re.IGNORECASE), rank=dict(data["specificity"]),
            earlier_in_month=re.compile(data["time"]["earlier_in_month"], re.IGNORECASE),
            relative_days=re.compile(data["time"]["relative_days"], re.IGNORECASE),
            calendar_date=re.compile(data["time"]["calendar_date"]),
            days_after=(*((re.compile(rf"\b{p}\b", re.IGNORECASE), 0) for p in data["time"]["same_day"]),
                        *((re.compile(rf"\b{p}\b", re.IGNORECASE), 1) for p in data["time"]["next_day"]),
                        *((re.compile(rf"\b{p}\b", re.IGNORECASE), -1) for p in data["time"]["previous_day"]),
                        (re.compile(data["time"]["days_later"], re.IGNORECASE), None),
                        (re.compile(data["time"]["ordinal_day"], re.IGNORECASE), "ordinal"),
                        (re.compile(data["time"]["days_earlier"], re.IGNORECASE), "before"),
                        (re.compile(data["time"]["weeks_later"], re.IGNORECASE), "weeks"),
                        (re.compile(data["time"]["weeks_earlier"], re.IGNORECASE), "weeks before")),
            after_happening=re.compile(
                rf"\b(?:(?P<n>[a-z]+|\d{{1,2}}) (?P<unit>days|weeks)|(?:the|a|one) (?P<one>day|week)) (?:after|before) "
                rf"(?:the|its|this|that) (?:[\w-]+ ){{0,3}}?(?:{'|'.join(sorted(data['anaphora']['violent']))})\b",
                re.IGNORECASE),
            came_after=re.compile(data["time"]["came_after"], re.IGNORECASE),
            elapsed_units=dict(data["time"]["elapsed_units"]), elapsed_preps=words("time", "elapsed_preps"),
            ended_by=words("totals", "ended_by"),
            families={t: frozenset(f) for t, f in families.items()},
            retelling=frozenset((g, t) for g, types in data["retelling"].items() for t in types),
            combined={frozenset(k.split(" + ")): v for k, v in data["combined"].items()},
            responses=words("responses", "types"))

    def retells(self, a: str, b: str) -> bool:
        """Two anchored mentions' types that may tell one happening."""
        return a == b or (a, b) in self.retelling or (b, a) in self.retelling

    def related(self, a: str, b: str) -> bool:
        """Two sub-event types that may be told of one happening."""
        return a == b or bool(self.families.get(a, frozenset()) & self.families.get(b, frozenset()))


@dataclass
class Cue:
    """One mention as the story stage reads it."""

    mention: Mention
    sentence: int                       # index among the document's sentences
    position: int                       # order of the mention in the document
    has_time: bool = False              # an explicit time expression in its sentence
    has_place: bool = False             # a place below country level (town, district, province) named in it
    place_up: bool = False              # such a place named where its subjectless participle hangs ("burst into
                                        # X, shooting dead two guards"): where the happening was, not a clue to
                                        # which happening it is
    has_toll: bool = False
    frame: str | None = None            # "history" / "talk" and the word behind it
    frame_word: str | None = None
    anaphoric: bool = False
    clause_time: bool = False           # its date modifies its own clause ("Late on Sunday, two men hurled ...")
    time_up: bool = False               # ... or a clause its subjectless participle hangs on ("stormed a village on
                                        # Saturday night, killing four farmers"): the day its happening was
    descriptive: bool = False           # "executed hostages", "Capturing drones is ...": no happening told
    other_happening: bool = False       # "Separately, ...", "In another attack, ..."
    pluperfect: bool = False            # the sentence's main verb is pluperfect ("had seized")
    past: bool = False                  # told as a happening: past, perfect, progressive (not a habit)
    ongoing: bool = False               # its clause is in the present tense ("are defusing")
    describes: bool = False             # in a clause that describes an entity ("a cell which was behind ...")
    history_section: bool = False       # told under a heading of the past ("Background")
    named_place: bool = False           # a place of any level named in its sentence
    place_elsewhere: bool = False       # that place is where a trial or ceremony about it sat, not its own
    own_time: bool = False              # its time expression lies in the trigger's own phrase or clause
    occurring_time: bool = False        # ... or in the clause of a verb that only tells it took place
    own_history: bool = False           # its own sentence tells it as history (not only the story's genre)
    harm_only: bool = False             # its trigger is a noun that only tells deaths ("12 dead"): no type of its own
    dying: bool = False                 # its trigger tells deaths alone, noun or verb ("12 dead", "a woman died")
    violent_anaphor: bool = False       # "the explosion" typed as no violence: it retells a violent happening
    names_violence: bool = False        # its sentence names a violent happening told before ("suspects in the killing")
    total: str | None = None            # the phrase that makes it a sum over many events
    stretch: bool = False               # its time is a long stretch ("since May 2023", "in recent months")
    sum_only: bool = False              # the total is a whole war's ("a war in which 260,000 died") or a count
                                        # of happenings ("has carried out more than 1,000 air strikes")
    weekday: str | None = None          # the weekday its clause tells, in an undated story told by weekdays
    flag_taken: bool = False            # an anaphor without a time that took its flag from its happening
    spoken: bool = False                # its time is when it was said ("said on Monday that it had repelled ...")
    drop: str | None = None             # why it yields no event at all
    reasons: list[str] = field(default_factory=list)

    @property
    def anchored(self) -> bool:
        """A time, a place or a toll of its own; a clause that describes an entity ("the region of Mosul,
        where the government is retaking territory", "a deal brokered by Russia for the safe zone in
        Idlib") is not anchored by a place alone: the place belongs to what it describes."""
        if self.descriptive:
            return False
        return self.has_time or self.has_toll or (self.has_place and not self.describes)

    @cached_property
    def day(self) -> str | None:
        """Its day, when its sentence tells one (a date taken from the publication day tells none)."""
        return self.mention.date.best if self.has_time and self.mention.date.text else None


def sentence_starts(spacy_doc: Any) -> list[int]:
    """Sentence starts as the detector cuts them (headlines and paragraphs are sentences of their own)."""
    from eventwire.detect.stage import sentences

    return [s.start_char for s in sentences(spacy_doc)]


def trigger_token(spacy_doc: Any, m: Mention) -> Any:
    span = spacy_doc.char_span(m.trigger.start, m.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


def _frame(tok: Any, lex: StoryLexicon) -> tuple[str | None, str | None]:
    """The nearest governing word of a frame class ("trial" over "the bombing"); a gathering that is
    the object of a speech ("told a rally in Bursa") is its venue: talk."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    if tok.dep_ in ("dobj", "pobj") and tok.pos_ == "NOUN" and verb.lemma_.lower() in lex.venue_verbs:
        return "talk", verb.text
    if _claimed_deed(tok, lex):
        return None, None
    cur = tok
    for _ in range(MAX_UP):
        if cur.head.i == cur.i:
            return None, None
        if cur.dep_ in ("nsubj", "nsubjpass", "csubj"):   # "the attack sparked a probe": the subject is told
            return None, None
        if _across_semicolon(cur):
            return None, None
        cur = cur.head
        lemma = cur.lemma_.lower()
        for name, words in (("history", lex.history), ("talk", lex.talk)):
            if lemma in words or cur.lower_ in words:
                return name, cur.text
    return None, None


def _across_semicolon(tok: Any) -> bool:
    """A clause told before a semicolon, attached by the parser to a verb after it ("Twelve soldiers martyred as
    militants ambush convoy; TTP claims responsibility"): two clauses side by side, neither reporting the
    other."""
    return tok.dep_ in ("ccomp", "parataxis", "conj", "advcl") and semicolon_between(tok, tok.head)


def _claimed_deed(tok: Any, lex: StoryLexicon) -> bool:
    """The trigger is the deed a claim names as its object, as headlines write it ("X claims Kabul airport suicide
    bombing", "X claims SuperFerry 14 blast"): the deed is told, the claim names its doer. A report that a group
    "claimed responsibility for" an attack stays talk: it follows the news of the attack (a sentence of its own
    in CASE 2021 is no event; tried as a deed, CASE check lost 0.006). A relative clause of the deed ("claims
    hotel bombing that killed 14") was tried as the deed too: the blind story set lost an event's precision."""
    if tok.dep_ == "appos" and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    return tok.dep_ == "dobj" and tok.pos_ in ("NOUN", "PROPN") and (
        head.lemma_.lower() in lex.claim_verbs or head.lower_ in lex.claim_verbs)


def _anaphoric(tok: Any, lex: StoryLexicon) -> bool:
    """"the attack", "this blast", "Saturday's bombing" (a noun trigger with a definite determiner) - unless its own
    sentence tells the happening before it with the noun's verb ("reporters marched to the Governor's House ...;
    the march passed off peacefully": the sentence tells the march, at its own time)."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in lex.anaphora:
        return False
    noun = tok.lemma_.lower()
    if any(t.pos_ == "VERB" and noun in (t.lemma_.lower(), t.lemma_.lower() + "ing") for t in tok.sent if t.i < tok.i):
        return False
    return any((c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those"))
               or c.dep_ == "poss" for c in tok.children)


def _pluperfect(verb: Any) -> bool:
    """"had seized", "had been killed": the main verb of the sentence told before the story's time."""
    return verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in verb.children)


def _dated_report(verb: Any, lex: StoryLexicon) -> bool:
    """"Officials had said on Tuesday that ...": a reporting verb with a day of its own; its pluperfect is
    the tense of reported speech, not a flashback."""
    return verb.lemma_.lower() in lex.reporting and any(
        c.dep_ in ("prep", "npadvmod") and any(t.ent_type_ == "DATE" for t in c.subtree) for c in verb.children)


def _what_it_does(tok: Any) -> str | None:
    """"the militia that fights alongside the army", "a group which kidnaps travellers": a simple present
    verb in a relative clause says what someone does, not what happened."""
    verb = clause_verb(tok)
    if verb.dep_ == "relcl" and verb.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        return verb.text
    return None


def _ongoing(tok: Any) -> bool:
    """"Army sappers are defusing mines", "troops are in the process of clearing": the trigger's clause
    is in the present tense, told as going on at the time of the story."""
    verb = clause_verb(tok)
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in aux)


def _past(tok: Any) -> bool:
    """The trigger's clause tells a happening, not a habit or a plan: simple past, perfect or passive
    participles, progressive aspect ("were defusing", "are defusing")."""
    verb = clause_verb(tok)
    if verb.tag_ == "VBD":
        return True
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG":       # "were defusing", "are defusing": ongoing at the time told
        return any(a.tag_ in ("VBD", "VBZ", "VBP") for a in aux)
    if verb.tag_ == "VBN" and verb.dep_ == "acl":   # "a deal brokered by Russia": done before it is named
        return True
    return verb.tag_ == "VBN" and any(a.tag_ in ("VBD", "VBZ", "VBP") or a.lower_ in ("been",) for a in aux)


def _country(place: Any) -> bool:
    return (place.feature or "").startswith("PCL") or place.geonameid is None and place.geo_precision == 3 \
        and place.admin1 is None


def _dated_sentence(spacy_doc: Any, m: Mention) -> bool:
    """A time expression in the sentence even when it cannot be resolved ("on Sunday" with no
    publication date). A clock time ("at around 2am", "at 10.30 pm") tells when in the day a happening
    already told took place, not a day of its own ("this afternoon", "last night" do tell one)."""
    from eventwire.resolve.dates import compared_time

    sent = spacy_doc.char_span(m.sentence.start, m.sentence.end, alignment_mode="expand")
    return sent is not None and any(e.label_ in ("DATE", "TIME") and not compared_time(e) and not _duration(e)
                                    and not (e.label_ == "TIME" and _clock_time(e)) for e in sent.ents)


_CLOCK_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock", "hrs", "hours", "h", "local", "time",
                          "gmt", "utc", "around", "about", "approximately", "roughly", "nearly", "some", "at",
                          "midnight", "noon", "-", ":"})


def _clock_time(ent: Any) -> bool:
    """"around 2am", "10:30 p.m.", "0300 hrs": a time of day and nothing that says which day."""
    return any(t.like_num or t.text[:1].isdigit() for t in ent) and all(
        t.like_num or t.lower_ in _CLOCK_WORDS or re.fullmatch(r"\d{1,2}([:.]\d\d)?(am|pm|a\.m\.|p\.m\.)?", t.lower_)
        for t in ent)


def _duration(ent: Any) -> bool:
    """"rampaged through the capital for days", "fought for three hours": how long, not when."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return before is not None and before.lower_ == "for" and ent.root.head.i == before.i


def _by_court(tok: Any, lex: StoryLexicon) -> bool:
    """The one who holds them is a court ("a court on Monday jailed three men", "were imprisoned by a
    tribunal"): a sentence, not an arrest."""
    doers = [c for c in tok.children if c.dep_ == "nsubj"]
    doers += [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(d.lemma_.lower() in lex.courts for d in doers)


def own_phrase(tok: Any) -> Any:
    """The trigger's own phrase: its subtree, or its head noun's when it describes one ("the 2013
    bombing that killed three"), up the noun phrase the clause hangs on ("the 2013 bombing of a station in
    Jos, which killed three")."""
    from eventwire.resolve.dates import noun_chain

    described = tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN")
    root = noun_chain(tok.head)[-1] if described else tok   # "the March 3 bombing of a bus station in Jos, which killed"
    if root.dep_ == "nsubj" and root.head.lemma_ in _COPULAS and any(c.dep_ == "attr" for c in root.head.children):
        root = root.head   # "The country's deadliest attack remains the truck bombing ... on Oct. 14, 2017": one thing
    return tok.doc[root.left_edge.i:root.right_edge.i + 1]


_COPULAS = frozenset({"be", "remain", "become"})


def _own_time(tok: Any, m: Mention) -> bool:
    """The mention's date is told in the trigger's own phrase ("the 2017 bombing", "killed eight in
    June 2017"), not by the clause around it ("a court on Tuesday convicted ... over the bombing")."""
    span = m.date.span
    if span is None:
        return False
    phrase = own_phrase(tok)
    return phrase.start_char <= span.start and span.end <= phrase.end_char


def _occurring_time(tok: Any, m: Mention, occurring: frozenset[str]) -> bool:
    """The mention's date is told by the clause of a verb that only tells it happened, began or ended
    (``occurring``: "The offensive opened in June 2014", "The attack took place late on Saturday")."""
    span = m.date.span
    if span is None:
        return False
    verb = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in occurring or \
            (verb.lemma_.lower() == "take" and not any(c.lower_ == "place" for c in verb.children)):
        return False
    return verb.left_edge.idx <= span.start and span.end <= verb.right_edge.idx + len(verb.right_edge.text)


def _date_tokens(tok: Any, m: Mention) -> Any:
    """The tokens of the mention's date expression (its document is the trigger's), or None."""
    span = m.date.span
    date = tok.doc.char_span(span.start, span.end, alignment_mode="expand") if span is not None else None
    return date if date is not None and len(date) else None


def _clause_time(tok: Any, m: Mention, *, up: bool = False) -> bool:
    """The mention's date modifies the trigger's own clause ("Late on Sunday, two men hurled a hand
    grenade at a checkpost"; "soldiers were killed on Tuesday when their vehicle struck a bomb"), not a
    clause around it ("a court on Tuesday convicted them over the bombing"); with ``up``, also the clauses a
    subjectless participle hangs on ("stormed a village on Saturday night, killing four farmers")."""
    date = _date_tokens(tok, m)
    if date is None:
        return False
    verb = clause_verb(tok)
    heads = {v.i for v in _clauses_up(verb)} if up else {verb.i}
    if verb.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as") for c in verb.children):
        heads.add(verb.head.i)   # "killed on Tuesday when their vehicle struck a bomb": one happening
    while verb.dep_ == "conj" and verb.head.i != verb.i:   # "On Tuesday a pipe bomb was found ... and was
        verb = verb.head                                    # made safe": the time scopes over the coordination
        heads.add(verb.i)
    governor = clause_verb(date.root)
    if governor.i in heads:
        return True
    # "Late on Sunday, two men hurled a grenade ..., police said": a time the parse hangs on the verb of
    # saying around the trigger is the time of what is said
    return governor.lemma_.lower() in REPORTING and governor.left_edge.i <= tok.i <= governor.right_edge.i


def _time_of_saying(tok: Any, date: Any, governor: Any) -> bool:
    """"The army said in a statement on Monday that it had repelled the attack": a time told after the verb of
    saying and before the clause it reports is when it was said, not when the reported happening was."""
    if not governor.i < date.start:
        return False
    reported = next((c for c in governor.children if c.dep_ == "ccomp" and c.left_edge.i <= tok.i <= c.right_edge.i),
                    None)
    return reported is not None and date.end <= reported.left_edge.i


def _spoken_time(tok: Any, m: Mention) -> bool:
    """The mention's date is the time its verb of saying was said ("said on Monday that ...", ``_time_of_saying``)."""
    date = _date_tokens(tok, m)
    if date is None:
        return False
    governor = clause_verb(date.root)
    return governor.lemma_.lower() in REPORTING and _time_of_saying(tok, date, governor)


def _in_clause(tok: Any, m: Mention, *, up: bool = False) -> bool:
    """The mention's place is named in the trigger's own clause ("shelled the province of Kilis"), not
    in another clause of the sentence ("In Anbar province, tribesmen armed to fight IS now refuse ..."); with
    ``up``, also in the clauses a subjectless participle hangs on (``_clauses_up``)."""
    where = m.location_text or (m.location.span if m.location is not None else None)
    if where is None:
        return False
    for root in (*(_clauses_up(clause_verb(tok)) if up else [clause_verb(tok)]), own_phrase(tok).root):
        clause = tok.doc[root.left_edge.i:root.right_edge.i + 1]
        if clause.start_char <= where.start and where.end <= clause.end_char:
            return True
    return False


SPREAD_PREPS = frozenset({"across", "throughout"})


def _spread_over(spacy_doc: Any, m: Mention) -> bool:
    """The mention's place is one things are told across ("has burned tens of thousands of homes across Sagaing",
    "throughout Darfur"): a stretch of many places, not the place of one happening."""
    where = m.location_text or (m.location.span if m.location is not None else None)
    span = spacy_doc.char_span(where.start, where.end, alignment_mode="expand") if where is not None else None
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in SPREAD_PREPS


def _clauses_up(verb: Any) -> list[Any]:
    """The verb and the verbs a subjectless participle hangs on, through participles joined to it ("burst into
    Garissa University College ..., shooting dead two guards"; "rode into Bandiagara, setting fire to granaries and
    shooting at residents": the shooting happened where they went in): one happening's clauses."""
    out = [verb]
    for _ in range(3):
        if verb.head.i == verb.i or verb.dep_ not in ("advcl", "xcomp", "conj") or verb.tag_ not in ("VBG", "VBN") or \
                any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
            break
        verb = clause_verb(verb.head)
        out.append(verb)
    return out


def _toll_token(spacy_doc: Any, m: Mention) -> Any:
    """The word of the mention's death toll ("killed more than 260,000"), when the toll has its words."""
    span = m.fatalities.span
    found = spacy_doc.char_span(span.start, span.end, alignment_mode="expand") if span is not None else None
    return found.root if found is not None and len(found) else None


def _aggregate_subject(tok: Any, lex: StoryLexicon) -> str | None:
    """"The war ... has killed 300,000": a killing whose subject is a war or a campaign sums many events;
    so does the toll's own clause ("ambushed a convoy in a war that has killed 260,000")."""
    if tok is None:
        return None
    verb = clause_verb(tok)
    war = _relative_antecedent(verb, lex)
    if war is not None:
        return f"the {war.lower_} in which"
    for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":   # "the conflict, which has killed 40,000"
            subj = verb.head
        # "half a century of war that killed 260,000": the war, through the stretch of time it names
        through = subj.lemma_.lower() in lex.aggregate_stretches or subj.lower_ in lex.aggregate_stretches
        for word in (subj, *(g for p in subj.children if through and p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj")):
            if word.lemma_.lower() in lex.aggregate_subjects:
                return f"the {word.lower_} {verb.lower_}"
    return None


def _whole_sum(spacy_doc: Any, m: Mention, tok: Any, lex: StoryLexicon, phrase: bool) -> str | None:
    """What makes the mention a sum and nothing else: happenings counted by many, undated, or (when no total phrase
    of the lexicon already reads the sentence, ``phrase``) a war's dead."""
    if tok is None:
        return None
    counted = _counted_happenings(tok, lex) if m.date.span is None else None
    if counted is not None or phrase:
        return counted
    return _aggregate_subject(tok, lex) or _aggregate_subject(_toll_token(spacy_doc, m), lex)


def _counted_happenings(tok: Any, lex: StoryLexicon) -> str | None:
    """"the air force has carried out more than 1,000 air strikes in Sagaing", "have launched dozens of raids":
    happenings counted by a number of at least ``COUNTED_MANY`` (the trigger, or what its clause carries out) in a
    clause of the perfect are many events, not one, when the count has no date of its own ("On Sunday, jets carried
    out 20 air strikes on Idlib, killing 12" tells one day's raids on one town and their dead)."""
    verb = clause_verb(tok)
    if not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return None   # "jets carry out 30 raids on Idlib" in a headline tells one day's raids
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    objects += [g for o in objects if o.lower_ in COUNTED_MANY_WORDS for p in o.children if p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]
    for noun in (tok, *objects):
        if noun.tag_ != "NNS" or noun.lemma_.lower() not in lex.anaphora:
            continue
        for c in noun.children:
            if c.dep_ == "nummod" and (count_value(c.text) or 0) >= COUNTED_MANY:
                return f"{c.text} {noun.lower_}"
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COUNTED_MANY_WORDS:
            return f"{head.head.lower_} of {noun.lower_}"
    return None


def _relative_antecedent(verb: Any, lex: StoryLexicon) -> Any:
    """"a century of war with the FARC, in which some 260,000 people died", "the insurgency, during which 40,000
    have been killed": a clause brought in by "in which" or "during which" that names only the dead tells what
    happened in the war it hangs on (one that names a doer tells a happening of its own). Parsers often hang it
    on the last noun before it ("the FARC"), so the war is sought among the nouns of the few words before the
    relative pronoun."""
    marker = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "during", "throughout")
                   and any(g.tag_ == "WDT" for g in c.children)), None)
    if marker is None or verb.dep_ != "relcl":
        return None
    if any(c.dep_ == "agent" or (c.dep_ == "nsubj" and verb.lemma_.lower() not in lex.dying_verbs)
           for c in verb.children):
        return None   # "the war, in which Eritrean troops killed 200 civilians in Axum": a doer's own happening
    doc = verb.doc
    for t in reversed(doc[max(verb.sent.start, marker.i - ANTECEDENT_WINDOW):marker.i]):
        if t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in lex.aggregate_subjects:
            return t
    return None


def _plural_retelling(tok: Any, lex: StoryLexicon, starts: list[int], index: int) -> str | None:
    """"... struck churches in Colombo, Negombo and Batticaloa. The attacks killed 269 people": a definite
    plural anaphor ("the attacks", "these bombings") whose clause counts the dead refers back to the
    happenings told at several places in the sentence before: its number sums them."""
    verb = clause_verb(tok)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ in ("nsubj", "nsubjpass"):
        subjects.append(tok)
    for subj in subjects:
        if subj.tag_ != "NNS" or subj.lemma_.lower() not in lex.violent_anaphora or not any(
                c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in subj.children):
            continue
        if index == 0:
            return None
        doc = tok.doc
        before = doc.char_span(starts[index - 1], starts[index], alignment_mode="contract")
        if before is not None and len(_places_named(before)) >= 2:
            return f"the {subj.lower_} (told at several places)"
    return None


def _places_named(span: Any) -> set[str]:
    """The places a sentence names: its place entities and the names coordinated with them ("in Colombo,
    Negombo and Batticaloa", where the tagger may not read the later names as places)."""
    places = {e.text.lower() for e in span.ents if e.label_ in ("GPE", "LOC")}
    for tok in span:
        if tok.dep_ != "conj" or tok.pos_ != "PROPN" or tok.ent_type_ in ("GPE", "LOC"):
            continue
        head = tok.head
        while head.dep_ == "conj" and head.ent_type_ not in ("GPE", "LOC") and head.head.i != head.i:
            head = head.head
        if head.ent_type_ in ("GPE", "LOC"):
            places.add(tok.text.lower())
    return places


def _across(tok: Any) -> str | None:
    """"Russian attacks killed at least seven civilians across Ukraine": a happening told across a named
    country or region, on its own clause, sums the happenings of many places."""
    verb = clause_verb(tok)
    for c in verb.children:
        if c.lower_ == "across" and c.dep_ == "prep":
            area = [o for o in c.children if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "LOC")]
            if area:
                return f"across {area[0].text}"
    return None


def _habitual(tok: Any, lex: StoryLexicon) -> str | None:
    """An adverb of frequency on the trigger or its clause's verb ("regularly rallied followers"), or an
    adjective of repetition on a trigger noun ("repeated ambushes")."""
    verbal = [c for c in tok.children if c.pos_ in ("VERB", "AUX", "ADJ")]   # "detain" misread as amod
    for head in {tok, clause_verb(tok), *verbal}:
        for c in head.children:
            if c.dep_ == "advmod" and c.lower_ in lex.habitual:
                return c.text
    for c in tok.children:   # "the scene of repeated ambushes", "frequent clashes"
        if c.dep_ == "amod" and c.lower_ in lex.habitual_adjectives:
            return c.text
    return None


def _describes(tok: Any) -> bool:
    """The trigger sits in a relative, participial or appositive clause (the past of an entity)."""
    cur = tok
    for _ in range(MAX_UP):
        if cur.dep_ in ("relcl", "acl", "appos"):
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _ranks(spacy_doc: Any, start: int) -> bool:
    """The time phrase at ``start`` ranks a happening against others ("one of the deadliest attacks on security
    forces in the state in recent years", "the worst violence in years"): a superlative before it in its part
    of the sentence makes it a comparison, not a sum over that time (unless the phrase is the mention's own
    telling: "the most violent night in more than a week of protests")."""
    span = spacy_doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    for tok in reversed(spacy_doc[max(span.sent.start, span.start - 12):span.start]):
        if tok.text in (",", ";", ":", "(", "-", "—", "–"):
            return False
        if (tok.tag_ == "JJS" or tok.lower_ == "worst") and tok.dep_ == "amod" or \
                tok.lower_ == "most" and tok.dep_ == "advmod" and tok.head.pos_ == "ADJ":
            return True
    return False


def _ended(spacy_doc: Any, start: int, lex: StoryLexicon) -> bool:
    """The total phrase at ``start`` names a stretch that the happening ended ("retook the town after six months
    of occupation", "following weeks of siege"): the object of such a preposition is the happening's time, not a
    sum of happenings."""
    span = spacy_doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    for _ in range(3):
        if tok.dep_ not in ("det", "nummod", "amod", "compound", "quantmod", "predet"):
            break
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in lex.ended_by


def _of_a_date(text: str, found: re.Match[str], lex: StoryLexicon) -> bool:
    """"on 29 January this year", "in March this year": "this year" completes a calendar date told just before
    it, it does not sum the year."""
    if not found.group(0).lower().startswith("this "):
        return False
    before = text[max(0, found.start() - 16):found.start()].split()
    return bool(before) and (bool(lex.calendar_date.fullmatch(before[-1].rstrip(".,"))) or (
        before[-1].rstrip(".,").isdigit() and len(before) > 1 and bool(lex.calendar_date.fullmatch(before[-2]))))


def _month_count(m: Mention, tok: Any, lex: StoryLexicon) -> bool:
    """"The UN mission says 181 civilians were killed and 1,010 injured in July": a count of the dead told for a
    whole calendar month, with no doer and no town, is a monthly toll, a sum of that month's happenings. A doer
    named or not ("Paramilitaries killed 27 people in La Gabarra in August 1999": the subject of the harm verb, even
    one no actor of the dictionary) tells one happening."""
    when = m.date
    if when.precision != 3 or not when.text or not when.start or not when.end or any(ch.isdigit() for ch in
                                                                                       when.text.split()[0]):
        return False
    start, end = parse_published(when.start), parse_published(when.end)
    if start is None or end is None or start.day != 1 or not 27 <= (end - start).days <= 31:
        return False
    harm = tok.lemma_.lower() in lex.harm_verbs or tok.lower_ in lex.harm_nouns
    town = m.location is not None and (m.location.geo_precision or 4) <= 2
    doer = m.actor1 is not None or (tok.pos_ in ("VERB", "AUX") and bool(subjects(tok)[0] or agents(tok)))
    return harm and not doer and m.fatalities.best is not None and not town


_MARK = r"(?:[-\u2022*\u2013]|\(?\d{1,2}[.)])"   # a list item's mark: a dash, a bullet, "3.", "(2)"
_LIST_MARK = re.compile(rf"(?:^|\n)[ \t]*{_MARK}[ \t]*$")   # the mark ends the text before a sentence
_LIST_LINE = re.compile(rf"(?m)^[ \t]*{_MARK}[ \t]")        # a line that opens with the mark
_LIST_OPENING = re.compile(rf"{_MARK}\s")                   # a sentence that opens with it


def _opens_list_item(spacy_doc: Any, start: int) -> bool:
    """The sentence opens an item of a list ("- In the north, 12 people were killed ...", "3. Djenne cercle - On
    Thursday, four health workers were abducted ..."): a live blog's or a bulletin's items each tell a development
    of their own, so what the item opens with is another happening than those told in the items before."""
    span = spacy_doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    i = span.start
    if (i == 0 or "\n" in spacy_doc[i - 1].text_with_ws) and _LIST_OPENING.match(spacy_doc[i:i + 3].text_with_ws):
        return True
    return bool(_LIST_MARK.search(spacy_doc[max(0, i - 4):i].text_with_ws))


def read_cues(spacy_doc: Any, mentions: list[Mention], lex: StoryLexicon) -> list[Cue]:
    """A ``Cue`` per mention (clean-text offsets), in text order."""
    starts = sentence_starts(spacy_doc)
    # a list: two lines or more open with a list mark (not a standfirst's "*Police arrest four suspects")
    listed = len(_LIST_LINE.findall(text_of(spacy_doc))) >= 2 if mentions else False
    ordered = sorted(mentions, key=lambda m: (m.trigger.start, m.sub_event_type))
    cues = []
    for i, m in enumerate(ordered):
        cue = Cue(m, max(0, bisect.bisect_right(starts, m.trigger.start) - 1), i)
        cue.has_time = bool(m.date.text) or _dated_sentence(spacy_doc, m)
        place = m.location
        cue.named_place = place is not None and (m.location_text is not None or (
            place.span is not None and m.sentence.start <= place.span.start < m.sentence.end))
        cue.has_place = cue.named_place and not _country(place)
        cue.has_toll = m.fatalities.best is not None
        tok = trigger_token(spacy_doc, m)
        if tok is not None:
            cue.frame, cue.frame_word = _frame(tok, lex)
            cue.anaphoric = _anaphoric(tok, lex)
            # a participle that describes a noun ("executed hostages") tells no happening; a weapon's
            # adjective ("a ballistic missile struck the port") is the happening's own word
            cue.descriptive = tok.dep_ == "amod" and tok.tag_ in ("VBN", "VBG")
            cue.own_time = _own_time(tok, m)
            cue.occurring_time = not cue.own_time and _occurring_time(tok, m, lex.occurring)
            cue.spoken = _spoken_time(tok, m)
            cue.clause_time = cue.own_time or (cue.frame is None and _clause_time(tok, m))
            cue.time_up = cue.clause_time or (cue.frame is None and _clause_time(tok, m, up=True))
            cue.descriptive = cue.descriptive or tok.dep_ in ("csubj", "csubjpass")   # "Capturing drones is ..."
            place_here = cue.has_place
            cue.has_place = cue.has_place and _in_clause(tok, m) and not _spread_over(tok.doc, m)
            cue.place_up = place_here and not cue.has_place and _in_clause(tok, m, up=True)
            if tok.lower_ in lex.legal_triggers or tok.lemma_.lower() in lex.legal_triggers or \
                    (m.sub_event_type == "Arrests" and _by_court(tok, lex)):
                cue.drop = f"a step of a trial ('{tok.text}'), not an event"
            if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.lower_ == "those" and not m.is_background:
                # "some of those detained were former rebels", "those killed included two children": the people
                # of a happening told, named again
                cue.drop = f"those {tok.text}: the people of a happening told, not another"
            habit = _habitual(tok, lex)
            if habit is not None and not m.is_background:
                cue.drop = f"a habit ('{habit}'), not a happening"
            does = _what_it_does(tok)
            if does is not None:
                cue.drop = f"what someone does ('{does}'), not a happening"
            cue.pluperfect = _pluperfect(tok.sent.root) and not _dated_report(tok.sent.root, lex)
            cue.past = _past(tok)
            cue.ongoing = _ongoing(tok)
            cue.describes = _describes(tok)
            cue.harm_only = tok.lower_ in lex.harm_nouns or tok.lemma_.lower() in lex.harm_nouns
            cue.dying = cue.harm_only or tok.lemma_.lower() in lex.dying_verbs
            cue.names_violence = any(t.i != tok.i and t.lower_ in lex.violent_anaphora and _anaphoric(t, lex)
                                     for t in tok.sent)
            cue.violent_anaphor = cue.anaphoric and tok.lower_ in lex.violent_anaphora and \
                m.event_type not in VIOLENT
        cue.other_happening = bool(lex.new_happening.search(m.sentence.text.strip())) or \
            (listed and _opens_list_item(spacy_doc, m.sentence.start))
        if tok is not None and cue.harm_only and {tok.lemma_.lower(), tok.head.lemma_.lower()} & lex.toll_nouns:
            cue.other_happening = False   # "Later, the death toll rose to 20": the dead of the happening told before
        found = next((f for f in lex.totals.finditer(m.sentence.text)
                      if not (_ranks(spacy_doc, m.sentence.start + f.start()) or _of_a_date(m.sentence.text, f, lex)
                             or _ended(spacy_doc, m.sentence.start + f.start(), lex))
                      or m.sentence.start + f.start() <= m.trigger.start < m.sentence.start + f.end()), None)
        whole = _whole_sum(spacy_doc, m, tok, lex, found is not None)
        cue.sum_only = whole is not None
        cue.total = whole or (found.group(0).lower() if found else None if tok is None else (
            _across(tok) or _plural_retelling(tok, lex, starts, cue.sentence)))
        if cue.total is None and tok is not None and _month_count(m, tok, lex):
            cue.total, cue.stretch = f"a count for the month ('{m.date.text}')", True
        if cue.total is None and tok is not None and over_years(m.date):
            # "Between 1971 and the end of the decade more than 100 soldiers were killed in the area": told over
            # years, a count or a deed is a sum of many happenings (a campaign), not one
            cue.total, cue.stretch = f"told over years ('{m.date.text}')", True
        cues.append(cue)
    return cues


def history_lede(spacy_doc: Any, lex: StoryLexicon, triggers: frozenset[int] = frozenset(),
                 sentences: int = 3) -> bool:
    """The headline and lede make the story one about a trial or a commemoration. A word of trials or
    remembrance that belongs to the telling of a violent happening (``triggers``: token indices of the
    mentions' triggers) does not: "the Remembrance Day bombing", "a bomb exploded near the town's war
    memorial as people gathered for a ceremony" tell where and when the bomb went off."""
    for n, sent in enumerate(spacy_doc.sents):
        if n >= sentences:
            break
        if lex.history_lede_phrases.search(sent.text):
            return True
        if any((t.lemma_.lower() in lex.history_lede or t.lower_ in lex.history_lede)
               and not _tells_violence(t, triggers, lex) for t in sent):
            return True
    return False


HEADING_WORDS = 5   # a section heading is a line of its own of at most this many words, with no closing stop


def headings(text: str) -> list[tuple[int, str]]:
    """The section headings of a text (offset, words): lines of their own of a few words with no closing
    stop; the first line (the title) heads no section."""
    lines, offset = [], 0
    for line in text.splitlines(keepends=True):
        lines.append((offset, line.strip()))
        offset += len(line)
    return [(start, t) for n, (start, t) in enumerate(lines) if n > 0 and t and
            len(t.split()) <= HEADING_WORDS and t[-1] not in '.!?:;,"”\'' and not t[0].isdigit()]


def history_sections(text: str, lex: StoryLexicon, found: list[tuple[int, str]] | None = None) -> list[tuple[int, int]]:
    """The character ranges of the sections a heading of the past opens ("Background", "Context"), each up to
    the next heading or the end of the text."""
    headings_ = headings(text) if found is None else found
    out = []
    for i, (start, title) in enumerate(headings_):
        if title.lower() in lex.history_headings:
            out.append((start, headings_[i + 1][0] if i + 1 < len(headings_) else len(text)))
    return out


def _tells_violence(tok: Any, triggers: frozenset[int], lex: StoryLexicon) -> bool:
    """The word lies in the phrase or clause of a violent happening: one of its heads, up to the clause's
    verb, is a trigger or a word for a violent happening."""
    cur = tok
    for _ in range(2 * MAX_UP):   # "... exploded near the memorial in X, where a crowd had gathered for the
        # Remembrance Sunday service": up through the relative clause of the place
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i in triggers or cur.lower_ in lex.violent_anaphora:
            return True
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("advcl", "relcl", "acl", "conj"):
            return False
    return False
