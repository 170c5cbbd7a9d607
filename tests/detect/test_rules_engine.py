"""The rules file and its engine: the file parses and documents each rule, every word set a rule reads
exists and every set is read, conditions and forbidden context work, mentions carry the rule, and
``eventwire eval --by-rule`` reports each rule's hits and precision."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from importlib import resources

import pytest

from eventwire.detect._engine import Rules, compile_rules, word_sets_used
from eventwire.detect.classify import GATE_WORDS
from eventwire.detect.taxonomy import load_taxonomy
from eventwire.errors import ConfigError


@pytest.fixture(scope="module")
def spec():
    return tomllib.loads(resources.files("eventwire").joinpath("data/rules.toml").read_text("utf-8"))


@pytest.fixture(scope="module")
def rules():
    return Rules.load()


def test_rules_load_with_unique_ids_and_priorities(spec, rules):
    ids = [r["id"] for r in spec["rule"]]
    assert len(rules.rules) == len(ids) >= 60
    assert len(set(ids)) == len(ids)
    assert len({r["priority"] for r in spec["rule"]}) == len(ids)
    assert [r.priority for r in rules.rules] == sorted(r.priority for r in rules.rules)
    assert all(r.yields in load_taxonomy() for r in rules.rules)


def test_every_rule_is_documented_for_analysts(spec):
    text = resources.files("eventwire").joinpath("data/rules.toml").read_text("utf-8")
    assert text.startswith("# Sub-event rules")
    for rule in spec["rule"]:
        assert rule["id"].count(".") == 1, rule["id"]
        assert 10 <= len(rule["why"]) <= 120, rule["id"]
    for name, trigger in spec["trigger"].items():
        assert trigger.get("why"), name


def test_every_word_set_read_exists_and_every_set_is_read(spec):
    used = word_sets_used(spec) | set(GATE_WORDS)
    assert used <= set(spec["words"])
    assert set(spec["words"]) <= used, "word sets nobody reads"


def test_every_sub_event_type_has_a_rule(rules):
    assert {r.yields for r in rules.rules} == set(load_taxonomy())


def test_weak_only_cascade_names_rules(rules):
    ids = {r.id for r in rules.rules}
    assert rules.weak_only and all(r.id in ids for r in rules.weak_only)


@pytest.mark.parametrize("bad, message", [
    ({"when": ["no-such-condition"]}, "unknown condition"),
    ({"when": ["lemma:no_such_words"]}, "needs the word set"),
    ({"doer": "aliens"}, "unknown doer class"),
    ({"target": "the moon"}, "unknown target class"),
    ({"pick": "last"}, "pick must be"),
    ({"trigger": "@nowhere"}, "unknown trigger"),
])
def test_bad_rules_fail_with_a_clear_message(bad, message):
    rule = {"id": "t.one", "priority": 1, "yields": "Attack", "trigger": ["attack"], "why": "a test rule", **bad}
    with pytest.raises(ConfigError, match=message):
        compile_rules({"rule": [rule], "words": {}})


def test_repeated_ids_fail():
    rule = {"id": "t.one", "priority": 1, "yields": "Attack", "trigger": ["attack"], "why": "a test rule"}
    with pytest.raises(ConfigError, match="repeat"):
        compile_rules({"rule": [rule, {**rule, "priority": 2}]})


TEST_RULES = """
[[rule]]
id = "t.strike"
priority = 1
yields = "Air/drone strike"
trigger = ["air"]
unless = ["has:civilian"]
why = "a strike with no civilians named"

