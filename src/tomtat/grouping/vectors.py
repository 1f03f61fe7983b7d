"""Article vectors for story grouping: TF-IDF over syllable uni- and bigrams.

The same features as ``tomtat.represent`` gives columns to (unigrams without stopwords plus
adjacent bigrams), per article instead of per sentence; the title counts twice
because it names the event. Syllables arrive as integer ids (hashes of their text,
``tomtat.grouping.features``), so features are integer keys handled in numpy, never
strings: grouping stays fast on a day's stream. Features seen in only one article are
dropped (they cannot make two articles similar, only dilute the vectors). Rows are
L2-normalised, so a dot product is a cosine.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

TITLE_WEIGHT = 2
_MIX = np.uint64(0x9E3779B97F4A7C15)


def feature_counts(title: np.ndarray, title_stop: np.ndarray, text: np.ndarray, text_stop: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(feature keys, counts) of one article from its title and text syllable ids
    (int64, below 2**62) and their stopword flags.

    A unigram's key is its syllable id; a bigram's mixes the two ids into 63 bits."""
    keys, weights = [], []
    for ids, stop, weight in ((text, text_stop, 1), (title, title_stop, TITLE_WEIGHT)):
        if not len(ids):
            continue
        uni = ids[~stop]
        pairs = ids.astype(np.uint64)
        bi = (((pairs[:-1] * _MIX) ^ pairs[1:]) >> np.uint64(1)).astype(np.int64)
        grams = np.concatenate([uni, bi])
        keys.append(grams)
        weights.append(np.full(len(grams), weight, dtype=np.int64))
    if not keys:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    all_keys, all_weights = np.concatenate(keys), np.concatenate(weights)
    unique, inverse = np.unique(all_keys, return_inverse=True)
    return unique, np.bincount(inverse, weights=all_weights).astype(np.int64)


@dataclass(frozen=True, eq=False)
class Frequencies:
    """The document frequencies of a collection of articles: ``keys`` (ascending), the
    number of articles having each (``df``), and how many articles there are (``n``)."""

    keys: np.ndarray
    df: np.ndarray
    n: int

    @classmethod
    def of(cls, docs: Sequence[np.ndarray]) -> Frequencies:
        """The frequencies of articles given by their distinct feature keys."""
        if not docs:
            return cls(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), 0)
        keys, df = np.unique(np.concatenate(docs), return_counts=True)
        return cls(keys, df.astype(np.int64), len(docs))

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """The document frequency of each of ``keys`` (0 for a key never seen)."""
        if not len(self.keys):
            return np.zeros(len(keys), dtype=np.int64)
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[at] == keys, self.df[at], 0)


def tfidf_matrix(
    docs: Sequence[tuple[np.ndarray, np.ndarray]], background: Frequencies | None = None, counted: np.ndarray | None = None
) -> sparse.csr_matrix:
    """(n, V) CSR of sublinear-TF x smoothed-IDF rows with unit length, one per doc.

    ``background``: a larger collection the IDF (and "seen in one article only") counts
    too, so a few articles are weighed as that collection weighs them (the story store's
    grouping passes weigh by the news of late); ``counted[i]``: doc i is already among
    the background's articles (it is not counted twice)."""
    n = len(docs)
    if n == 0:
        return sparse.csr_matrix((0, 0))
    lengths = np.array([len(k) for k, _ in docs], dtype=np.int64)
    keys = np.concatenate([k for k, _ in docs]) if lengths.sum() else np.zeros(0, dtype=np.int64)
    counts = np.concatenate([c for _, c in docs]) if lengths.sum() else np.zeros(0, dtype=np.int64)
    vocabulary, column = np.unique(keys, return_inverse=True)
    rows = np.repeat(np.arange(n), lengths)
    if background is None:
        df, total = np.bincount(column, minlength=len(vocabulary)), n
    else:
        fresh = np.ones(n, dtype=bool) if counted is None else ~counted
        df = np.bincount(column[fresh[rows]], minlength=len(vocabulary)) + background.lookup(vocabulary)
        total = background.n + int(fresh.sum())
    keep_feature = df >= 2
    new_index = np.cumsum(keep_feature) - 1
    idf = np.log((1 + total) / (1 + df[keep_feature])) + 1.0
    keep = keep_feature[column]
    cols = new_index[column[keep]]
    values = (1.0 + np.log(counts[keep])) * idf[cols]
    matrix = sparse.csr_matrix((values, (rows[keep], cols)), shape=(n, int(keep_feature.sum())))
    return normalize_rows(matrix)


def normalize_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to unit L2 length (zero rows left as they are)."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
