"""Represent: turn a cluster's sentences into vectors and simple features.

Vectors are TF-IDF over syllable unigrams (stopwords dropped) and syllable bigrams
(which stand in for two-syllable words), with IDF computed over the cluster's own
sentences and rows L2-normalised, as a scipy CSR matrix. We do not segment words on
this path: segmentation costs ~30-85 ms per cluster (FACTS.md) and moved ROUGE by at
most 0.2, while bigrams cost almost nothing.

Everything here is linear in the input, so a very long article stays fast: one pass
maps grams to column ids, and the weighting is done by numpy on the CSR arrays (no
per-sentence Python dictionaries). Methods that need sentence-by-sentence similarity
must restrict themselves to a bounded set of candidates (see ``Representation.top``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from scipy import sparse

from tomtat.data import read_lines
from tomtat.model import CleanArticle, Sentence
from tomtat.text.tokens import syllables, word_count


@cache
def stopwords() -> frozenset[str]:
    """Vietnamese function syllables shipped in ``tomtat/data/stopwords_vi.txt``."""
    return frozenset(read_lines("stopwords_vi.txt"))


def features(text: str, stop: frozenset[str]) -> list[str]:
    """Unigrams without stopwords plus all adjacent-syllable bigrams ("a_b")."""
    syl = syllables(text)
    grams = [s for s in syl if s not in stop]
    grams.extend(f"{a}_{b}" for a, b in zip(syl, syl[1:]))
    return grams


@dataclass(frozen=True)
class Representation:
    """Everything selection methods need about a cluster, indexed like ``sentences``.

    - ``vectors``: (n, V) CSR, TF-IDF rows with unit length (zero rows for empty ones);
    - ``counts``: (n, V) CSR, raw gram counts (for concept-based methods);
    - ``bigram``: (V,) bool, whether a column is a syllable bigram;
    - ``centroid``: (V,) unit vector, mean of the rows;
    - ``title_vectors``: (m, V) CSR, one row per article title;
    - ``words``: whitespace word count of each sentence;
    - ``article``: ordinal of each sentence's article in ``articles``;
    - ``position``: index of the sentence among its article's non-heading sentences;
    - ``article_sentences``: (m,) number of non-heading sentences in each article.
    """

    articles: tuple[CleanArticle, ...]
    sentences: tuple[Sentence, ...]
    vocabulary: dict[str, int]
    vectors: sparse.csr_matrix
    counts: sparse.csr_matrix
    bigram: np.ndarray
    centroid: np.ndarray
    title_vectors: sparse.csr_matrix
    words: np.ndarray
    article: np.ndarray
    position: np.ndarray
    article_sentences: np.ndarray

    def __len__(self) -> int:
        return len(self.sentences)

    @property
    def relative_position(self) -> np.ndarray:
        """Position of each sentence inside its article, in [0, 1): 0 for the lead."""
        total = np.maximum(self.article_sentences[self.article], 1) if len(self) else np.zeros(0)
        return self.position / total

    def similarity_to(self, i: int, others: Sequence[int]) -> np.ndarray:
        """Cosine similarity of sentence ``i`` to each of ``others``."""
        if not others:
            return np.zeros(0)
        return (self.vectors[list(others)] @ self.vectors[i].T).toarray().ravel()

    def similarities(self, rows: Sequence[int]) -> np.ndarray:
        """Dense (k, k) cosine similarities among ``rows`` (keep k bounded)."""
        sub = self.vectors[list(rows)]
        return (sub @ sub.T).toarray()

    def similarity_matrix(self) -> np.ndarray:
        """Dense (n, n) cosine similarities: only for small clusters or candidate sets."""
        return (self.vectors @ self.vectors.T).toarray()


def _rows(texts: Sequence[str], ids: dict[str, int], stop: frozenset[str], grow: bool) -> sparse.csr_matrix:
    """Raw gram counts of ``texts`` as CSR; new grams get ids only when ``grow``."""
    indices: list[int] = []
    indptr = [0]
    for text in texts:
        syl = syllables(text)
        grams = [s for s in syl if s not in stop]
        grams += [a + "_" + b for a, b in zip(syl, syl[1:])]
        if grow:
            setdefault = ids.setdefault
            indices += [setdefault(g, len(ids)) for g in grams]
        else:
            get = ids.get
            indices += [k for k in (get(g) for g in grams) if k is not None]
        indptr.append(len(indices))
    n = len(texts)
    data = np.ones(len(indices), dtype=np.float64)
    m = sparse.csr_matrix(
        (data, np.asarray(indices, dtype=np.int32), np.asarray(indptr, dtype=np.int32)), shape=(n, len(ids))
    )
    m.sum_duplicates()
    return m


def _weight(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear TF times IDF, rows scaled to unit length (empty rows stay empty)."""
    out = counts.copy()
    out.data = (1.0 + np.log(out.data)) * idf[out.indices]
    lengths = np.diff(out.indptr)
    rows = np.repeat(np.arange(out.shape[0]), lengths)
    norms = np.sqrt(np.bincount(rows, weights=out.data**2, minlength=out.shape[0]))
    out.data /= norms[rows]
    return out


def represent(articles: Sequence[CleanArticle], sentences: Sequence[Sentence]) -> Representation:
    """Vectors and position features for ``sentences`` of ``articles``."""
    stop = stopwords()
    ids: dict[str, int] = {}
    counts = _rows([s.text for s in sentences], ids, stop, grow=True)
    vocab = len(ids)
    df = np.bincount(counts.indices, minlength=vocab)
    n = max(len(sentences), 1)
    idf = np.log((n + 1) / (df + 1)) + 1.0
    vectors = _weight(counts, idf)
    centroid = np.asarray(vectors.sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if norm > 0:
        centroid /= norm
    titles = _weight(_rows([a.title for a in articles], ids, stop, grow=False), idf)
    bigram = np.zeros(vocab, dtype=bool)
    if vocab:
        bigram[[k for g, k in ids.items() if "_" in g]] = True

    ordinal = {a.id: i for i, a in enumerate(articles)}
    article = np.array([ordinal[s.article_id] for s in sentences], dtype=int)
    heading = np.array([s.heading for s in sentences], dtype=bool)
    position = np.zeros(len(sentences), dtype=int)
    seen = [0] * len(articles)
    for i, j in enumerate(article.tolist()):
        position[i] = seen[j]
        if not heading[i]:
            seen[j] += 1
    return Representation(
        articles=tuple(articles),
        sentences=tuple(sentences),
        vocabulary=ids,
        vectors=vectors,
        counts=counts,
        bigram=bigram,
        centroid=centroid,
        title_vectors=titles,
        words=np.array([word_count(s.text) for s in sentences], dtype=int),
        article=article,
        position=position,
        article_sentences=np.array(seen, dtype=int),
    )
