"""Represent: turn a cluster's sentences into vectors and simple features.

Vectors are TF-IDF over syllable unigrams (stopwords dropped) and syllable bigrams
(which stand in for two-syllable words), with IDF computed over the cluster's own
sentences and rows L2-normalised, as a scipy CSR matrix. We do not segment words on
this path: segmentation costs ~30-85 ms per cluster (FACTS.md) and moved ROUGE by at
most 0.2, while bigrams cost almost nothing. Everything here is linear in the input,
so a very long article stays fast.
"""

from __future__ import annotations

import math
from collections import Counter
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
    """Unigrams without stopwords plus all adjacent-syllable bigrams."""
    syl = syllables(text)
    grams = [s for s in syl if s not in stop]
    grams.extend(f"{a}_{b}" for a, b in zip(syl, syl[1:]))
    return grams


@dataclass(frozen=True)
class Representation:
    """Everything selection methods need about a cluster, indexed like ``sentences``.

    - ``vectors``: (n, V) CSR, TF-IDF rows with unit length (zero rows for empty ones);
    - ``centroid``: (V,) unit vector, mean of the rows;
    - ``title_vectors``: (m, V) CSR, one row per article title;
    - ``words``: whitespace word count of each sentence;
    - ``article``: ordinal of each sentence's article in ``articles``;
    - ``position``: index of the sentence among its article's non-heading sentences;
    - ``events``: optional sub-event id of each sentence (``-1`` for none), set by the
      pipeline from ``tomtat.story``; when present, ``select.base.fill`` makes sure each
      main event's best sentence is considered first (see ARCHITECTURE.md, "Story").
    """

    articles: tuple[CleanArticle, ...]
    sentences: tuple[Sentence, ...]
    vocabulary: dict[str, int]
    vectors: sparse.csr_matrix
    centroid: np.ndarray
    title_vectors: sparse.csr_matrix
    words: np.ndarray
    article: np.ndarray
    position: np.ndarray
    events: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.sentences)

    def similarity_to(self, i: int, others: Sequence[int]) -> np.ndarray:
        """Cosine similarity of sentence ``i`` to each of ``others``."""
        if not others:
            return np.zeros(0)
        return (self.vectors[list(others)] @ self.vectors[i].T).toarray().ravel()

    def similarity_matrix(self) -> np.ndarray:
        """Dense (n, n) cosine similarities: for methods that need the whole graph."""
        return (self.vectors @ self.vectors.T).toarray()


def _tfidf(docs: list[list[str]], vocabulary: dict[str, int], idf: np.ndarray) -> sparse.csr_matrix:
    rows, cols, vals = [], [], []
    for r, grams in enumerate(docs):
        counts = Counter(g for g in grams if g in vocabulary)
        if not counts:
            continue
        weights = {vocabulary[g]: (1.0 + math.log(c)) * idf[vocabulary[g]] for g, c in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        for c, w in weights.items():
            rows.append(r)
            cols.append(c)
            vals.append(w / norm)
    return sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(vocabulary)))


def represent(articles: Sequence[CleanArticle], sentences: Sequence[Sentence]) -> Representation:
    """Vectors and position features for ``sentences`` of ``articles``."""
    stop = stopwords()
    docs = [features(s.text, stop) for s in sentences]
    df: Counter[str] = Counter()
    for grams in docs:
        df.update(set(grams))
    vocabulary = {g: i for i, g in enumerate(sorted(df))}
    n = max(len(docs), 1)
    idf = np.array([math.log((n + 1) / (df[g] + 1)) + 1.0 for g in sorted(df)])
    vectors = _tfidf(docs, vocabulary, idf)
    centroid = np.asarray(vectors.sum(axis=0)).ravel()
    norm = np.linalg.norm(centroid)
    if norm > 0:
        centroid /= norm
    titles = _tfidf([features(a.title, stop) for a in articles], vocabulary, idf)

    ordinal = {a.id: i for i, a in enumerate(articles)}
    position = np.zeros(len(sentences), dtype=int)
    seen: Counter[str] = Counter()
    for i, s in enumerate(sentences):
        position[i] = seen[s.article_id]
        if not s.heading:
            seen[s.article_id] += 1
    return Representation(
        articles=tuple(articles),
        sentences=tuple(sentences),
        vocabulary=vocabulary,
        vectors=vectors,
        centroid=centroid,
        title_vectors=titles,
        words=np.array([word_count(s.text) for s in sentences], dtype=int),
        article=np.array([ordinal[s.article_id] for s in sentences], dtype=int),
        position=position,
    )
