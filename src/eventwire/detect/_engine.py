"""The rule engine: sub-event rules from ``data/rules.toml``, interpreted in priority order.

A rule looks at the sentence's cues of its ``trigger`` classes (strong ones
unless ``strength = "any"``), keeps those that pass ``trigger_when`` and
``trigger_unless``, takes the first of them in text order (``pick = "first"``)
or the most specific one (``pick = "best"``: strong before weak, then
strength, then position), and fires if that trigger passes ``doer``,
``target``, ``when`` and ``unless``. A rule that fires yields its sub-event
type with the trigger and a score (``score`` or the cue's strength, times
``factor``, times ``weak_factor`` for a weak cue) and its ``id``.

Conditions are strings: ``name`` or ``name:argument``, joined with ``and``,
``or`` (``and`` binds tighter) and prefixed with ``not``; the names are the
registry in ``_conditions``. ``Rules.load()`` reads the shipped file and
compiles it; the detect stage owns the result (one per stage, no module cache).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any

from eventwire.detect._conditions import CONDITIONS, DOER_CLASSES, TARGET_CLASSES, Check, Words
from eventwire.detect.lexicon import Cue
from eventwire.detect.view import SentenceView
from eventwire.errors import ConfigError

RULES_FILE = "data/rules.toml"


@dataclass(frozen=True, slots=True)
class Decision:
    """A sentence's sub-event type, the cue that triggered it, a score and the rule that fired."""

    sub_event_type: str
    trigger: Cue
    score: float
    rule: str = ""


def _rules_error(message: str) -> ConfigError:
    return ConfigError("E020", f"rules.toml: {message}", hint="fix the rules file (its header says how rules read)")


# ------------------------------------------------------------------ conditions


def _atom(text: str, words: Words, via: tuple[str, ...], used: set[str]) -> Check:
    negate = text.startswith("not ")
    name, _, arg = (text[4:] if negate else text).strip().partition(":")
    cond = CONDITIONS.get(name)
    if cond is None:
        raise _rules_error(f"unknown condition {name!r} in {text!r}")
    needed = list(cond.sets)
    if cond.arg == "words":
        needed.append(arg)
    elif cond.arg == "doer" and arg not in DOER_CLASSES:
        raise _rules_error(f"unknown doer class {arg!r} (known: {', '.join(DOER_CLASSES)})")
    elif cond.arg == "target":
        if arg not in TARGET_CLASSES:
            raise _rules_error(f"unknown target class {arg!r} (known: {', '.join(TARGET_CLASSES)})")
        needed += TARGET_CLASSES[arg][1]
    for name_ in needed:
        if name_ not in words:
            raise _rules_error(f"condition {text!r} needs the word set {name_!r}")
    used.update(needed)
    test = cond.make(words, arg, via)
    return (lambda v, cue: not test(v, cue)) if negate else test


def compile_condition(text: str, words: Words, via: tuple[str, ...] = (), used: set[str] | None = None) -> Check:
    """One condition string ("a and not b or c") as a test ``(view, cue) -> bool``."""
    used = used if used is not None else set()
    groups = [[_atom(a, words, via, used) for a in alt.split(" and ")] for alt in text.split(" or ")]
    if len(groups) == 1 and len(groups[0]) == 1:
        return groups[0][0]
    return lambda v, cue: any(all(t(v, cue) for t in g) for g in groups)


def _all(checks: list[Check]) -> Check | None:
    if not checks:
        return None
    if len(checks) == 1:
        return checks[0]
    return lambda v, cue: all(t(v, cue) for t in checks)


# ------------------------------------------------------------------ triggers


@dataclass(slots=True)
class Selection:
    """Which cues may trigger a rule: classes ("*": every cue in text order), strength, filters,
    and another selection to use when this one finds nothing."""

    classes: tuple[str, ...]
    strong: bool
    test: Check | None
    otherwise: Selection | None = None

    def candidates(self, v: SentenceView) -> list[Cue]:
        if self.classes == ("*",):
            base = v.cues
        elif self.strong:
            base = [c for cls in self.classes for c in v.by_class.get(cls, ()) if not c.weak]
        else:
            base = [c for cls in self.classes for c in v.by_class.get(cls, ())]
        found = base if self.test is None else [c for c in base if self.test(v, c)]
        if not found and self.otherwise is not None:
            return self.otherwise.candidates(v)
        return found

    def needs(self) -> frozenset[str] | None:
        """The cue classes one of which a sentence must have for this to find a cue (None: any cue)."""
        if self.classes == ("*",):
            return None
        other = self.otherwise.needs() if self.otherwise is not None else frozenset()
        return None if other is None else frozenset(self.classes) | other


