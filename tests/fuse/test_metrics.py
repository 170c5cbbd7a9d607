"""The pairwise merge scorer used by the fusion gate."""

from eventwire.fuse.metrics import pairwise


def test_perfect_merge_scores_one():
    gold = {"a": {"E1"}, "b": {"E1"}, "c": {"E2"}}
    assert pairwise(gold, {"a": {"x"}, "b": {"x"}, "c": {"y"}})["f1"] == 1.0


def test_over_merge_costs_precision_and_split_costs_recall():
    gold = {"a": {"E1"}, "b": {"E1"}, "c": {"E2"}}
    lumped = pairwise(gold, {"a": {"x"}, "b": {"x"}, "c": {"x"}})
    assert (lumped["precision"], lumped["recall"]) == (1 / 3, 1.0)
    split = pairwise(gold, {"a": {"x"}, "b": {"y"}, "c": {"z"}})
    assert (split["precision"], split["recall"]) == (1.0, 0.0)


def test_items_with_two_events_pair_with_both_and_missing_items_stand_alone():
    gold = {"a": {"E1", "E2"}, "b": {"E1"}, "c": {"E2"}}
    scores = pairwise(gold, {"a": {"x", "y"}, "b": {"x"}})
    assert scores["gold_pairs"] == 2 and scores["correct_pairs"] == 1 and scores["precision"] == 1.0
