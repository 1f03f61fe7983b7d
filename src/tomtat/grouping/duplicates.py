"""Near-duplicate articles (agency copy, re-posts) with MinHash LSH from datasketch.

Each article becomes the set of its syllable 4-shingles and their MinHash signature;
articles whose signatures agree on a whole LSH band are candidates, and each candidate
pair is confirmed on the estimated Jaccard similarity. Duplicates are merged (union-find)
into groups that story grouping keeps together whatever else happens.

Shingles are hashed from syllable ids combined in numpy (deterministic for a given
input, unlike Python's salted ``hash``, and far faster than hashing each shingle
string in Python); datasketch does the MinHash permutations and chooses the banding for
the threshold, and the bands are compared in numpy (or, in the story store, looked up by
``band_keys``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache
from typing import Literal

import numpy as np
from datasketch import MinHash, MinHashLSH


SHINGLE = 4
_SCHEME: Literal["affine32"] = "affine32"
_MULT = np.uint64(0x9E3779B1)
_MASK = np.uint64(0xFFFFFFFF)


def shingle_hashes(tokens: np.ndarray, size: int = SHINGLE) -> np.ndarray:
    """Distinct 32-bit hashes of the ``size``-token shingles of an array of token ids."""
    if not len(tokens):
        return np.zeros(0, dtype=np.uint64)
    base = (tokens.astype(np.uint64) * _MULT + _MULT) & _MASK
    if len(base) < size:
        return np.unique(base)
    combined = base[: len(base) - size + 1].copy()
    for k in range(1, size):
        combined = ((combined * _MULT) ^ base[k : len(base) - size + 1 + k]) & _MASK
    return np.unique(combined)


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


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The MinHash permutations (datasketch's default seed): the same in every run."""
    a, b = MinHash(num_perm=num_perm, scheme=_SCHEME).permutations
    return a, b


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer (wrapping uint32 arithmetic), the pre-mix of
    datasketch's "affine32" scheme."""
    values = values ^ (values >> np.uint32(16))
    values = values * np.uint32(0x85EBCA6B)
    values = values ^ (values >> np.uint32(13))
    values = values * np.uint32(0xC2B2AE35)
    return values ^ (values >> np.uint32(16))


def minhash_signature(shingles: np.ndarray, num_perm: int = 64) -> np.ndarray:
    """MinHash hash values (uint32) of a set of shingle hashes; empty for an empty set.

    Exactly what datasketch's ``MinHash(scheme="affine32").update_batch`` computes with
    the same permutations (tests/grouping/test_duplicates.py checks it), without
    its per-value Python loop: min over shingles of ``a * fmix32(h) + b`` mod 2**32."""
    if not len(shingles):
        return np.zeros(0, dtype=np.uint32)
    a, b = _permutations(num_perm)
    mixed = _fmix32(shingles.astype(np.uint32))
    with np.errstate(over="ignore"):
            return (mixed[:, None] * a + b).min(axis=0)


@cache
def _bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) datasketch's LSH index uses for this threshold and size."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(signature: np.ndarray, threshold: float = 0.7) -> list[int]:
    """One signed 64-bit key per LSH band of a signature (empty for an empty one): two
    articles are near-duplicate candidates exactly when ``near_duplicates``' index puts
    them in one bucket, that is when they share a key. A store keeps these keys, so it
    finds the candidates of a new article among all it holds with one indexed lookup."""
    if not len(signature):
        return []
    bands, rows = _bands(threshold, len(signature))
    values = signature.astype("<u4")
    return [
        int.from_bytes(hashlib.blake2b(bytes([band]) + values[band * rows : (band + 1) * rows].tobytes(), digest_size=8).digest(), "little", signed=True)
        for band in range(bands)
    ]


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity two MinHash signatures estimate (0 when their sizes differ,
    as for an empty one)."""
    return float(np.mean(a == b)) if len(a) == len(b) and len(a) else 0.0


def near_duplicates(signatures: Sequence[np.ndarray], threshold: float = 0.7) -> UnionFind:
    """Union-find over the articles whose MinHash signatures (``minhash_signature``,
    all of one length) are given, where near-duplicates (estimated Jaccard >=
    ``threshold``) share a set; articles with an empty signature join nothing.

    Candidates are the pairs that agree on every value of some LSH band (datasketch's
    banding for this threshold and size, as ``band_keys``), each confirmed on the
    estimated Jaccard similarity; the bands are compared in numpy, not one index query
    per article."""
    groups = UnionFind(len(signatures))
    present = [i for i, s in enumerate(signatures) if len(s)]
    if len(present) < 2:
        return groups
    matrix = np.stack([signatures[i] for i in present]).astype(np.uint32)
    bands, rows = _bands(threshold, matrix.shape[1])
    for band in range(bands):
        block = np.ascontiguousarray(matrix[:, band * rows : (band + 1) * rows])
        _, bucket = np.unique(block.view(np.dtype((np.void, block.dtype.itemsize * rows))).ravel(), return_inverse=True)
        order = np.argsort(bucket, kind="stable")
        order = order[np.bincount(bucket)[bucket[order]] > 1]  # a bucket of one holds no pair
        for members in np.split(order, np.flatnonzero(np.diff(bucket[order])) + 1) if len(order) else []:
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    i, j = int(members[a]), int(members[b])
                    if groups.find(present[i]) != groups.find(present[j]) and estimated_jaccard(matrix[i], matrix[j]) >= threshold:
                        groups.union(present[i], present[j])
    return groups