def _most_specific(cues: list[Cue]) -> Cue:
    return min(cues, key=lambda c: (c.weak, -c.strength, c.start))


@dataclass(slots=True)
class Rule:
    """One compiled rule (see the module docstring)."""

    id: str
    yields: str
    priority: int
    select: Selection
    first: bool
    test: Check | None
    prefer: Selection | None
    factor: float
    weak_factor: float
    score: float | None

    def fire(self, v: SentenceView, seen: dict[int, list[Cue]]) -> Decision | None:
        key = id(self.select)
        cands = seen.get(key)
        if cands is None:
            cands = seen[key] = self.select.candidates(v)
        if not cands:
            return None
        cue = cands[0] if self.first else _most_specific(cands)
        if self.test is not None and not self.test(v, cue):
            return None
        if self.prefer is not None:
            preferred = self.prefer.candidates(v)
            cue = _most_specific(preferred) if preferred else cue
        base = cue.strength if self.score is None else self.score
        return Decision(self.yields, cue, base * self.factor * (self.weak_factor if cue.weak else 1), self.id)


# ------------------------------------------------------------------ the rule set


@dataclass(frozen=True, slots=True)
class Rules:
    """The compiled rule set: every rule in priority order, the weak-cue cascade, the word sets."""

    rules: tuple[Rule, ...]
    weak_only: tuple[Rule, ...]
    weak_event: Check
    words: Words
    spec: Mapping[str, Any]
    # a weapon's cue told among several arms, the means of a fight (read by the stage's check of the model's retypes)
    among_arms: Check
    # the rules worth trying for a set of cue classes present (filled as sentences come)
    _plans: dict[tuple[frozenset[str], bool], tuple[Rule, ...]] = field(default_factory=dict, compare=False,
                                                                         repr=False)

    @classmethod
    def load(cls, text: str | None = None) -> Rules:
        """The shipped rules, or those of ``text`` (a rules file's content); read and compiled anew."""
        rules_text = text if text is not None else resources.files("eventwire").joinpath(RULES_FILE).read_text("utf-8")
        try:
            spec = tomllib.loads(rules_text)
        except tomllib.TOMLDecodeError as exc:
            raise _rules_error(str(exc)) from None
        return compile_rules(spec)

    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}

    def cascade(self, v: SentenceView, strong: bool) -> Iterable[Decision]:
        """Decisions of the rules that fire, in cascade order (lazily)."""
        seen: dict[int, list[Cue]] = {}
        for rule in self._plan(v, strong):
            decision = rule.fire(v, seen)
            if decision is not None:
                yield decision


    def _plan(self, v: SentenceView, strong: bool) -> tuple[Rule, ...]:
        """The cascade without the rules whose trigger classes the sentence lacks (they cannot fire)."""
        present = frozenset(cls for cls, cues in v.by_class.items() if cues)
        plan = self._plans.get((present, strong))
        if plan is None:
            rules = self.rules if strong else self.weak_only
            plan = self._plans[(present, strong)] = tuple(
                r for r in rules if (need := r.select.needs()) is None or need & present)
        return plan


def _words(spec: Mapping[str, Any]) -> Words:
    return MappingProxyType({k: frozenset(v) for k, v in spec.get("words", {}).items()})


def _selection(spec: Mapping[str, Any], words: Words, used: set[str], named: dict[str, Selection],
               where: str, prefix: str = "trigger_") -> Selection:
    classes = spec.get("trigger" if prefix else "classes")
    if isinstance(classes, str):
        if classes.startswith("@"):
            if classes[1:] not in named:
                raise _rules_error(f"{where}: unknown trigger {classes!r}")
            return named[classes[1:]]
        classes = [classes]
    if not classes:
        raise _rules_error(f"{where}: no trigger classes")
    strength = spec.get("strength", "strong")
    if strength not in ("strong", "any"):
        raise _rules_error(f"{where}: strength must be 'strong' or 'any'")
    checks = [compile_condition(c, words, (), used) for c in spec.get(prefix + "when", [])]
    checks += [_negated(compile_condition(c, words, (), used)) for c in spec.get(prefix + "unless", [])]
    return Selection(tuple(classes), strength == "strong", _all(checks))


def _negated(test: Check) -> Check:
    return lambda v, cue: not test(v, cue)


