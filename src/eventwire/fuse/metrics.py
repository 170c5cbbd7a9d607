"""Pairwise precision and recall of a merge (how fusion is scored).

A pair of items (mentions or documents) is *gold-positive* when they report
the same real-world event and *predicted-positive* when fusion put them in one
event. Precision = correct predicted pairs / predicted pairs; recall = correct
predicted pairs / gold pairs. Items may carry several labels (an article
reporting two events): a pair counts when the label sets intersect.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import combinations


def _pairs(labels: Mapping[str, frozenset[str] | set[str]]) -> set[tuple[str, str]]:
    keys = sorted(labels)
    return {(a, b) for a, b in combinations(keys, 2) if set(labels[a]) & set(labels[b])}


def pairwise(gold: Mapping[str, set[str]], predicted: Mapping[str, set[str]]) -> dict[str, float]:
    """Pairwise precision, recall and F1 over the items present in ``gold``."""
    pred = {k: set(predicted.get(k, set())) or {f"__alone__{k}"} for k in gold}
    gold_pairs, pred_pairs = _pairs(gold), _pairs(pred)
    hit = len(gold_pairs & pred_pairs)
    precision = hit / len(pred_pairs) if pred_pairs else 1.0
    recall = hit / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "gold_pairs": len(gold_pairs),
            "predicted_pairs": len(pred_pairs), "correct_pairs": hit}
