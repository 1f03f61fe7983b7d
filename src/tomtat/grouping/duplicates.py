"""Near-duplicate articles (agency copy, re-posts) with MinHash LSH from datasketch.

Each article becomes the set of its syllable 4-shingles; MinHash signatures go into an
LSH index that returns candidates above a Jaccard threshold, and each candidate pair
is confirmed on the estimated Jaccard similarity. Duplicates are merged (union-find)
into groups that story grouping keeps together whatever else happens.

Shingles are hashed from syllable ids combined in numpy (deterministic for a given
input, unlike Python's salted ``hash``, and far faster than hashing each shingle
string in Python); datasketch does the MinHash permutations and the LSH banding.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH


SHINGLE = 4
_MULT = np.uint64(0x9E3779B1)
_MASK = np.uint64(0xFFFFFFFF)


def shingle_hashes(tokens: Sequence[int], size: int = SHINGLE) -> np.ndarray:
    """Distinct 32-bit hashes of the ``size``-token shingles of a list of token ids."""
    if not tokens:
        return np.zeros(0, dtype=np.uint64)
    base = (np.asarray(tokens, dtype=np.uint64) * _MULT + _MULT) & _MASK
    if len(base) < size:
        return np.unique(base)
    combined = base[: len(base) - size + 1].copy()
    for k in range(1, size):
        combined = ((combined * _MULT) ^ base[k : len(base) - size + 1 + k]) & _MASK
    return np.unique(combined)


class TokenIds:
    """Syllable -> small integer, shared by all articles of one run (deterministic
    for a given input, unlike Python's salted ``hash``); remembers which ids are
    stopwords (``is_stop``) for the vectors."""

    def __init__(self, stop: frozenset[str]) -> None:
        self._ids: dict[str, int] = {}
        self._stop = stop
        self._flags: list[bool] = []

    def __call__(self, tokens: Sequence[str]) -> list[int]:
        ids, out = self._ids, []
        for token in tokens:
            i = ids.get(token)
            if i is None:
                i = ids[token] = len(self._flags)
                self._flags.append(token in self._stop)
            out.append(i)
        return out

    def is_stop(self) -> np.ndarray:
        """Boolean array: is syllable id i a stopword."""
        return np.array(self._flags, dtype=bool)


def _identity(value: int) -> int:
    return value


class UnionFind:
    """Disjoint sets over 0..n-1; ``root`` of a set is its smallest member."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def near_duplicates(shingles: Sequence[np.ndarray], threshold: float = 0.7, num_perm: int = 64) -> UnionFind:
    """Union-find over the articles whose shingle-hash sets are given, where
    near-duplicates (estimated Jaccard >= ``threshold``) share a set."""
    groups = UnionFind(len(shingles))
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    permutations = MinHash(num_perm=num_perm).permutations  # drawn once, shared by all
    signatures = []
    for i, hashes in enumerate(shingles):
        signature = MinHash(num_perm=num_perm, hashfunc=_identity, permutations=permutations, scheme="affine32")
        if len(hashes):
            signature.update_batch(hashes.tolist())
        signatures.append(signature)
        if not len(hashes):
            continue
        for j in lsh.query(signature):
            if signature.jaccard(signatures[j]) >= threshold:
                groups.union(i, j)
        lsh.insert(i, signature)
    return groups