def _named_triggers(spec: Mapping[str, Any], words: Words, used: set[str]) -> dict[str, Selection]:
    named: dict[str, Selection] = {}
    table = spec.get("trigger", {})
    for name, body in table.items():
        named[name] = _selection(body, words, used, named, f"trigger {name}", prefix="")
    for name, body in table.items():
        other = body.get("else")
        if other is not None:
            if other not in named:
                raise _rules_error(f"trigger {name}: unknown else {other!r}")
            named[name].otherwise = named[other]
    return named


def _interned(sel: Selection, key: tuple, pool: dict[tuple, Selection]) -> Selection:
    """One Selection per distinct inline trigger, so rules sharing a trigger share its candidates."""
    return pool.setdefault(key, sel)


def _rule(body: Mapping[str, Any], words: Words, used: set[str], named: dict[str, Selection],
          pool: dict[tuple, Selection]) -> Rule:
    rid = body.get("id")
    for key in ("id", "yields", "priority", "trigger", "why"):
        if key not in body:
            raise _rules_error(f"rule {rid or '?'}: missing {key!r}")
    via = tuple(body.get("doer_via", ()))
    if str(body["trigger"]).startswith("@") and any(k in body for k in ("strength", "trigger_when", "trigger_unless")):
        raise _rules_error(f"rule {rid}: a named trigger ({body['trigger']}) carries its own strength and filters")
    select = _selection(body, words, used, named, f"rule {rid}")
    key = (repr(body["trigger"]), body.get("strength", "strong"), repr(body.get("trigger_when", [])),
           repr(body.get("trigger_unless", [])))
    select = _interned(select, key, pool)
    checks = []
    if "doer" in body:
        checks.append(compile_condition(f"doer:{body['doer']}", words, via, used))
    if "target" in body:
        checks.append(compile_condition(f"target:{body['target']}", words, via, used))
    checks += [compile_condition(c, words, via, used) for c in body.get("when", [])]
    checks += [_negated(compile_condition(c, words, via, used)) for c in body.get("unless", [])]
    prefer = body.get("prefer")
    pick = body.get("pick", "best")
    if pick not in ("best", "first"):
        raise _rules_error(f"rule {rid}: pick must be 'best' or 'first'")
    return Rule(rid, body["yields"], int(body["priority"]), select, pick == "first", _all(checks),
                Selection(tuple(prefer), True, None) if prefer else None, float(body.get("factor", 1.0)),
                float(body.get("weak_factor", 1.0)), body.get("score"))


def _weak_cascade(patterns: list[str], ordered: tuple[Rule, ...]) -> tuple[Rule, ...]:
    out: list[Rule] = []
    for pattern in patterns:
        if pattern.endswith("*"):
            found = [r for r in ordered if r.id.startswith(pattern[:-1])]
        else:
            found = [r for r in ordered if r.id == pattern]
        if not found:
            raise _rules_error(f"[cascade] weak_only: {pattern!r} names no rule")
        out += [r for r in found if r not in out]
    return tuple(out)


def compile_rules(spec: Mapping[str, Any]) -> Rules:
    """Rules from a parsed rules file."""
    from eventwire.detect.taxonomy import load_taxonomy

    words = _words(spec)
    used: set[str] = set()
    named = _named_triggers(spec, words, used)
    pool: dict[tuple, Selection] = {}
    rules = [_rule(body, words, used, named, pool) for body in spec.get("rule", [])]
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        raise _rules_error(f"rule ids repeat: {sorted({i for i in ids if ids.count(i) > 1})}")
    unknown = [r.id for r in rules if r.yields not in load_taxonomy()]
    if unknown:
        raise _rules_error(f"rules yield no known sub-event type: {unknown}")
    ordered = tuple(sorted(rules, key=lambda r: r.priority))
    cascade = spec.get("cascade", {})
    weak_event = (compile_condition(cascade["weak_event"], words, (), used) if "weak_event" in cascade
                  else (lambda v, cue: False))
    return Rules(ordered, _weak_cascade(cascade.get("weak_only", []), ordered), weak_event, words,
                 MappingProxyType(dict(spec)), compile_condition("among-arms", words, (), used))


def word_sets_used(spec: Mapping[str, Any]) -> set[str]:
    """The word sets the rules' conditions read (for checks that every set is used)."""
    words = _words(spec)
    used: set[str] = set()
    named = _named_triggers(spec, words, used)
    pool: dict[tuple, Selection] = {}
    for body in spec.get("rule", []):
        _rule(body, words, used, named, pool)
    if "weak_event" in spec.get("cascade", {}):
        compile_condition(spec["cascade"]["weak_event"], words, (), used)
    return used


__all__ = ["Decision", "Rule", "Rules", "Selection", "compile_condition", "compile_rules", "word_sets_used"]
