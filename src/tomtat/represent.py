"""Represent: a cluster's sentences as vectors, per-sentence features and language flags.

The three jobs live apart (``SentenceVectors`` here, ``tomtat.sentence_features``,
``tomtat.language_flags``); ``Representation`` holds one of each for selection.

Vectors are TF-IDF over syllable unigrams (stopwords dropped) and syllable bigrams
(which stand in for two-syllable words), with IDF computed over the cluster's own
sentences and rows L2-normalised, as a scipy CSR matrix. We do not segment words on
this path: segmentation costs ~30-85 ms per cluster (docs/BACKGROUND.md) and moved ROUGE by at
most 0.2, while bigrams cost almost nothing.

Everything here is linear in the input, so a very long article stays fast: the text
is normalised in one call, syllables get integer ids in one dictionary pass, bigrams
are pairs of ids packed into integers and numbered by ``numpy.unique``, and the
weighting works on the CSR arrays. Methods that need sentence-by-sentence similarity
must restrict themselves to a bounded set of candidates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from functools import cached_property

import numpy as np
from scipy import sparse

from tomtat.language_flags import LanguageFlags, language_flags
from tomtat.model import CleanArticle, Sentence
from tomtat.sentence_features import SentenceFeatures, sentence_features
from tomtat.text.stopwords import stopwords
from tomtat.text.tokens import TokenRows, syllable_rows


@dataclass(frozen=True)
class SentenceVectors:
    """The cluster's sentences as vectors, rows indexed like its sentences.

    - ``tfidf``: (n, V) CSR, TF-IDF rows with unit length (zero rows for empty ones);
    - ``counts``: (n, V) CSR, raw gram counts (for concept-based methods);
    - ``bigram``: (V,) bool, whether a column is a syllable bigram;
    - ``function``: (V,) bool, whether a column is made of stopwords only;
    - ``centroid``: (V,) unit vector, mean of the rows;
    - ``entry_rows``: the row of each stored entry of ``tfidf`` and of ``counts`` (one
      pattern: weighting keeps every entry), for the features that walk the entries;
    - ``titles``: (m, V) CSR, one row per article title (built on first use: the
      default method does not read it);
    - ``grams`` / ``vocabulary``: the V column names ("syllable", "syllable_syllable").
    """

    tfidf: sparse.csr_matrix
    counts: sparse.csr_matrix
    bigram: np.ndarray
    function: np.ndarray
    centroid: np.ndarray
    entry_rows: np.ndarray
    columns: _Vocabulary = field(repr=False, compare=False)
    idf: np.ndarray = field(repr=False, compare=False)
    title_syllables: list[list[str]] = field(repr=False, compare=False)

    @cached_property
    def titles(self) -> sparse.csr_matrix:
        """(m, V) TF-IDF rows of the article titles, weighted by the sentences' IDF."""
        return _weight(self.columns.counts(self.title_syllables), self.idf)

    @cached_property
    def grams(self) -> tuple[str, ...]:
        """Name of each column: "syllable" or "syllable_syllable" (built on first use)."""
        return self.columns.names()

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        """Column of each gram name (built on first use: selection rarely needs it)."""
        return {g: k for k, g in enumerate(self.grams)}

    @cached_property
    def half_function(self) -> np.ndarray:
        """(V,) bool, whether a column is a bigram with exactly one stopword syllable
        ("của_nga", "cho_biết"): half content, half grammar (built on first use)."""
        vocab = self.columns
        half = np.zeros(len(self.bigram), dtype=bool)
        if len(vocab.pairs):
            half[vocab.size :] = vocab.stop[vocab.pairs // vocab.size] != vocab.stop[vocab.pairs % vocab.size]
        return half

    def similarity_to(self, i: int, others: Sequence[int]) -> np.ndarray:
        """Cosine similarity of sentence ``i`` to each of ``others``."""
        if not others:
            return np.zeros(0)
        result: np.ndarray = (self.tfidf[list(others)] @ self.tfidf[i].T).toarray().ravel()
        return result

    def similarities(self, rows: Sequence[int]) -> np.ndarray:
        """Dense (k, k) cosine similarities among ``rows`` (keep k bounded)."""
        sub = self.tfidf[list(rows)]
        result: np.ndarray = (sub @ sub.T).toarray()
        return result

    def similarity_matrix(self) -> np.ndarray:
        """Dense (n, n) cosine similarities: only for small clusters or candidate sets."""
        result: np.ndarray = (self.tfidf @ self.tfidf.T).toarray()
        return result


@dataclass(frozen=True)
class Representation:
    """What the represent stage knows about a cluster, by job: ``vectors`` (TF-IDF),
    ``features`` (length and place of each sentence) and ``flags`` (what a sentence's
    words say about how it may be used). Selection methods read all three; order and
    compose read only ``features``."""

    articles: tuple[CleanArticle, ...]
    sentences: tuple[Sentence, ...]
    vectors: SentenceVectors
    features: SentenceFeatures
    flags: LanguageFlags

    def __len__(self) -> int:
        return len(self.sentences)


def _tokens(texts: Sequence[str]) -> list[list[str]]:
    """Syllables of each text (exactly ``tokens.syllables``), normalised in one call."""
    return syllable_rows(texts)


def _canonical_counts(rows: np.ndarray, cols: np.ndarray, shape: tuple[int, int]) -> sparse.csr_matrix:
    """CSR of how often each (row, col) pair occurs, indices sorted within rows: the
    matrix ``csr_matrix((ones, (rows, cols))).sum_duplicates()`` builds, from one sort."""
    n, columns = shape
    keys = np.sort(rows * columns + cols)
    if keys.size:
        first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        data = np.diff(np.append(first, keys.size)).astype(np.float64)
        keys = keys[first]
    else:
        data = np.zeros(0)
    index = np.int32 if max(columns, keys.size) < np.iinfo(np.int32).max else np.int64
    # row r's keys are those in [r * columns, (r + 1) * columns): its start in the sorted keys
    indptr: np.ndarray[tuple[int], np.dtype[np.signedinteger]] = np.searchsorted(
        keys, np.arange(n + 1, dtype=np.int64) * columns
    ).astype(index)
    return sparse.csr_matrix((data, (keys % columns).astype(index), indptr), shape=shape)


class _Vocabulary:
    """Column ids: syllable ``k`` is column ``k`` (stopword syllables stay empty
    columns), bigram ``(a, b)`` is packed as ``a * size + b`` and numbered after them.

    Built from the sentences' tokens, whose ids and bigram columns it keeps so that
    ``sentence_counts`` does not look them up a second time."""

    def __init__(self, toks: list[list[str]], stop: frozenset[str]) -> None:
        flat = list(chain.from_iterable(toks))
        self.syllables = list(dict.fromkeys(flat))
        self.sid = dict(zip(self.syllables, range(len(self.syllables))))
        self.size = max(len(self.syllables), 1)
        self.stop = np.fromiter(map(stop.__contains__, self.syllables), dtype=bool, count=len(self.syllables))
        if not self.syllables:
            self.stop = np.zeros(1, dtype=bool)
        self._ids = np.fromiter(map(self.sid.__getitem__, flat), dtype=np.int64, count=len(flat))
        self._lengths = np.fromiter(map(len, toks), dtype=np.int64, count=len(toks))
        keys, self._key_rows = self._pairs(self._ids, self._lengths)
        self.pairs, self._slot = np.unique(keys, return_inverse=True)

    @property
    def columns(self) -> int:
        return self.size + len(self.pairs)

    def _pairs(self, ids: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Packed keys of adjacent syllables inside each row, and their row numbers."""
        row = np.repeat(np.arange(len(lengths)), lengths)
        if ids.size < 2:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        same = row[1:] == row[:-1]
        return ids[:-1][same] * self.size + ids[1:][same], row[1:][same]

    def _matrix(self, ids: np.ndarray, lengths: np.ndarray, key_rows: np.ndarray, slot: np.ndarray) -> sparse.csr_matrix:
        row = np.repeat(np.arange(len(lengths)), lengths)
        keep = ~self.stop[ids]
        rows = np.concatenate([row[keep], key_rows])
        cols = np.concatenate([ids[keep], self.size + slot])
        return _canonical_counts(rows, cols, (len(lengths), self.columns))

    def sentence_counts(self) -> sparse.csr_matrix:
        """(rows, columns) CSR of gram counts of the tokens the vocabulary was built from."""
        return self._matrix(self._ids, self._lengths, self._key_rows, self._slot)

    def counts(self, toks: list[list[str]]) -> sparse.csr_matrix:
        """(len(toks), columns) CSR of gram counts of other texts; unknown grams are dropped."""
        get = self.sid.get
        known = [[k for k in map(get, row) if k is not None] for row in toks]
        ids = np.fromiter(chain.from_iterable(known), dtype=np.int64)
        lengths = np.fromiter(map(len, known), dtype=np.int64, count=len(known))
        keys, key_rows = self._pairs(ids, lengths)
        slot = np.zeros(len(keys), dtype=np.int64)
        found = np.zeros(len(keys), dtype=bool)
        if len(self.pairs) and len(keys):
            slot = np.minimum(np.searchsorted(self.pairs, keys), len(self.pairs) - 1)
            found = self.pairs[slot] == keys
        return self._matrix(ids, lengths, key_rows[found], slot[found])

    def names(self) -> tuple[str, ...]:
        syl = self.syllables + [""] * (self.size - len(self.syllables))
        return tuple(syl) + tuple(f"{syl[k // self.size]}_{syl[k % self.size]}" for k in self.pairs.tolist())


def _entry_rows(counts: sparse.csr_matrix) -> np.ndarray:
    """The row of each stored entry of ``counts``."""
    result: np.ndarray = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
    return result


def _weight(counts: sparse.csr_matrix, idf: np.ndarray, rows: np.ndarray | None = None) -> sparse.csr_matrix:
    """Sublinear TF times IDF, rows scaled to unit length (empty rows stay empty).
    The result shares ``counts``' index arrays (neither is ever modified in place);
    ``rows``: ``_entry_rows(counts)`` when the caller has it."""
    data = (1.0 + np.log(counts.data)) * idf[counts.indices]
    rows = _entry_rows(counts) if rows is None else rows
    norms = np.sqrt(np.bincount(rows, weights=data**2, minlength=counts.shape[0]))
    data /= norms[rows]
    return sparse.csr_matrix((data, counts.indices, counts.indptr), shape=counts.shape)


def sentence_vectors(
    articles: Sequence[CleanArticle],
    sentences: Sequence[Sentence],
    tokens: TokenRows | None = None,
    title_tokens: TokenRows | None = None,
) -> SentenceVectors:
    """TF-IDF vectors of ``sentences`` and of ``articles``' titles. ``tokens`` and
    ``title_tokens`` are their tokens when the pipeline's tokenize stage has cut them
    (``tomtat.text.tokens.tokenize``); else they are cut here."""
    toks = _tokens([s.text for s in sentences]) if tokens is None else tokens.syllables
    vocab = _Vocabulary(toks, stopwords("function"))
    counts = vocab.sentence_counts()
    columns = vocab.columns
    df = np.bincount(counts.indices, minlength=columns)
    n = max(len(sentences), 1)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    rows = _entry_rows(counts)
    vectors = _weight(counts, idf, rows)
    # column sums in row order, as vectors.sum(axis=0) adds them, without its matrix product
    centroid = np.asarray(np.bincount(vectors.indices, weights=vectors.data, minlength=columns), dtype=np.float64)
    norm = np.linalg.norm(centroid)
    if norm > 0:
        centroid /= norm
    title_syllables = _tokens([a.title for a in articles]) if title_tokens is None else title_tokens.syllables
    bigram = np.zeros(columns, dtype=bool)
    bigram[vocab.size :] = True
    function = np.zeros(columns, dtype=bool)
    function[: len(vocab.stop)] = vocab.stop
    if len(vocab.pairs):
        function[vocab.size :] = vocab.stop[vocab.pairs // vocab.size] & vocab.stop[vocab.pairs % vocab.size]
    return SentenceVectors(
        tfidf=vectors, counts=counts, bigram=bigram, function=function, centroid=centroid, entry_rows=rows, columns=vocab, idf=idf,
        title_syllables=title_syllables,
    )


def represent(
    articles: Sequence[CleanArticle],
    sentences: Sequence[Sentence],
    tokens: TokenRows | None = None,
    title_tokens: TokenRows | None = None,
) -> Representation:
    """Vectors, features and language flags of ``sentences`` of ``articles`` (see
    :func:`sentence_vectors` for ``tokens`` and ``title_tokens``)."""
    return Representation(
        articles=tuple(articles),
        sentences=tuple(sentences),
        vectors=sentence_vectors(articles, sentences, tokens, title_tokens),
        features=sentence_features(articles, sentences, None if tokens is None else tokens.words),
        flags=language_flags(sentences),
    )
