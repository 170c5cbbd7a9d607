"""Near-duplicate documents (the same wire story on many sites) via MinHash LSH.

Signatures are MinHashes over word 5-shingles of the clean text
(``settings.clean.num_perm`` permutations); two documents are near-duplicates
when their estimated Jaccard similarity reaches
``settings.clean.near_duplicate_threshold``. A new document is linked to the
earliest-stored member of its group (``near_duplicate_of``); nothing is dropped.
Signatures are kept in the store (``document_signatures``) so later runs link
against what is already stored.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

from eventwire.config import Settings

_WORD = re.compile(r"\w+")
_SHINGLE = 5
# LSH banding tuned against false negatives: candidates are verified by their estimated
# Jaccard similarity, so a false positive only costs one comparison.
_WEIGHTS = (0.05, 0.95)
_SCHEME = "affine32"  # datasketch hashing scheme; stored signatures depend on it


class NearDuplicates:
    """An in-memory LSH index of the originals' signatures, in the order they were stored."""

    def __init__(self, settings: Settings) -> None:
        self.num_perm = settings.clean.num_perm
        self.threshold = settings.clean.near_duplicate_threshold
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm, weights=_WEIGHTS)
        self._sigs: dict[str, MinHash] = {}
        self._rank: dict[str, int] = {}
        self._empty = MinHash(num_perm=self.num_perm, scheme=_SCHEME)  # permutations made once

    def __len__(self) -> int:
        return len(self._sigs)

    def signature(self, text: str) -> np.ndarray | None:
        """uint32 MinHash values of ``text``; None when it has fewer than 5 words."""
        words = _WORD.findall(text.lower())
        if len(words) < _SHINGLE:
            return None
        minhash = self._empty.copy()
        minhash.update_batch({" ".join(words[i:i + _SHINGLE]).encode() for i in range(len(words) - _SHINGLE + 1)})
        return minhash.hashvalues.astype(np.uint32)

    def _minhash(self, values: np.ndarray) -> MinHash:
        return MinHash(num_perm=self.num_perm, hashvalues=values, permutations=self._empty.permutations,
                       scheme=_SCHEME)

    def find(self, values: np.ndarray | None) -> str | None:
        """The original (earliest stored) document this signature nearly duplicates, if any."""
        if values is None or not self._sigs:
            return None
        minhash = self._minhash(values)
        hits = [k for k in self.lsh.query(minhash) if self._sigs[k].jaccard(minhash) >= self.threshold]
        if not hits:
            return None
        return min(hits, key=self._rank.__getitem__)

    def add(self, document_id: str, values: np.ndarray | None, near_duplicate_of: str | None = None) -> None:
        """Index a stored original; a near-duplicate (``near_duplicate_of`` set) is not indexed itself."""
        if values is None or len(values) != self.num_perm:
            return
        self.remove(document_id)
        if near_duplicate_of:  # only originals are indexed: copies link to them, and buckets stay small
            return
        minhash = self._minhash(values)
        self.lsh.insert(document_id, minhash, check_duplication=False)
        self._sigs[document_id] = minhash
        self._rank[document_id] = len(self._rank)

    def remove(self, document_id: str) -> None:
        if document_id in self._sigs:
            self.lsh.remove(document_id)
            del self._sigs[document_id]


def to_blob(values: np.ndarray) -> bytes:
    return values.astype("<u4").tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)
