"""What story grouping needs of one article, computed from that article alone.

``ArticleFeatures`` holds an article's feature counts (syllable unigrams without
stopwords and adjacent bigrams, the title counted twice: ``tomtat.grouping.vectors``)
and the MinHash signature of its syllable 4-shingles (``tomtat.grouping.duplicates``).
Syllables become 62-bit ids by a BLAKE2b hash of their text, so the same
article gives the same features in any run and beside any other articles: the story
store computes them once, when an article is stored, keeps them as bytes
(``to_bytes``), and grouping passes load those instead of tokenising stored text again;
``tomtat cluster`` computes the same features on the fly, so both group alike.
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from tomtat.grouping.duplicates import minhash_signature, shingle_hashes
from tomtat.grouping.vectors import feature_counts
from tomtat.model import Article
from tomtat.text.stopwords import stopwords
from tomtat.text.tokens import syllables

_HEADER = struct.Struct("<BII")
_FORMAT = 1  # bumped when the layout or the hashing changes; older bytes are recomputed


@dataclass(frozen=True, eq=False)
class ArticleFeatures:
    """``keys``/``counts``: the article's distinct feature keys (int64, ascending) and
    their weighted counts; ``signature``: MinHash hash values (uint32), empty for an
    article without syllables."""

    keys: np.ndarray
    counts: np.ndarray
    signature: np.ndarray

    def to_bytes(self) -> bytes:
        """A compact, versioned encoding (what the store keeps per article)."""
        header = _HEADER.pack(_FORMAT, len(self.keys), len(self.signature))
        return b"".join([
            header, self.keys.astype("<i8").tobytes(), self.counts.astype("<u4").tobytes(), self.signature.astype("<u4").tobytes(),
        ])

    @classmethod
    def from_bytes(cls, data: bytes) -> ArticleFeatures | None:
        """The features ``to_bytes`` wrote; None for bytes of another format version."""
        if len(data) < _HEADER.size:
            return None
        version, n, m = _HEADER.unpack_from(data)
        if version != _FORMAT or len(data) != _HEADER.size + 12 * n + 4 * m:
            return None
        at = _HEADER.size
        keys = np.frombuffer(data, dtype="<i8", count=n, offset=at).astype(np.int64)
        counts = np.frombuffer(data, dtype="<u4", count=n, offset=at + 8 * n).astype(np.int64)
        signature = np.frombuffer(data, dtype="<u4", count=m, offset=at + 12 * n).astype(np.uint32)
        return cls(keys, counts, signature)


class FeatureMaker:
    """Makes ``ArticleFeatures``; remembers each syllable's id, so a long stream hashes
    each distinct syllable once."""

    def __init__(self, num_perm: int = 64) -> None:
        self._stop = stopwords("function")
        self._known: dict[str, int] = {}
        self.num_perm = num_perm

    def _ids(self, tokens: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Syllable ids and stopword flags; the per-token lookups run in C (``map``
        over the dict's and the set's own methods), only unseen syllables in Python."""
        known = self._known
        for token in set(tokens).difference(known):
            known[token] = int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little") >> 2
        ids = np.fromiter(map(known.__getitem__, tokens), dtype=np.int64, count=len(tokens))
        stop = np.fromiter(map(self._stop.__contains__, tokens), dtype=bool, count=len(tokens))
        return ids, stop

    def __call__(self, article: Article) -> ArticleFeatures:
        title, title_stop = self._ids(syllables(article.title))
        text, text_stop = self._ids(syllables(article.text))
        keys, counts = feature_counts(title, title_stop, text, text_stop)
        signature = minhash_signature(shingle_hashes(np.concatenate([title, text])), self.num_perm)
        return ArticleFeatures(keys, counts, signature)
