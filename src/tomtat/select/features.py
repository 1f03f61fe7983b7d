"""Sentence features shared by the scoring methods (centroid, learned).

Every feature is relative, never "article number 1": file order differs between
corpora, and on ViMs the first file is an annotation artefact (docs/BACKGROUND.md, "ViMs"). Every
feature costs linear time in the number of sentences (one sparse product against a
handful of centroids), so a very long input stays fast.
"""

from __future__ import annotations

import re

import numpy as np

from tomtat.represent import Representation

# Names in the order of the columns of ``matrix``; the learned model's file lists
# the names it was trained with, and loading checks they match.
NAMES: tuple[str, ...] = (
    "centrality",
    "agreement",
    "agreement_max",
    "support",
    "title_max",
    "title_own",
    "lead",
    "inverse_position",
    "relative_position",
    "log_words",
    "numbers",
    "capitals",
    "quote",
    "article_centrality",
    "article_share",
    "bigram_spread",
    "unigram_spread",
    "bigram_coverage",
)

_NUMBER = re.compile(r"\d")
_CAPITAL = re.compile(r"(?<=\s)[A-ZĐÀ-Ỹ]")
_QUOTE = re.compile(r"[\"“”]")


def article_centroids(rep: Representation) -> np.ndarray:
    """(m, V) unit centroid of each article's sentence vectors (zero rows for empty)."""
    m, vocab = len(rep.articles), rep.vectors.tfidf.shape[1]
    v = rep.vectors.tfidf
    # Each article's sum of its sentence rows, added in sentence order (as the sparse
    # product "membership @ vectors" adds them), in one bincount over the entries.
    cells = rep.features.article[rep.vectors.entry_rows].astype(np.int64) * vocab + v.indices
    sums = np.bincount(cells, weights=v.data, minlength=m * vocab).reshape(m, vocab)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return np.divide(sums, norms, out=np.zeros_like(sums), where=norms > 0)


def agreement(rep: Representation, centroids: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Mean and max similarity of each sentence to the centroids of the *other*
    articles: how much the rest of the cluster says the same thing."""
    m = len(rep.articles)
    if m < 2 or not len(rep):
        return np.zeros(len(rep)), np.zeros(len(rep))
    if centroids is None:
        centroids = article_centroids(rep)
    sims = np.asarray(rep.vectors.tfidf @ centroids.T)
    rows = np.arange(len(rep))
    own = sims[rows, rep.features.article]
    mean = (sims.sum(axis=1) - own) / (m - 1)
    sims[rows, rep.features.article] = -np.inf
    return mean, sims.max(axis=1)


def title_similarity(rep: Representation) -> tuple[np.ndarray, np.ndarray]:
    """Max similarity of each sentence to any title, and to its own article's title."""
    if not rep.vectors.titles.shape[0] or not len(rep):
        return np.zeros(len(rep)), np.zeros(len(rep))
    sims = (rep.vectors.tfidf @ rep.vectors.titles.T).toarray()
    return sims.max(axis=1), sims[np.arange(len(rep)), rep.features.article]


def gram_spread(rep: Representation) -> np.ndarray:
    """(V,) share of the cluster's articles in which each gram occurs."""
    c = rep.vectors.counts
    m, vocab = len(rep.articles), c.shape[1]
    seen = np.zeros(m * vocab, dtype=bool)  # (article, gram) pairs, as large as article_centroids
    seen[rep.features.article[rep.vectors.entry_rows].astype(np.int64) * vocab + c.indices] = True
    return np.count_nonzero(seen.reshape(m, vocab), axis=0) / max(m, 1)


def bigram_spread_density(rep: Representation, spread: np.ndarray) -> np.ndarray:
    """Mean spread of each sentence's bigrams (0 for a sentence without any)."""
    c = rep.vectors.counts
    rows = rep.vectors.entry_rows
    big = rep.vectors.bigram[c.indices]
    # Only bigram entries: the others weigh 0 and would add nothing to any sum.
    sb = np.bincount(rows[big], weights=spread[c.indices[big]], minlength=c.shape[0])
    result: np.ndarray = sb / np.maximum(np.bincount(rows[big], minlength=c.shape[0]), 1)
    return result


def spread_density(rep: Representation, spread: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean spread of each sentence's bigrams and unigrams, and the summed spread of
    bigrams seen in at least two articles (content the cluster repeats)."""
    c = rep.vectors.counts
    rows = rep.vectors.entry_rows
    big = rep.vectors.bigram[c.indices]
    w = spread[c.indices]
    n = c.shape[0]
    nu = np.bincount(rows, weights=~big, minlength=n)
    su = np.bincount(rows, weights=w * ~big, minlength=n)
    shared = np.bincount(rows, weights=w * big * (w * len(rep.articles) >= 2), minlength=n)
    return bigram_spread_density(rep, spread), su / np.maximum(nu, 1), shared


def matrix(rep: Representation) -> np.ndarray:
    """(n, len(NAMES)) feature matrix for the sentences of ``rep``."""
    n = len(rep)
    if n == 0:
        return np.zeros((0, len(NAMES)))
    centroids = article_centroids(rep)
    mean_agree, max_agree = agreement(rep, centroids)
    m = len(rep.articles)
    support = (np.asarray(rep.vectors.tfidf @ centroids.T) > 0.2).sum(axis=1) / max(m, 1)
    title_max, title_own = title_similarity(rep)
    texts = [s.text for s in rep.sentences]
    words = np.maximum(rep.features.words, 1)
    numbers = np.array([len(_NUMBER.findall(t)) for t in texts]) / words
    capitals = np.array([len(_CAPITAL.findall(t)) for t in texts]) / words
    quote = np.array([bool(_QUOTE.search(t)) for t in texts], dtype=float)
    article_centrality = centroids @ rep.vectors.centroid
    sizes = np.bincount(rep.features.article, weights=rep.features.words, minlength=m)
    share = sizes / max(sizes.max(), 1)
    return np.column_stack(
        [
            rep.vectors.tfidf @ rep.vectors.centroid,
            mean_agree,
            max_agree,
            support,
            title_max,
            title_own,
            (rep.features.position == 0).astype(float),
            1.0 / np.sqrt(1.0 + rep.features.position),
            rep.features.relative_position,
            np.log(words),
            np.minimum(numbers, 1.0),
            np.minimum(capitals, 1.0),
            quote,
            article_centrality[rep.features.article],
            share[rep.features.article],
            *spread_density(rep, gram_spread(rep)),
        ]
    )
