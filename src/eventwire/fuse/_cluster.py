"""Greedy, order-independent grouping of mentions into events, with blocking.

Mentions are visited in a fixed order (news before background, strongest
first, then by id), so the same evidence always gives the same events. Each
mention is scored only against events that share a blocking key with it
(see ``_blocks``) and joins the best one that reaches ``min_score``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from eventwire.config import FuseSettings
from eventwire.fuse._blocks import lookup_keys, register_keys
from eventwire.fuse._item import Item, profile
from eventwire.fuse._score import score


def _document_keys(item: Item) -> list[str]:
    """Mentions of one article are always compared (in memory only; the store groups an article first)."""
    return [f"d:{doc}" for doc in sorted(item.docs)]


def visit_order(items: Sequence[Item], ids: Sequence[str]) -> list[int]:
    return sorted(range(len(items)), key=lambda i: ([-s for s in items[i].strength], ids[i]))


class Clusters:
    """Groups of item indexes with their profiles and a blocking index."""

    def __init__(self, settings: FuseSettings) -> None:
        self.settings = settings
        self.members: list[list[int]] = []
        self.profiles: list[Item] = []
        self.index: dict[str, set[int]] = defaultdict(set)

    def candidates(self, item: Item) -> list[int]:
        found: set[int] = set()
        for key in [*lookup_keys(item), *_document_keys(item)]:
            found |= self.index.get(key, set())
        return sorted(found)

    def best(self, item: Item) -> int | None:
        scored = [(score(item, self.profiles[c], self.settings), c) for c in self.candidates(item)]
        good = [(s, -c) for s, c in scored if s is not None and s >= self.settings.min_score]
        return -max(good)[1] if good else None

    def add(self, index: int, items: Sequence[Item]) -> None:
        target = self.best(items[index])
        if target is None:
            target = len(self.members)
            self.members.append([])
            self.profiles.append(items[index])
        self.members[target].append(index)
        self.profiles[target] = profile([items[i] for i in self.members[target]])
        profile_ = self.profiles[target]
        for key in [*register_keys(profile_, self.settings.max_days, self.settings.max_km),
                    *_document_keys(profile_)]:
            self.index[key].add(target)


def cluster(items: Sequence[Item], ids: Sequence[str], settings: FuseSettings) -> list[list[int]]:
    """Indexes of ``items`` grouped into events."""
    groups = Clusters(settings)
    for i in visit_order(items, ids):
        groups.add(i, items)
    return [sorted(m) for m in groups.members]