[[rule]]
id = "t.fallback"
priority = 2
yields = "Attack"
trigger = ["air"]
why = "anything else"
"""


@pytest.mark.slow
def test_forbidden_context_blocks_a_rule(nlp):
    from eventwire.detect.lexicon import cue_matcher
    from eventwire.detect.view import SentenceView

    rules = Rules.load(TEST_RULES)

    def first(text):
        doc = nlp(text)
        view = SentenceView(doc[:], cue_matcher()(doc))
        return next(iter(rules.cascade(view, True)), None)

    assert first("Air strikes hit the town on Monday.").rule == "t.strike"
    blocked = first("Air strikes killed five civilians in the town on Monday.")
    assert blocked.rule == "t.fallback" and blocked.sub_event_type == "Attack"


@pytest.mark.slow
@pytest.mark.parametrize("text, rule", [
    ("Gunmen shot dead six villagers in their homes in Plateau State on Sunday night.", "fight.attack"),
    ("Army units recaptured the town of Maarat from the rebels on Monday.", "territory.retaken-by-state"),
    ("Hundreds of teachers marched through Nairobi to demand higher pay.", "protest.peaceful"),
])
def test_mentions_carry_the_rule_that_fired(detect, text, rule):
    mentions = detect(text)
    assert mentions and mentions[0].rule == rule


class _Extractor:
    """One 'Armed clash' from rule x.clash in texts that say 'clash', one 'Attack' from x.attack else."""

    def pipe(self, docs, include_background=None):
        from eventwire.fuse import fuse
        from eventwire.records import DateSpan, Mention, Span

        for doc in docs:
            clash = "clash" in doc.raw_text
            span = Span(0, 5, doc.raw_text[:5])
            doc.mentions = [Mention(doc.id, "Battles" if clash else "Violence against civilians",
                                    "Armed clash" if clash else "Attack", span, span,
                                    date=DateSpan(doc.published, doc.published, 1),
                                    rule="x.clash" if clash else "x.attack")]
            yield doc, fuse(doc.mentions, {doc.id: doc})


def test_by_rule_hits_and_precision(tmp_path):
    from eventwire.evaluate import events

    clash = {"event_type": "Battles", "sub_event_type": "Armed clash", "native_type": "x",
             "date_start": "2016-01-01", "date_end": "2016-01-01"}
    rows = [{"id": str(i), "text": f"clash {i} in town", "published": "2016-01-01", "events": [clash]}
            for i in range(6)]
    rows += [{"id": f"a{i}", "text": f"quiet {i}", "published": "2016-01-01", "events": [], "non_event_label": "x"}
             for i in range(4)]
    path = tmp_path / "tiny.events.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = events.run_events_eval(path, settings=None, extractor=_Extractor(), by_rule=True)
    table = result["by_rule"]["all"]
    assert table["x.clash"] == {"hits": 6, "events": 6, "right": 6, "precision": 1.0}
    assert table["x.attack"] == {"hits": 4, "events": 4, "right": 0, "precision": 0.0}
    tune, check = result["by_rule"]["tune"], result["by_rule"]["check"]
    assert sum(h["events"] for h in tune.values()) + sum(h["events"] for h in check.values()) == 10
    lines = list(events.iter_table(result))
    assert any(line.strip().startswith("x.clash") for line in lines)


def test_score_by_rule_counts_an_event_on_a_non_event_record_as_wrong():
    from eventwire.evaluate.events import score_by_rule

    records = [{"id": "1", "text": "t", "events": []}]
    preds = {"1": [{"sub_event_type": "Attack"}]}
    table = score_by_rule(records, preds, {"1": (["r.one"], Counter({"r.one": 2}))})
    assert table == {"r.one": {"hits": 2, "events": 1, "right": 0, "precision": 0.0}}


def test_by_rule_refuses_other_formats(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    gold = tmp_path / "g.events.jsonl"
    gold.write_text(json.dumps({"id": "1", "text": "t", "events": []}) + "\n")
    result = CliRunner().invoke(main, ["eval", str(gold), "--by-rule", "--predictions", str(gold)])
    assert result.exit_code == 2 and "--by-rule" in result.output


def test_the_rule_round_trips_through_the_stored_mention_record():
    from eventwire.fuse import mention_from_dict, mention_to_dict
    from eventwire.records import Mention, Span

    span = Span(0, 5, "Clash")
    m = Mention("d", "Battles", "Armed clash", span, span, rule="fight.clash")
    stored = json.loads(json.dumps(mention_to_dict(m), default=str))
    assert mention_from_dict(stored).rule == "fight.clash"
    del stored["rule"]  # a record stored before mentions carried their rule
    assert mention_from_dict(stored).rule is None
